"""Every identifier of the region, its truth (owner, category) and the ways it is written."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from counterscam.reference import Bank, EwalletProvider
from counterscam.synth import phones
from counterscam.synth.phones import Phone
from counterscam.synth.world import BIC_LOCATION

# Ground-truth categories: an operator's own infrastructure, or one kind of noise.
CATEGORIES = (
    "syndicate",
    "lone",
    "spoofed",
    "hotline",
    "aggregator",
    "exchange",
    "victim_account",
    "mistyped",
)


@dataclass(frozen=True)
class BankSpec:
    """A bank account: the bank and the account digits."""

    bank: Bank
    digits: str


@dataclass(frozen=True)
class WalletSpec:
    """An e-wallet account: the provider and the holder's phone or wallet ID."""

    provider: EwalletProvider
    phone: Phone | None
    account_id: str


@dataclass(frozen=True)
class Written:
    """An identifier as one report writes it (value, qualifier, country columns)."""

    value: str
    qualifier: str
    country: str


Spec = Phone | BankSpec | WalletSpec | tuple[str, str]


@dataclass
class Registry:
    """Append-only table of identifiers; an identifier's id is its position plus one."""

    kind: list[str] = field(default_factory=list)
    canonical: list[str] = field(default_factory=list)
    category: list[str] = field(default_factory=list)
    syndicate: list[int] = field(default_factory=list)
    holder: list[int] = field(default_factory=list)
    mistyped_from: list[int] = field(default_factory=list)
    spec: list[Spec] = field(default_factory=list)

    def add(
        self,
        kind: str,
        spec: Spec,
        *,
        category: str,
        syndicate: int = 0,
        holder: int = 0,
        mistyped_from: int = 0,
    ) -> int:
        """Register an identifier and return its id."""
        self.kind.append(kind)
        self.canonical.append(canonical(kind, spec))
        self.category.append(category)
        self.syndicate.append(syndicate)
        self.holder.append(holder)
        self.mistyped_from.append(mistyped_from)
        self.spec.append(spec)
        return len(self.kind)


def canonical(kind: str, spec: Spec) -> str:
    """Return the canonical value intake is expected to derive (docs/identifiers.md)."""
    if isinstance(spec, Phone):
        return spec.e164
    if isinstance(spec, BankSpec):
        return f"{spec.bank.country}:{spec.bank.code}:{spec.digits}"
    if isinstance(spec, WalletSpec):
        account = spec.phone.e164 if spec.phone is not None else spec.account_id
        return f"{spec.provider.code}:{account}"
    first, second = spec
    if kind == "url":
        return f"https://{first}{second.split('#')[0] or '/'}"  # fragments are dropped
    if kind in ("crypto_wallet", "handle"):
        return f"{first}:{second.lower() if kind == 'handle' else second}"
    return first


def _group_digits(digits: str, rng: random.Random, bank: Bank) -> str:
    r = rng.random()
    if r < 0.45:
        return digits
    if bank.country == "TH" and len(digits) == 10:  # KBank-style 123-4-56789-0
        return f"{digits[:3]}-{digits[3]}-{digits[4:9]}-{digits[9]}"
    sep = "-" if r < 0.75 else " "
    return sep.join(digits[i : i + 4] for i in range(0, len(digits), 4))


def _alias(rng: random.Random, aliases: tuple[str, ...], label: str) -> str:
    # People mostly write the label; an alias with digits ("BNI 46") would run into the number.
    if rng.random() < 0.6:
        return label
    return rng.choice([a for a in aliases if not any(ch.isdigit() for ch in a)] or [label])


