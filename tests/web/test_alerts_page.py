"""The alert inbox: unread first, mark as read, and the count in the header."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.check.alerts import raise_alerts
from counterscam.db.engine import session_factory
from tests.factories import PolicyRegion, make_report
from tests.web.conftest import csrf_of


def _sg_report_with_the_same_phone(engine: Engine, region: PolicyRegion) -> None:
    session = session_factory(engine)()
    sg = region.users["SG-ASCOM"].agency_id
    report = make_report(
        session, agency_id=sg, ref="SG-1", mark="green", country="SG", phone=region.phone
    )
    raise_alerts(session, [report.id])
    session.commit()
    session.close()


def test_alert_is_listed_then_marked_read(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    _sg_report_with_the_same_phone(engine, region)
    client = client_for("MY-NSRC")
    page = client.get("/alerts").text
    assert "Unread (1)" in page and "SG-ASCOM" in page and "+60123456789" in page
    assert 'aria-label="1 unread"' in page
    alert_id = page.split('action="/alerts/')[1].split("/")[0]

    response = client.post(
        f"/alerts/{alert_id}/read", data={"csrf_token": csrf_of(page)}, follow_redirects=False
    )
    assert response.status_code == 303
    page = client.get("/alerts").text
    assert "No unread alerts" in page and 'aria-label="1 unread"' not in page
    assert "SG-ASCOM" in client.get("/alerts?show=all").text
    assert "SG-ASCOM" in client.get("/alerts.csv").text


def test_another_agency_cannot_mark_my_alert(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    _sg_report_with_the_same_phone(engine, region)
    page = client_for("MY-NSRC").get("/alerts").text
    alert_id = page.split('action="/alerts/')[1].split("/")[0]
    other = client_for("TH-CCIB")
    token = csrf_of(other.get("/alerts").text)
    assert other.post(f"/alerts/{alert_id}/read", data={"csrf_token": token}).status_code == 404
