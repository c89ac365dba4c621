"""Recompute every cluster from the store, keeping keys stable, and write results set-based."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from typing import cast

import numpy as np
from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from counterscam.db.base import utcnow
from counterscam.db.data_version import mark_changed
from counterscam.db.link_models import Cluster, ClusterLink, ClusterReport, StopEntry
from counterscam.link.conditions import DAY
from counterscam.link.figures import GROWTH_DAYS, IntArray, as_of, figures
from counterscam.link.graph import Partition, cluster
from counterscam.link.load import Loaded, load
from counterscam.link.party_evidence import refresh_documents
from counterscam.link.rules import DEFAULT_RULES, LinkRules
from counterscam.link.stoplist import stop_hubs
from counterscam.link.writes import insert_rows, key_for

log = logging.getLogger(__name__)
KEEP_KEY_JACCARD = 0.5
STEPS = ("reading", "clustering", "matching", "writing clusters", "writing links", "hubs")
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class RebuildResult:
    """What a rebuild found and wrote."""

    reports: int
    clusters: int
    linked_reports: int
    links: int
    hubs: int
    kept_keys: int
    new_keys: int
    largest: int
    seconds: float


def _noop(_step: str, _done: int, _total: int) -> None:
    return None


def rebuild(
    session: Session, *, rules: LinkRules = DEFAULT_RULES, progress: Progress | None = None
) -> RebuildResult:
    """Recompute all clusters, links and automatic hubs; the caller commits.

    Args:
        rules: the linking rules (window, hub thresholds, Leiden resolution).
        progress: told (step name, steps done, steps in all) as the rebuild goes.

    Returns:
        Counts of what was written and how many cluster keys survived.
    """
    started = time.perf_counter()
    mark_changed(session)
    tell = progress or _noop
    tell(STEPS[0], 0, len(STEPS))
    refresh_documents(session)
    loaded = load(session)
    tell(STEPS[1], 1, len(STEPS))
    part = cluster(loaded.evidence, rules)
    labels = _multi(part.labels)
    tell(STEPS[2], 2, len(STEPS))
    ids, kept = _match(session, loaded.report_ids, labels)
    tell(STEPS[3], 3, len(STEPS))
    _write_clusters(session, loaded, labels, ids)
    tell(STEPS[4], 4, len(STEPS))
    links = _write_links(session, loaded, part, labels, ids)
    tell(STEPS[5], 5, len(STEPS))
    hubs = _write_hubs(session, loaded, part, rules)
    tell("done", len(STEPS), len(STEPS))
    sizes = np.bincount(labels[labels >= 0]) if (labels >= 0).any() else np.zeros(1, np.int64)
    result = RebuildResult(
        reports=len(loaded.report_ids),
        clusters=len(ids),
        linked_reports=int((labels >= 0).sum()),
        links=links,
        hubs=hubs,
        kept_keys=kept,
        new_keys=len(ids) - kept,
        largest=int(sizes.max()),
        seconds=time.perf_counter() - started,
    )
    log.info("link rebuild: %s", result)
    return result


def _multi(labels: IntArray) -> IntArray:
    """Renumber the clusters of two or more reports 0..k-1; lone reports get -1."""
    sizes = np.bincount(labels)
    multi = sizes[labels] >= 2
    out = np.full(len(labels), -1, dtype=np.int64)
    _, out[multi] = np.unique(labels[multi], return_inverse=True)
    return out


def _match(session: Session, report_ids: IntArray, labels: IntArray) -> tuple[list[int], int]:
    """Give each new cluster the id of the old one it overlaps most (Jaccard >= 0.5)."""
    n_new = int(labels.max()) + 1 if len(labels) else 0
    rows = session.execute(select(ClusterReport.report_id, ClusterReport.cluster_id)).all()
    old = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=2 * len(rows))
    old = old.reshape(-1, 2)
    ids: list[int] = [-1] * n_new
    old_ids = set(session.scalars(select(Cluster.id)))
    kept = 0
    if len(old) and n_new:
        where = np.searchsorted(report_ids, old[:, 0])
        new_label = labels[where]
        old_size = dict(zip(*np.unique(old[:, 1], return_counts=True), strict=True))
        new_size = np.bincount(labels[labels >= 0], minlength=n_new)
        both = new_label >= 0
        pairs, overlap = np.unique(
            np.column_stack((new_label[both], old[both, 1])), axis=0, return_counts=True
        )
        jaccard = [
            c / (new_size[n] + old_size[o] - c) for (n, o), c in zip(pairs, overlap, strict=True)
        ]
        taken: set[int] = set()
        for i in np.argsort(jaccard)[::-1]:
            if jaccard[i] < KEEP_KEY_JACCARD:
                break
            n, o = int(pairs[i][0]), int(pairs[i][1])
            if ids[n] == -1 and o not in taken:
                ids[n] = o
                taken.add(o)
                kept += 1
    session.execute(delete(ClusterLink))
    session.execute(delete(ClusterReport))
    retired = sorted(old_ids - set(ids))
    for start in range(0, len(retired), 5_000):
        session.execute(delete(Cluster).where(Cluster.id.in_(retired[start : start + 5_000])))
    fresh = [n for n in range(n_new) if ids[n] == -1]
    if fresh:
        now = utcnow()
        table = cast(Table, Cluster.__table__)
        new_ids = session.scalars(
            insert(table).returning(table.c.id, sort_by_parameter_order=True),
            [{"key": f"new-{n}", "created_at": now, "updated_at": now} for n in fresh],
        ).all()
        session.execute(update(Cluster), [{"id": i, "key": key_for(i)} for i in new_ids])
        for n, i in zip(fresh, new_ids, strict=True):
            ids[n] = int(i)
    return ids, kept


def _write_clusters(session: Session, loaded: Loaded, labels: IntArray, ids: list[int]) -> None:
    linked = labels >= 0
    figs = figures(
        labels[linked],
        link_time=loaded.link_time[linked],
        reported_time=loaded.reported_time[linked],
        country=loaded.country[linked],
        loss_usd=loaded.loss_usd[linked],
        growth_since=as_of(loaded.reported_time) - GROWTH_DAYS * DAY,
    )
    now = utcnow()
    rows = [{"id": ids[label], **f.as_row(), "updated_at": now} for label, f in figs.items()]
    for start in range(0, len(rows), 10_000):
        session.execute(update(Cluster), rows[start : start + 10_000])
    cluster_of = np.asarray(ids, dtype=np.int64)
    insert_rows(
        session,
        ClusterReport,
        ("report_id", "cluster_id"),
        zip(loaded.report_ids[linked].tolist(), cluster_of[labels[linked]].tolist(), strict=True),
    )


def _write_links(
    session: Session, loaded: Loaded, part: Partition, labels: IntArray, ids: list[int]
) -> int:
    ev = loaded.evidence
    n_ident = len(loaded.identifier_ids)
    # The role each report gave the identifier (or the party its person): look (report,
    # evidence) up among the sightings.
    width = int(ev.ident.max()) + 1 if len(ev.ident) else 1
    keys = ev.rep * width + ev.ident
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]

    def found(rep: IntArray) -> IntArray:
        return order[np.searchsorted(sorted_keys, rep * width + part.link_ident)]

    def role_of(at: IntArray) -> list[str]:
        return [loaded.roles[r] for r in loaded.sighting_role[at].tolist()]

    def party_of(at: IntArray) -> list[int | None]:
        return [p if p >= 0 else None for p in loaded.sighting_party[at].tolist()]

    at_a, at_b = found(part.link_a), found(part.link_b)
    is_party = part.link_ident >= n_ident
    identifier = np.full(len(is_party), None, dtype=object)
    identifier[~is_party] = loaded.identifier_ids[part.link_ident[~is_party]].tolist()
    via = np.full(len(is_party), "identifier", dtype=object)
    if is_party.any():
        kinds = np.asarray([k.split(":", 1)[0] for k in loaded.party_keys.tolist()], dtype=object)
        via[is_party] = kinds[part.link_ident[is_party] - n_ident]
    days = np.abs(ev.report_day[part.link_b] - ev.report_day[part.link_a])
    cluster_of = np.asarray(ids, dtype=np.int64)[labels[part.link_a]]
    rows = zip(
        cluster_of.tolist(),
        loaded.report_ids[part.link_a].tolist(),
        loaded.report_ids[part.link_b].tolist(),
        identifier.tolist(),
        via.tolist(),
        party_of(at_a),
        party_of(at_b),
        role_of(at_a),
        role_of(at_b),
        days.tolist(),
        strict=True,
    )
    columns = (
        *("cluster_id", "report_a", "report_b", "identifier_id", "via"),
        *("party_a", "party_b", "role_a", "role_b", "days_apart"),
    )
    return insert_rows(session, ClusterLink, columns, rows)


def _write_hubs(session: Session, loaded: Loaded, part: Partition, rules: LinkRules) -> int:
    """Record the hubs the rules found as ``auto`` stop entries, with their reason."""
    session.execute(delete(StopEntry).where(StopEntry.added_by == "auto"))
    # Persons and documents that behave like hubs do not link either, but the stop-list
    # holds identifiers only.
    ident = part.hub_ident < len(loaded.identifier_ids)
    hubs = zip(
        loaded.identifier_ids[part.hub_ident[ident]].tolist(),
        part.hub_reports[ident].tolist(),
        part.hub_span[ident].tolist(),
        strict=True,
    )
    return stop_hubs(session, list(hubs), rules)
