"""Mint new identifiers of every kind, unique across the region, into the registry."""

from __future__ import annotations

import random
from collections.abc import Callable

from counterscam import reference
from counterscam.reference import Bank, EwalletProvider
from counterscam.synth import crypto, phones
from counterscam.synth.registry import BankSpec, Registry, WalletSpec

WORDS = (
    "bit okx coin meta trade fx gold invest capital asset wealth vip pro global smart alpha "
    "prime royal star lucky crown apex nova zen jade pearl lotus tiger dragon phoenix "
    "task earn job daily cash loan kredit pinjam dana parcel post express customs court secure "
    "verify login account mall shop deal promo bonus reward claim track refund help"
).split()
TLDS = (
    "com",
    "net",
    "vip",
    "top",
    "xyz",
    "cc",
    "shop",
    "online",
    "site",
    "app",
    "live",
    "club",
    "info",
    "asia",
    "io",
    "co",
)
WEBMAIL = ("gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "proton.me")
PATHS = (
    "/login",
    "/register",
    "/invite",
    "/app",
    "/m/index",
    "/task",
    "/download",
    "/track",
    "/claim",
    "/verify",
    "/user/deposit",
    "/#/home",
    "",
)
PERSONAS = (
    "anna",
    "lily",
    "jessica",
    "mentor",
    "teacher",
    "cs",
    "support",
    "admin",
    "agent",
    "lisa",
    "kevin",
    "david",
    "vivian",
    "coco",
    "amy",
    "ken",
    "hr",
    "recruit",
    "manager",
    "service",
)


class Factory:
    """Draws fresh identifiers; every draw is registered with its owner and category."""

    def __init__(self, rng: random.Random, registry: Registry) -> None:
        self.rng = rng
        self.reg = registry
        self._used: set[str] = set()  # membership only: never iterated (hash order varies)
        self._banks = {c: reference.banks(c) for c in reference.member_codes()}
        self._wallets: dict[str, list[EwalletProvider]] = {}
        for provider in reference.ewallet_providers():
            if provider.kind == "wallet":
                for c in provider.countries:
                    self._wallets.setdefault(c, []).append(provider)

    def _unique(self, draw: Callable[[], str]) -> str:
        for _ in range(1000):
            value = draw()
            if value not in self._used:
                self._used.add(value)
                return value
        raise RuntimeError("ran out of unique identifiers")  # pragma: no cover

    def phone(
        self,
        region: str,
        *,
        category: str,
        syndicate: int = 0,
        landline: bool = False,
        kind: str = "phone",
    ) -> int:
        """Register a new phone number of ``region``."""
        draw = phones.landline if landline else phones.mobile
        for _ in range(100):
            p = draw(self.rng, region)
            if p.e164 not in self._used:
                break
        self._used.add(p.e164)
        return self.reg.add(kind, p, category=category, syndicate=syndicate)

    def bank_account(
        self,
        country: str,
        *,
        category: str,
        syndicate: int = 0,
        holder: int = 0,
        bank: Bank | None = None,
    ) -> int:
        """Register a new account at a real bank of ``country``."""
        rng = self.rng
        banks = self._banks[country]
        # The big retail banks hold most mule accounts.
        bank = bank or banks[min(int(rng.paretovariate(0.9)) - 1, len(banks) - 1)]
        low, high = bank.account_length or (10, 12)

        def draw() -> str:
            length = rng.randint(low, max(low, min(high, low + 4)))
            return str(rng.randint(1, 9)) + "".join(rng.choices("0123456789", k=length - 1))

        digits = self._unique(lambda: f"{country}:{bank.code}:{draw()}").split(":")[2]
        return self.reg.add(
            "bank_account",
            BankSpec(bank, digits),
            category=category,
            syndicate=syndicate,
            holder=holder,
        )

    def ewallet(self, country: str, *, category: str, syndicate: int = 0, holder: int = 0) -> int:
        """Register a new e-wallet of a provider operating in ``country``."""
        providers = self._wallets.get(country)
        if not providers:
            return self.bank_account(country, category=category, syndicate=syndicate, holder=holder)
        provider = self.rng.choice(providers)
        if provider.account == "id":
            account = self._unique(lambda: "".join(self.rng.choices("0123456789", k=13)))
            spec = WalletSpec(provider, None, account)
        else:
            phone = phones.mobile(self.rng, country)
            spec = WalletSpec(provider, phone, "")
        return self.reg.add("ewallet", spec, category=category, syndicate=syndicate, holder=holder)

    def wallet(self, chain: str, *, category: str, syndicate: int = 0) -> int:
        """Register a new crypto wallet on ``chain`` (tron, eth or btc)."""
        draw = {"tron": crypto.tron, "eth": crypto.ethereum, "btc": crypto.bitcoin}[chain]
        address = self._unique(lambda: draw(self.rng))
        return self.reg.add(
            "crypto_wallet", (chain, address), category=category, syndicate=syndicate
        )

    def _domain(self) -> str:
        rng = self.rng

        def draw() -> str:
            a, b = rng.sample(WORDS, 2)
            number = str(rng.randint(1, 999)) if rng.random() < 0.4 else ""
            sep = "-" if rng.random() < 0.4 else ""
            return f"{a}{sep}{b}{number}.{rng.choice(TLDS)}"

        return self._unique(draw)

    def site(self, *, category: str, syndicate: int = 0) -> tuple[int, int]:
        """Register a scam site: its URL and its domain; return both ids."""
        domain = self._domain()
        host = (
            domain
            if self.rng.random() < 0.6
            else f"{self.rng.choice(('www', 'm', 'app'))}.{domain}"
        )
        url = self.reg.add(
            "url", (host, self.rng.choice(PATHS)), category=category, syndicate=syndicate
        )
        return url, self.reg.add("domain", (domain, ""), category=category, syndicate=syndicate)

    def _name(self, sep: str) -> str:
        rng = self.rng
        return f"{rng.choice(PERSONAS)}{sep}{rng.choice(WORDS)}{rng.randint(1, 9999)}"

    def handle(self, platform: str, *, category: str, syndicate: int = 0) -> int:
        """Register a new account on a messaging or social platform."""
        sep = "." if platform == "facebook" else "_"
        name = self._unique(lambda: f"{platform}:{self._name(sep)}").split(":", 1)[1]
        return self.reg.add("handle", (platform, name), category=category, syndicate=syndicate)

    def email(self, *, category: str, syndicate: int = 0) -> int:
        """Register a new e-mail address, at a webmail or a scam domain."""
        rng = self.rng
        if rng.random() < 0.6:
            address = self._unique(lambda: f"{self._name('.')}@{rng.choice(WEBMAIL)}")
        else:
            address = self._unique(
                lambda: (
                    f"{rng.choice(('support', 'service', 'cs', 'hr', 'admin'))}@{self._domain()}"
                )
            )
        return self.reg.add("email", (address, ""), category=category, syndicate=syndicate)

    def mistyped(self, ident: int) -> int:
        """Return a new identifier: ``ident`` with one digit wrong (still valid), or ``ident``."""
        spec = self.reg.spec[ident - 1]
        kind = self.reg.kind[ident - 1]
        if isinstance(spec, phones.Phone):
            wrong = phones.mistype(self.rng, spec)
            if wrong is None or wrong.e164 in self._used:
                return ident
            self._used.add(wrong.e164)
            return self.reg.add(kind, wrong, category="mistyped", mistyped_from=ident)
        if isinstance(spec, BankSpec):
            i = self.rng.randrange(1, len(spec.digits))
            digit = self.rng.choice([d for d in "0123456789" if d != spec.digits[i]])
            digits = spec.digits[:i] + digit + spec.digits[i + 1 :]
            key = f"{spec.bank.country}:{spec.bank.code}:{digits}"
            if key in self._used:
                return ident
            self._used.add(key)
            return self.reg.add(
                kind, BankSpec(spec.bank, digits), category="mistyped", mistyped_from=ident
            )
        return ident
