"""One report at a time: what happened, which identifiers, people and places it names."""

from __future__ import annotations

import itertools
import random
from collections import deque
from dataclasses import dataclass, field

from counterscam.synth.people import Person
from counterscam.synth.region import Region
from counterscam.synth.syndicates import Syndicate, trafficked_person
from counterscam.synth.world import CHANNELS, COMPOUNDS, CRYPTO_SHARE, Compound

OMIT = 0.15  # victims leave out an identifier this often
MISTYPE = 0.02  # and get one digit wrong this often
CONTACT_SLOT = {
    "phone_call": ("caller", "caller"),
    "sms": ("sms_sender", "sms_sender"),
    "whatsapp": ("whatsapp", "messaging_contact"),
    "telegram": ("telegram", "messaging_contact"),
    "line": ("line", "messaging_contact"),
    "wechat": ("wechat", "messaging_contact"),
    "facebook": ("facebook", "social_profile"),
    "instagram": ("instagram", "social_profile"),
    "tiktok": ("tiktok", "social_profile"),
    "dating_app": ("instagram", "social_profile"),
    "website": ("site", "website"),
    "email": ("email", "email_sender"),
}
SITE_TYPES = {
    "investment",
    "crypto_investment",
    "job_task",
    "phishing",
    "parcel_courier",
    "loan",
    "ecommerce",
    "recovery",
}
LONE_TYPES = {
    "ecommerce": 6,
    "loan": 2,
    "romance": 1,
    "lottery_prize": 1,
    "sextortion": 1,
    "investment": 1,
    "phishing": 1,
}


# What a rescued worker can name of the operation: the slot it used and the role it played.
WORK_TOOLS = (
    ("caller", "caller"),
    ("whatsapp", "messaging_contact"),
    ("telegram", "messaging_contact"),
    ("bank", "beneficiary_account"),
)


@dataclass
class Draft:
    """A report before it is written: truth and content."""

    country: str
    day: int
    scam_type: str
    channel: str
    syndicate: Syndicate | None
    victim: int
    kind: str = "scam"  # scam, recovery, rescue
    crypto: bool = False
    sightings: list[tuple[int, str]] = field(default_factory=list)
    parties: list[tuple[Person, str]] = field(default_factory=list)
    places: list[Compound] = field(default_factory=list)
    victim_account: int = 0


@dataclass(frozen=True)
class Earlier:
    """What a later recovery scam or second scam of the same victim can refer back to."""

    victim: int
    country: str
    sid: int
    operator_idents: tuple[int, ...]
    victim_account: int


# Cumulative weights drawn once: random.choices is several times faster with them.
_CHANNEL_DRAW = {t: (list(w), list(itertools.accumulate(w.values()))) for t, w in CHANNELS.items()}


def _channel(rng: random.Random, scam_type: str, country: str) -> str:
    names, cum = _CHANNEL_DRAW.get(scam_type, _CHANNEL_DRAW["ecommerce"])
    channel = rng.choices(names, cum_weights=cum)[0]
    if channel == "line" and country != "TH":
        channel = "whatsapp"  # LINE is a Thai habit
    return channel


