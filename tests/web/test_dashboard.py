"""The dashboard: totals, breakdowns, trend and alerts over the reports the caller may see."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller, create_agency
from counterscam.db.engine import session_factory
from counterscam.db.models import Agency, Report
from counterscam.web.dashboard import build_dashboard
from counterscam.web.formatting import options
from tests.factories import EXPECTED_VISIBLE, PolicyRegion, make_report


def _csv(client: TestClient, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))


def test_totals_differ_by_role_as_the_policy_says(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    for agency in ("MY-NSRC", "TH-CCIB", "AU-AFP"):
        client = client_for(agency)
        n = len(EXPECTED_VISIBLE[agency])
        page = client.get("/").text
        assert f'<span class="stat__value">{n:,}</span>' in page
        assert f"USD {n * 1000:,}" in page
        rows = _csv(client, "/dashboard/by-country.csv")
        assert rows == [
            {"Code": "MY", "Country": "Malaysia", "Reports": str(n), "Loss (USD)": f"{n * 1000}.00"}
        ]


def test_charts_come_with_their_numbers(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = client_for("MY-NSRC").get("/").text
    assert page.count('<svg class="chart"') == 5
    assert "Investment scam" in page
    assert "/dashboard/by-scam-type.csv" in page and "/dashboard/by-month.csv" in page
    # Nothing loads from elsewhere: no absolute or protocol-relative address. (A bare "cdn"
    # was looked for, and a random CSRF token holding those letters failed the test.)
    assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", page, re.I)


def test_monthly_trend_counts_visible_reports_per_month(
    engine: Engine, region: PolicyRegion
) -> None:
    session = session_factory(engine)()
    d = build_dashboard(session, region.caller("SG-ASCOM"), now=datetime(2026, 4, 2, tzinfo=UTC))
    session.close()
    assert len(d.by_month) == 24
    assert d.by_month[-1].key == "2026-03"  # the trend ends at the newest visible report
    assert d.by_month[-1].reports == len(EXPECTED_VISIBLE["SG-ASCOM"])
    assert sum(s.reports for s in d.by_month) == d.reports


def test_unknown_table_is_404(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    assert client_for("MY-NSRC").get("/dashboard/nothing.csv").status_code == 404


def _report(session: Session, agency: Agency, ref: str, at: datetime) -> None:
    session.add(
        Report(
            agency_id=agency.id,
            external_ref=ref,
            country=agency.country,
            reported_at=at,
            scam_type="investment",
            channel="phone_call",
            loss_amount=Decimal("10"),
            loss_currency="USD",
            loss_usd=Decimal("10"),
            mark="green",
        )
    )


def test_monthly_trend_counts_each_report_in_its_reporting_countrys_month(
    engine: Engine,
) -> None:
    session = session_factory(engine)()
    agencies = {
        c: create_agency(session, code=f"{c}-POL", name=c, country=c, kind="member")
        for c in ("MY", "MM", "TH")
    }
    agencies["AU"] = create_agency(session, code="AU-AFP", name="AU", country="AU", kind="partner")
    _report(session, agencies["MY"], "MY-1-MAR", datetime(2026, 2, 28, 16, 0, tzinfo=UTC))
    _report(session, agencies["MM"], "MM-1-APR", datetime(2026, 3, 31, 17, 30, tzinfo=UTC))
    _report(session, agencies["TH"], "TH-1-APR-3AM", datetime(2026, 3, 31, 20, 0, tzinfo=UTC))
    _report(session, agencies["AU"], "AU-1-FEB", datetime(2026, 1, 31, 13, 0, tzinfo=UTC))
    # The window's first month, 2024-05 in Kuala Lumpur, and the evening before it.
    _report(session, agencies["MY"], "MY-1-MAY-2024", datetime(2024, 4, 30, 16, 0, tzinfo=UTC))
    _report(session, agencies["MY"], "MY-30-APR-2024", datetime(2024, 4, 30, 15, 59, tzinfo=UTC))
    session.commit()
    caller = admin_caller(session, "MY-POL")
    d = build_dashboard(session, caller, now=datetime(2026, 6, 1, tzinfo=UTC))
    session.close()
    months = {s.key: s.reports for s in d.by_month}
    assert d.by_month[-1].key == "2026-04"  # the newest report is of 1 April in Bangkok
    assert d.by_month[0].key == "2024-05"
    assert (months["2026-04"], months["2026-03"], months["2026-02"]) == (2, 1, 1)
    assert months["2024-05"] == 1 and "2024-04" not in months
    assert sum(months.values()) == d.reports - 1


def test_trend_says_its_months_are_each_reporting_countrys(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = client_for("MY-NSRC").get("/").text
    assert (
        'Reports per month <span class="muted">(each report in its reporting country\'s month)'
        in page
    )
    assert "months in UTC" not in page


def _tfoot_loss(page: str, caption: str) -> str:
    """Return the loss in the total row of the dashboard table with this caption."""
    table = page[page.index(f">{caption}</h3>") :]
    footer = table[table.index("<tfoot>") : table.index("</tfoot>")]
    cells: list[str] = re.findall(r'<td class="num">([^<]*)</td>', footer)
    return cells[-1]


def test_the_loss_card_shows_the_tables_total_to_the_cent(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    # The card read "USD 1,205,300" beside tables totalling 1,205,300.25: two figures.
    with session_factory(engine)() as session:
        my = region.users["MY-NSRC"].agency_id
        make_report(session, agency_id=my, ref="MY-BIG", mark="amber", loss_usd="1199300.25")
        session.commit()
    page = client_for("MY-NSRC").get("/").text
    card = page[page.index('<li class="stat" id="loss-total">') :]
    card = card[: card.index("</li>")]
    assert '<span class="stat__value" title="USD 1,205,300.25">USD 1.2M</span>' in card
    assert "Exactly USD 1,205,300.25" in card
    assert _tfoot_loss(page, "By reporting country") == "1,205,300.25"
    assert _tfoot_loss(page, "By scam type") == "1,205,300.25"


def test_the_scam_type_charts_say_the_other_types_are_in_the_table(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    named = dict(options("scam_type"))
    types = list(named)
    with session_factory(engine)() as session:
        my = region.users["MY-NSRC"].agency_id
        for code in types:
            make_report(session, agency_id=my, ref=f"MY-{code}", mark="amber").scam_type = code
        session.commit()
    page = client_for("MY-NSRC").get("/").text
    others = len(types) - 10
    note = f"(the 10 most reported types; the other {others} types are in the table)"
    assert f'<h3 class="chart-title">Reports {note}</h3>' in page
    assert f'<h3 class="chart-title">Loss in USD {note}</h3>' in page
    charts = page[page.index('id="type-h"') :]
    charts = charts[: charts.index('<div class="table-block"')]
    # Ten bars in each chart, drawn twice: wide, and for a phone (labels over bars).
    assert charts.count("<rect ") == 40 and charts.count('data-chart="bar-narrow"') == 2
    # Each drawn label reads whole: "Impersonation of officials ("Macau scam")" on two lines.
    assert '<tspan x="212" y="' in charts and "Impersonation of of…" not in charts
    table = page[page.index(">By scam type</h3>") :]
    table = table[: table.index("</table>")]
    assert all(f">{escape(named[code])}</td>" in table for code in types)


def test_the_scam_type_charts_say_when_they_draw_every_type(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = client_for("MY-NSRC").get("/").text
    assert '<h3 class="chart-title">Reports (every type)</h3>' in page


def test_the_totals_fill_their_row_for_every_role(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # A partner's three totals (no alerts card) sat in four columns, a hole at the right.
    cards = {
        code: re.search(r'<ul class="([^"]+)" aria-label="Totals">(.*?)</ul>', page, re.S)
        for code, page in ((code, client_for(code).get("/").text) for code in ("MY-NSRC", "AU-AFP"))
    }
    for code, (columns, count) in {
        "MY-NSRC": ("stats", 4),
        "AU-AFP": ("stats stats--3", 3),
    }.items():
        found = cards[code]
        assert found and found.group(2).count('<li class="stat') == count, code
        assert found.group(1) == columns, code
