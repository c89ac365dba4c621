"""Linking quality on a synthetic region with ground truth, beside plain connected components.

    python -m benchmarks.link_quality sqlite:///bench-data/import-20000.db bench-data/region-20000

The database must hold the imported region. Prints one JSON line: for our clusters (the
rebuild's), for the clusters intake built incrementally (as stored, before any rebuild),
for plain connected components over every sighting, and for the reachable ceiling (connected
components over each report's own syndicate's identifiers only): pairwise precision, recall,
F1, B-cubed F1, the largest cluster's share, and recall as a fraction of the ceiling's.
Lone scams (syndicate ``none``) are singletons in the truth.
"""

from __future__ import annotations

import csv
import dataclasses
import sys
from itertools import chain
from pathlib import Path

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from sqlalchemy import select
from sqlalchemy.orm import Session

from benchmarks.common import emit
from counterscam.db.engine import make_engine, session_factory
from counterscam.db.link_models import ClusterReport
from counterscam.db.migrate import upgrade
from counterscam.db.models import Agency, Report, Sighting
from counterscam.link.figures import IntArray
from counterscam.link.graph import cluster
from counterscam.link.load import load
from counterscam.link.metrics import Quality, compare


def _components(n: int, a: IntArray, b: IntArray) -> IntArray:
    m = int(max(n, b.max() + 1 if len(b) else 0))
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(m, m))
    return np.asarray(connected_components(graph, directed=False)[1][:n], dtype=np.int64)


def _truth(session: Session, report_ids: IntArray, region: Path) -> tuple[IntArray, IntArray]:
    """Return the true syndicate of each report and the reachable ceiling's clusters."""
    rows = session.execute(select(Report.id, Agency.code, Report.external_ref).join(Agency))
    index = {(code, ref): int(np.searchsorted(report_ids, rid)) for rid, code, ref in rows}
    n = len(report_ids)
    truth = np.arange(n, dtype=np.int64) + 1_000_000  # lone scams: singletons
    with (region / "ground_truth" / "reports.csv").open() as handle:
        for row in csv.DictReader(handle):
            if row["syndicate"] != "none":
                truth[index[(row["agency"], row["external_ref"])]] = int(row["syndicate"][1:])
    owner: dict[str, int] = {}
    with (region / "ground_truth" / "identifiers.csv").open() as handle:
        for row in csv.DictReader(handle):
            if row["category"] == "syndicate" and row["syndicate"]:
                owner[row["identifier_id"]] = int(row["syndicate"][1:])
    a: list[int] = []
    b: list[int] = []
    with (region / "ground_truth" / "sightings.csv").open() as handle:
        for row in csv.DictReader(handle):
            i = index[(row["agency"], row["external_ref"])]
            if owner.get(row["identifier_id"]) == truth[i]:
                a.append(i)
                b.append(n + int(row["identifier_id"]))
    ceiling = _components(n, np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64))
    return truth, ceiling


def _plain(session: Session, report_ids: IntArray) -> IntArray:
    """Connected components over every sighting, whatever its role: the naive baseline."""
    rows = session.execute(select(Sighting.report_id, Sighting.identifier_id)).all()
    pairs = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=2 * len(rows))
    pairs = pairs.reshape(-1, 2)
    n = len(report_ids)
    _, ident = np.unique(pairs[:, 1], return_inverse=True)
    return _components(n, np.searchsorted(report_ids, pairs[:, 0]), ident + n)


def _stored(session: Session, report_ids: IntArray) -> IntArray | None:
    rows = session.execute(select(ClusterReport.report_id, ClusterReport.cluster_id)).all()
    if not rows:
        return None
    labels = np.arange(len(report_ids), dtype=np.int64) + 10**9
    for rid, cid in rows:
        labels[np.searchsorted(report_ids, rid)] = cid
    return labels


def _row(q: Quality, ceiling: Quality) -> dict[str, object]:
    out: dict[str, object] = {k: round(v, 4) for k, v in dataclasses.asdict(q).items()}
    out["recall_of_ceiling"] = round(q.recall / ceiling.recall, 4) if ceiling.recall else None
    return out


def main(url: str, region: Path) -> None:
    """Measure and print the quality figures."""
    engine = make_engine(url)
    upgrade(engine)
    with session_factory(engine)() as session:
        loaded = load(session)
        truth, ceiling_labels = _truth(session, loaded.report_ids, region)
        ceiling = compare(ceiling_labels, truth)
        ours = cluster(loaded.evidence).labels
        result: dict[str, object] = {
            "reports": len(loaded.report_ids),
            "ceiling": _row(ceiling, ceiling),
            "ours": _row(compare(ours, truth), ceiling),
            "plain_connected_components": _row(
                compare(_plain(session, loaded.report_ids), truth), ceiling
            ),
        }
        stored = _stored(session, loaded.report_ids)
        if stored is not None:
            result["stored_now"] = _row(compare(stored, truth), ceiling)
    emit(result)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