class Drafter:
    """Builds drafts; remembers recent victims for recovery scams and repeat victims."""

    def __init__(self, rng: random.Random, region: Region) -> None:
        self.rng = rng
        self.region = region
        self.victims = 0
        self.recent: deque[Earlier] = deque(maxlen=3000)

    def _add(self, d: Draft, ident: int, role: str, *, omit: bool = True) -> None:
        rng = self.rng
        if omit and rng.random() < OMIT:
            return
        if rng.random() < MISTYPE and self.region.registry.kind[ident - 1] in (
            "phone",
            "bank_account",
        ):
            ident = self.region.factory.mistyped(ident)
        d.sightings.append((ident, role))

    def _ident(self, d: Draft, slot: str) -> int:
        if d.syndicate is None:
            return self.region.lone_ident(slot, d.country)
        return self.region.syndicate_ident(d.syndicate, slot, d.country, d.day)

    def _contact(self, d: Draft) -> None:
        rng, s = self.rng, d.syndicate
        slot_role = CONTACT_SLOT.get(d.channel)
        if slot_role is None:
            return
        slot, role = slot_role
        if slot == "caller" and s is not None and s.spoof_service >= 0 and rng.random() < 0.3:
            self._add(d, self.region.spoofed(s.spoof_service, d.country), "caller")
        elif slot == "caller" and d.scam_type == "impersonation_official" and rng.random() < 0.08:
            # The caller ID showed the bank's real number: the victim reports that.
            self._add(d, self.region.hotline(d.country), "caller")
        else:
            self._add(d, self._ident(d, slot), role)
        if slot in ("facebook", "instagram", "tiktok") or d.channel == "dating_app":
            if rng.random() < 0.5:
                follow = "whatsapp" if rng.random() < 0.6 else "telegram"
                self._add(d, self._ident(d, follow), "messaging_contact")
        if d.scam_type == "impersonation_official" and rng.random() < 0.05:
            self._add(d, self.region.hotline(d.country), "impersonated_entity", omit=False)

    def _site(self, d: Draft) -> None:
        if d.scam_type in SITE_TYPES and d.channel != "website" and self.rng.random() < 0.45:
            url = self._ident(d, "site")
            self._add(d, url, "website")
            if self.rng.random() < 0.15:
                self._add(d, url + 1, "website")  # the site's domain, written on its own

    def _payment(self, d: Draft) -> None:
        rng = self.rng
        d.crypto = rng.random() < CRYPTO_SHARE.get(d.scam_type, 0.05)
        payments = 2 if d.scam_type in ("job_task", "investment") and rng.random() < 0.25 else 1
        for _ in range(payments):
            if d.crypto:
                if d.syndicate is not None and rng.random() < 0.05:
                    self._add(d, self.region.exchange(), "wallet")
                    continue
                chain = rng.choices(("tron", "eth", "btc"), (75, 15, 10))[0]
                self._add(d, self._ident(d, chain), "wallet")
            elif d.syndicate is not None and rng.random() < 0.03:
                self._add(d, self.region.aggregator(), "beneficiary_account")
            else:
                slot = "bank" if rng.random() < 0.75 else "ewallet"
                ident = self._ident(d, slot)
                self._add(d, ident, "beneficiary_account")
                holder = self.region.registry.holder[ident - 1]
                if holder and rng.random() < 0.25 and d.sightings and d.sightings[-1][0] == ident:
                    d.parties.append((self.region.population.people[holder - 1], "mule"))

    def scam(self, *, country: str, day: int, syndicate: Syndicate | None) -> Draft:
        """Return a victim's report of a scam by ``syndicate`` (None for a lone scammer)."""
        rng = self.rng
        if syndicate is None:
            scam_type = rng.choices(list(LONE_TYPES), list(LONE_TYPES.values()))[0]
        else:
            scam_type = rng.choices(syndicate.scam_types, syndicate.type_weights)[0]
        earlier = self._earlier(syndicate, country)
        recovery = syndicate is not None and earlier is not None and rng.random() < 0.5
        if recovery:
            scam_type = "recovery"
        self.victims += 1
        victim = earlier.victim if earlier is not None else self.victims
        d = Draft(country, day, scam_type, _channel(rng, scam_type, country), syndicate, victim)
        if recovery and earlier is not None:
            d.kind = "recovery"
            for ident in earlier.operator_idents[: rng.randint(1, 2)]:
                self._add(d, ident, "earlier_scam", omit=False)
        self._contact(d)
        self._site(d)
        self._payment(d)
        if syndicate is not None and rng.random() < 0.02:
            d.parties.append((rng.choice(syndicate.suspects), "suspect"))
        if earlier is not None and earlier.victim_account:
            d.victim_account = earlier.victim_account  # the same victim, the same own account
            d.sightings.append((d.victim_account, "victim_account"))
        elif rng.random() < 0.1:
            d.victim_account = self.region.victim_account(country)
            d.sightings.append((d.victim_account, "victim_account"))
        self._remember(d)
        return d

    def _earlier(self, syndicate: Syndicate | None, country: str) -> Earlier | None:
        # About 1.5% of victims were scammed before, by someone else (recovery or repeat).
        if syndicate is None or not self.recent or self.rng.random() >= 0.015:
            return None
        e = self.recent[self.rng.randrange(len(self.recent))]
        return e if e.sid != syndicate.sid and e.country == country else None

    def _remember(self, d: Draft) -> None:
        operator = tuple(
            i
            for i, role in d.sightings
            if role not in ("victim_account", "earlier_scam", "impersonated_entity")
        )
        if operator:
            sid = d.syndicate.sid if d.syndicate is not None else 0
            self.recent.append(Earlier(d.victim, d.country, sid, operator, d.victim_account))

    def rescue(self, *, country: str, day: int, syndicate: Syndicate) -> Draft:
        """Return the report of trafficking victims rescued from ``syndicate``'s compound."""
        rng, region = self.rng, self.region
        channel = rng.choice(("facebook", "telegram", "facebook", "tiktok"))
        self.victims += 1
        d = Draft(
            country, day, syndicate.scam_types[0], channel, syndicate, self.victims, kind="rescue"
        )
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            d.parties.append(
                (trafficked_person(rng, syndicate, region.population), "victim_of_trafficking")
            )
        if rng.random() < 0.6:
            d.parties.append((rng.choice(syndicate.recruiters), "recruiter"))
        for slot in ("recruit_tg", "recruit_phone", "recruit_site"):
            if rng.random() < 0.5:
                self._add(d, region.syndicate_ident(syndicate, slot, "", day), "recruiter_contact")
        if rng.random() < 0.5:
            # Rescued workers tell the police the numbers and accounts they were made to use.
            target = rng.choices(syndicate.targets, syndicate.target_weights)[0]
            for slot, role in rng.sample(WORK_TOOLS, rng.randint(1, 2)):
                d.sightings.append((region.syndicate_ident(syndicate, slot, target, day), role))
        d.places.append(syndicate.compound)
        if rng.random() < 0.1:
            # Rescued workers were often moved between compounds.
            d.places.append(rng.choice([c for c in COMPOUNDS if c != syndicate.compound]))
        return d
