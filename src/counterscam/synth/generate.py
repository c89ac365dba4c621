"""Generate a synthetic region: reports of ten agencies plus the truth behind them."""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from counterscam.synth import syndicates as synd
from counterscam.synth.drafts import Drafter
from counterscam.synth.people import Population
from counterscam.synth.region import Region
from counterscam.synth.syndicates import Syndicate
from counterscam.synth.world import AGENCY_OF, MEMBERS, VICTIM_WEIGHT
from counterscam.synth.writer import RegionWriter, write_agencies

START = date(2024, 11, 1)
END = date(2026, 10, 31)
DAYS = (END - START).days + 1
LONE_SHARE = 0.12
RESCUE_SHARE = 0.01
DUPLICATE_SHARE = 0.004  # incidents reported by two agencies
PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class SynthSummary:
    """What was written, and where."""

    out: Path
    seed: int
    reports: int
    duplicates: int
    syndicates: int
    identifiers: int  # every identifier of ground_truth/identifiers.csv, named or not
    sighted: int  # the distinct identifiers the reports name
    sightings: int
    parties: int
    persons: int
    places: int
    agencies_csv: Path
    agency_dirs: tuple[Path, ...]
    ground_truth: Path


@dataclass(frozen=True)
class _Plan:
    order: np.ndarray
    syndicate: np.ndarray  # index into the syndicate list, -1 for a lone scam
    day: np.ndarray
    country: list[str]
    rescue: np.ndarray
    duplicate: np.ndarray


def _plan(n: int, n_dup: int, syns: list[Syndicate], g: np.random.Generator) -> _Plan:
    """Draw who did each report, when and against whom, all at once."""
    sizes = np.array([s.weight for s in syns])
    lone = g.random(n) < LONE_SHARE
    sidx = np.where(lone, -1, g.choice(len(syns), size=n, p=sizes / sizes.sum()))
    # Reports grow over time: a third of them come from a rising density.
    u = np.where(g.random(n) < 0.35, np.sqrt(g.random(n)), g.random(n))
    first = np.array([s.first_day for s in syns])[np.maximum(sidx, 0)]
    last = np.array([s.last_day for s in syns])[np.maximum(sidx, 0)]
    day = np.where(
        lone, (u * DAYS).astype(np.int64), first + (u * (last - first + 1)).astype(np.int64)
    )
    members = list(MEMBERS)
    weights = np.array([VICTIM_WEIGHT[c] for c in members])
    country_idx = g.choice(len(members), size=n, p=weights / weights.sum())
    country = [members[i] for i in country_idx]
    for i, s in enumerate(syns):
        rows = np.flatnonzero(sidx == i)
        tw = np.array(s.target_weights)
        picks = g.choice(len(s.targets), size=len(rows), p=tw / tw.sum())
        for r, p in zip(rows.tolist(), picks.tolist(), strict=True):
            country[r] = s.targets[p]
    rescue = (g.random(n) < RESCUE_SHARE) & ~lone
    order = np.lexsort((np.arange(n), day))
    candidates = np.flatnonzero(~lone & ~rescue)
    duplicate = np.zeros(n, dtype=bool)
    n_dup = min(len(candidates), n_dup)
    duplicate[g.choice(candidates, size=n_dup, replace=False)] = True
    return _Plan(order, sidx, day, country, rescue, duplicate)


