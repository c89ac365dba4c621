"""The cluster list an analyst sees: figures over the reports the caller may see.

Each cluster's figures are counted in SQL with the access condition in the query, for every
cluster at once, and kept per visibility class until the data changes
(``access.figures_cache``); sorting and paging those figures is then done here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, func, literal_column, select, tuple_
from sqlalchemy.orm import Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.figures_cache import FiguresCache
from counterscam.access.policy import report_visible
from counterscam.db.link_models import Cluster, ClusterReport
from counterscam.db.models import Place, Report
from counterscam.link.compound_names import compound_identity, compound_key, other_names
from counterscam.link.trafficking import cluster_compounds
from counterscam.sorting import checked

SORTS = ("loss", "countries", "reports", "growth", "recent")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class ClusterSummary:
    """One row of the cluster list; figures count only reports the caller may see.

    Attributes:
        hidden_reports: reports of the cluster held by others that the caller may not see
            (hit/no-hit: the brief names their holders and how to ask).
        total_reports: all reports of the cluster, seen or not.
        compounds: compounds the cluster is tied to (named by its reports, or by rescue
            reports through a recruiter's contact its reports name; see link.trafficking).
    """

    key: str
    reports: int
    hidden_reports: int
    total_reports: int
    countries: list[str]
    total_loss_usd: Decimal
    first_seen: datetime | None
    last_seen: datetime | None
    growth_30d: int
    own_reports: int
    compounds: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ClusterPage:
    """One page of clusters and how many match in all."""

    items: list[ClusterSummary]
    total: int
    page: int
    per_page: int
    sort: str


@dataclass(frozen=True)
class LargestCluster:
    """The largest cluster by the reports a caller may see, and how many reports they see."""

    reports: int
    of_reports: int


def largest_cluster(session: Session, caller: Caller) -> LargestCluster:
    """Return the most reports ``caller`` may see in one cluster, and all the reports they see.

    Counted as the cluster list counts, so the figures match what the caller is shown there.
    """
    visible = report_visible(caller)
    per_cluster = (
        select(func.count().label("reports"))
        .select_from(ClusterReport)
        .join(Report, Report.id == ClusterReport.report_id)
        .where(visible)
        .group_by(_CLUSTER)
        .subquery()
    )
    largest = session.scalar(select(func.max(per_cluster.c.reports))) or 0
    seen = session.scalar(select(func.count()).select_from(Report).where(visible)) or 0
    return LargestCluster(reports=int(largest), of_reports=int(seen))


def _filters(
    session: Session,
    query: Select[Any],
    country: str | None,
    scam_type: str | None,
    compound: str | None,
) -> Select[Any]:
    if country:
        query = query.where(Report.country == country)
    if scam_type:
        query = query.where(Report.scam_type == scam_type)
    if compound:
        named = select(Place.id).where(
            Place.report_id == Report.id,
            Place.kind == "compound",
            tuple_(Place.name, func.coalesce(Place.country, "")).in_(
                _compounds_named(session, compound)
            ),
        )
        query = query.where(named.exists())
    return query


def _compounds_named(session: Session, asked: str) -> list[tuple[str, str]]:
    """Return the (name, country) of the compounds reports name that ``asked`` finds.

    Part of the name as written or of another name of the compound (``Yatai`` finds Shwe
    Kokko), or part of its key (``Shwe Koko`` and ``shwe-kokko`` find it too); a key of one or
    two letters would find nearly every compound, so it must be part of a name as written.
    ``_`` and ``%`` are letters, not LIKE's wildcards.
    """
    text = _folded(asked).strip()
    key = compound_key(asked)
    found = []
    # The distinct compound names are few beside the reports; the key is computed here, as
    # SQL cannot compute it alike on SQLite and PostgreSQL.
    for name, country in session.execute(
        select(Place.name, func.coalesce(Place.country, ""))
        .where(Place.kind == "compound")
        .distinct()
    ):
        names = (name, *other_names(compound_identity(name, country)))
        if any(
            (text and text in _folded(n)) or (len(key) >= 3 and key in compound_key(n))
            for n in names
        ):
            found.append((name, country))
    return found


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True, slots=True)
class _Figures:
    """One cluster's figures over the reports a visibility class may see (growth aside)."""

    cluster_id: int
    key: str
    reports: int
    total_reports: int
    own_reports: int
    loss_usd: Decimal
    first_seen: datetime | None
    last_seen: datetime | None
    countries: list[str]


@dataclass
class _Listing:
    """The figures of every cluster with a report the class may see; orders as asked for."""

    clusters: dict[int, _Figures]
    orders: dict[tuple[str, datetime | None], list[int]] = field(default_factory=dict)
    compounds: dict[int, list[str]] | None = None  # read with the first page asked for


# Every page used to aggregate all clusters' reports under the policy twice (count, page) and
# then a page's again: 6-9 s at a million reports. The figures of all clusters now come from one
# grouped scan, kept per visibility class until the data changes (access.figures_cache).
_CACHE = FiguresCache(size=256)


def list_clusters(
    session: Session,
    caller: Caller,
    *,
    sort: str = "loss",
    country: str | None = None,
    scam_type: str | None = None,
    compound: str | None = None,
    page: int = 1,
    per_page: int = 50,
    channel: str = "web",
) -> ClusterPage:
    """Return the clusters holding reports the caller may see, sorted and filtered; audited.

    Args:
        sort: loss, countries, reports, growth (reports in the last 30 days) or recent.
        country, scam_type, compound: keep clusters with a visible report of that reporting
            country, scam type, or naming a compound one of whose names contains this text
            (in any spelling: ``Shwe Koko`` and ``Yatai`` find ``Shwe Kokko``).
    """
    checked(sort, SORTS)
    listing = _CACHE.get(session, caller, "list", lambda: _listing(session, caller))
    since = _growth_since(session, caller)
    growth = _CACHE.get(session, caller, ("growth", since), lambda: _growth(session, caller, since))
    # Only the growth order depends on the window, which moves with the clock when a report
    # is dated after now: that one order is kept for the latest window only.
    order_key = (sort, since if sort == "growth" else None)
    ordered = listing.orders.get(order_key)
    if ordered is None:
        ordered = sorted(listing.clusters, key=_sort_key(sort, listing.clusters, growth))
        if sort == "growth":
            listing.orders = {k: v for k, v in listing.orders.items() if k[0] != "growth"}
        listing.orders[order_key] = ordered
    if country or scam_type or compound:
        wanted = (country, scam_type, _folded(compound) if compound else compound)
        matching = _CACHE.get(
            session,
            caller,
            ("matching", wanted),
            lambda: _matching(session, caller, country, scam_type, compound),
        )
        ordered = [c for c in ordered if c in matching]
    total = len(ordered)
    per_page, page = max(1, min(per_page, 500)), max(1, page)
    shown = ordered[(page - 1) * per_page : page * per_page]
    items = _summaries(session, caller, listing, shown, growth)
    audit.record_read(
        session,
        caller,
        channel=channel,
        action="list_clusters",
        query=f"sort={sort} country={country or ''} scam_type={scam_type or ''} "
        f"compound={compound or ''} page={page} per_page={per_page}",
        hits=total,
    )
    return ClusterPage(items=items, total=total, page=page, per_page=per_page, sort=sort)


def _sort_key(
    sort: str, clusters: dict[int, _Figures], growth: dict[int, int]
) -> Callable[[int], tuple[Any, ...]]:
    """Return the order of a sort: largest first, ties by cluster id, as the pages number."""

    def key(cid: int) -> tuple[Any, ...]:
        f = clusters[cid]
        if sort == "loss":
            return (-f.loss_usd, cid)
        if sort == "countries":
            return (-len(f.countries), cid)
        if sort == "reports":
            return (-f.reports, cid)
        if sort == "growth":
            return (-growth.get(cid, 0), cid)
        # recent: every listed cluster has a visible report, so a latest one
        return (-(f.last_seen or _EPOCH).timestamp(), cid)

    return key


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# The cluster id as an expression, not the column: grouped by the column, SQLite walked the
# cluster index and read each report at random (2.0 s at a million reports); by this, it scans
# the reports in order and finds each one's cluster by key (1.0 s), and reads only the reports
# of the last 30 days for the growth (1.6 s to 0.06 s). Literal, so PostgreSQL sees the same
# expression in SELECT and GROUP BY.
_CLUSTER = ClusterReport.cluster_id + literal_column("0")


def _listing(session: Session, caller: Caller) -> _Listing:
    """Return the figures of every cluster holding a report the caller may see."""
    # Grouped by country too, so the countries come from the same scan; each group counts
    # and sums only visible reports (the WHERE), and a cluster's figures are its groups' sums.
    own = func.sum(case((Report.agency_id == caller.agency_id, 1), else_=0))
    query = (
        select(
            _CLUSTER,
            Report.country,
            func.count(),
            own,
            func.sum(Report.loss_usd),  # NULL: none of the group's reports gives a loss
            func.min(Report.reported_at),
            func.max(Report.reported_at),
        )
        .join(Report, Report.id == ClusterReport.report_id)
        .where(report_visible(caller))
        .group_by(_CLUSTER, Report.country)
    )
    groups: dict[int, list[tuple[Any, ...]]] = {}
    for cid, *rest in session.execute(query):
        groups.setdefault(int(cid), []).append(tuple(rest))
    if not groups:
        return _Listing(clusters={})
    # All of a cluster's reports, seen or not, for "held by others": from the cluster index.
    totals = {
        int(cid): int(n)
        for cid, n in session.execute(
            select(ClusterReport.cluster_id, func.count()).group_by(ClusterReport.cluster_id)
        )
    }
    keys = {int(cid): str(key) for cid, key in session.execute(select(Cluster.id, Cluster.key))}
    clusters = {}
    for cid, rows in groups.items():
        if cid not in keys:
            continue
        firsts = [t for t in (_as_time(r[4]) for r in rows) if t is not None]
        lasts = [t for t in (_as_time(r[5]) for r in rows) if t is not None]
        clusters[cid] = _Figures(
            cluster_id=cid,
            key=keys[cid],
            reports=sum(int(r[1]) for r in rows),
            total_reports=int(totals.get(cid, 0)),
            own_reports=sum(int(r[2] or 0) for r in rows),
            loss_usd=given_total(r[3] for r in rows),
            first_seen=min(firsts, default=None),
            last_seen=max(lasts, default=None),
            countries=sorted(str(r[0]) for r in rows),
        )
    return _Listing(clusters=clusters)


def given_total(losses: Iterable[Any]) -> Decimal:
    """Return the total of the losses given (``None``: none given), to the cent; ``0`` when
    none is given. The cluster list and brief say it as the check does: ``0.00`` is a loss of
    nothing given (a failed attempt)."""
    given = [Decimal(str(loss)) for loss in losses if loss is not None]
    return sum(given, Decimal(0)).quantize(CENT) if given else Decimal(0)


def _growth(session: Session, caller: Caller, since: datetime) -> dict[int, int]:
    """Return each cluster's visible reports reported since ``since``."""
    rows = session.execute(
        select(_CLUSTER, func.count())
        .join(Report, Report.id == ClusterReport.report_id)
        .where(report_visible(caller), Report.reported_at >= since)
        .group_by(_CLUSTER)
    )
    return {int(cid): int(n) for cid, n in rows}


def _matching(
    session: Session,
    caller: Caller,
    country: str | None,
    scam_type: str | None,
    compound: str | None,
) -> frozenset[int]:
    """Return the clusters with a visible report matching the filters."""
    query = _filters(
        session,
        select(_CLUSTER)
        .join(Report, Report.id == ClusterReport.report_id)
        .where(report_visible(caller)),
        country,
        scam_type,
        compound,
    )
    return frozenset(int(cid) for cid in session.scalars(query.distinct()))


def _growth_since(session: Session, caller: Caller) -> datetime:
    """Return the start of the growth window: 30 days back from now, or from the newest
    report the caller may see when that is earlier (a region loaded from an archive).

    Anchored on what the caller may see: the newest report overall would tell a partner when
    the latest report it may not see came in.
    """
    now = datetime.now(UTC)
    newest = _CACHE.get(session, caller, "newest", lambda: _newest(session, caller))
    return min(now, newest or now) - timedelta(days=30)


def _newest(session: Session, caller: Caller) -> datetime | None:
    return _as_time(
        session.scalar(select(func.max(Report.reported_at)).where(report_visible(caller)))
    )


def _summaries(
    session: Session,
    caller: Caller,
    listing: _Listing,
    cluster_ids: list[int],
    growth: dict[int, int],
) -> list[ClusterSummary]:
    """Return the summaries of these clusters, in this order, over what the caller may see."""
    if listing.compounds is None and cluster_ids:
        # All clusters' at once: the walk from compounds to clusters costs the same for a page.
        listing.compounds = cluster_compounds(session, caller, None)
    compounds = listing.compounds or {}
    items = []
    for cid in cluster_ids:
        f = listing.clusters[cid]
        items.append(
            ClusterSummary(
                key=f.key,
                reports=f.reports,
                hidden_reports=f.total_reports - f.reports,
                total_reports=f.total_reports,
                countries=list(f.countries),
                total_loss_usd=f.loss_usd,
                first_seen=f.first_seen,
                last_seen=f.last_seen,
                growth_30d=growth.get(cid, 0),
                own_reports=f.own_reports,
                compounds=list(compounds.get(cid, [])),
            )
        )
    return items


def _as_time(value: object) -> datetime | None:
    """Read a min()/max() of a timestamp: SQLite hands back text, PostgreSQL a datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)
