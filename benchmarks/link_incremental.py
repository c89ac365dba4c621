"""Linking one new report: p50 and p99 of ``link_reports``, in a process of its own.

    python -m benchmarks.link_incremental sqlite:///bench-data/import-20000.db [SAMPLES]

A report reaches ``link_reports`` through intake, in the API server or an import process, not in
the process that has just rebuilt a million reports' clusters: timing it beside the rebuild
measured the rebuild's leftover heap (the cyclic collector walking it) as much as the linking.
So this runs on its own, against the rebuilt store, the way the server does it: one engine,
one session, statements compiled on first use. The first WARM_UP samples (first compiles,
cold page cache) are run but not counted; the rest are.

Each sample copies an existing report, chosen at random (same dates and identifiers), as a new
one and times ``link_reports`` for it and the flush of what it wrote, in a savepoint rolled back
afterwards, so the store is left as it was and every sample links against the same clusters.
"""

from __future__ import annotations

import random
import sys
import time
from typing import cast

import numpy as np
from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from benchmarks.common import emit, self_peak_mib
from counterscam.db.engine import make_engine, session_factory
from counterscam.db.models import Report, Sighting
from counterscam.link.incremental import link_reports

WARM_UP = 20
_REPORT = cast(Table, Report.__table__)
_SIGHTING = cast(Table, Sighting.__table__)


def _copy(session: Session, source: int, n: int) -> int:
    """Store a copy of report ``source`` (same dates and sightings) as a new report."""
    row = session.execute(select(_REPORT).where(_REPORT.c.id == source)).one()._asdict()
    row.pop("id")
    row["external_ref"] = f"BENCH-LINK-{n}"
    new_id = int(session.execute(insert(_REPORT).returning(_REPORT.c.id), row).scalar_one())
    sightings = session.execute(
        select(Sighting.identifier_id, Sighting.role, Sighting.raw_value).where(
            Sighting.report_id == source
        )
    ).all()
    if sightings:
        session.execute(
            insert(_SIGHTING),
            [
                {"report_id": new_id, "identifier_id": i, "role": r, "raw_value": raw}
                for i, r, raw in sightings
            ],
        )
    return new_id


def incremental(session: Session, samples: int) -> list[float]:
    """Time linking one new report, copied from a random existing one, ``samples`` times."""
    ids = session.scalars(select(Report.id)).all()
    rng = random.Random(1)
    timings: list[float] = []
    for n in range(samples):
        nested = session.begin_nested()
        new_id = _copy(session, rng.choice(ids), n)
        started = time.perf_counter()
        link_reports(session, [new_id])
        session.flush()
        timings.append(time.perf_counter() - started)
        nested.rollback()
    return timings


def main(url: str, samples: int) -> None:
    """Print p50 and p99 of linking one new report, after WARM_UP uncounted samples."""
    engine = make_engine(url)
    with session_factory(engine)() as session:
        timings = np.asarray(incremental(session, samples + WARM_UP)[WARM_UP:]) * 1000
        session.rollback()
    emit(
        {
            "incremental_samples": samples,
            "incremental_warm_up": WARM_UP,
            "incremental_p50_ms": round(float(np.percentile(timings, 50)), 3),
            "incremental_p99_ms": round(float(np.percentile(timings, 99)), 3),
            "incremental_max_ms": round(float(timings.max()), 3),
            "incremental_target": "p99 <= 20 ms",
            "incremental_peak_mib": round(self_peak_mib(), 1),
        }
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 500)
