"""Reports: the list the caller may see (with CSV) and one report's detail."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import QueryParams

from counterscam.access.reads import NEWEST_FIRST, REPORT_ORDERS, NotFound, NotPermitted, get_report
from counterscam.api.deps import MAX_PAGE, RowId
from counterscam.sorting import BadSort, checked
from counterscam.web.formatting import member_countries, options
from counterscam.web.forms import FormErrors
from counterscam.web.list_filters import country_and_scam_type, refused
from counterscam.web.render import SignedIn
from counterscam.web.report_views import (
    SORTED_HEADINGS,
    ReportFilters,
    export_reports,
    report_page,
)
from counterscam.web.tables import Sorting, chosen_sort, csv_response

router = APIRouter()


def _filters(
    country: str, scam_type: str, sort: str, errors: FormErrors, query: QueryParams
) -> ReportFilters:
    code, kind = country_and_scam_type(country, scam_type, errors, query)
    return ReportFilters(country=code, scam_type=kind, sort=sort.strip() or NEWEST_FIRST)


def _url(path: str, query: str) -> str:
    return path + (f"?{query}" if query else "")


@router.get("/reports", response_class=HTMLResponse)
def reports_list(
    page: SignedIn,
    country: str = "",
    scam_type: str = "",
    sort: str = NEWEST_FIRST,
    p: int = Query(1, ge=1, le=MAX_PAGE, alias="page"),
) -> Response:
    """List the reports the caller may see, newest first or sorted by a column, with filters."""
    errors = FormErrors()
    filters = _filters(country, scam_type, sort, errors, page.request.query_params)
    sort = chosen_sort(
        filters.sort,
        REPORT_ORDERS,
        NEWEST_FIRST,
        errors,
        SORTED_HEADINGS,
        query=page.request.query_params,
    )
    filters = replace(filters, sort=sort)
    view = report_page(page.session, page.caller, filters=filters, page=p)
    query = filters.query_string()
    return page.render(
        "reports.html",
        section="reports",
        title="Reports",
        view=view,
        filters=filters,
        errors=errors,
        sorting=Sorting(filters.sort, _url("/reports", filters.query_string(with_sort=False))),
        base_url=_url("/reports", query),
        csv_url=_url("/reports.csv", query),
        countries=member_countries(),
        scam_types=options("scam_type"),
        status_code=400 if errors else 200,
    )


@router.get("/reports.csv")
def reports_csv(
    page: SignedIn, country: str = "", scam_type: str = "", sort: str = NEWEST_FIRST
) -> Response:
    """Download every visible report under the filters as CSV, in the page's order."""
    errors = FormErrors()
    filters = _filters(country, scam_type, sort, errors, page.request.query_params)
    if errors:
        raise HTTPException(400, refused(errors))
    try:
        checked(filters.sort, REPORT_ORDERS)
    except BadSort as exc:
        raise HTTPException(400, str(exc)) from exc
    return csv_response(export_reports(page.session, page.caller, filters=filters))


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_detail(report_id: RowId, page: SignedIn, saved: str = "", shares: str = "") -> Response:
    """Show one report, or who holds it and how to ask when its mark hides it.

    ``saved`` (``new`` or ``updated``) is set by the report form's redirect after a save, and
    ``shares=removed`` when that save emptied an amber report's share list.
    """
    try:
        detail = get_report(page.session, page.caller, report_id, channel="web")
    except NotFound as exc:
        raise HTTPException(404) from exc
    except NotPermitted as exc:
        return page.render(
            "report_hidden.html",
            section="reports",
            title="You cannot open this report",
            holding=exc.holding,
            report_id=report_id,
            status_code=403,
        )
    return page.render(
        "report.html",
        section="reports",
        title=f"Report {detail.report.external_ref}",
        d=detail,
        saved=saved if saved in ("new", "updated") else "",
        # Said only while it is true: an old link to a report narrowed again says nothing.
        shares_removed=(
            saved == "updated"
            and shares == "removed"
            and detail.report.mark == "amber"
            and not detail.shared_with
        ),
    )
