"""What outside testers tried next: NUL characters in addresses and forms (a 500 on PostgreSQL,
and an unaudited guess), and pages a shared computer's browser kept after sign-out."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from counterscam.db.engine import session_factory
from counterscam.db.models import AuditEvent
from tests.factories import EXPECTED_VISIBLE, PolicyRegion
from tests.web.conftest import csrf_of

AGENCIES = sorted(EXPECTED_VISIBLE)


@pytest.mark.parametrize(
    ("path", "loc"),
    [
        ("/api/v1/reports?country=MY%00", ["query", "country"]),
        ("/api/v1/clusters?compound=KK%00Park", ["query", "compound"]),
        ("/api/v1/check?kind=phone&value=%2B60123456789%00", ["query", "value"]),
        ("/api/v1/clusters/CL-1%00", ["path"]),
    ],
)
def test_nul_in_an_api_address_is_422_naming_where(
    client_for: Callable[[str], TestClient], path: str, loc: list[str]
) -> None:
    # In the list shape of every other 422 of the API: it was the one bare sentence.
    client = client_for("AU-AFP")
    answer = client.get(path)
    assert answer.status_code == 422
    (item,) = answer.json()["detail"]
    assert item["loc"] == loc and item["type"] == "string_nul"
    assert "NUL character (%00)" in item["msg"] and "remove it" in item["msg"]
    assert answer.headers["cache-control"] == "no-store"


def test_each_query_parameter_holding_nul_is_an_item_of_its_own(
    client_for: Callable[[str], TestClient],
) -> None:
    answer = client_for("MY-NSRC").get("/api/v1/reports?country=MY%00&scam_type=%00")
    detail = answer.json()["detail"]
    assert [(i["loc"], i["input"]) for i in detail] == [
        (["query", "country"], "MY\x00"),
        (["query", "scam_type"], "\x00"),
    ]
    assert "'country'" in detail[0]["msg"] and "'scam_type'" in detail[1]["msg"]


@pytest.mark.parametrize(
    "path", ["/reports?country=%00", "/clusters?compound=%00", "/clusters/%00", "/check?value=%00"]
)
def test_nul_in_a_page_address_is_a_page_saying_what_to_fix(
    client_for: Callable[[str], TestClient], path: str
) -> None:
    answer = client_for("MY-NSRC").get(path)
    assert answer.status_code == 422
    assert "There is a problem" in answer.text and "NUL character (%00)" in answer.text
    assert "&#34;detail&#34;" not in answer.text and '"loc"' not in answer.text


def test_a_page_names_a_query_parameter_whose_name_holds_nul_as_typed(
    client_for: Callable[[str], TestClient],
) -> None:
    # The NUL itself was printed inside the sentence, an invisible character on the page.
    answer = client_for("MY-NSRC").get("/reports?a%00b=1")
    assert "The query parameter a%00b holds a NUL character (%00)" in answer.text
    assert "\x00" not in answer.text


def test_a_page_address_that_is_not_utf8_is_a_page_saying_so(
    client_for: Callable[[str], TestClient],
) -> None:
    # "caf%E9" (Latin-1) was read as "caf\ufffd" and checked as such.
    answer = client_for("MY-NSRC").get("/check?kind=sender_id&value=caf%E9")
    assert answer.status_code == 422
    assert "The query parameter value is not UTF-8 text" in answer.text
    assert "\ufffd" not in answer.text


def test_a_checked_value_holding_nul_is_answered_and_audited(
    engine: Engine, client_for: Callable[[str], TestClient]
) -> None:
    client = client_for("SG-ASCOM")
    token = csrf_of(client.get("/check").text)
    answer = client.post(
        "/check", data={"csrf_token": token, "kind": "phone", "value": "12\x003", "country": ""}
    )
    assert answer.status_code == 400  # the value's reason beside the field, not a 500
    with session_factory(engine)() as session:
        queries = session.scalars(select(AuditEvent.query).where(AuditEvent.action == "check"))
        assert [q for q in queries if "12\\x003" in q], "the search left no audit row"


def test_sign_in_with_nul_in_the_username_is_a_wrong_username(
    app_client: TestClient, region: PolicyRegion
) -> None:
    token = csrf_of(app_client.get("/sign-in").text)
    answer = app_client.post(
        "/sign-in",
        data={"username": "user-my-nsrc\x00", "password": "x" * 12, "csrf_token": token},
    )
    assert answer.status_code == 400
    assert "Enter a correct username and password" in answer.text


def test_a_stop_list_reason_holding_nul_is_refused_beside_the_field(
    client_for: Callable[[str], TestClient],
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/stop-list").text)
    answer = client.post(
        "/stop-list",
        data={"csrf_token": token, "kind": "phone", "value": "+60123456789", "reason": "a\x00b"},
    )
    assert answer.status_code == 422
    assert "NUL character" in answer.text


@pytest.mark.parametrize("agency", AGENCIES)
def test_no_answer_carrying_records_is_kept_by_the_browser(
    client_for: Callable[[str], TestClient], region: PolicyRegion, agency: str
) -> None:
    client = client_for(agency)
    seen = region.reports["clear"].id
    for path in (
        "/",
        "/reports",
        "/reports.csv",
        f"/reports/{seen}",
        f"/reports/{region.reports['red'].id}",  # the 403 page names the holder
        "/dashboard/by-country.csv",
        "/alerts.csv",
        "/api/v1/reports",
        f"/api/v1/reports/{seen}",
        f"/api/v1/check?value={region.phone}",
    ):
        for answer in (client.get(path), client.head(path)):
            assert answer.headers.get("cache-control") == "no-store", path
    assert "no-store" not in client.get("/static/app.css").headers.get("cache-control", "")
