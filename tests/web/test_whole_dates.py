"""Dates in running text and cramped cells wrap whole, never as "2026-03-" / "01" (docs/web.md,
"Accessibility and design"): the ones a narrow window broke at their hyphens."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.check.alerts import raise_alerts
from counterscam.db.engine import session_factory
from tests.factories import PolicyRegion, make_report
from tests.web.conftest import csrf_of

DATE = r"\d{4}-\d{2}-\d{2}"
WHOLE_TIME = rf'<span class="nowrap">{DATE}</span> <span class="nowrap">\d\d:\d\d UTC</span>'


def test_a_reports_summary_line_keeps_its_date_whole(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = client_for("MY-NSRC").get(f"/reports/{region.reports['amber'].id}").text
    assert re.search(rf'<span class="nowrap">reported {DATE} in Malaysia</span>', page)


def test_a_check_keeps_the_stop_list_time_whole(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/stop-list").text)
    listed = client.post(
        "/stop-list",
        data={
            "csrf_token": token,
            "kind": "phone",
            "value": region.phone,
            "reason": "genuine hotline reported by mistake",
        },
    )
    assert listed.status_code == 200, listed.text
    assert re.search(WHOLE_TIME, listed.text)  # the stop-list's "Listed by" cell

    page = client.get("/check", params={"kind": "phone", "value": region.phone}).text
    note = page.split('id="stop-list-note"')[1].split("</p>")[0]
    assert re.search(WHOLE_TIME, note)


def test_the_other_reports_loss_in_an_alert_stays_whole(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # At 1024 px the inbox's last column broke "USD" / "4,761.02".
    with session_factory(engine)() as session:
        sg = region.users["SG-ASCOM"].agency_id
        report = make_report(
            session, agency_id=sg, ref="SG-1", mark="green", country="SG", phone=region.phone
        )
        raise_alerts(session, [report.id])
        session.commit()
    page = client_for("MY-NSRC").get("/alerts").text
    assert re.search(r'<span class="nowrap">USD [\d,]+\.\d\d</span>', page)


def test_agency_codes_in_the_dashboards_alerts_stay_whole(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # At 768 px the dashboard's "Also reported by" broke "SG-ASCOM" as "SG-" / "ASCOM".
    with session_factory(engine)() as session:
        sg = region.users["SG-ASCOM"].agency_id
        report = make_report(
            session, agency_id=sg, ref="SG-1", mark="green", country="SG", phone=region.phone
        )
        raise_alerts(session, [report.id])
        session.commit()
    assert re.search(r'<td class="nowrap"\s*>SG-ASCOM</td>', client_for("MY-NSRC").get("/").text)
