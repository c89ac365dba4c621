"""Linking speed: full rebuild against plain connected components, and one new report's p99.

    python -m benchmarks.link_speed sqlite:///bench-data/import-20000.db [SAMPLES]

Baseline, measured in the same run on the same data: read the same linking sightings from
SQL, build the same chained edge list, scipy's ``connected_components``, and write one
cluster row per component and each report's cluster set-based (what a plain
connected-components rebuild must do at least). The rebuild adds the
hub rules, Leiden on large components, stable keys, figures and the explained links. Both run
in a transaction that is rolled back, so the database is left as it was.

Incremental: SAMPLES times, copy an existing report (same date and identifiers) as a new one
and time ``link_reports`` for it, each in a savepoint rolled back afterwards.
"""

from __future__ import annotations

import random
import sys
import time
from typing import cast

import numpy as np
from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from benchmarks.common import emit, self_peak_mib
from counterscam.db.base import utcnow
from counterscam.db.engine import make_engine, session_factory
from counterscam.db.link_models import Cluster, ClusterLink, ClusterReport
from counterscam.db.migrate import upgrade
from counterscam.db.models import Report, Sighting
from counterscam.link.graph import _chain, _components, _runs
from counterscam.link.incremental import link_reports
from counterscam.link.load import load
from counterscam.link.rebuild import rebuild
from counterscam.link.rules import DEFAULT_RULES
from counterscam.link.writes import insert_rows


def baseline(session: Session) -> float:
    """Time SQL read + the same edge list + scipy connected components + set-based write."""
    started = time.perf_counter()
    loaded = load(session)
    runs, *_ = _runs(loaded.evidence, DEFAULT_RULES)
    a, b, _ident, _run = _chain(runs, np.zeros(len(runs.rep), dtype=np.int64))
    labels = _components(len(loaded.report_ids), a, b)
    sizes = np.bincount(labels)
    multi = sizes[labels] >= 2
    _, label = np.unique(labels[multi], return_inverse=True)
    for model in (ClusterLink, ClusterReport, Cluster):
        session.execute(delete(model))
    table = cast(Table, Cluster.__table__)
    n_clusters = int(label.max()) + 1 if len(label) else 0
    now = utcnow()
    cluster_ids = session.scalars(
        insert(table).returning(table.c.id, sort_by_parameter_order=True),
        [{"key": f"B-{i}", "created_at": now, "updated_at": now} for i in range(n_clusters)],
    ).all()
    members = np.asarray(cluster_ids, dtype=np.int64)[label]
    rows = zip(loaded.report_ids[multi].tolist(), members.tolist(), strict=True)
    insert_rows(session, ClusterReport, ("report_id", "cluster_id"), rows)
    return time.perf_counter() - started


def incremental(session: Session, samples: int) -> list[float]:
    """Time linking one new report, copied from a random existing one, ``samples`` times."""
    ids = session.scalars(select(Report.id)).all()
    rng = random.Random(1)
    report_table = cast(Table, Report.__table__)
    sighting_table = cast(Table, Sighting.__table__)
    timings: list[float] = []
    for n in range(samples):
        source = session.get_one(Report, rng.choice(ids))
        nested = session.begin_nested()
        values = {c.name: getattr(source, c.key) for c in report_table.columns if c.name != "id"}
        values["external_ref"] = f"BENCH-LINK-{n}"
        new_id = session.execute(
            insert(report_table).returning(report_table.c.id), values
        ).scalar_one()
        sightings = session.execute(
            select(Sighting.identifier_id, Sighting.role, Sighting.raw_value).where(
                Sighting.report_id == source.id
            )
        ).all()
        if sightings:
            session.execute(
                insert(sighting_table),
                [
                    {"report_id": new_id, "identifier_id": i, "role": r, "raw_value": raw}
                    for i, r, raw in sightings
                ],
            )
        started = time.perf_counter()
        link_reports(session, [new_id])
        session.flush()
        timings.append(time.perf_counter() - started)
        nested.rollback()
    return timings


def main(url: str, samples: int) -> None:
    """Measure and print rebuild/baseline ratio and incremental latency."""
    engine = make_engine(url)
    upgrade(engine)
    with session_factory(engine)() as session:
        base_s = baseline(session)
        session.rollback()
        started = time.perf_counter()
        result = rebuild(session)
        rebuild_s = time.perf_counter() - started
        session.commit()  # the incremental samples link against a rebuilt store
        timings = np.asarray(incremental(session, samples)) * 1000
        session.rollback()
    emit(
        {
            "reports": result.reports,
            "links": result.links,
            "clusters": result.clusters,
            "rebuild_s": round(rebuild_s, 3),
            "baseline_cc_s": round(base_s, 3),
            "rebuild_ratio": round(rebuild_s / base_s, 3),
            "rebuild_target": "<= 3.0",
            "incremental_samples": samples,
            "incremental_p50_ms": round(float(np.percentile(timings, 50)), 3),
            "incremental_p99_ms": round(float(np.percentile(timings, 99)), 3),
            "incremental_target": "p99 <= 20 ms",
            "peak_mib": round(self_peak_mib(), 1),
        }
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 500)
