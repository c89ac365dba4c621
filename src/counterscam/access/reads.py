"""Reads of reports: every page, API route and command gets report content through here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.policy import report_visible
from counterscam.db.models import Agency, Identifier, Party, Place, Report, ReportShare, Sighting
from counterscam.sorting import Order, either_way, order_by

# The columns a report list sorts by: those whose stored value orders as the page shows it
# (country and scam type show labels, which order differently from their codes).
REPORT_ORDERS: dict[str, Order] = either_way(
    {
        "reference": Report.external_ref,
        "agency": select(Agency.code).where(Agency.id == Report.agency_id).scalar_subquery(),
        "reported": Report.reported_at,
        "loss_usd": Report.loss_usd,
    },
    Report.id,
)
NEWEST_FIRST = "-reported"


class NotFound(LookupError):
    """No report with that id exists."""


class NotPermitted(PermissionError):
    """The report exists but the caller may not see it; ``holding`` says who to ask."""

    def __init__(self, holding: Holding) -> None:
        super().__init__(
            f"report held by {holding.agency_code} ({holding.mark}); "
            f"request it from {holding.contact or holding.agency_name}"
        )
        self.holding = holding


@dataclass(frozen=True)
class Holding:
    """What a caller may learn of records it cannot see: who holds how many, and how to ask."""

    agency_code: str
    agency_name: str
    country: str
    mark: str
    reports: int
    contact: str


@dataclass(frozen=True)
class SightingView:
    """An identifier as it appears in one report."""

    kind: str
    value: str
    role: str
    raw_value: str


@dataclass(frozen=True)
class ReportDetail:
    """Everything the caller may see of one report."""

    report: Report
    agency: Agency
    sightings: list[SightingView]
    parties: list[Party]
    places: list[Place]
    shared_with: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReportPage:
    """One page of visible reports and the total count under the same condition."""

    items: list[Report]
    total: int
    page: int
    per_page: int


def contact_route(agency_code: str, contact: str) -> str:
    """Return how to request an agency's records: its contact, else via the secretariat."""
    return contact or f"the secretariat, quoting agency {agency_code}"


def visible_reports(caller: Caller) -> Select[Report]:
    """Return a SELECT of the reports ``caller`` may see; callers add filters and paging."""
    return select(Report).where(report_visible(caller))


def holdings(session: Session, caller: Caller, condition: ColumnElement[bool]) -> list[Holding]:
    """Return who holds the reports matching ``condition`` that ``caller`` may not see."""
    hidden = (
        select(Agency.code, Agency.name, Agency.country, Agency.contact, Report.mark, func.count())
        .join(Agency, Agency.id == Report.agency_id)
        .where(condition, ~report_visible(caller))
        .group_by(Agency.code, Agency.name, Agency.country, Agency.contact, Report.mark)
        .order_by(Agency.code, Report.mark)
    )
    return [
        Holding(
            agency_code=code,
            agency_name=name,
            country=country,
            mark=mark,
            reports=n,
            contact=contact_route(code, contact),
        )
        for code, name, country, contact, mark, n in session.execute(hidden)
    ]


# The query of a read that gave nothing says why. The caller is answered as before (a 404 for
# no report, a 403 naming the holder for a hidden one, the same 403 to a partner's request for
# any report's form), but the log wrote both as "hits 0", so an auditor could not tell ids
# tried that exist (probing for records) from ids that name no report (typos).
REFUSED = "outcome=refused"  # the report exists; the caller may not have what it asked
MISSING = "outcome=missing"  # no report has that id


def record_read(
    session: Session, caller: Caller, report_id: int, *, channel: str, hits: int
) -> None:
    """Audit a request for a report's content (``hits`` 0: none given), as reads are audited
    (``audit.record_read``: queued, or in the session's transaction, which the caller commits).

    A read that gave nothing has the query ``outcome=refused`` when the report exists, and
    ``outcome=missing`` when no report has that id (docs/access.md, Audit log).
    """
    outcome = ""
    if not hits:
        # Already in the session when get_report looked it up: no second query.
        outcome = MISSING if session.get(Report, report_id) is None else REFUSED
    audit.record_read(
        session,
        caller,
        channel=channel,
        action="read_report",
        query=outcome,
        record_ref=f"report:{report_id}",
        hits=hits,
    )


