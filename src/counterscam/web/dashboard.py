"""The dashboard's data: reports and losses the caller may see, by country, scam type and month.

The figures come from one GROUP BY query (country, scam type, local month) with the access
condition in its WHERE clause, so counts and sums cover exactly the reports the caller may
see; they are kept per visibility class until the data changes (``access.figures_cache``).
Months are each reporting country's (``db.local_time``): a Malaysian report of 1 March,
stored as 28 February 16:00 UTC, is a March report, as the pages date it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.figures_cache import FiguresCache
from counterscam.access.policy import contributes, report_visible
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
    # Alerts go to agencies that submit reports: a partner's or observer's dashboard has none.
    gets_alerts: bool = True


@dataclass(frozen=True)
class _Figures:
    """What the dashboard counts for one visibility class, kept while the data stays the same.

    Attributes:
        groups: (country, scam type, local month) -> reports and summed loss, unrounded.
        latest: the newest report the class may see.
        last_month: the local month of the trend's end when it ends at ``latest``.
    """

    groups: dict[tuple[str, str, str], tuple[int, Decimal]]
    latest: datetime | None
    last_month: str | None


# Three GROUP BY scans of a million reports took ~4 s a view; one grouped scan, kept per
# visibility class until the data changes (access.figures_cache), makes a repeat view cheap.
_CACHE = FiguresCache()


def _month_expression(session: Session) -> Any:
    return local_period(session.get_bind().dialect.name, Report.reported_at, Report.country)


def _compute(session: Session, caller: Caller) -> _Figures:
    month = _month_expression(session)
    # One scan for the three breakdowns: country, type and month totals are sums of these
    # groups. Each group's count and sum is over the reports the caller may see (the WHERE).
    # Month first: grouped by (country, scam type) first, SQLite walked the table in the order
    # of that index, a random read per report (2.3 s at a million reports, 1.5 s scanning).
    keys = (month, Report.country, Report.scam_type)
    query = (
        select(*keys, func.count(), func.coalesce(func.sum(Report.loss_usd), 0))
        .where(report_visible(caller))
        .group_by(*keys)
    )
    groups = {
        (str(country), str(kind), str(when)): (int(n), Decimal(usd))
        for when, country, kind, n, usd in session.execute(query)
    }
    # The trend ends at the newest visible report, so an archive still shows its last months.
    latest = session.scalar(select(func.max(Report.reported_at)).where(report_visible(caller)))
    last = None if latest is None else _month_until(session, caller, latest, month)
    return _Figures(groups=groups, latest=latest, last_month=last)


def _slices(totals: dict[str, tuple[int, Decimal]]) -> list[Slice]:
    return [Slice(key=k, reports=n, loss_usd=usd.quantize(CENT)) for k, (n, usd) in totals.items()]


def _totals(figures: _Figures, part: int) -> dict[str, tuple[int, Decimal]]:
    """Return reports and loss per value of one part of the groups' key (country, type, month)."""
    totals: dict[str, tuple[int, Decimal]] = {}
    for key, (n, usd) in figures.groups.items():
        had_n, had_usd = totals.get(key[part], (0, Decimal(0)))
        totals[key[part]] = (had_n + n, had_usd + usd)
    return totals


def _by(figures: _Figures, part: int) -> list[Slice]:
    # Backends return sums at different scales; money is shown to the cent everywhere.
    return sorted(_slices(_totals(figures, part)), key=lambda s: (-s.reports, s.key))


def _month_back(key: str, back: int) -> str:
    year, month = (int(part) for part in key.split("-"))
    index = year * 12 + month - 1 - back
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _month_until(session: Session, caller: Caller, until: datetime, month: Any) -> str:
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


def _last_month(session: Session, caller: Caller, now: datetime, figures: _Figures) -> str:
    if figures.latest is None:
        return f"{now.astimezone(UTC):%Y-%m}"
    if figures.latest <= now:
        return figures.last_month or f"{figures.latest.astimezone(UTC):%Y-%m}"
    # Reports dated after ``now`` (a clock ahead): the trend ends now, which moves on.
    return _month_until(session, caller, now, _month_expression(session))


def _by_month(session: Session, caller: Caller, now: datetime, figures: _Figures) -> list[Slice]:
    # Each report counts in its reporting country's month, the date the pages show beside it.
    last = _last_month(session, caller, now, figures)
    keys = [_month_back(last, back) for back in range(TREND_MONTHS - 1, -1, -1)]
    months = _totals(figures, 2)
    return _slices({key: months.get(key, (0, Decimal(0))) for key in keys})


def build_dashboard(
    session: Session, caller: Caller, *, now: datetime | None = None, alerts: int = 8
) -> Dashboard:
    """Build the dashboard of ``caller``: totals, breakdowns, trend and recent alerts."""
    now = now or datetime.now(UTC)
    figures = _CACHE.get(session, caller, "dashboard", lambda: _compute(session, caller))
    by_country = _by(figures, 0)
    by_type = _by(figures, 1)
    by_month = _by_month(session, caller, now, figures)
    total = sum(s.reports for s in by_country)
    audit.record_read(session, caller, channel="web", action="view_dashboard", hits=total)
    gets_alerts = contributes(caller)
    if gets_alerts:
        recent = inbox(session, caller, per_page=alerts, channel="web")  # commits the audit rows
        items, unread = recent.items, recent.unread
    else:
        # An inbox that is always empty is neither read nor logged as read.
        session.commit()
        items, unread = [], 0
    return Dashboard(
        reports=total,
        loss_usd=sum((s.loss_usd for s in by_country), Decimal(0)),
        countries=len(by_country),
        by_country=by_country,
        by_scam_type=by_type,
        by_month=by_month,
        alerts=items,
        unread_alerts=unread,
        gets_alerts=gets_alerts,
    )
