"""JSON API bodies no JSON answer can echo are refused with a 422 that says why, never a 500."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counterscam.access.accounts import create_agency, create_user, issue_token
from counterscam.api.app import create_app
from counterscam.config import Settings
from tests.factories import PASSWORD


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def headers(session: Session) -> dict[str, str]:
    create_agency(session, code="MY-NSRC", name="MY-NSRC", country="MY", kind="member")
    create_user(session, username="u-my", password=PASSWORD, agency_code="MY-NSRC")
    token = issue_token(session, username="u-my")
    session.commit()
    return {"Authorization": f"Bearer {token.secret}", "Content-Type": "application/json"}


def test_a_number_too_large_for_json_is_a_422_naming_the_body(
    client: TestClient, headers: dict[str, str]
) -> None:
    # Python reads 1e999999 as inf, which FastAPI's own 422 could not write back.
    answer = client.post("/api/v1/check/bulk", content=b"1e999999", headers=headers)
    assert answer.status_code == 422
    error = answer.json()["detail"][0]
    assert error["loc"] == ["body"] and error["input"] == "inf"


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (b'{"items": [{"value": "\\ud800"}]}', ["body", "items", 0, "value"]),
        (b'{"items": [{"value": "1", "kind": "\\udfff"}]}', ["body", "items", 0, "kind"]),
        (b'{"items": [{"value": "+60123456789"}], "country": "\\ud800"}', ["body", "country"]),
    ],
)
def test_a_lone_surrogate_in_a_bulk_check_is_a_422_naming_the_field(
    client: TestClient, headers: dict[str, str], body: bytes, where: list[object]
) -> None:
    answer = client.post("/api/v1/check/bulk", content=body, headers=headers)
    assert answer.status_code == 422
    error = answer.json()["detail"][0]
    assert error["loc"] == where
    assert "lone UTF-16 surrogate" in error["msg"] and "send valid UTF-8 text" in error["msg"]


def test_a_bulk_check_of_valid_text_is_still_answered(
    client: TestClient, headers: dict[str, str]
) -> None:
    body = b'{"items": [{"value": "\\ud83d\\ude00 +60123456789"}, {"value": "a\\u0000b"}]}'
    answer = client.post("/api/v1/check/bulk", content=body, headers=headers)
    assert answer.status_code == 200
    assert answer.json()["checked"] == 2


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (b'{"items": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
        (b'{"items": [{"value": ' + b"1" * 5000 + b"}]}", "thousands of digits"),
        ('{"items": [{"value": "café"}]}'.encode("latin-1"), "not UTF-8"),
    ],
)
def test_a_bulk_check_body_that_cannot_be_parsed_says_why(
    client: TestClient, headers: dict[str, str], body: bytes, said: str
) -> None:
    # Each was answered "The body is not UTF-8 text", also the UTF-8 ones.
    answer = client.post("/api/v1/check/bulk", content=body, headers=headers)
    assert answer.status_code == 422
    [error] = answer.json()["detail"]
    assert error["loc"] == ["body"] and said in error["msg"]