def get_report(session: Session, caller: Caller, report_id: int, *, channel: str) -> ReportDetail:
    """Return a report the caller may see, audited; NotPermitted says who holds it otherwise."""
    report = session.get(Report, report_id)
    detail = None
    if report is not None and _visible(session, caller, report_id):
        detail = _untorn(session, caller, report)
    # Guessing ids is how records are hunted: a miss is recorded like any other read, and a
    # read refused at its second look (the report re-marked meanwhile) as the refusal it is.
    record_read(session, caller, report_id, channel=channel, hits=int(detail is not None))
    if report is None:
        session.commit()
        raise NotFound(f"no report {report_id}")
    if detail is None:
        found = holdings(session, caller, Report.id == report_id)
        session.commit()
        raise NotPermitted(found[0])
    session.commit()
    return detail


def _untorn(session: Session, caller: Caller, report: Report) -> ReportDetail | None:
    """Return one version of a visible report's content, or None when the version read again
    is one the caller may not see.

    Each statement sees the latest commit, so a report resubmitted meanwhile was shown torn:
    one version's narrative with the next one's identifiers. It is read again when its stamp
    moved, and the version read again may be one the caller may not see (marked red, its
    shares narrowed): the first check was of the version before.
    """
    agency = session.get_one(Agency, report.agency_id)
    detail = _report_rows(session, report, agency)
    for _ in range(_REREADS):
        stamp = session.scalar(select(Report.updated_at).where(Report.id == report.id))
        if stamp is None or stamp == report.updated_at:
            break
        session.refresh(report)
        if not _visible(session, caller, report.id):
            return None
        detail = _report_rows(session, report, agency)
    return detail


def _visible(session: Session, caller: Caller, report_id: int) -> bool:
    """Tell whether the caller may see the report as it is now."""
    return bool(
        session.scalar(
            select(func.count())
            .select_from(Report)
            .where(Report.id == report_id, report_visible(caller))
        )
    )


_REREADS = 2  # then the last read is shown: a report rewritten that often is rare


def _report_rows(session: Session, report: Report, agency: Agency) -> ReportDetail:
    rows = session.execute(
        select(Identifier.kind, Identifier.value, Sighting.role, Sighting.raw_value)
        .join(Identifier, Identifier.id == Sighting.identifier_id)
        .where(Sighting.report_id == report.id)
        .order_by(Identifier.kind, Identifier.value)
    )
    sightings = [SightingView(kind=k, value=v, role=r, raw_value=raw) for k, v, r, raw in rows]
    parties = list(session.scalars(select(Party).where(Party.report_id == report.id)))
    places = list(session.scalars(select(Place).where(Place.report_id == report.id)))
    shared = list(
        session.scalars(
            select(Agency.code)
            .join(ReportShare, ReportShare.agency_id == Agency.id)
            .where(ReportShare.report_id == report.id)
        )
    )
    return ReportDetail(
        report=report,
        agency=agency,
        sightings=sightings,
        parties=parties,
        places=places,
        shared_with=shared,
    )


def list_reports(
    session: Session,
    caller: Caller,
    *,
    channel: str,
    page: int = 1,
    per_page: int = 50,
    country: str | None = None,
    scam_type: str | None = None,
    since: datetime | None = None,
    sort: str = NEWEST_FIRST,
) -> ReportPage:
    """Return one page of the reports the caller may see, sorted; the search is audited.

    Args:
        sort: a name of REPORT_ORDERS (``-`` first for descending); newest first by default.
            Raises BadSort for any other.
    """
    orders = order_by(sort, REPORT_ORDERS)
    query = visible_reports(caller)
    if country:
        query = query.where(Report.country == country)
    if scam_type:
        query = query.where(Report.scam_type == scam_type)
    if since:
        query = query.where(Report.reported_at >= since)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    per_page = max(1, min(per_page, 500))
    page = max(1, page)
    items = list(
        session.scalars(query.order_by(*orders).limit(per_page).offset((page - 1) * per_page))
    )
    audit.record_read(
        session,
        caller,
        channel=channel,
        action="list_reports",
        query=f"country={country or ''} scam_type={scam_type or ''} sort={sort} "
        f"page={page} per_page={per_page}",
        hits=total,
    )
    session.commit()
    return ReportPage(items=items, total=total, page=page, per_page=per_page)
