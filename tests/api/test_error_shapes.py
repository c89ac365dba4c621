"""Every route of the JSON API probed as an outside client: each 4xx is JSON in the one error
shape, says what was wrong, where and how to fix it, and no bad request writes anything."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.models import Report
from tests.intake.conftest import doc_report

JSON = {"Content-Type": "application/json"}


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    settings = Settings(demo=True, max_batch_reports=5)
    with TestClient(
        create_app(settings=settings, engine=engine), raise_server_exceptions=False
    ) as c:
        yield c


def _stored(session: Session) -> int:
    session.expire_all()
    return int(session.scalar(select(func.count()).select_from(Report)) or 0)


def _error(answer: Any, status: int = 422) -> dict[str, Any]:
    """Return the first error item of a 422 in FastAPI's list shape, after the shape checks."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    detail = answer.json()["detail"]
    assert isinstance(detail, list) and detail, detail
    for item in detail:
        assert set(item) <= {"type", "loc", "msg", "input", "ctx"} and item["msg"], item
    first: dict[str, Any] = detail[0]
    assert "<class" not in answer.text and "Decimal(" not in answer.text
    return first


# (method, path, query) of a route with a parameter a client gets wrong, the parameter's
# place, and words of how to fix it.
BAD_QUERIES: list[tuple[str, dict[str, str], list[Any], str]] = [
    ("/api/v1/reports", {"page": "abc"}, ["query", "page"], "page must be a whole number"),
    ("/api/v1/reports", {"per_page": "-1"}, ["query", "per_page"], "per_page must be 1 or more"),
    ("/api/v1/reports", {"per_page": str(10**12)}, ["query", "per_page"], "must be at most 500"),
    ("/api/v1/alerts", {"unread": "maybe"}, ["query", "unread"], "must be true or false"),
    ("/api/v1/clusters", {"page": "1.5"}, ["query", "page"], "“1.5” is not one"),
    ("/api/v1/clusters/CL-1/graph", {"limit": "0"}, ["query", "limit"], "limit must be 1"),
    ("/api/v1/reports/batch", {}, ["path", "report_id"], "report_id must be a whole number"),
]


@pytest.mark.parametrize(("path", "query", "loc", "words"), BAD_QUERIES)
def test_a_wrong_parameter_names_itself_and_the_value_it_takes(
    client: TestClient,
    my: dict[str, str],
    path: str,
    query: dict[str, str],
    loc: list[Any],
    words: str,
) -> None:
    item = _error(client.get(path, params=query, headers=my))
    assert item["loc"] == loc and words in item["msg"], item


@pytest.mark.parametrize(
    ("path", "query", "listed"),
    [
        ("/api/v1/reports", {"scamtype": "romance"}, "country, page, per_page, scam_type"),
        ("/api/v1/clusters", {"contry": "MY"}, "compound, country, page, per_page, scam_type"),
        ("/api/v1/alerts", {"unred": "true"}, "page, per_page, sort, unread"),
        ("/api/v1/check", {"value": "+60123456789", "contry": "MY"}, "country, kind, value"),
    ],
)
def test_an_unknown_query_parameter_is_refused_not_ignored(
    client: TestClient, my: dict[str, str], path: str, query: dict[str, str], listed: str
) -> None:
    # A misspelt filter answered every report as if filtered.
    name = next(n for n in query if n != "value")
    item = _error(client.get(path, params=query, headers=my))
    assert item["loc"] == ["query", name]
    assert f"Unknown query parameter '{name}'" in item["msg"] and listed in item["msg"]


def test_a_misspelt_keep_valid_stores_nothing(
    client: TestClient, session: Session, my: dict[str, str]
) -> None:
    batch = {"reports": [doc_report(), doc_report(external_ref="B", channel="pigeon")]}
    answer = client.post("/api/v1/reports/batch?keepvalid=true", json=batch, headers=my)
    assert "keep_valid" in _error(answer)["msg"]
    assert _stored(session) == 0


@pytest.mark.parametrize(
    ("path", "query", "words"),
    [
        ("/api/v1/reports", {"country": "Malaysia"}, "ISO 3166 alpha-2 country code, like MY"),
        ("/api/v1/clusters", {"country": "ZZ"}, "ISO 3166 alpha-2 country code, like MY"),
        ("/api/v1/reports", {"scam_type": "romance scam"}, "one of: investment, "),
        ("/api/v1/clusters", {"scam_type": "pig butchering"}, "one of: investment, "),
    ],
)
def test_an_unknown_filter_value_is_refused_with_the_values_allowed(
    client: TestClient, my: dict[str, str], path: str, query: dict[str, str], words: str
) -> None:
    # It matched nothing and answered an empty page, read as "no such reports".
    ((name, given),) = query.items()
    item = _error(client.get(path, params=query, headers=my))
    assert item["loc"] == ["query", name] and item["input"] == given
    assert words in item["msg"] and given in item["msg"]


