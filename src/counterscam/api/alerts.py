"""API routes: the caller's agency's cross-border alerts."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from fastapi import APIRouter, Depends, HTTPException, Query, status
from pydantic import BaseModel, ConfigDict

from counterscam.api.check import HoldingOut
from counterscam.api.deps import MAX_PAGE, CurrentCaller, RowId, SessionDep
from counterscam.api.error_docs import SIGNED_IN, missing
from counterscam.api.errors import invalid, strict_query
from counterscam.check.alerts import AlertNotFound, inbox, mark_read
from counterscam.check.inbox import NEWEST_FIRST
from counterscam.sorting import BadSort

router = APIRouter(tags=["alerts"], dependencies=[Depends(strict_query)], responses=SIGNED_IN)


class AlertReportOut(BaseModel):
    """The other agency's report, when the caller may see it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    external_ref: str
    reported_at: datetime
    scam_type: str
    channel: str
    loss_usd: Decimal | None
    mark: str


class AlertOut(BaseModel):
    """An identifier the caller's agency reported was also reported in another country."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime
    read_at: datetime | None
    kind: str
    value: str
    own_report_id: int
    own_report_ref: str
    other_agency_code: str
    other_agency_name: str
    other_country: str
    other_report: AlertReportOut | None
    other_holding: HoldingOut | None


class AlertPageOut(BaseModel):
    """A page of alerts, in the order asked for (newest first by default)."""

    total: int
    unread: int
    page: int
    per_page: int
    items: list[AlertOut]


class AlertReadOut(BaseModel):
    """An alert marked read."""

    id: int
    read_at: datetime


@router.get("/alerts", response_model=AlertPageOut)
def api_alerts(
    session: SessionDep,
    caller: CurrentCaller,
    unread: bool = False,
    sort: str = Query(
        NEWEST_FIRST,
        description="raised, identifier, own_report or other_agency; '-' first for descending",
    ),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(50, ge=1, le=500),
) -> AlertPageOut:
    """List the alerts of the caller's agency, newest first unless ``sort`` says otherwise."""
    try:
        result = inbox(
            session,
            caller,
            unread_only=unread,
            sort=sort,
            page=page,
            per_page=per_page,
            channel="api",
        )
    except BadSort as exc:
        raise invalid(("query", "sort"), str(exc), sort, "enum") from exc
    return AlertPageOut(
        total=result.total,
        unread=result.unread,
        page=result.page,
        per_page=result.per_page,
        items=[AlertOut.model_validate(a) for a in result.items],
    )


@router.post(
    "/alerts/{alert_id}/read",
    response_model=AlertReadOut,
    responses=missing("alert of that id in your agency's inbox"),
)
def api_mark_read(alert_id: RowId, session: SessionDep, caller: CurrentCaller) -> AlertReadOut:
    """Mark one alert of the caller's agency read."""
    try:
        read_at = mark_read(session, caller, alert_id=alert_id)
    except AlertNotFound as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    return AlertReadOut(id=alert_id, read_at=read_at)
