"""The dashboard's data: reports and losses the caller may see, by country, scam type and month.

Each figure is one GROUP BY query with the access condition in its WHERE clause, so counts
and sums cover exactly the reports the caller may see.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, extract, func, select
from sqlalchemy.orm import QueryableAttribute, Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.policy import report_visible
from counterscam.check.alerts import AlertItem, inbox
from counterscam.db.models import Report

TREND_MONTHS = 24
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Slice:
    """Reports and summed loss of one group (a country, a scam type or a month)."""

    key: str
    reports: int
    loss_usd: Decimal


@dataclass(frozen=True)
class Dashboard:
    """What the dashboard shows, all over the reports the caller may see."""

    reports: int
    loss_usd: Decimal
    countries: int
    by_country: list[Slice]
    by_scam_type: list[Slice]
    by_month: list[Slice]  # oldest first, months with no report included as zero
    alerts: list[AlertItem]
    unread_alerts: int


def _grouped(
    session: Session, caller: Caller, *keys: ColumnElement[Any], since: datetime | None = None
) -> list[tuple[tuple[object, ...], int, Decimal]]:
    query = (
        select(*keys, func.count(), func.coalesce(func.sum(Report.loss_usd), 0))
        .where(report_visible(caller))
        .group_by(*keys)
    )
    if since is not None:
        query = query.where(Report.reported_at >= since)
    return [
        # Backends return sums at different scales; money is shown to the cent everywhere.
        (tuple(row[: len(keys)]), int(row[-2]), Decimal(row[-1]).quantize(CENT))
        for row in session.execute(query)
    ]


def _by(session: Session, caller: Caller, column: QueryableAttribute[str]) -> list[Slice]:
    rows = _grouped(session, caller, column.expression)
    slices = [Slice(key=str(k[0]), reports=n, loss_usd=usd) for k, n, usd in rows]
    return sorted(slices, key=lambda s: (-s.reports, s.key))


def _month_start(now: datetime, back: int) -> tuple[int, int]:
    index = now.year * 12 + now.month - 1 - back
    return index // 12, index % 12 + 1


def _by_month(session: Session, caller: Caller, now: datetime) -> list[Slice]:
    # The trend ends at the newest visible report, so an archive still shows its last months.
    latest = session.scalar(select(func.max(Report.reported_at)).where(report_visible(caller)))
    if latest is not None and latest < now:
        now = latest
    first_year, first_month = _month_start(now, TREND_MONTHS - 1)
    since = datetime(first_year, first_month, 1, tzinfo=UTC)
    year = extract("year", Report.reported_at)
    month = extract("month", Report.reported_at)
    found = {
        (int(str(k[0])), int(str(k[1]))): (n, usd)
        for k, n, usd in _grouped(session, caller, year, month, since=since)
    }
    months = []
    for back in range(TREND_MONTHS - 1, -1, -1):
        y, m = _month_start(now, back)
        n, usd = found.get((y, m), (0, Decimal(0)))
        months.append(Slice(key=f"{y:04d}-{m:02d}", reports=n, loss_usd=usd))
    return months


def build_dashboard(
    session: Session, caller: Caller, *, now: datetime | None = None, alerts: int = 8
) -> Dashboard:
    """Build the dashboard of ``caller``: totals, breakdowns, trend and recent alerts."""
    now = now or datetime.now(UTC)
    by_country = _by(session, caller, Report.country)
    by_type = _by(session, caller, Report.scam_type)
    by_month = _by_month(session, caller, now)
    total = sum(s.reports for s in by_country)
    audit.record(session, caller, channel="web", action="view_dashboard", hits=total)
    recent = inbox(session, caller, per_page=alerts, channel="web")  # commits the audit rows
    return Dashboard(
        reports=total,
        loss_usd=sum((s.loss_usd for s in by_country), Decimal(0)),
        countries=len(by_country),
        by_country=by_country,
        by_scam_type=by_type,
        by_month=by_month,
        alerts=recent.items,
        unread_alerts=recent.unread,
    )
