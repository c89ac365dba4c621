"""The alert inbox: unread first, mark as read, and the count in the header."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from counterscam.check.alerts import raise_alerts
from counterscam.db.engine import session_factory
from counterscam.db.models import AuditEvent
from counterscam.web.routes.alerts import PER_PAGE
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


def test_mark_as_read_comes_back_to_the_tab_and_order_shown(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # The button went back to /alerts: an analyst working through "All alerts" sorted by
    # identifier was thrown back to the unread tab, newest first, after every click.
    _sg_report_with_the_same_phone(engine, region)
    client = client_for("MY-NSRC")
    page = client.get("/alerts?show=all&sort=identifier").text
    alert_id = page.split('action="/alerts/')[1].split("/")[0]
    form = page.split(f'action="/alerts/{alert_id}/read"')[1].split("</form>")[0]
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form))
    assert fields["show"] == "all" and fields["sort"] == "identifier"
    response = client.post(f"/alerts/{alert_id}/read", data=fields, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/alerts?show=all&sort=identifier#sort"
    # Only names the inbox knows go back into the address.
    token = fields["csrf_token"]
    odd = {"csrf_token": token, "show": "x", "sort": "id; drop", "page": "-3"}
    response = client.post(f"/alerts/{alert_id}/read", data=odd, follow_redirects=False)
    assert response.headers["location"] == "/alerts?show=unread#sort"


def test_a_page_past_the_end_says_so_instead_of_nothing_to_show(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    _sg_report_with_the_same_phone(engine, region)
    client = client_for("MY-NSRC")
    page = client.get("/alerts?show=all&page=4").text
    assert "There is no page 4: the list has 1 page." in page
    assert 'href="/alerts?show=all&amp;page=1"' in page
    assert "No alerts yet" not in page
    reports = client.get("/reports?country=MY&page=3").text
    assert "There is no page 3: the list has 1 page." in reports
    assert 'href="/reports?country=MY&amp;page=1"' in reports
    assert "No reports match these filters" not in reports


def test_raised_times_wrap_whole_and_an_empty_inbox_offers_no_download(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # At 800 px "2026-03-01 09:30 UTC" broke as "2026-03-" / "01 09:30": the date and the clock
    # now wrap apart, each whole, on the inbox and the dashboard.
    _sg_report_with_the_same_phone(engine, region)
    client = client_for("MY-NSRC")
    whole = re.compile(r'<span class="nowrap">\d{4}-\d{2}-\d{2}</span> <span class="nowrap">')
    assert whole.search(client.get("/alerts").text)
    assert whole.search(client.get("/").text)
    # A partner never gets an alert: its inbox offered a CSV of nothing.
    inbox = client_for("AU-AFP").get("/alerts").text
    assert "AU-AFP gets no alerts" in inbox and "/alerts.csv" not in inbox


def test_a_partner_is_not_offered_an_inbox_that_is_always_empty(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    _sg_report_with_the_same_phone(engine, region)
    for code in ("AU-AFP", "TL-PNTL"):
        client = client_for(code)
        dashboard = client.get("/").text
        assert 'href="/alerts"' not in dashboard and "Recent cross-border alerts" not in dashboard
        assert client.get("/dashboard/alerts.csv").status_code == 404
        assert client.get("/dashboard/by-country.csv").status_code == 200
    with session_factory(engine)() as session:
        # The dashboard read no inbox for them, so the audit log tells of no alert read.
        partners = [region.users[c].agency_id for c in ("AU-AFP", "TL-PNTL")]
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.agency_id.in_(partners))
        ).all()
        assert "view_dashboard" in actions and "read_alerts" not in actions
    for code in ("AU-AFP", "TL-PNTL"):
        inbox = client_for(code).get("/alerts").text
        assert f"{code} gets no alerts: they go to the agencies that submit reports" in inbox
    member = client_for("MY-NSRC").get("/").text
    assert 'href="/alerts"' in member and "Recent cross-border alerts" in member


def test_reading_the_last_unread_alert_of_the_last_page_comes_back_to_the_new_last_page(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # 51 unread alerts: page 2 of the unread tab holds one. Marking it read came back to page 2,
    # now past the end: "There is no page 2" where the inbox was expected.
    session = session_factory(engine)()
    sg = region.users["SG-ASCOM"].agency_id
    my = region.users["MY-NSRC"].agency_id
    reports = []
    for n in range(PER_PAGE + 1):
        phone = f"+6012345{n:04d}"
        make_report(session, agency_id=my, ref=f"MY-{n}", mark="green", country="MY", phone=phone)
        sg_report = make_report(
            session, agency_id=sg, ref=f"SG-{n}", mark="green", country="SG", phone=phone
        )
        reports.append(sg_report.id)
    raise_alerts(session, reports)
    session.commit()
    session.close()
    client = client_for("MY-NSRC")
    page = client.get("/alerts?show=unread&page=2").text
    assert "Unread (51)" in page
    [alert_id] = re.findall(r'action="/alerts/(\d+)/read"', page)
    form = page.split(f'action="/alerts/{alert_id}/read"')[1].split("</form>")[0]
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form))
    assert fields["page"] == "2"
    response = client.post(f"/alerts/{alert_id}/read", data=fields, follow_redirects=False)
    assert response.headers["location"] == "/alerts?show=unread#sort"
    back = client.get(response.headers["location"]).text
    assert "Unread (50)" in back and "There is no page" not in back
    # In "All alerts" a read alert stays where it was: so does the page.
    fields = {**fields, "show": "all"}
    response = client.post(f"/alerts/{alert_id}/read", data=fields, follow_redirects=False)
    assert response.headers["location"] == "/alerts?show=all&page=2#sort"
