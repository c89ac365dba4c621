"""The region's shared state: identifiers, people, syndicates and the noise pools."""

from __future__ import annotations

import random

from counterscam.synth import syndicates as synd
from counterscam.synth.factory import Factory
from counterscam.synth.people import Population
from counterscam.synth.registry import Registry
from counterscam.synth.syndicates import Syndicate
from counterscam.synth.world import MEMBERS

SPOOF_NUMBERS = 12  # per spoofing service and country
HOTLINES = 8  # bank customer lines and police lines per country
AGGREGATOR_COUNTRIES = ("KH", "PH", "TH", "VN", "MY", "ID", "KH", "PH")
EXCHANGES = (("tron", 7), ("eth", 3))


class Region:
    """Lazily mints identifiers so only used ones exist, in a deterministic order."""

    def __init__(self, rng: random.Random, population: Population) -> None:
        self.rng = rng
        self.registry = Registry()
        self.factory = Factory(rng, self.registry)
        self.population = population
        self._spoofed: dict[tuple[int, str], list[int]] = {}
        self._hotlines: dict[str, list[int]] = {}
        self._aggregators: list[int] = []
        self._exchanges: list[int] = []

    def syndicate_ident(self, s: Syndicate, slot: str, country: str, day: int) -> int:
        """Return the identifier ``s`` uses for ``slot`` towards ``country`` on ``day``."""
        lane, index = s.window(self.rng, slot, country, day)
        if lane.idents[index] == 0:
            lane.idents[index] = self._mint(s, slot, country)
        return lane.idents[index]

    def _mint(self, s: Syndicate | None, slot: str, country: str) -> int:
        rng, f = self.rng, self.factory
        sid = s.sid if s is not None else 0
        cat = "syndicate" if s is not None else "lone"
        base = s.compound.country if s is not None else country
        country = country or base  # recruitment is not aimed at one victim country
        if slot in ("caller", "sms_sender"):
            region = country if rng.random() < 0.75 else rng.choice((base, "TH", "KH", "PH"))
            return f.phone(region, category=cat, syndicate=sid)
        if slot in ("whatsapp", "recruit_phone"):
            region = country if rng.random() < 0.5 else rng.choice((base, "TH", "KH", "ID", "VN"))
            return f.phone(region, category=cat, syndicate=sid)
        if slot in ("telegram", "line", "wechat", "facebook", "instagram", "tiktok"):
            return f.handle(slot, category=cat, syndicate=sid)
        if slot == "recruit_tg":
            return f.handle("telegram", category=cat, syndicate=sid)
        if slot in ("site", "recruit_site"):
            return f.site(category=cat, syndicate=sid)[0]
        if slot == "email":
            return f.email(category=cat, syndicate=sid)
        if slot in ("bank", "ewallet"):
            holder = 0
            if s is not None:
                holder = synd.mule(rng, s, country, self.population).pid
            if slot == "bank":
                return f.bank_account(country, category=cat, syndicate=sid, holder=holder)
            return f.ewallet(country, category=cat, syndicate=sid, holder=holder)
        if slot in ("tron", "eth", "btc"):
            return f.wallet(slot, category=cat, syndicate=sid)
        raise ValueError(f"unknown slot {slot!r}")

    def lone_ident(self, slot: str, country: str) -> int:
        """Return a fresh identifier of a lone scammer."""
        return self._mint(None, slot, country)

    def spoofed(self, service: int, country: str) -> int:
        """Return a number a spoofing service displays to victims in ``country``."""
        pool = self._spoofed.setdefault((service, country), [])
        i = self.rng.randrange(SPOOF_NUMBERS)
        while len(pool) <= i:
            landline = self.rng.random() < 0.5  # spoofers mimic local landlines and mobiles
            pool.append(self.factory.phone(country, category="spoofed", landline=landline))
        return pool[i]

    def hotline(self, country: str) -> int:
        """Return a genuine bank or police line of ``country``, reported by mistake."""
        pool = self._hotlines.setdefault(country, [])
        # A few big banks' lines come up far more often than the rest.
        i = min(int(self.rng.paretovariate(1.0)) - 1, HOTLINES - 1)
        while len(pool) <= i:
            pool.append(self.factory.phone(country, category="hotline", landline=True))
        return pool[i]

    def aggregator(self) -> int:
        """Return the account of a payment aggregator that many syndicates pay through."""
        if not self._aggregators:
            for c in AGGREGATOR_COUNTRIES:
                self._aggregators.append(self.factory.bank_account(c, category="aggregator"))
        return self._aggregators[min(int(self.rng.paretovariate(0.8)) - 1, 7)]

    def exchange(self) -> int:
        """Return an exchange's deposit wallet that many syndicates cash out through."""
        if not self._exchanges:
            for chain, n in EXCHANGES:
                for _ in range(n):
                    self._exchanges.append(self.factory.wallet(chain, category="exchange"))
        return self._exchanges[self.rng.randrange(len(self._exchanges))]

    def victim_account(self, country: str) -> int:
        """Return a new account of a scam victim (their own bank account)."""
        if country not in MEMBERS:
            country = "MY"
        return self.factory.bank_account(country, category="victim_account")
