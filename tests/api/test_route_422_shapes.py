"""The 422s a route raises itself (an unknown sort, too many values to check) in the list shape
of every other 422, as docs/api.md and the OpenAPI description promise an integrating client."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.api.app import create_app
from counterscam.config import Settings
from tests.api.conftest import only_item


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    settings = Settings(demo=True, max_bulk_check=2)
    with TestClient(create_app(settings=settings, engine=engine)) as c:
        yield c


def _only_item(answer: Any) -> dict[str, Any]:
    item = only_item(answer)
    assert {"type", "loc", "msg", "input"} <= set(item)
    return item


@pytest.mark.parametrize(
    ("path", "allowed"), [("/api/v1/alerts", "-own_report"), ("/api/v1/clusters", "growth")]
)
def test_an_unknown_sort_names_the_parameter_and_the_sorts(
    client: TestClient, my: dict[str, str], path: str, allowed: str
) -> None:
    item = _only_item(client.get(path, params={"sort": "newest"}, headers=my))
    assert item["loc"] == ["query", "sort"] and item["input"] == "newest"
    assert "'newest'" in item["msg"] and allowed in item["msg"]


def test_too_many_values_to_check_names_items_and_the_limit(
    client: TestClient, my: dict[str, str]
) -> None:
    items = [{"kind": "phone", "value": f"+6012345678{i}"} for i in range(3)]
    item = _only_item(client.post("/api/v1/check/bulk", json={"items": items}, headers=my))
    assert item["loc"] == ["body", "items"] and item["type"] == "too_long"
    assert "3 values sent" in item["msg"] and "at most 2" in item["msg"]
    assert item["input"][0] == {"kind": "phone", "value": "+60123456780"}


def test_too_many_values_are_echoed_cut_short_with_their_count(
    client: TestClient, my: dict[str, str]
) -> None:
    items = [{"value": f"+6012345678{i % 10}"} for i in range(12)]
    settings = Settings(demo=True, max_bulk_check=11)
    with TestClient(create_app(settings=settings, engine=client.app.state.engine)) as other:
        item = _only_item(other.post("/api/v1/check/bulk", json={"items": items}, headers=my))
    assert len(item["input"]) == 11 and item["input"][-1] == "… (12 items)"


def test_keep_valid_in_the_address_of_an_upload_says_to_send_it_in_the_form(
    client: TestClient, my: dict[str, str]
) -> None:
    # /reports/batch reads ?keep_valid=true; /uploads reads it from its form, as documented.
    csv = b"external_ref,reported_at,scam_type,channel,mark\nU-1,2026-03-01,romance,sms,green\n"
    answer = client.post(
        "/api/v1/uploads",
        params={"keep_valid": "true"},
        files={"files": ("reports.csv", csv, "text/csv")},
        headers=my,
    )
    item = _only_item(answer)
    assert item["loc"] == ["query", "keep_valid"]
    assert "as a field of the multipart/form-data body" in item["msg"]


def test_thousands_of_wrong_items_list_the_first_hundred_errors_and_count_the_rest(
    client: TestClient, my: dict[str, str]
) -> None:
    # 1,000 items, each with a misspelt key: 2,000 errors made an answer of hundreds of KB.
    items = [{"valu": f"+6012345678{i % 10}"} for i in range(1_000)]
    answer = client.post("/api/v1/check/bulk", json={"items": items}, headers=my)
    detail = answer.json()["detail"]
    assert answer.status_code == 422 and len(detail) == 101
    assert detail[0]["loc"][:3] == ["body", "items", 0]
    last = detail[-1]
    assert last["type"] == "more_errors" and last["loc"] == ["body"]
    assert "1,900 more errors are not listed (2,000 in all)" in last["msg"]
    assert len(answer.content) < 40_000


@pytest.mark.parametrize("compound", ["a" * 60_000, "ก" * 400, "K" * 301])
def test_a_compound_filter_longer_than_any_name_is_a_422_naming_it(
    client: TestClient, my: dict[str, str], compound: str
) -> None:
    # Past 50,000 bytes SQLite refused the LIKE pattern and the list answered 500.
    item = _only_item(client.get("/api/v1/clusters", params={"compound": compound}, headers=my))
    assert item["loc"] == ["query", "compound"] and item["type"] == "string_too_long"
    assert "300" in item["msg"]


def test_a_compound_filter_of_a_whole_name_is_answered(
    client: TestClient, my: dict[str, str]
) -> None:
    answer = client.get("/api/v1/clusters", params={"compound": "K" * 300}, headers=my)
    assert answer.status_code == 200 and answer.json()["total"] == 0
