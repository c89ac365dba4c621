"""Stored losses valued at a stand-in FX rate: find them, and value them again.

A loss whose month the FX table lacks takes the nearest month's rate, and its ``fx_date``
says which month (the first of it). Once the secretariat's rates file covers the month,
``revalue`` gives those reports their own month's rate (``counterscam fx revalue``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Table, and_, bindparam, extract, select, update
from sqlalchemy.orm import Session

from counterscam import reference
from counterscam.db.data_version import mark_changed
from counterscam.db.link_models import ClusterReport
from counterscam.db.models import Report
from counterscam.db.writer import claim_writer
from counterscam.intake.normalise import CENT, stand_in_day
from counterscam.link.incremental import growth_window_start
from counterscam.link.leaving import member_figures, write_figures
from counterscam.link.named import IN_CHUNK

RATE_PLACES = Decimal("1e-12")  # the digits report.fx_rate keeps


@dataclass(frozen=True)
class StandIn:
    """A stored loss valued at another month's rate than its own."""

    report_id: int
    day: date  # the day the loss is valued on
    amount: Decimal
    currency: str
    rate: Decimal | None
    fx_date: date
    usd: Decimal | None

    def now(self) -> tuple[Decimal, date, Decimal]:
        """Return the rate, its day and the USD value the table gives the loss today."""
        rate, on = reference.fx_valuation(self.currency, self.day)
        return rate, on, (self.amount * rate).quantize(CENT)

    def changes(self) -> bool:
        """Tell whether the table now values the loss otherwise than stored."""
        try:
            rate, on, usd = self.now()
        except reference.UnknownCurrencyError:
            return False  # a currency no longer in the table: keep what was stored
        stored = None if self.rate is None else self.rate.quantize(RATE_PLACES)
        return (rate.quantize(RATE_PLACES), on, usd) != (stored, self.fx_date, self.usd)


@dataclass(frozen=True)
class Revalued:
    """What ``revalue`` did."""

    stand_ins: int  # reports valued at a stand-in rate before it ran
    changed: int  # of them, valued again
    still: int  # valued at a stand-in rate after it ran (months the table still lacks)
    clusters: int  # clusters whose loss figure was recomputed


def stand_ins(session: Session) -> Iterator[StandIn]:
    """Yield the stored losses valued at a stand-in month's rate."""
    # A stand-in's fx_date is the first of its month: only those rows are read, a thirtieth
    # of a region's losses plus the stand-ins.
    query = (
        select(
            Report.id,
            Report.country,
            Report.incident_at,
            Report.reported_at,
            Report.loss_amount,
            Report.loss_currency,
            Report.fx_rate,
            Report.fx_date,
            Report.loss_usd,
        )
        .where(
            and_(
                Report.fx_date.is_not(None),
                Report.loss_amount.is_not(None),
                Report.loss_currency.is_not(None),
                extract("day", Report.fx_date) == 1,
            )
        )
        .order_by(Report.id)
    )
    for row in session.execute(query.execution_options(yield_per=IN_CHUNK)):
        rid, country, incident_at, reported_at, amount, currency, rate, fx_date, usd = row
        day = stand_in_day(fx_date, incident_at, reported_at, country)
        if day is not None and fx_date and amount is not None and currency is not None:
            yield StandIn(rid, day, amount, currency, rate, fx_date, usd)


def revalue(
    session: Session, *, on_total: Callable[[int], None], on_advance: Callable[[int], None]
) -> Revalued:
    """Value again, and commit, the stand-in losses the table now values otherwise.

    Only ``loss_usd``, ``fx_rate`` and ``fx_date`` change: not ``updated_at``, and no audit
    row is written, as no agency changed its report. Clusters holding a changed report get
    their loss figure recomputed. Running it again changes nothing.
    """
    # As an import does: an import writing meanwhile would value its reports from the table
    # this run reads, and their clusters' figures would be written by both.
    claim_writer(session, patient=True)
    found = list(stand_ins(session))
    on_total(len(found))
    table = Report.__table__
    assert isinstance(table, Table)
    statement = (
        update(table)
        .where(table.c.id == bindparam("rid"))
        .values(loss_usd=bindparam("usd"), fx_rate=bindparam("rate"), fx_date=bindparam("on"))
    )
    changed: list[int] = []
    still = 0
    for start in range(0, len(found), IN_CHUNK):
        chunk = found[start : start + IN_CHUNK]
        rows = []
        for item in chunk:
            if item.changes():
                rate, on, usd = item.now()
                rows.append({"rid": item.report_id, "usd": usd, "rate": rate, "on": on})
                changed.append(item.report_id)
                still += on != item.day
            else:
                still += 1
        if rows:
            session.connection().execute(statement, rows)
        on_advance(len(chunk))
    if changed:
        # Written on the connection, past the session's notice of changed reports: without a
        # new data token, a running server kept its dashboard and cluster list at the old USD.
        mark_changed(session)
    clusters = _refresh_clusters(session, changed)
    session.commit()
    return Revalued(len(found), len(changed), still, clusters)


def _refresh_clusters(session: Session, report_ids: list[int]) -> int:
    """Recompute the figures of the clusters holding these reports; return how many."""
    clusters: set[int] = set()
    for start in range(0, len(report_ids), IN_CHUNK):
        chunk = report_ids[start : start + IN_CHUNK]
        clusters.update(
            session.scalars(
                select(ClusterReport.cluster_id).where(ClusterReport.report_id.in_(chunk))
            )
        )
    if clusters:
        ids = sorted(clusters)
        write_figures(
            session, member_figures(session, ids, growth_since=growth_window_start(session))
        )
    return len(clusters)
