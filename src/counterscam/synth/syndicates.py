"""Syndicates: where they work from, what they run, whom they target, and their people."""

from __future__ import annotations

import bisect
import random
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from counterscam.synth.people import Person, Population
from counterscam.synth.world import COMPOUNDS, SCAM_WEIGHT, VICTIM_WEIGHT, Compound

# Scam types a syndicate running the first also tends to run.
COMPANIONS = {
    "romance": ("crypto_investment", "investment"),
    "crypto_investment": ("romance", "investment"),
    "investment": ("crypto_investment", "romance"),
    "job_task": ("investment", "ecommerce", "crypto_investment"),
    "impersonation_official": ("parcel_courier", "phishing"),
    "parcel_courier": ("impersonation_official", "phishing"),
    "phishing": ("parcel_courier", "loan"),
    "loan": ("phishing", "job_task"),
    "ecommerce": ("job_task", "phishing"),
    "lottery_prize": ("phishing", "parcel_courier"),
    "tech_support": ("phishing", "impersonation_official"),
    "sextortion": ("romance", "loan"),
}
# Nationalities of people trafficked into compounds, roughly as rescues report them.
TRAFFICKED = {
    "ID": 18,
    "PH": 14,
    "VN": 14,
    "TH": 10,
    "MM": 8,
    "MY": 7,
    "CN": 10,
    "IN": 7,
    "KE": 4,
    "LK": 4,
    "LA": 2,
    "KH": 2,
}
BOSSES = {"CN": 6, "MY": 1, "TH": 1, "KH": 1, "MM": 1, "VN": 1}


@dataclass
class Lane:
    """A run of identifiers used one after another, each for a few weeks."""

    ends: list[int]
    idents: list[int]


@dataclass
class Syndicate:
    """One operation; ``sid`` starts at 1."""

    sid: int
    compound: Compound
    scam_types: tuple[str, ...]
    type_weights: tuple[float, ...]
    targets: tuple[str, ...]
    target_weights: tuple[float, ...]
    first_day: int
    last_day: int
    rotation: float
    weight: float
    spoof_service: int
    lanes_per_slot: int = 1
    suspects: list[Person] = field(default_factory=list)
    recruiters: list[Person] = field(default_factory=list)
    trafficked: list[Person] = field(default_factory=list)
    mules: dict[str, list[Person]] = field(default_factory=dict)
    lanes: dict[tuple[str, str, int], Lane] = field(default_factory=dict)
    reports: int = 0

    @property
    def code(self) -> str:
        """Return the ground-truth id written in the files."""
        return f"S{self.sid:04d}"

    def window(self, rng: random.Random, slot: str, country: str, day: int) -> tuple[Lane, int]:
        """Return the lane used for ``slot`` in ``country`` and its window covering ``day``."""
        key = (slot, country, rng.randrange(self.lanes_per_slot))
        lane = self.lanes.get(key)
        if lane is None:
            lane = Lane([self.first_day - int(rng.random() * self.rotation)], [0])
            self.lanes[key] = lane
        while lane.ends[-1] <= day:
            lane.ends.append(lane.ends[-1] + max(3, int(self.rotation * (0.5 + rng.random()))))
            lane.idents.append(0)
        return lane, bisect.bisect_right(lane.ends, day)


def _pick(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def build(
    *,
    reports: int,
    days: int,
    rng: random.Random,
    np_rng: np.random.Generator,
    population: Population,
) -> list[Syndicate]:
    """Draw the region's syndicates: a few hundred per million reports, heavy-tailed sizes."""
    count = max(6, round(0.36 * reports**0.5))
    sizes = np_rng.pareto(1.3, count) + 1.0
    # Heavy-tailed, but no single operation takes more than a few percent of a big region.
    sizes = np.minimum(sizes, 40.0)
    sizes = np.minimum(sizes, 0.12 * sizes.sum())
    comp_weights = [c.weight for c in COMPOUNDS]
    target_pool = {c: w**0.7 for c, w in VICTIM_WEIGHT.items()}
    out = []
    for i in range(count):
        compound = rng.choices(COMPOUNDS, comp_weights)[0]
        first = _pick(rng, dict(SCAM_WEIGHT))
        types = [first]
        for extra in COMPANIONS[first]:
            if rng.random() < 0.35:
                types.append(extra)
        type_weights = tuple([1.0] + [rng.uniform(0.15, 0.6) for _ in types[1:]])
        k = min(len(target_pool), 1 + int(rng.expovariate(0.5)))
        targets: list[str] = []
        while len(targets) < k:
            c = _pick(rng, {c: w for c, w in target_pool.items() if c not in targets})
            targets.append(c)
        span = int(days * min(1.0, 0.25 + rng.lognormvariate(-0.6, 0.6)))
        start = rng.randint(-days // 4, days - min(span, days) // 2)
        first_day, last_day = max(0, start), min(days - 1, start + span)
        if last_day - first_day < 45:
            first_day, last_day = max(0, last_day - 60), min(days - 1, max(last_day, 60))
        phone_heavy = {"impersonation_official", "parcel_courier", "tech_support"} & set(types)
        s = Syndicate(
            sid=i + 1,
            compound=compound,
            scam_types=tuple(types),
            type_weights=type_weights,
            targets=tuple(targets),
            target_weights=tuple(VICTIM_WEIGHT[c] * rng.uniform(0.5, 1.5) for c in targets),
            first_day=first_day,
            last_day=last_day,
            rotation=rng.uniform(14, 42),
            weight=float(sizes[i]),
            spoof_service=rng.randrange(4) if rng.random() < (0.8 if phone_heavy else 0.4) else -1,
        )
        s.suspects = [
            population.new(_pick(rng, BOSSES), age=(25, 60)) for _ in range(rng.randint(2, 6))
        ]
        s.recruiters = [
            population.new(_pick(rng, TRAFFICKED), age=(20, 45)) for _ in range(rng.randint(1, 4))
        ]
        out.append(s)
    return out


def size_lanes(syndicates: list[Syndicate], *, per_identifier: float = 20.0) -> None:
    """Give each syndicate enough parallel lanes that one identifier serves ~``per_identifier``."""
    for s in syndicates:
        active = max(30, s.last_day - s.first_day + 1)
        per_window = s.reports * s.rotation / active / max(1, len(s.targets))
        s.lanes_per_slot = max(1, min(40, round(per_window / per_identifier)))


def trafficked_person(rng: random.Random, s: Syndicate, population: Population) -> Person:
    """Return a trafficking victim held in ``s``'s compound (often one named before)."""
    if s.trafficked and rng.random() < 0.35:
        return rng.choice(s.trafficked)
    person = population.new(_pick(rng, TRAFFICKED), age=(18, 40))
    s.trafficked.append(person)
    return person


def mule(rng: random.Random, s: Syndicate, country: str, population: Population) -> Person:
    """Return the holder of a new mule account in ``country`` (some hold several accounts)."""
    known = s.mules.setdefault(country, [])
    if known and rng.random() < 0.3:
        return rng.choice(known)
    person = population.new(country, age=(18, 35))
    known.append(person)
    return person
