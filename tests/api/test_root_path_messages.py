"""Under a proxy's path prefix, an API error names the addresses the client must use.

Served at ``https://host/counterscam/``, the 404, 405 and body errors sent the client to
``/api/v1/openapi.json``, ``/api/v1/uploads`` or ``/api/v1/reports/batch``: addresses at the
root of the host name, which the proxy does not pass to the app.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.api.app import create_app
from counterscam.config import Settings
from tests.api.conftest import only_item
from tests.factories import PASSWORD
from tests.intake.conftest import doc_report
from tests.intake.test_api import auth
from tests.web.conftest import csrf_of

PREFIX = "/counterscam"
LISTED = (
    f"the routes and their methods are listed at {PREFIX}/api/v1/openapi.json and {PREFIX}/api/docs"
)


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app, root_path=PREFIX) as c:
        yield c


@pytest.fixture
def headers(session: Session, agencies: dict[str, Caller]) -> dict[str, str]:
    return {**auth(session, "MY-NSRC"), "Content-Type": "application/json"}


def test_an_unknown_route_and_a_wrong_method_point_to_the_prefixed_lists(
    client: TestClient, headers: dict[str, str]
) -> None:
    missing = client.get(f"{PREFIX}/api/v1/report")
    assert missing.json()["detail"] == (
        f"There is no API route GET {PREFIX}/api/v1/report; check the address: {LISTED}."
    )
    wrong = client.delete(f"{PREFIX}/api/v1/reports", headers=headers)
    assert wrong.status_code == 405
    assert wrong.json()["detail"].endswith(f"; {LISTED}")
    # Each address named is one the client reaches.
    for address in (f"{PREFIX}/api/v1/openapi.json", f"{PREFIX}/api/docs"):
        assert client.get(address).status_code == 200, address


@pytest.mark.parametrize(
    "body",
    [
        b'{"items": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"items": [{"value": ' + b"1" * 5000 + b"}]}",
    ],
    ids=["nested too deep", "thousands of digits"],
)
def test_an_unreadable_body_points_to_the_prefixed_schema(
    client: TestClient, headers: dict[str, str], body: bytes
) -> None:
    item = only_item(client.post(f"{PREFIX}/api/v1/check/bulk", content=body, headers=headers))
    assert f" {PREFIX}/api/v1/openapi.json describes" in item["msg"], item["msg"]


def test_a_value_checked_twice_points_to_the_prefixed_bulk_check(client: TestClient) -> None:
    item = only_item(client.get(f"{PREFIX}/api/v1/check?kind=phone&value=12&value=13"))
    assert item["msg"].endswith(f"to check several values use POST {PREFIX}/api/v1/check/bulk.")


def test_a_report_sent_wrongly_points_to_the_prefixed_intake_routes(
    client: TestClient, headers: dict[str, str]
) -> None:
    listed = client.post(
        f"{PREFIX}/api/v1/reports", content=json.dumps([doc_report()]), headers=headers
    )
    assert listed.status_code == 422
    [error] = listed.json()["errors"]
    assert error["reason"].startswith(f"POST {PREFIX}/api/v1/reports takes one report")
    assert f"send a list of reports to {PREFIX}/api/v1/reports/batch as" in error["reason"]

    form = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
    sent = client.post(f"{PREFIX}/api/v1/reports", content=b"external_ref=X", headers=form)
    [error] = sent.json()["errors"]
    assert f"send files to {PREFIX}/api/v1/uploads as multipart/form-data" in error["reason"]


def test_at_the_root_of_a_host_name_the_addresses_stay_as_they_were(
    engine: Engine, headers: dict[str, str]
) -> None:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as plain:
        detail = plain.get("/api/v1/report").json()["detail"]
        assert (
            detail.endswith("listed at /api/v1/openapi.json and /api/docs.")
            and "/counterscam" not in detail
        )
        listed = plain.post("/api/v1/reports", content=json.dumps([doc_report()]), headers=headers)
        assert "send a list of reports to /api/v1/reports/batch as" in listed.text


ONE_REPORT_SENT_AS_A_BATCH = (
    f"this is one report, not a batch: send it to POST {PREFIX}/api/v1/reports"
)


def test_one_report_sent_as_a_batch_points_to_the_prefixed_report_route(
    client: TestClient, headers: dict[str, str]
) -> None:
    # The batch route and a JSON upload named POST /api/v1/reports, outside the prefix.
    sent = client.post(
        f"{PREFIX}/api/v1/reports/batch", content=json.dumps(doc_report()), headers=headers
    )
    assert sent.status_code == 422
    [error] = sent.json()["errors"]
    assert error["reason"].startswith(ONE_REPORT_SENT_AS_A_BATCH), error["reason"]

    bearer = {"Authorization": headers["Authorization"]}
    file = ("report.json", json.dumps(doc_report()).encode(), "application/json")
    uploaded = client.post(f"{PREFIX}/api/v1/uploads", files={"files": file}, headers=bearer)
    assert uploaded.status_code == 422
    [error] = uploaded.json()["errors"]
    assert error["reason"].startswith(ONE_REPORT_SENT_AS_A_BATCH), error["reason"]


def test_one_report_uploaded_on_the_page_points_to_the_prefixed_report_route(
    client: TestClient, headers: dict[str, str]
) -> None:
    signed = client.post(
        f"{PREFIX}/sign-in",
        data={
            "username": "u-my-nsrc",  # the user whose token ``headers`` holds
            "password": PASSWORD,
            "csrf_token": csrf_of(client.get(f"{PREFIX}/sign-in").text),
            "next": "/",
        },
        follow_redirects=False,
    )
    assert signed.status_code == 303, signed.text
    file = ("report.json", json.dumps(doc_report()).encode(), "application/json")
    sent = client.post(
        f"{PREFIX}/upload",
        data={"csrf_token": csrf_of(client.get(f"{PREFIX}/upload").text)},
        files={"files": file},
    )
    assert ONE_REPORT_SENT_AS_A_BATCH in sent.text
    assert "send it to POST /api/v1/reports" not in sent.text


def test_one_report_sent_as_a_batch_at_the_root_names_the_route_as_it_is(
    engine: Engine, headers: dict[str, str]
) -> None:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as plain:
        sent = plain.post(
            "/api/v1/reports/batch", content=json.dumps(doc_report()), headers=headers
        )
        [error] = sent.json()["errors"]
        assert "send it to POST /api/v1/reports, or put it in a list" in error["reason"]
