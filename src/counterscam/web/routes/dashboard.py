"""The dashboard page and the CSV of each of its tables."""

from __future__ import annotations

from decimal import Decimal

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, Response

from counterscam.reference import fx_gap
from counterscam.web import charts
from counterscam.web.dashboard import Dashboard, Slice, build_dashboard
from counterscam.web.formatting import label
from counterscam.web.render import SignedIn
from counterscam.web.tables import Column, Table, csv_response

router = APIRouter()

# The scam-type charts draw the most reported types; the table beside them lists every type.
TOP_TYPES = 10
SLICE_COLUMNS = (Column("reports", "Reports", "count"), Column("loss_usd", "Loss (USD)", "usd"))


def _slice_table(
    slices: list[Slice], *, caption: str, key_label: str, vocabulary: str, csv_name: str
) -> Table:
    rows = [
        {
            "key": s.key,
            "name": label(s.key, vocabulary) if vocabulary else s.key,
            "reports": s.reports,
            "loss_usd": s.loss_usd,
        }
        for s in slices
    ]
    columns: tuple[Column, ...] = (Column("name", key_label), *SLICE_COLUMNS)
    if vocabulary:
        columns = (Column("key", "Code", "code", html=False), *columns)
    totals = {
        "reports": sum(s.reports for s in slices),
        "loss_usd": sum((s.loss_usd for s in slices), Decimal(0)),
    }
    return Table(caption=caption, columns=columns, rows=rows, csv_name=csv_name, totals=totals)


def dashboard_tables(d: Dashboard) -> dict[str, Table]:
    """Return every table of the dashboard by its CSV slug."""
    alert_rows = [
        {
            "created_at": a.created_at,
            "kind": a.kind,
            "value": a.value,
            "own_report_ref": a.own_report_ref,
            "own_href": f"/reports/{a.own_report_id}",
            "other_agency_code": a.other_agency_code,
            "other_country": a.other_country,
            "status": "Unread" if a.unread else "Read",
        }
        for a in d.alerts
    ]
    tables = {
        "by-country": _slice_table(
            d.by_country,
            caption="By reporting country",
            key_label="Country",
            vocabulary="country",
            csv_name="reports-by-country.csv",
        ),
        "by-scam-type": _slice_table(
            d.by_scam_type,
            caption="By scam type",
            key_label="Scam type",
            vocabulary="scam_type",
            csv_name="reports-by-scam-type.csv",
        ),
        "by-month": _slice_table(
            d.by_month,
            caption="By month reported",
            key_label="Month",
            vocabulary="",
            csv_name="reports-by-month.csv",
        ),
        "alerts": Table(
            caption="Recent cross-border alerts",
            columns=(
                Column("created_at", "Raised", "moment"),
                Column("kind", "Kind", vocabulary="kind"),
                Column("value", "Identifier", "identifier"),
                Column("own_report_ref", "Your report", link="own_href"),
                Column("other_agency_code", "Also reported by", whole=True),
                Column("other_country", "Country", vocabulary="country"),
                Column("status", "Status"),
            ),
            rows=alert_rows,
            csv_name="recent-alerts.csv",
        ),
    }
    if not d.gets_alerts:
        del tables["alerts"]  # so /dashboard/alerts.csv is a 404, not a table of nothing
    return tables


def _top_note(d: Dashboard) -> str:
    """Return which scam types the charts draw, and where the others are."""
    others = len(d.by_scam_type) - TOP_TYPES
    if others <= 0:
        return "every type"
    rest = "the other type is" if others == 1 else f"the other {others} types are"
    return f"the {TOP_TYPES} most reported types; {rest} in the table"


@router.get("/", response_class=HTMLResponse)
def dashboard(page: SignedIn) -> Response:
    """Show reports and losses by country, scam type and month, and recent alerts."""
    d = build_dashboard(page.session, page.caller)
    top_types = d.by_scam_type[:TOP_TYPES]
    chart = {
        "country_reports": charts.bar_chart(
            charts.points([(label(s.key, "country"), s.reports) for s in d.by_country]),
            title="Reports by reporting country",
        ),
        "country_loss": charts.bar_chart(
            charts.points([(label(s.key, "country"), s.loss_usd) for s in d.by_country]),
            title="Loss in US dollars by reporting country",
            money=True,
            colour=charts.BAR_ALT,
        ),
        "type_reports": charts.bar_chart(
            charts.points([(label(s.key, "scam_type"), s.reports) for s in top_types]),
            title=f"Reports by scam type ({_top_note(d)})",
        ),
        "type_loss": charts.bar_chart(
            charts.points([(label(s.key, "scam_type"), s.loss_usd) for s in top_types]),
            title=f"Loss in US dollars by scam type ({_top_note(d)})",
            money=True,
            colour=charts.BAR_ALT,
        ),
        "trend": charts.line_chart(
            charts.points([(s.key, s.reports) for s in d.by_month]),
            title="Reports per month",
        ),
    }
    # Those who keep the FX table up to date hear when it runs out (docs/formats.md).
    keeps_rates = page.caller.agency_kind == "secretariat" or page.caller.user_role == "admin"
    return page.render(
        "dashboard.html",
        section="dashboard",
        title="Dashboard",
        d=d,
        chart=chart,
        top_note=_top_note(d),
        tables=dashboard_tables(d),
        fx_gap=fx_gap() if keeps_rates else None,
    )


@router.get("/dashboard/{slug}.csv")
def dashboard_csv(slug: str, page: SignedIn) -> Response:
    """Download one dashboard table as CSV."""
    tables = dashboard_tables(build_dashboard(page.session, page.caller))
    if slug not in tables:
        raise HTTPException(404)
    return csv_response(tables[slug])