def test_filters_are_read_as_people_write_them(client: TestClient, my: dict[str, str]) -> None:
    filed = client.post("/api/v1/reports", json=doc_report(), headers=my)
    assert filed.status_code == 201, filed.text
    query = {"country": "my", "scam_type": "Investment"}
    listed = client.get("/api/v1/reports", params=query, headers=my)
    assert listed.status_code == 200 and listed.json()["total"] == 1
    # The alpha-3 code, as passports write it and as the intake and the CLI read it.
    listed = client.get("/api/v1/reports", params={"country": "MYS"}, headers=my)
    assert listed.status_code == 200 and listed.json()["total"] == 1
    listed = client.get("/api/v1/reports", params={"country": "tha"}, headers=my)
    assert listed.status_code == 200 and listed.json()["total"] == 0


BAD_BULK_BODIES: list[tuple[bytes, dict[str, str], list[Any], str]] = [
    (b"", JSON, ["body"], "The body is empty; send a JSON object"),
    (b"{not json", JSON, ["body", 1], "The body is not valid JSON"),
    (b'{"items": []}', {"Content-Type": "text/plain"}, ["body"], "Content-Type: application/json"),
    (b'[{"value": "x"}]', JSON, ["body"], "must be a JSON object {...}, not a list"),
    (b'{"items": {"value": "x"}}', JSON, ["body", "items"], "must be a JSON list [...]"),
    (b'{"items": ["x"]}', JSON, ["body", "items", 0], "items[0] must be a JSON object"),
    (b'{"items": [{"value": 5}]}', JSON, ["body", "items", 0, "value"], "must be text"),
    (b'{"items": [{"value": null}]}', JSON, ["body", "items", 0, "value"], "not null"),
    (b'{"items": [{"valu": "x"}]}', JSON, ["body", "items", 0, "value"], "Field required"),
    (b'{"items": [], "contry": "MY"}', JSON, ["body", "contry"], "fields here are: items"),
    (
        b'{"items": [{"value": "x", "knd": "phone"}]}',
        JSON,
        ["body", "items", 0, "knd"],
        "Unknown field 'knd'",
    ),
    (b"\xff\xfe{", JSON, ["body"], "The body is not UTF-8 text"),
    (b'{"items": ["\xff"]}', JSON, ["body"], "save it as UTF-8"),
]


@pytest.mark.parametrize(("body", "headers", "loc", "words"), BAD_BULK_BODIES)
def test_a_bad_bulk_check_body_says_where_and_how_to_send_it(
    client: TestClient,
    my: dict[str, str],
    body: bytes,
    headers: dict[str, str],
    loc: list[Any],
    words: str,
) -> None:
    answer = client.post("/api/v1/check/bulk", content=body, headers={**my, **headers})
    item = _error(answer)
    assert item["loc"] == loc and words in item["msg"], item


def test_a_huge_value_is_refused_and_not_echoed_whole(
    client: TestClient, my: dict[str, str]
) -> None:
    huge = "9" * 100_000
    answer = client.post("/api/v1/check/bulk", json={"items": [{"value": huge}]}, headers=my)
    item = _error(answer)
    assert item["loc"] == ["body", "items", 0, "value"] and "2000" in item["msg"]
    assert len(answer.content) < 2_000
    assert item["input"].endswith("(100,000 characters)")
    query = client.get("/api/v1/check", params={"value": huge[:10_000]}, headers=my)
    assert len(query.content) < 2_000 and "2000" in _error(query)["msg"]


def test_a_wrong_method_says_which_the_address_takes(
    client: TestClient, my: dict[str, str]
) -> None:
    answer = client.delete("/api/v1/reports/1", headers=my)
    assert answer.status_code == 405 and answer.headers["allow"] == "GET"
    assert (
        "DELETE /api/v1/reports/1 is not accepted: this address takes GET"
        in (answer.json()["detail"])
    )
    bulk = client.get("/api/v1/check/bulk", headers=my)
    assert bulk.status_code == 405 and "takes POST" in bulk.json()["detail"]


