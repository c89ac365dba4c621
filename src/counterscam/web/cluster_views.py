"""Cluster pages' data: the list, the brief, the network, each read once and its audit kept.

The link services add their audit rows without committing; these builders commit them, as
``report_views`` does, so the request's closing rollback cannot drop the record of a read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TypeVar
from urllib.parse import urlencode

from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.link.brief import ClusterBrief, ClusterHidden, ClusterNotFound, cluster_brief
from counterscam.link.listing import SORTS, ClusterPage, ClusterSummary, list_clusters
from counterscam.link.network import ClusterGraph, cluster_graph
from counterscam.web.tables import Column, Table

T = TypeVar("T")
EXPORT_PAGES = 20  # 20 pages of 500: the CSV of the list stops at 10,000 clusters
SORT_LABELS = {
    "loss": "Total loss",
    "countries": "Countries involved",
    "reports": "Number of reports",
    "growth": "Growth in the last 30 days",
    "recent": "Most recent report",
}
assert set(SORT_LABELS) == set(SORTS)

LIST_COLUMNS = (
    Column("key", "Cluster", "code", link="href"),
    Column("reports", "Reports", "count"),
    Column("hidden_text", "Held by others", "plus"),
    Column("hidden_reports", "Reports held by other agencies", html=False),
    Column("countries_text", "Countries"),
    Column("compounds_text", "Compounds"),
    Column("total_loss_usd", "Loss (USD)", "usd"),
    # Counts of reports, said so: "Last 30 days" and "Yours" over a bare 92 left one asking
    # "92 what?" (and read the same in the CSV's header).
    Column("growth_30d", "Reports in the last 30 days", "count"),
    Column("first_seen", "First report", "date", zone="countries", wide_only=True),
    Column("last_seen", "Latest report", "date", zone="countries"),
    Column("own_reports", "Your reports", "count"),
)


@dataclass(frozen=True)
class ClusterFilters:
    """The sort and filters of the cluster list."""

    sort: str = "loss"
    country: str = ""
    scam_type: str = ""
    compound: str = ""

    def query_string(self, *, with_sort: bool = True) -> str:
        """Return the filters as URL parameters (for pagination and CSV links)."""
        pairs = [
            ("sort", self.sort if with_sort and self.sort != "loss" else ""),
            ("country", self.country),
            ("scam_type", self.scam_type),
            ("compound", self.compound),
        ]
        return urlencode([(k, v) for k, v in pairs if v])

    @property
    def active(self) -> bool:
        """Tell whether any filter (not the sort) narrows the list."""
        return bool(self.country or self.scam_type or self.compound)


@dataclass(frozen=True)
class ClusterListView:
    """One page of the cluster list and its table."""

    page: ClusterPage
    table: Table


def _committed(session: Session, read: Callable[[], T]) -> T:
    """Run a link read and commit its audit row, also when it answers 'hidden' or 'no such'."""
    try:
        result = read()
    except (ClusterHidden, ClusterNotFound):
        session.commit()
        raise
    session.commit()
    return result


def _list_rows(items: list[ClusterSummary]) -> list[dict[str, object]]:
    return [
        {
            "key": c.key,
            "href": f"/clusters/{c.key}",
            "reports": c.reports,
            "hidden_reports": c.hidden_reports,
            # The header says whose: "+186 held by other agencies" wrapped every row in three.
            "hidden_text": f"+{c.hidden_reports:,}" if c.hidden_reports else "",
            "countries_text": ", ".join(c.countries),
            "countries": c.countries,
            "compounds_text": ", ".join(c.compounds),
            "total_loss_usd": c.total_loss_usd,
            "growth_30d": c.growth_30d,
            "first_seen": c.first_seen,
            "last_seen": c.last_seen,
            "own_reports": c.own_reports,
        }
        for c in items
    ]


def _page(
    session: Session, caller: Caller, filters: ClusterFilters, page: int, per_page: int
) -> ClusterPage:
    return list_clusters(
        session,
        caller,
        sort=filters.sort,
        country=filters.country or None,
        scam_type=filters.scam_type or None,
        compound=filters.compound or None,
        page=page,
        per_page=per_page,
        channel="web",
    )


def cluster_list(
    session: Session, caller: Caller, *, filters: ClusterFilters, page: int, per_page: int = 50
) -> ClusterListView:
    """Return one page of the clusters the caller may see, sorted and filtered; audited."""
    found = _committed(session, lambda: _page(session, caller, filters, page, per_page))
    table = Table(
        caption=f"{found.total:,} clusters",
        columns=LIST_COLUMNS,
        rows=_list_rows(found.items),
        csv_name="clusters.csv",
    )
    return ClusterListView(page=found, table=table)


def export_cluster_list(session: Session, caller: Caller, *, filters: ClusterFilters) -> Table:
    """Return every cluster of the list under the filters as one table (up to 10,000)."""
    items: list[ClusterSummary] = []
    for number in range(1, EXPORT_PAGES + 1):
        found = _committed(session, partial(_page, session, caller, filters, number, 500))
        items.extend(found.items)
        if number * found.per_page >= found.total:
            break
    return Table(
        caption="Clusters", columns=LIST_COLUMNS, rows=_list_rows(items), csv_name="clusters.csv"
    )


def read_brief(session: Session, caller: Caller, key: str) -> ClusterBrief:
    """Return the brief of a cluster (raises ClusterNotFound or ClusterHidden); audited."""
    return _committed(session, lambda: cluster_brief(session, caller, key, channel="web"))


def read_graph(session: Session, caller: Caller, key: str, *, limit: int = 5000) -> ClusterGraph:
    """Return the network of a cluster (raises as ``read_brief``); audited."""
    return _committed(
        session, lambda: cluster_graph(session, caller, key, limit=limit, channel="web")
    )
