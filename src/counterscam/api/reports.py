"""API routes: reading reports through the access gateway."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from fastapi import APIRouter, Depends, HTTPException, Query, status
from pydantic import BaseModel

from counterscam.access.reads import (
    NotFound,
    NotPermitted,
    ReportDetail,
    get_report,
    list_reports,
)
from counterscam.api.deps import MAX_PAGE, CurrentCaller, RowId, SessionDep
from counterscam.api.error_docs import SIGNED_IN, hidden
from counterscam.api.errors import strict_query
from counterscam.api.filters import country_filter, scam_type_filter
from counterscam.db.models import Report

router = APIRouter(tags=["reports"], dependencies=[Depends(strict_query)], responses=SIGNED_IN)


class ReportSummary(BaseModel):
    """A report as listed."""

    id: int
    agency: str
    external_ref: str
    country: str
    reported_at: datetime
    scam_type: str
    channel: str
    loss_amount: Decimal | None
    loss_currency: str | None
    loss_usd: Decimal | None
    mark: str


class SightingOut(BaseModel):
    """An identifier in a report."""

    kind: str
    value: str
    role: str
    raw_value: str


class PartyOut(BaseModel):
    """A person or organisation a report names."""

    role: str
    full_name: str
    given_name: str
    family_name: str
    birth_date: date | None
    gender: str | None
    nationality: str | None
    id_number: str
    id_kind: str
    phone: str


class PlaceOut(BaseModel):
    """A place a report names."""

    kind: str
    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    address: str


class ReportOut(ReportSummary):
    """A whole report."""

    incident_at: datetime | None
    victim_age_band: str | None
    victim_gender: str | None
    victim_country: str | None
    narrative: str
    fx_date: date | None
    shared_with: list[str]
    identifiers: list[SightingOut]
    parties: list[PartyOut]
    places: list[PlaceOut]


class ReportList(BaseModel):
    """A page of reports."""

    total: int
    page: int
    per_page: int
    items: list[ReportSummary]


def summary(report: Report, agency_code: str) -> ReportSummary:
    """Render a report row as its summary."""
    return ReportSummary(
        id=report.id,
        agency=agency_code,
        external_ref=report.external_ref,
        country=report.country,
        reported_at=report.reported_at,
        scam_type=report.scam_type,
        channel=report.channel,
        loss_amount=report.loss_amount,
        loss_currency=report.loss_currency,
        loss_usd=report.loss_usd,
        mark=report.mark,
    )


def detail_out(detail: ReportDetail) -> ReportOut:
    """Render a report detail as JSON."""
    r = detail.report
    return ReportOut(
        **summary(r, detail.agency.code).model_dump(),
        incident_at=r.incident_at,
        victim_age_band=r.victim_age_band,
        victim_gender=r.victim_gender,
        victim_country=r.victim_country,
        narrative=r.narrative,
        fx_date=r.fx_date,
        shared_with=detail.shared_with,
        identifiers=[SightingOut(**vars(s)) for s in detail.sightings],
        parties=[PartyOut.model_validate(p, from_attributes=True) for p in detail.parties],
        places=[PlaceOut.model_validate(p, from_attributes=True) for p in detail.places],
    )


@router.get("/reports", response_model=ReportList)
def api_list_reports(
    session: SessionDep,
    caller: CurrentCaller,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(50, ge=1, le=500),
    country: str | None = None,
    scam_type: str | None = None,
) -> ReportList:
    """List the reports the caller may see, newest first."""
    result = list_reports(
        session,
        caller,
        channel="api",
        page=page,
        per_page=per_page,
        country=country_filter(country),
        scam_type=scam_type_filter(scam_type),
    )
    codes = {a.id: a.code for a in (r.agency for r in result.items)}
    return ReportList(
        total=result.total,
        page=result.page,
        per_page=result.per_page,
        items=[summary(r, codes[r.agency_id]) for r in result.items],
    )


@router.get("/reports/{report_id}", response_model=ReportOut, responses=hidden("report"))
def api_get_report(report_id: RowId, session: SessionDep, caller: CurrentCaller) -> ReportOut:
    """Return one report, or 403 naming the agency that holds it and how to ask."""
    try:
        return detail_out(get_report(session, caller, report_id, channel="api"))
    except NotFound as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    except NotPermitted as exc:
        h = exc.holding
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            {
                "message": "This report exists but its mark does not let your agency see it.",
                "holder_agency": h.agency_code,
                "holder_country": h.country,
                "mark": h.mark,
                "how_to_request": h.contact,
            },
        ) from exc
