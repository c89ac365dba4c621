"""Report dates read as the reporting country's date on every page; other times say UTC.

A report entered as 2026-03-02 in Malaysia is stored as 2026-03-01T16:00Z (local midnight);
the pages used to show that UTC day, so every report of the region looked a day early.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from counterscam.access.accounts import create_agency, create_user
from counterscam.check.alerts import raise_alerts
from counterscam.db.engine import session_factory
from counterscam.db.models import Report
from counterscam.web.formatting import day, local_day, local_moment, moment, offset
from tests.factories import PASSWORD, PolicyRegion, make_report
from tests.web.conftest import csrf_of, sign_in, upload

PHONE = "+60129998877"
FORM = {
    "external_ref": "MY-DAY-1",
    "reported_at": "2026-03-02",
    "incident_at": "2026-02-27",
    "scam_type": "investment",
    "channel": "whatsapp",
    "mark": "green",
    "identifiers-0-kind": "phone",
    "identifiers-0-value": "012-999 8877",
    "identifiers-0-role": "caller",
}


def _enter(client: TestClient, **fields: str) -> str:
    """Save a report through the form, as an analyst would; return its page's address."""
    token = csrf_of(client.get("/reports/new").text)
    response = client.post(
        "/reports/new", data={"csrf_token": token, **FORM, **fields}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def _upload(client: TestClient, reports: list[dict[str, str]]) -> None:
    body = json.dumps(reports).encode()
    response = upload(client, "reports.json", body, "application/json")
    assert response.status_code == 303
    assert "Upload complete" in client.get(response.headers["location"]).text


def _stored(engine: Engine, ref: str) -> Report:
    with session_factory(engine)() as session:
        return session.scalars(select(Report).where(Report.external_ref == ref)).one()


def _row_of(page: str, ref: str) -> str:
    found = re.search(rf"<tr>(?:(?!</tr>).)*{re.escape(ref)}(?:(?!</tr>).)*</tr>", page, re.S)
    assert found, f"no table row for {ref}"
    return found.group(0)


def test_malaysian_date_shows_that_date_on_its_page(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    page = client.get(_enter(client)).text
    assert _stored(engine, "MY-DAY-1").reported_at == datetime(2026, 3, 1, 16, tzinfo=UTC)
    assert "reported 2026-03-02 in Malaysia" in page
    assert "2026-03-02 00:00 (Malaysia, UTC+08:00)" in page
    assert '<span class="muted">(2026-03-01 16:00 UTC)</span>' in page  # the stored UTC time
    assert "2026-02-27 00:00 (Malaysia, UTC+08:00)" in page  # the incident date too
    assert "2026-03-01 16:00 UTC" in page and "reported 2026-03-01" not in page


def test_reports_list_shows_local_dates_and_the_csv_keeps_utc(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    _enter(client)
    page = client.get("/reports").text
    row = _row_of(page, "MY-DAY-1")
    assert "2026-03-02" in row and "2026-03-01" not in row
    assert "Dates are each reporting country's local date" in page
    csv_text = client.get("/reports.csv").text
    assert "2026-03-01T16:00:00+00:00" in csv_text  # downloads stay UTC


def test_check_result_shows_the_reporting_countrys_date(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    _enter(client)
    page = client.get("/check", params={"kind": "phone", "value": PHONE}).text
    assert "HIT" in page
    assert "<dt>First seen</dt><dd>2026-03-02" in page
    assert "<dt>Last seen</dt><dd>2026-03-02" in page
    assert "(local date in Malaysia)" in page
    row = _row_of(page, "MY-DAY-1")
    assert ">2026-03-02</td>" in row and "2026-03-01" not in row


def test_alert_inbox_shows_the_other_reports_local_date(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    _enter(client_for("MY-NSRC"))
    with session_factory(engine)() as session:
        sg = region.users["SG-ASCOM"].agency_id
        # The same number, named by Singapore too: an alert for SG about the MY report.
        mine = make_report(
            session, agency_id=sg, ref="SG-DAY", mark="green", country="SG", phone=PHONE
        )
        raise_alerts(session, [mine.id])
        session.commit()
    page = client_for("SG-ASCOM").get("/alerts").text
    assert "MY-DAY-1" in page
    assert "reported 2026-03-02" in page and "reported 2026-03-01" not in page
    assert "UTC" in page  # when the alert was raised: a time that is no report's, in UTC


def test_myanmar_date_shows_that_date(
    engine: Engine, app_client: TestClient, region: PolicyRegion
) -> None:
    with session_factory(engine)() as session:
        create_agency(session, code="MM-CID", name="Myanmar CID", country="MM", kind="member")
        create_user(session, username="user-mm", password=PASSWORD, agency_code="MM-CID")
        session.commit()
    sign_in(app_client, "user-mm")
    page = app_client.get(
        _enter(app_client, external_ref="MM-DAY-1", **{"identifiers-0-value": "+60 12-999 8877"})
    ).text
    assert "reported 2026-03-02 in Myanmar" in page
    assert "2026-03-02 00:00 (Myanmar, UTC+06:30)" in page
    assert "(2026-03-01 17:30 UTC)" in page
    row = _row_of(app_client.get("/reports").text, "MM-DAY-1")
    assert "2026-03-02" in row and "2026-03-01" not in row


def test_explicit_time_and_offset_shows_the_local_time(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    base = {"scam_type": "investment", "channel": "sms", "mark": "green"}
    _upload(
        client,
        [
            # Written in Bangkok time late on the 1st: 00:30 on the 2nd in Kuala Lumpur.
            {**base, "external_ref": "MY-T-1", "reported_at": "2026-03-01T23:30:00+07:00"},
            {**base, "external_ref": "MY-T-2", "reported_at": "2026-03-02T01:15:00Z"},
        ],
    )
    reports = client.get("/reports").text
    first = client.get(re.findall(r'href="(/reports/\d+)">MY-T-1<', reports)[0]).text
    assert "2026-03-02 00:30 (Malaysia, UTC+08:00)" in first
    assert "(2026-03-01 16:30 UTC)" in first
    second = client.get(re.findall(r'href="(/reports/\d+)">MY-T-2<', reports)[0]).text
    assert "2026-03-02 09:15 (Malaysia, UTC+08:00)" in second
    assert "(2026-03-02 01:15 UTC)" in second
    assert "2026-03-02" in _row_of(reports, "MY-T-1")


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("MY", "2026-03-02 00:00 (Malaysia, UTC+08:00)"),
        ("MM", "2026-03-01 22:30 (Myanmar, UTC+06:30)"),
        ("US", "2026-03-01 11:00 (United States, UTC-05:00)"),
        (None, "2026-03-01 16:00 UTC"),  # no zone known: UTC, and it says so
    ],
)
def test_local_moment_names_the_country_and_offset(country: str | None, expected: str) -> None:
    assert local_moment(datetime(2026, 3, 1, 16, tzinfo=UTC), country) == expected


def test_a_date_picked_among_countries_is_local_only_when_they_agree() -> None:
    when = datetime(2026, 3, 1, 16, 30, tzinfo=UTC)  # 00:30 in Manila, 23:00 in Yangon
    assert local_day(when, ["MY", "SG", "PH"]) == "2026-03-02"  # all UTC+08:00
    assert local_day(when, ["MY", "MM"]) == "2026-03-01 UTC"  # they differ: say UTC
    assert local_day(when, []) == "2026-03-01 UTC"


def test_times_without_a_country_say_utc() -> None:
    when = datetime(2026, 3, 1, 16, tzinfo=UTC)
    assert moment(when) == "2026-03-01 16:00 UTC"
    assert day(when) == "2026-03-01 UTC"  # never a bare date that reads as a local one
    assert day(when.date()) == "2026-03-01"  # a calendar date (birth date, rate date) is one
    assert offset(None) == "UTC+00:00"


def test_cluster_list_shows_first_and_last_report_as_local_dates(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    _enter(client)
    _enter(client, external_ref="MY-DAY-2", reported_at="2026-03-05")
    page = client.get("/clusters").text
    row = _row_of(page, "2026-03-05")
    assert "2026-03-02" in row and "2026-03-01" not in row and "2026-03-04" not in row
    assert "Dates are each reporting country" in page
    assert "2026-03-01T16:00:00+00:00" in client.get("/clusters.csv").text
