"""Take resubmitted reports out of their clusters before incremental linking places them again.

A resubmission usually corrects an identifier (a mistyped number fixed); the report must not
stay in the cluster its old identifiers put it in. It leaves, the cluster's figures are
recomputed from the reports it keeps, and the report is linked as a new one. A cluster it
leaves is not split: when the report bridged two groups of it, they stay one cluster until
the next rebuild (only a rebuild splits).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, case, delete, func, select, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from counterscam.db.base import utcnow
from counterscam.db.dialect import epoch_seconds_in
from counterscam.db.link_models import Cluster, ClusterLink, ClusterReport
from counterscam.db.models import Report
from counterscam.db.prepared import Prepared
from counterscam.link.conditions import link_time_in
from counterscam.link.figures import Figures
from counterscam.link.named import IN_CHUNK


@lru_cache(maxsize=4)
def _clustered(dialect: Dialect) -> Prepared:
    """By cluster_report's primary key: the one read the common path (no resubmission) pays,
    on the driver's cursor (db.prepared) as a large import reads it for every report."""
    statement = select(ClusterReport.report_id, ClusterReport.cluster_id).where(
        ClusterReport.report_id.in_(bindparam("ids", expanding=True))
    )
    return Prepared(statement, dialect, ("ids",))


_LEAVE = delete(ClusterReport).where(ClusterReport.report_id.in_(bindparam("ids", expanding=True)))


@dataclass
class Left:
    """The clusters resubmitted reports left, and which of them no report is in any more."""

    # The reports that left a cluster: the only ones of a batch that can have links, since
    # every report a link names is in the cluster the link explains.
    reports: list[int] = field(default_factory=list)
    clusters: list[int] = field(default_factory=list)
    # An emptied cluster's former reports: linked together again, they found it again (keeping
    # its key) rather than a new one, as when an agency re-runs a whole import.
    vacated: dict[int, int] = field(default_factory=dict)  # report id -> its emptied cluster

    def reuse(self, loose: list[int], taken: set[int]) -> int | None:
        """Return the emptied cluster most of these unclustered reports left, if not taken."""
        votes = Counter(self.vacated[r] for r in loose if r in self.vacated)
        for cluster_id, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            if cluster_id not in taken:
                return cluster_id
        return None


def leave_clusters(
    session: Session, report_ids: list[int], *, growth_since: Callable[[], int]
) -> Left:
    """Take the given reports out of the clusters they are in; recompute those clusters' figures.

    A cluster left with no report keeps its row for now (see ``Left.vacated``); one left with a
    single report too, so the report rejoins it when it links there again. ``retire`` deletes
    them after linking if they still hold fewer than two reports. ``growth_since`` is asked
    only when a report did leave: new reports cost one read of ``cluster_report``.
    """
    connection = session.connection()
    query = _clustered(connection.dialect)
    cluster_of: dict[int, int] = {}
    for start in range(0, len(report_ids), IN_CHUNK):
        chunk = report_ids[start : start + IN_CHUNK]
        cluster_of.update((r, c) for r, c in query.raw(connection, {"ids": chunk}))
    if not cluster_of:
        return Left()
    leaving = sorted(cluster_of)
    for start in range(0, len(leaving), IN_CHUNK):
        connection.execute(_LEAVE, {"ids": leaving[start : start + IN_CHUNK]})
    clusters = sorted(set(cluster_of.values()))
    kept = member_figures(session, clusters, growth_since=growth_since())
    write_figures(session, kept)
    return Left(
        reports=leaving,
        clusters=clusters,
        vacated={r: c for r, c in cluster_of.items() if c not in kept},
    )


@lru_cache(maxsize=4)
def _figures_query(dialect: str) -> Select[Any]:
    link_time = link_time_in(dialect)
    recent = epoch_seconds_in(dialect, Report.reported_at) >= bindparam("since")
    return (
        select(
            ClusterReport.cluster_id,
            Report.country,
            func.count(),
            # Each report's loss rounded to the cent first, as a cluster of one stores it.
            func.sum(func.round(func.coalesce(Report.loss_usd, 0), 2)),
            func.min(link_time),
            func.max(link_time),
            func.sum(case((recent, 1), else_=0)),
        )
        .join(Report, Report.id == ClusterReport.report_id)
        .where(ClusterReport.cluster_id.in_(bindparam("clusters", expanding=True)))
        .group_by(ClusterReport.cluster_id, Report.country)
    )


def member_figures(
    session: Session, cluster_ids: list[int], *, growth_since: int
) -> dict[int, Figures]:
    """Return the figures of the given clusters from the reports in them (none if empty).

    The definitions are ``link.figures``' and incremental linking's: link time is the incident
    else the reported time, growth counts reports reported since ``growth_since``.
    """
    connection = session.connection()
    query = _figures_query(connection.dialect.name)
    by_country: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for start in range(0, len(cluster_ids), IN_CHUNK):
        chunk = cluster_ids[start : start + IN_CHUNK]
        for cid, *row in connection.execute(query, {"clusters": chunk, "since": growth_since}):
            by_country[cid].append(tuple(row))
    found: dict[int, Figures] = {}
    for cid, rows in by_country.items():
        countries = sorted({country for country, *_ in rows})
        found[cid] = Figures(
            report_count=sum(int(count) for _, count, *_ in rows),
            country_count=len(countries),
            countries=",".join(countries),
            # A decimal on PostgreSQL, a float of whole cents on SQLite.
            total_loss_usd=sum((Decimal(f"{r[2]:.2f}") for r in rows), start=Decimal(0)),
            first_seen=datetime.fromtimestamp(min(int(r[3]) for r in rows), UTC),
            last_seen=datetime.fromtimestamp(max(int(r[4]) for r in rows), UTC),
            growth_30d=sum(int(r[5]) for r in rows),
        )
    return found


def write_figures(session: Session, figures: Mapping[int, Figures]) -> None:
    """Store clusters' figures, by cluster id."""
    if not figures:
        return
    now = utcnow()
    table = cast(Table, Cluster.__table__)
    rows = [{"cid": cid, **f.as_row(), "updated_at": now} for cid, f in figures.items()]
    names = [n for n in rows[0] if n != "cid"]
    session.connection().execute(
        update(table)
        .where(table.c.id == bindparam("cid"))
        .values({n: bindparam(f"v_{n}") for n in names}),
        [{"cid": r["cid"], **{f"v_{n}": r[n] for n in names}} for r in rows],
    )


def retire(session: Session, cluster_ids: list[int]) -> None:
    """Delete those of the clusters that hold fewer than two reports now, with their rows.

    A rebuild keeps no cluster of one report (a lone report has no ``cluster_report`` row).
    """
    connection = session.connection()
    counts: dict[int, int] = {}
    for start in range(0, len(cluster_ids), IN_CHUNK):
        chunk = cluster_ids[start : start + IN_CHUNK]
        rows = connection.execute(
            select(ClusterReport.cluster_id, func.count())
            .where(ClusterReport.cluster_id.in_(chunk))
            .group_by(ClusterReport.cluster_id)
        )
        counts.update((c, n) for c, n in rows)
    dead = [c for c in cluster_ids if counts.get(c, 0) < 2]
    for start in range(0, len(dead), IN_CHUNK):
        chunk = dead[start : start + IN_CHUNK]
        connection.execute(delete(ClusterLink).where(ClusterLink.cluster_id.in_(chunk)))
        connection.execute(delete(ClusterReport).where(ClusterReport.cluster_id.in_(chunk)))
        connection.execute(delete(Cluster).where(Cluster.id.in_(chunk)))
