"""What an outside client tried next against the API's error answers: compressed bodies, a
JSON string for an object, unreadable forms, addresses of 60,000 characters. Each is a 4xx
that says what to fix, short, and stores nothing."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.models import Report
from tests.api.conftest import only_item
from tests.intake.conftest import doc_report

JSON = {"Content-Type": "application/json"}


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _stored(session: Session) -> int:
    session.expire_all()
    return int(session.scalar(select(func.count()).select_from(Report)) or 0)


@pytest.mark.parametrize("coding", ["gzip", "br", "deflate"])
def test_a_compressed_body_is_415_saying_to_send_it_uncompressed(
    client: TestClient, session: Session, my: dict[str, str], coding: str
) -> None:
    # A gzip body was told "not UTF-8 text, save it as UTF-8"; a body labelled br but sent
    # plain was read as if the label were not there.
    for body in (gzip.compress(json.dumps(doc_report()).encode()), json.dumps(doc_report())):
        answer = client.post(
            "/api/v1/reports",
            content=body,
            headers={**my, **JSON, "Content-Encoding": coding},
        )
        assert answer.status_code == 415, answer.text
        assert answer.headers["accept-encoding"] == "identity"
        detail = answer.json()["detail"]
        assert f"Content-Encoding: {coding}" in detail and "send the body uncompressed" in detail
    assert _stored(session) == 0


def test_an_uncompressed_body_labelled_identity_is_read(
    client: TestClient, my: dict[str, str]
) -> None:
    body = {"items": [{"kind": "phone", "value": "+60123456789"}]}
    answer = client.post(
        "/api/v1/check/bulk",
        content=json.dumps(body),
        headers={**my, **JSON, "Content-Encoding": "identity"},
    )
    assert answer.status_code == 200 and answer.json()["checked"] == 1


def test_a_compressed_form_on_a_page_is_a_page_saying_so(client: TestClient) -> None:
    answer = client.post(
        "/sign-in",
        content=gzip.compress(b"username=a&password=b"),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Encoding": "gzip",
        },
    )
    assert answer.status_code == 415 and "<html" in answer.text
    assert "send the body uncompressed" in answer.text


@pytest.mark.parametrize(("body", "named"), [('"items"', "text"), ("12", "a number")])
def test_a_json_value_that_is_no_object_is_named_as_read(
    client: TestClient, my: dict[str, str], body: str, named: str
) -> None:
    # A JSON string was told "the body was not read as JSON": the client checked its headers,
    # which were right.
    item = only_item(client.post("/api/v1/check/bulk", content=body, headers={**my, **JSON}))
    assert item["loc"] == ["body"]
    assert item["msg"].startswith(f"The body must be a JSON object {{...}}, not {named};")


def test_a_body_sent_as_text_is_still_told_it_was_not_read_as_json(
    client: TestClient, my: dict[str, str]
) -> None:
    answer = client.post(
        "/api/v1/check/bulk",
        content=b'{"items": []}',
        headers={**my, "Content-Type": "text/plain"},
    )
    assert only_item(answer)["msg"].startswith("The body was not read as JSON;")


@pytest.mark.parametrize(
    ("content_type", "words"),
    [
        ("multipart/form-data; boundary=x", "cannot be read as multipart/form-data"),
        ("multipart/form-data", "has no boundary in its Content-Type header"),
    ],
)
def test_an_unreadable_upload_form_is_422_saying_how_to_send_files(
    client: TestClient, session: Session, my: dict[str, str], content_type: str, words: str
) -> None:
    # Starlette's 400 said "Invalid multipart data." or "Missing boundary in multipart."
    answer = client.post(
        "/api/v1/uploads", content=b"reports", headers={**my, "Content-Type": content_type}
    )
    item = only_item(answer)
    assert item["type"] == "multipart_invalid" and item["loc"] == ["body"]
    assert words in item["msg"] and "curl -F 'files=@reports.csv'" in item["msg"]
    assert _stored(session) == 0


def test_a_long_address_is_not_echoed_whole(client: TestClient, my: dict[str, str]) -> None:
    # A 60,000-character address came back whole in the 404 and 405 answers.
    for method, path in (
        ("GET", "/api/v1/" + "a" * 60_000),
        ("DELETE", "/api/v1/reports/" + "1" * 60_000),
    ):
        answer = client.request(method, path, headers=my)
        assert answer.status_code in (404, 405) and len(answer.content) < 1_000
        assert "characters)" in answer.json()["detail"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/reports", 401),
        ("GET", "/api/v1/nowhere", 404),
        ("DELETE", "/api/v1/reports", 405),
        ("GET", "/api/v1/check?kind=phone&kind=url&value=1", 422),
    ],
)
def test_an_api_error_is_json_for_a_client_asking_for_html(
    client: TestClient, method: str, path: str, status: int
) -> None:
    answer = client.request(method, path, headers={"Accept": "text/html"})
    assert answer.status_code == status
    assert answer.headers["content-type"] == "application/json" and answer.json()["detail"]


@pytest.mark.parametrize(
    ("query", "loc", "escape"),
    [
        ("kind=sender_id&value=caf%E9", ["query", "value"], "%E9"),  # Latin-1, not UTF-8
        ("country=%FF", ["query", "country"], "%FF"),
        ("caf%E9=1", ["query", "caf%E9"], "%E9"),
    ],
)
def test_an_escape_that_is_not_utf8_is_422_naming_the_parameter(
    client: TestClient, my: dict[str, str], query: str, loc: list[str], escape: str
) -> None:
    # It was read as U+FFFD: the check ran on "caf�", a value the client never sent.
    path = "/api/v1/check" if "value" in query else "/api/v1/reports"
    item = only_item(client.get(f"{path}?{query}", headers=my))
    assert item["type"] == "string_not_utf8" and item["loc"] == loc
    assert f"({escape} begins no UTF-8 character)" in item["msg"] and "%C3%A9" in item["msg"]
    assert "\ufffd" not in json.dumps(item, ensure_ascii=False)


def test_a_utf8_escape_is_read(client: TestClient, my: dict[str, str]) -> None:
    answer = client.get("/api/v1/check?kind=sender_id&value=caf%C3%A9", headers=my)
    assert answer.json()["query"] == "café"
