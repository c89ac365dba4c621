"""Report list and export as tables: the data of the reports page and its CSV download."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.reads import (
    NEWEST_FIRST,
    REPORT_ORDERS,
    ReportPage,
    list_reports,
    visible_reports,
)
from counterscam.db.models import Agency, Report
from counterscam.sorting import order_by
from counterscam.web.tables import Column, Table

EXPORT_LIMIT = 100_000

COLUMNS = (
    Column("external_ref", "Reference", link="href", sort="reference"),
    Column("agency", "Agency", sort="agency", whole=True),
    Column("country", "Country", vocabulary="country", wide_only=True),
    Column("reported_at", "Reported", "date", zone="country", sort="reported"),
    Column("scam_type", "Scam type", vocabulary="scam_type"),
    Column("channel", "Channel", vocabulary="channel", wide_only=True),
    Column("loss_amount", "Loss", "money", wide_only=True),
    Column("loss_usd", "Loss (USD)", "usd", sort="loss_usd"),
    Column("mark", "Mark", "mark"),
)
# The headings that sort the list, as a refused sort names them.
SORTED_HEADINGS = tuple(c.label for c in COLUMNS if c.sort)
CSV_COLUMNS = (
    Column("id", "id"),
    *(c for c in COLUMNS if c.key != "loss_amount"),
    Column("loss_amount", "Loss amount"),
    Column("loss_amount_currency", "Loss currency"),
)


@dataclass(frozen=True)
class ReportFilters:
    """The filters and sort of the reports page."""

    country: str = ""
    scam_type: str = ""
    sort: str = NEWEST_FIRST

    def query_string(self, *, with_sort: bool = True) -> str:
        """Return the filters as URL parameters (for pagination, sort and CSV links)."""
        pairs = [
            ("country", self.country),
            ("scam_type", self.scam_type),
            ("sort", self.sort if with_sort and self.sort != NEWEST_FIRST else ""),
        ]
        return urlencode([(k, v) for k, v in pairs if v])

    @property
    def sorted_by_column(self) -> bool:
        """Tell whether a column heading chose the order (not the usual newest first)."""
        return self.sort != NEWEST_FIRST


def _rows(session: Session, reports: Sequence[Report]) -> list[dict[str, object]]:
    ids = {r.agency_id for r in reports}
    found = session.execute(select(Agency.id, Agency.code).where(Agency.id.in_(ids)))
    codes = {agency_id: code for agency_id, code in found}
    return [
        {
            "id": r.id,
            "href": f"/reports/{r.id}",
            "external_ref": r.external_ref,
            "agency": codes.get(r.agency_id, ""),
            "country": r.country,
            "reported_at": r.reported_at,
            "scam_type": r.scam_type,
            "channel": r.channel,
            "loss_amount": r.loss_amount,
            "loss_amount_currency": r.loss_currency,
            "loss_usd": r.loss_usd,
            "mark": r.mark,
        }
        for r in reports
    ]


@dataclass(frozen=True)
class ReportListView:
    """One page of the reports list: the page counts and its table."""

    page: ReportPage
    table: Table


def report_page(
    session: Session, caller: Caller, *, filters: ReportFilters, page: int, per_page: int = 50
) -> ReportListView:
    """Return one page of visible reports, sorted over all of them, and its table."""
    result = list_reports(
        session,
        caller,
        channel="web",
        page=page,
        per_page=per_page,
        country=filters.country or None,
        scam_type=filters.scam_type or None,
        sort=filters.sort,
    )
    table = Table(
        caption=f"{result.total:,} reports",
        columns=COLUMNS,
        rows=_rows(session, result.items),
        csv_name="reports.csv",
    )
    return ReportListView(page=result, table=table)


def export_reports(session: Session, caller: Caller, *, filters: ReportFilters) -> Table:
    """Return every visible report under the filters and sort as one table (audited)."""
    query = visible_reports(caller)
    if filters.country:
        query = query.where(Report.country == filters.country)
    if filters.scam_type:
        query = query.where(Report.scam_type == filters.scam_type)
    reports = list(
        session.scalars(query.order_by(*order_by(filters.sort, REPORT_ORDERS)).limit(EXPORT_LIMIT))
    )
    audit.record_read(
        session,
        caller,
        channel="web",
        action="export_reports",
        query=filters.query_string(),
        hits=len(reports),
    )
    session.commit()
    return Table(
        caption="Reports", columns=CSV_COLUMNS, rows=_rows(session, reports), csv_name="reports.csv"
    )
