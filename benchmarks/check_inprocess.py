"""In-process check: `check()` look-ups per second over a bare indexed SQL look-up."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import bindparam, func, select

from benchmarks.common import emit, read_into_cache, self_peak_mib
from benchmarks.samples import Sample, pick
from counterscam.access.accounts import admin_caller
from counterscam.check.lookup import match_rows
from counterscam.check.results import CheckItem
from counterscam.check.service import check, check_bulk
from counterscam.db.engine import make_engine, session_factory
from counterscam.db.models import Agency, Identifier, Sighting
from counterscam.identifiers import canonicalize

WARM_UP = 500
BULK = 1_000  # values per bulk check: a centre screening a list


def _p(latencies: list[float], q: float) -> float:
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def bare(
    engine_url: str, samples: list[Sample], *, canonicalise: bool = False
) -> tuple[float, list[float]]:
    """Time the bare indexed look-up of each canonical value: how many reports name it.

    With ``canonicalise`` the raw value is first made canonical with the same function the
    check uses: the second baseline, which isolates what policy, holdings and audit cost.
    """
    engine = make_engine(engine_url)
    statement = (
        select(func.count(Sighting.id))
        .join(Identifier, Identifier.id == Sighting.identifier_id)
        .where(Identifier.kind == bindparam("kind"), Identifier.value == bindparam("value"))
    )
    latencies: list[float] = []
    with engine.connect() as conn:
        started = time.perf_counter()
        for s in samples:
            t = time.perf_counter()
            if canonicalise:
                c = canonicalize(s.kind, s.raw, country=s.country)
                conn.execute(statement, {"kind": c.kind, "value": c.value}).scalar()
            else:
                conn.execute(statement, {"kind": s.canonical_kind, "value": s.canonical}).scalar()
            latencies.append(time.perf_counter() - t)
        total = time.perf_counter() - started
    engine.dispose()
    return total, latencies


def full(engine_url: str, samples: list[Sample]) -> tuple[float, list[float], list[bool]]:
    """Time `check()` as the CLI and API call it: raw value in, audited answer out."""
    engine = make_engine(engine_url)
    session = session_factory(engine)()
    caller = admin_caller(session, "MY-NSRC")
    latencies: list[float] = []
    hits: list[bool] = []
    started = time.perf_counter()
    for s in samples:
        t = time.perf_counter()
        result = check(session, caller, kind=s.kind, value=s.raw, country=s.country, channel="api")
        latencies.append(time.perf_counter() - t)
        hits.append(result.hit)
    total = time.perf_counter() - started
    session.close()
    engine.dispose()
    return total, latencies, hits


def bulk(engine_url: str, samples: list[Sample]) -> float:
    """Time `check_bulk()` over the same raw values, ``BULK`` to a list, as the API's bulk
    POST calls it: a secondary figure, for screening lists. The target is the single check's."""
    engine = make_engine(engine_url)
    session = session_factory(engine)()
    caller = admin_caller(session, "MY-NSRC")
    started = time.perf_counter()
    for start in range(0, len(samples), BULK):
        part = samples[start : start + BULK]
        # One country per list, as a form sends it: each value carries its own here.
        for country in sorted({s.country for s in part}):
            items = [CheckItem(s.raw, s.kind) for s in part if s.country == country]
            check_bulk(session, caller, items=items, country=country, channel="api")
    total = time.perf_counter() - started
    session.close()
    engine.dispose()
    return total


def answer_sql(engine_url: str, samples: list[Sample]) -> float:
    """Time the check's own match query on the canonical values, as the check runs it.

    A diagnostic, not a baseline: it reads the matching reports with their holder and the
    policy's verdict (what any answer needs), without canonicalising, assembling or auditing,
    so ``bare / answer_sql`` is the most the check could reach with this query.
    """
    engine = make_engine(engine_url)
    session = session_factory(engine)()
    caller = admin_caller(session, "MY-NSRC")
    started = time.perf_counter()
    for s in samples:
        match_rows(session, caller, [(s.canonical_kind, s.canonical)])
    total = time.perf_counter() - started
    session.close()
    engine.dispose()
    return total


def main(url: str, region: Path, n: int) -> None:
    """Check ``n`` values both ways, in alternating rounds, and report the rates."""
    engine = make_engine(url)
    with engine.connect() as conn:
        agencies = {
            code: country
            for code, country in conn.execute(
                select(Agency.code, Agency.country).where(Agency.kind == "member")
            )
        }
    engine.dispose()
    # Values checked once, untimed, through every path before the timed rounds: the first
    # calls in a process pay its one-time costs (statement compiling, caches, the adaptive
    # interpreter's warm-up), about 0.3 s, which fell on whichever path ran first. They are
    # other values than the timed ones.
    chosen = pick(region, agencies, n=n + WARM_UP)
    warm, samples = chosen[:WARM_UP], chosen[WARM_UP:]
    read_into_cache(url)
    bare(url, warm)
    bare(url, warm, canonicalise=True)
    full(url, warm)
    answer_sql(url, warm)
    bulk(url, warm)
    half = len(samples) // 2
    rounds = [samples[:half], samples[half:]]
    bare_total, full_total = 0.0, 0.0
    bare_lat: list[float] = []
    full_lat: list[float] = []
    hits: list[bool] = []
    canon_total, sql_total, bulk_total = 0.0, 0.0, 0.0
    for chunk in rounds:  # alternate, so machine noise falls on both sides
        t, lat = bare(url, chunk)
        bare_total, bare_lat = bare_total + t, bare_lat + lat
        t, _ = bare(url, chunk, canonicalise=True)
        canon_total += t
        t, lat, h = full(url, chunk)
        full_total, full_lat, hits = full_total + t, full_lat + lat, hits + h
        sql_total += answer_sql(url, chunk)
        bulk_total += bulk(url, chunk)
    # Diagnostics: a hit reads and assembles its reports, a miss only looks the value up.
    hit_lat = [x for x, hit in zip(full_lat, hits, strict=True) if hit]
    miss_lat = [x for x, hit in zip(full_lat, hits, strict=True) if not hit]
    emit(
        {
            "values": len(samples),
            "hits": sum(hits),
            "check_per_s": len(samples) / full_total,
            "bare_per_s": len(samples) / bare_total,
            "check_p50_ms": statistics.median(full_lat) * 1000,
            "check_p99_ms": _p(full_lat, 0.99),
            "bare_p99_ms": _p(bare_lat, 0.99),
            "peak_mib": self_peak_mib(),
            "canonicalise_and_bare_per_s": len(samples) / canon_total,
            "check_hit_p50_ms": statistics.median(hit_lat) * 1000 if hit_lat else None,
            # Hits named by many reports make the tail: their cost follows the report count.
            "check_hit_p99_ms": _p(hit_lat, 0.99) if hit_lat else None,
            "check_miss_p50_ms": statistics.median(miss_lat) * 1000 if miss_lat else None,
            "answer_sql_per_s": len(samples) / sql_total,
            "bulk_per_s": len(samples) / bulk_total,
        }
    )


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))