def test_a_wrong_method_names_every_method_of_the_address(
    client: TestClient, my: dict[str, str]
) -> None:
    # /api/v1/reports is two routes (GET lists, POST submits): the 405 named the first one's
    # method alone, so a client told "this address takes GET" never learnt it could submit.
    answer = client.delete("/api/v1/reports", headers=my)
    assert answer.status_code == 405 and answer.headers["allow"] == "GET, POST"
    assert (
        "DELETE /api/v1/reports is not accepted: this address takes GET, POST"
        in (answer.json()["detail"])
    )


def test_an_unknown_route_points_to_the_list_of_routes(client: TestClient) -> None:
    answer = client.get("/api/v1/report")
    assert answer.status_code == 404
    assert answer.json() == {
        "detail": "There is no API route GET /api/v1/report; check the address: the routes "
        "and their methods are listed at /api/v1/openapi.json and /api/docs."
    }
    # A route's own 404 keeps its words.
    assert client.get("/api/v1/templates/x.csv").json()["detail"].startswith("no template 'x'")


def test_an_upload_sent_as_json_is_told_to_use_a_form(
    client: TestClient, session: Session, my: dict[str, str]
) -> None:
    item = _error(client.post("/api/v1/uploads", json=doc_report(), headers=my))
    assert item["loc"] == ["body", "files"] and "multipart/form-data" in item["msg"]
    assert _stored(session) == 0


def test_a_batch_error_names_the_report_and_field_and_stores_nothing(
    client: TestClient, session: Session, my: dict[str, str]
) -> None:
    batch = {
        "reports": [
            doc_report(external_ref="A"),
            doc_report(external_ref="B"),
            doc_report(external_ref="C"),
            doc_report(external_ref="D", loss_amount="12,5x", agency="SG-ASCOM"),
        ]
    }
    for _ in range(2):  # the same request twice: the same answer, nothing stored
        answer = client.post("/api/v1/reports/batch", json=batch, headers=my)
        assert answer.status_code == 422
        body = answer.json()
        where = [(e["row"], e["column"]) for e in body["errors"]]
        assert where == [(4, "loss_amount"), (4, "agency")]
        assert "is not an amount" in body["errors"][0]["reason"]
        assert body["report_ids"] == [] and _stored(session) == 0


def test_a_batch_above_its_limit_says_the_limit_and_stores_nothing(
    client: TestClient, session: Session, my: dict[str, str]
) -> None:
    batch = {"reports": [doc_report(external_ref=f"R{i}") for i in range(6)]}
    answer = client.post("/api/v1/reports/batch", json=batch, headers=my)
    assert answer.status_code == 422
    assert "at most 5 are accepted in one batch" in answer.json()["errors"][0]["reason"]
    assert _stored(session) == 0


def test_the_same_report_twice_is_one_report(
    client: TestClient, session: Session, my: dict[str, str]
) -> None:
    first = client.post("/api/v1/reports", json=doc_report(), headers=my).json()
    again = client.post("/api/v1/reports", json=doc_report(), headers=my).json()
    assert (first["created"], again["created"], again["updated"]) == (1, 0, 1)
    assert first["report_ids"] == again["report_ids"] and _stored(session) == 1


def test_the_same_bad_bulk_check_twice_gets_the_same_answer(
    client: TestClient, my: dict[str, str]
) -> None:
    body = {"items": [{"value": "+60123456789", "extra": 1}]}
    answers = [client.post("/api/v1/check/bulk", json=body, headers=my) for _ in range(2)]
    assert answers[0].status_code == answers[1].status_code == 422
    assert answers[0].json() == answers[1].json()


@pytest.mark.parametrize("route", ["/api/v1/reports", "/api/v1/reports/batch"])
def test_a_report_sent_as_a_form_is_told_to_send_json(
    client: TestClient, session: Session, my: dict[str, str], route: str
) -> None:
    # It was answered "not valid JSON at line 1 column 1", which said nothing of why.
    answer = client.post(route, data={"external_ref": "MY-1"}, headers=my)
    assert answer.status_code == 422, answer.text
    reasons = [e["reason"] for e in answer.json()["errors"]]
    assert any(
        "sent as a form (Content-Type: application/x-www-form-urlencoded)" in r for r in reasons
    )
    assert _stored(session) == 0
    # A JSON body labelled text/plain is still read as the JSON it is.
    plain = {**my, "Content-Type": "text/plain"}
    filed = client.post("/api/v1/reports", content=json.dumps(doc_report()), headers=plain)
    assert filed.status_code == 201, filed.text
