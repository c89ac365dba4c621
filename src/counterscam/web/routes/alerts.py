"""The alert inbox: identifiers your agency reported that another country reported too."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query
from fastapi.responses import HTMLResponse, Response

from counterscam.api.deps import MAX_PAGE, RowId
from counterscam.check.alerts import AlertNotFound, AlertPage, inbox, mark_read, unread_count
from counterscam.check.inbox import ALERT_ORDERS, NEWEST_FIRST
from counterscam.sorting import BadSort
from counterscam.web import csrf
from counterscam.web.forms import FormErrors
from counterscam.web.render import SignedIn, see_other
from counterscam.web.tables import Column, Sorting, Table, chosen_sort, csv_response

router = APIRouter()
PER_PAGE = 50
# The headings of alerts.html that sort the inbox, as a refused sort names them.
SORTED_HEADINGS = ("Raised", "Identifier", "Your report", "Also reported by")


def alert_table(alerts: AlertPage, caption: str) -> Table:
    """Return a page of alerts as a table (the CSV download; the page shows more detail)."""
    rows = [
        {
            "id": a.id,
            "created_at": a.created_at,
            "status": "Unread" if a.unread else "Read",
            "kind": a.kind,
            "value": a.value,
            "own_report_ref": a.own_report_ref,
            "other_agency_code": a.other_agency_code,
            "other_country": a.other_country,
            "other_report_ref": a.other_report.external_ref if a.other_report else "",
            "other_mark": a.other_report.mark
            if a.other_report
            else (a.other_holding.mark if a.other_holding else ""),
            "how_to_request": ""
            if a.other_report or not a.other_holding
            else a.other_holding.contact,
        }
        for a in alerts.items
    ]
    return Table(
        caption=caption,
        columns=(
            Column("id", "Alert"),
            Column("created_at", "Raised", "moment"),
            Column("status", "Status"),
            Column("kind", "Kind", vocabulary="kind"),
            Column("value", "Identifier"),
            Column("own_report_ref", "Your report"),
            Column("other_agency_code", "Also reported by"),
            Column("other_country", "Country"),
            Column("other_report_ref", "Their report"),
            Column("other_mark", "Their mark"),
            Column("how_to_request", "How to request it"),
        ),
        rows=rows,
        csv_name="alerts.csv",
    )


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(
    page: SignedIn,
    show: str = "unread",
    sort: str = NEWEST_FIRST,
    p: int = Query(1, ge=1, le=MAX_PAGE, alias="page"),
) -> Response:
    """Show the agency's alerts: unread first (the default view), or all of them, sorted."""
    unread_only = show != "all"
    errors = FormErrors()
    sort = chosen_sort(
        sort.strip() or NEWEST_FIRST,
        ALERT_ORDERS,
        NEWEST_FIRST,
        errors,
        SORTED_HEADINGS,
        query=page.request.query_params,
    )
    alerts = inbox(
        page.session,
        page.caller,
        unread_only=unread_only,
        page=p,
        per_page=PER_PAGE,
        channel="web",
        sort=sort,
    )
    shown = f"show={'unread' if unread_only else 'all'}"
    sorted_by = f"&{urlencode({'sort': sort})}" if sort != NEWEST_FIRST else ""
    # "Mark as read" comes back to this tab, order and page, not to the default inbox.
    back = {"show": "unread" if unread_only else "all", "sort": sort, "page": str(p)}
    return page.render(
        "alerts.html",
        section="alerts",
        title="Alerts",
        alerts=alerts,
        show=show,
        errors=errors,
        sorting=Sorting(sort, f"/alerts?{shown}"),
        base_url=f"/alerts?{shown}{sorted_by}",
        # The download is the list as shown: same tab, same order.
        csv_url=f"/alerts.csv?{shown}{sorted_by}",
        back=back,
        status_code=400 if errors else 200,
    )


@router.get("/alerts.csv")
def alerts_csv(page: SignedIn, show: str = "all", sort: str = NEWEST_FIRST) -> Response:
    """Download the agency's alerts as CSV in the page's order (the first 500 of it)."""
    try:
        alerts = inbox(
            page.session,
            page.caller,
            unread_only=show == "unread",
            per_page=500,
            channel="web",
            sort=sort.strip() or NEWEST_FIRST,
        )
    except BadSort as exc:
        raise HTTPException(400, str(exc)) from exc
    return csv_response(alert_table(alerts, "Alerts"))


@router.post("/alerts/{alert_id}/read", dependencies=[csrf.CsrfChecked])
def alert_read(
    alert_id: RowId,
    page: SignedIn,
    show: Annotated[str, Form()] = "unread",
    sort: Annotated[str, Form()] = NEWEST_FIRST,
    back_page: Annotated[str, Form(alias="page")] = "1",
) -> Response:
    """Mark one alert read and go back to the inbox as it was shown (tab, order, page)."""
    try:
        mark_read(page.session, page.caller, alert_id=alert_id)
    except AlertNotFound as exc:
        raise HTTPException(404) from exc
    back: dict[str, str] = {"show": "all" if show == "all" else "unread"}
    if sort in ALERT_ORDERS and sort != NEWEST_FIRST:
        back["sort"] = sort
    if back_page.isdigit() and 1 < int(back_page) <= MAX_PAGE:
        number = int(back_page)
        if back["show"] == "unread":
            # The alert just read leaves the unread tab: reading the last one on the last page
            # would come back to "There is no page N", so come back to the new last page.
            number = min(number, -(-unread_count(page.session, page.caller) // PER_PAGE) or 1)
        if number > 1:
            back["page"] = str(number)
    # Back at the inbox's table, where the keyboard goes on: from the top of the page it took
    # 21 Tab presses to reach the next alert's button, after every alert read.
    return see_other(page.request, f"/alerts?{urlencode(back)}#sort")
