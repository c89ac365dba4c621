"""The dashboard's data: reports and losses the caller may see, by country, scam type and month.

Each figure is one GROUP BY query with the access condition in its WHERE clause, so counts
and sums cover exactly the reports the caller may see. Months are each reporting country's
(``db.local_time``): a Malaysian report of 1 March, stored as 28 February 16:00 UTC, is a
March report, as the pages date it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import QueryableAttribute, Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.policy import report_visible
from counterscam.check.alerts import AlertItem, inbox
from counterscam.db.local_time import local_period
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
    by_month: list[Slice]  # local months, oldest first, months with no report as zero
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


def _month_back(key: str, back: int) -> str:
    year, month = (int(part) for part in key.split("-"))
    index = year * 12 + month - 1 - back
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _last_month(session: Session, caller: Caller, now: datetime, month: Any) -> str:
    # The trend ends at the newest visible report, so an archive still shows its last months.
    latest = session.scalar(select(func.max(Report.reported_at)).where(report_visible(caller)))
    until = now if latest is None or latest > now else latest
    # An earlier report from a zone further east can be in a later local month than the
    # newest one; zones are less than a day apart, so the last day's reports decide.
    last = session.scalar(
        select(func.max(month)).where(
            report_visible(caller),
            Report.reported_at <= until,
            Report.reported_at >= until - timedelta(days=1),
        )
    )
    return str(last) if last is not None else f"{until.astimezone(UTC):%Y-%m}"


def _by_month(session: Session, caller: Caller, now: datetime) -> list[Slice]:
    # Each report counts in its reporting country's month, the date the pages show beside it.
    month = local_period(session.get_bind().dialect.name, Report.reported_at, Report.country)
    last = _last_month(session, caller, now, month)
    keys = [_month_back(last, back) for back in range(TREND_MONTHS - 1, -1, -1)]
    # No zone is more than 14 hours ahead of UTC: the UTC bound keeps the time index usable.
    first = datetime.strptime(keys[0], "%Y-%m").replace(tzinfo=UTC) - timedelta(hours=14)
    found = {str(k[0]): (n, usd) for k, n, usd in _grouped(session, caller, month, since=first)}
    months = []
    for key in keys:
        n, usd = found.get(key, (0, Decimal(0)))
        months.append(Slice(key=key, reports=n, loss_usd=usd))
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