def generate(
    *, reports: int, seed: int, out: Path, progress: Callable[[int], None] | None = None
) -> SynthSummary:
    """Write a synthetic region of ``reports`` reports under ``out``; same seed, same bytes.

    Args:
        reports: total number of reports over all agencies (duplicates included).
        seed: the random seed.
        out: the output folder (created; existing files are overwritten).
        progress: called with the number of reports written since its previous call.
    Returns:
        Counts and paths of what was written.
    """
    if reports < 1:
        raise ValueError("--reports must be at least 1")
    rng, g = random.Random(seed), np.random.default_rng(seed)
    population = Population(rng, start=START, end=END)
    syns = synd.build(reports=reports, days=DAYS, rng=rng, np_rng=g, population=population)
    n_dup = round(reports * DUPLICATE_SHARE / (1 + DUPLICATE_SHARE))
    plan = _plan(reports - n_dup, n_dup, syns, g)
    counts = np.bincount(plan.syndicate[plan.syndicate >= 0], minlength=len(syns))
    for syndicate, c in zip(syns, counts.tolist(), strict=True):
        syndicate.reports = c
    synd.size_lanes(syns)
    region = Region(rng, population)
    drafter = Drafter(rng, region)
    out.mkdir(parents=True, exist_ok=True)
    writer = RegionWriter(out, rng, START, region.registry)
    duplicates, pending = 0, 0
    try:
        for i in plan.order.tolist():
            si, day, country = int(plan.syndicate[i]), int(plan.day[i]), plan.country[i]
            s = syns[si] if si >= 0 else None
            if s is not None and plan.rescue[i]:
                d = drafter.rescue(country=country, day=day, syndicate=s)
                nat = d.parties[0][0].nationality
                d.country = nat if nat in AGENCY_OF else s.compound.country
            else:
                d = drafter.scam(country=country, day=day, syndicate=s)
            facts = writer.facts(d)
            writer.emit(d, facts, country=d.country)
            pending += 1
            if plan.duplicate[i] and s is not None:
                others = [c for c in s.targets if c != d.country] or [
                    c for c in MEMBERS if c != d.country
                ]
                writer.emit(
                    d, facts, country=rng.choice(others), delay=rng.randint(0, 5), keep=0.85
                )
                duplicates += 1
                pending += 1
            if progress is not None and pending >= PROGRESS_EVERY:
                progress(pending)
                pending = 0
    finally:
        writer.close()
    if progress is not None and pending:
        progress(pending)
    truth = out / "ground_truth"
    _write_truth(truth, region, syns, population)
    return SynthSummary(
        out=out,
        seed=seed,
        reports=writer.reports,
        duplicates=duplicates,
        syndicates=len(syns),
        identifiers=len(region.registry.kind),
        sighted=len(writer.sighted),
        sightings=writer.rows["identifiers"],
        parties=writer.rows["parties"],
        persons=len(population.people),
        places=writer.rows["places"],
        agencies_csv=write_agencies(out),
        agency_dirs=tuple(out / a for a in sorted(AGENCY_OF.values())),
        ground_truth=truth,
    )


def _write_truth(
    truth: Path, region: Region, syns: list[Syndicate], population: Population
) -> None:
    reg = region.registry
    with (truth / "identifiers.csv").open("w", encoding="utf-8", newline="") as h:
        w = csv.writer(h, lineterminator="\n")
        w.writerow(
            (
                "identifier_id",
                "kind",
                "canonical",
                "category",
                "syndicate",
                "holder_person",
                "mistyped_from",
            )
        )
        for i in range(len(reg.kind)):
            sid = reg.syndicate[i]
            w.writerow(
                (
                    i + 1,
                    reg.kind[i],
                    reg.canonical[i],
                    reg.category[i],
                    f"S{sid:04d}" if sid else "none",
                    reg.holder[i] or "",
                    reg.mistyped_from[i] or "",
                )
            )
    with (truth / "syndicates.csv").open("w", encoding="utf-8", newline="") as h:
        w = csv.writer(h, lineterminator="\n")
        w.writerow(
            (
                "syndicate",
                "compound",
                "compound_country",
                "latitude",
                "longitude",
                "scam_types",
                "target_countries",
                "first_day",
                "last_day",
                "rotation_days",
                "reports",
            )
        )
        for s in syns:
            w.writerow(
                (
                    s.code,
                    s.compound.name,
                    s.compound.country,
                    s.compound.latitude,
                    s.compound.longitude,
                    ";".join(s.scam_types),
                    ";".join(s.targets),
                    START.fromordinal(START.toordinal() + s.first_day).isoformat(),
                    START.fromordinal(START.toordinal() + s.last_day).isoformat(),
                    round(s.rotation),
                    s.reports,
                )
            )
    roles: dict[int, tuple[str, str]] = {}
    for s in syns:
        for group, role in (
            (s.suspects, "suspect"),
            (s.recruiters, "recruiter"),
            (s.trafficked, "victim_of_trafficking"),
        ):
            for p in group:
                roles[p.pid] = (s.code, role)
        for mules in s.mules.values():
            for p in mules:
                roles[p.pid] = (s.code, "mule")
    with (truth / "people.csv").open("w", encoding="utf-8", newline="") as h:
        w = csv.writer(h, lineterminator="\n")
        w.writerow(
            (
                "person_id",
                "nationality",
                "gender",
                "birth_date",
                "passports",
                "syndicate",
                "role",
                "relation",
                "related_to",
            )
        )
        for p in population.people:
            code, role = roles.get(p.pid, ("none", ""))
            w.writerow(
                (
                    p.pid,
                    p.nationality,
                    p.gender,
                    p.dob.isoformat(),
                    ";".join(n for n, _ in p.passports),
                    code,
                    role,
                    p.relation,
                    p.related_to or "",
                )
            )