def _write_bank(s: BankSpec, rng: random.Random, agency_country: str) -> Written:
    bank, digits = s.bank, _group_digits(s.digits, rng, s.bank)
    foreign = bank.country if bank.country != agency_country else ""
    r = rng.random()
    if r < 0.35:
        return Written(f"{_alias(rng, bank.aliases, bank.label)} {digits}", "", foreign)
    if r < 0.5 and bank.bic:
        return Written(
            f"{bank.code}{bank.country}{BIC_LOCATION[bank.country]} {s.digits}", "", foreign
        )
    return Written(digits, _alias(rng, bank.aliases, bank.label), foreign)


def _write_wallet(s: WalletSpec, rng: random.Random, agency_country: str) -> Written:
    label = _alias(rng, s.provider.aliases, s.provider.label)
    home = s.phone.region if s.phone is not None else s.provider.countries[0]
    foreign = home if home != agency_country else ""
    account = s.account_id
    if s.phone is not None:
        account, _ = phones.write(s.phone, rng.random() * 0.67)
    if rng.random() < 0.5:
        return Written(f"{label} {account}", "", foreign)
    return Written(account, label, foreign)


def _mixed_case(rng: random.Random, host: str) -> str:
    return "".join(ch.upper() if rng.random() < 0.3 else ch for ch in host)


def _write_url(host: str, path: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.12:  # defanged, as threat-intel people paste it
        return f"hxxps://{host.replace('.', '[.]', 1)}{path}"
    if r < 0.22:
        return f"https://{_mixed_case(rng, host)}{path}"
    if r < 0.27:
        return f"HTTPS://{host}{path}"
    return f"https://{host}{path}"


def _write_handle(platform: str, name: str, rng: random.Random) -> Written:
    r = rng.random()
    if platform == "telegram":
        if r < 0.4:
            return Written(f"@{name}", "Telegram", "")
        if r < 0.65:
            return Written(f"t.me/{name}", "", "")
        if r < 0.75:
            return Written(f"https://t.me/{name}", "", "")
        return Written(name, rng.choice(("Telegram", "TG", "Tele")), "")
    if platform == "facebook":
        if r < 0.4:
            return Written(f"facebook.com/{name}", "", "")
        if r < 0.55:
            return Written(f"https://www.facebook.com/{name}", "", "")
        return Written(name, rng.choice(("Facebook", "FB", "Messenger")), "")
    label = {"line": "LINE", "wechat": "WeChat", "instagram": "Instagram", "tiktok": "TikTok"}
    prefix = "@" if platform in ("instagram", "tiktok", "line") and r < 0.6 else ""
    return Written(prefix + name, label.get(platform, platform), "")


def write(reg: Registry, ident: int, rng: random.Random, agency_country: str) -> Written:
    """Return one way the report of an agency in ``agency_country`` writes identifier ``ident``."""
    kind, spec = reg.kind[ident - 1], reg.spec[ident - 1]
    if isinstance(spec, Phone):
        value, national = phones.write(spec, rng.random())
        foreign = spec.region if national and spec.region != agency_country else ""
        return Written(value, "", foreign)
    if isinstance(spec, BankSpec):
        return _write_bank(spec, rng, agency_country)
    if isinstance(spec, WalletSpec):
        return _write_wallet(spec, rng, agency_country)
    first, second = spec
    if kind == "url":
        return Written(_write_url(first, second, rng), "", "")
    if kind == "domain":
        r = rng.random()
        value = (
            first.replace(".", "[.]") if r < 0.1 else _mixed_case(rng, first) if r < 0.2 else first
        )
        return Written(value, "", "")
    if kind == "email":
        return Written(first.upper() if rng.random() < 0.05 else first, "", "")
    if kind == "crypto_wallet":
        qualifier = {
            "tron": ("USDT-TRC20", "TRC20", "TRON", "USDT TRC20"),
            "eth": ("ERC20", "USDT-ERC20", "Ethereum"),
            "btc": ("BTC", "Bitcoin"),
        }
        value = second.lower() if first == "eth" and rng.random() < 0.15 else second
        return Written(value, rng.choice(qualifier[first]), "")
    return _write_handle(first, second, rng)
