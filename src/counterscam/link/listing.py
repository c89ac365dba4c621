"""The cluster list an analyst sees: figures over the reports the caller may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, case, distinct, func, select
from sqlalchemy.orm import Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.policy import report_visible
from counterscam.db.link_models import Cluster, ClusterReport
from counterscam.db.models import Place, Report
from counterscam.link.trafficking import cluster_compounds
from counterscam.sorting import Order, checked, order_by

SORTS = ("loss", "countries", "reports", "growth", "recent")


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


def _filters(
    query: Select[Any], country: str | None, scam_type: str | None, compound: str | None
) -> Select[Any]:
    if country:
        query = query.where(Report.country == country)
    if scam_type:
        query = query.where(Report.scam_type == scam_type)
    if compound:
        named = select(Place.id).where(
            Place.report_id == Report.id,
            Place.kind == "compound",
            func.lower(Place.name).contains(compound.lower()),
        )
        query = query.where(named.exists())
    return query


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
            country, scam type, or naming a compound whose name contains this text.
    """
    checked(sort, SORTS)
    visible = report_visible(caller)
    matching = _filters(
        select(ClusterReport.cluster_id)
        .join(Report, Report.id == ClusterReport.report_id)
        .where(visible),
        country,
        scam_type,
        compound,
    )
    reports = func.count(Report.id)
    loss = func.coalesce(func.sum(Report.loss_usd), 0)
    n_countries = func.count(distinct(Report.country))
    recent = func.sum(case((Report.reported_at >= _growth_since(session, caller), 1), else_=0))
    cluster = ClusterReport.cluster_id.asc()
    orders: dict[str, Order] = {
        "loss": (loss.desc(), cluster),
        "countries": (n_countries.desc(), cluster),
        "reports": (reports.desc(), cluster),
        "growth": (recent.desc(), cluster),
        "recent": (func.max(Report.reported_at).desc(), cluster),
    }
    query = (
        select(ClusterReport.cluster_id, reports, loss, recent, func.min(Report.reported_at))
        .join(Report, Report.id == ClusterReport.report_id)
        .where(visible, ClusterReport.cluster_id.in_(matching))
        .group_by(ClusterReport.cluster_id)
    )
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    per_page, page = max(1, min(per_page, 500)), max(1, page)
    rows = session.execute(
        query.order_by(*order_by(sort, orders)).limit(per_page).offset((page - 1) * per_page)
    ).all()
    items = _summaries(session, caller, [r[0] for r in rows])
    audit.record(
        session,
        caller,
        channel=channel,
        action="list_clusters",
        query=f"sort={sort} country={country or ''} scam_type={scam_type or ''} "
        f"compound={compound or ''} page={page}",
        hits=total,
    )
    return ClusterPage(items=items, total=total, page=page, per_page=per_page, sort=sort)


def _growth_since(session: Session, caller: Caller) -> datetime:
    """Return the start of the growth window: 30 days back from now, or from the newest
    report the caller may see when that is earlier (a region loaded from an archive).

    Anchored on what the caller may see: the newest report overall would tell a partner when
    the latest report it may not see came in.
    """
    now = datetime.now(UTC)
    newest = _as_time(
        session.scalar(select(func.max(Report.reported_at)).where(report_visible(caller)))
    )
    return min(now, newest or now) - timedelta(days=30)


def _summaries(session: Session, caller: Caller, cluster_ids: list[int]) -> list[ClusterSummary]:
    """Return the summaries of these clusters, in this order, over what the caller may see."""
    if not cluster_ids:
        return []
    visible = report_visible(caller)
    since = _growth_since(session, caller)
    seen = func.sum(case((visible, 1), else_=0))
    recent = func.sum(case((and_(visible, Report.reported_at >= since), 1), else_=0))
    own = func.sum(case((Report.agency_id == caller.agency_id, 1), else_=0))
    rows = session.execute(
        select(
            Cluster.id,
            Cluster.key,
            recent,
            func.count(Report.id),
            seen,
            own,
            func.coalesce(func.sum(case((visible, Report.loss_usd), else_=0)), 0),
            func.min(case((visible, Report.reported_at))),
            func.max(case((visible, Report.reported_at))),
        )
        .join(ClusterReport, ClusterReport.cluster_id == Cluster.id)
        .join(Report, Report.id == ClusterReport.report_id)
        .where(Cluster.id.in_(cluster_ids))
        .group_by(Cluster.id, Cluster.key)
    ).all()
    countries: dict[int, list[str]] = {}
    for cid, code in session.execute(
        select(ClusterReport.cluster_id, Report.country)
        .join(Report, Report.id == ClusterReport.report_id)
        .where(and_(ClusterReport.cluster_id.in_(cluster_ids), visible))
        .distinct()
        .order_by(Report.country)
    ):
        countries.setdefault(cid, []).append(code)
    compounds = cluster_compounds(session, caller, cluster_ids)
    by_id = {
        cid: ClusterSummary(
            key=key,
            reports=int(n_seen or 0),
            hidden_reports=int(n_all) - int(n_seen or 0),
            total_reports=int(n_all),
            countries=countries.get(cid, []),
            total_loss_usd=Decimal(str(loss or 0)).quantize(Decimal("0.01")),
            first_seen=_as_time(first),
            last_seen=_as_time(last),
            growth_30d=int(growth or 0),
            own_reports=int(n_own or 0),
            compounds=compounds.get(cid, []),
        )
        for cid, key, growth, n_all, n_seen, n_own, loss, first, last in rows
    }
    return [by_id[c] for c in cluster_ids if c in by_id]


def _as_time(value: object) -> datetime | None:
    """Read a min()/max() of a timestamp: SQLite hands back text, PostgreSQL a datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)
