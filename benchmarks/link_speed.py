"""Linking speed: full rebuild against plain connected components.

    python -m benchmarks.link_speed sqlite:///bench-data/import-20000.db

Baseline, measured in the same run on the same data: read the same linking sightings from
SQL, build the same chained edge list, scipy's ``connected_components``, and write one
cluster row per component and each report's cluster set-based (what a plain
connected-components rebuild must do at least). The rebuild adds the
hub rules, Leiden on large components, stable keys, figures and the explained links. Both run
in a transaction that is rolled back, so the database is left as it was.

One new report's linking is timed by benchmarks/link_incremental.py, in a process of its own.
"""

from __future__ import annotations

import sys
import time
from typing import cast

import numpy as np
from sqlalchemy import Table, delete, insert
from sqlalchemy.orm import Session

from benchmarks.common import emit, self_peak_mib
from counterscam.db.base import utcnow
from counterscam.db.engine import make_engine, session_factory
from counterscam.db.link_models import Cluster, ClusterLink, ClusterReport
from counterscam.db.migrate import upgrade
from counterscam.link.graph import _chain, _runs, components
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
    labels = components(len(loaded.report_ids), a, b)
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


def main(url: str) -> None:
    """Measure and print the rebuild/baseline ratio; the rebuilt clusters are committed."""
    engine = make_engine(url)
    upgrade(engine)
    with session_factory(engine)() as session:
        base_s = baseline(session)
        session.rollback()
        started = time.perf_counter()
        result = rebuild(session)
        rebuild_s = time.perf_counter() - started
        session.commit()  # link_incremental then links new reports against a rebuilt store
    emit(
        {
            "reports": result.reports,
            "links": result.links,
            "clusters": result.clusters,
            "rebuild_s": round(rebuild_s, 3),
            "baseline_cc_s": round(base_s, 3),
            "rebuild_ratio": round(rebuild_s / base_s, 3),
            "rebuild_target": "<= 3.0",
            "peak_mib": round(self_peak_mib(), 1),
        }
    )


if __name__ == "__main__":
    main(sys.argv[1])
