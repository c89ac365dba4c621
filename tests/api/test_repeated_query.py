"""A single-valued query parameter given twice is refused, not read as its last value."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.api.app import create_app
from counterscam.config import Settings
from tests.api.conftest import only_item

BULK = "POST /api/v1/check/bulk"


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as c:
        yield c


def test_a_value_checked_twice_is_refused_pointing_to_the_bulk_check(client: TestClient) -> None:
    # It answered the check of "+60123456789" alone, as if "12" had not been asked.
    answer = client.get("/api/v1/check?kind=phone&value=12&value=%2B60123456789")
    assert only_item(answer) == {
        "type": "repeated",
        "loc": ["query", "value"],
        "msg": "Give value once: it takes one value and was given 2 times; "
        f"to check several values use {BULK}.",
        "input": ["12", "+60123456789"],
    }
    method, path = BULK.split()
    assert method.lower() in client.get("/api/v1/openapi.json").json()["paths"][path]


@pytest.mark.parametrize(
    ("query", "name", "given"),
    [
        ("value=%2B60123456789&kind=phone&kind=url", "kind", ["phone", "url"]),
        ("value=0123456789&country=MY&country=TH&country=SG", "country", ["MY", "TH", "SG"]),
        ("value=&value=", "value", ["", ""]),  # blank, still twice
        ("value=%2B60123456789&%76alue=12", "value", ["+60123456789", "12"]),  # an escaped name
    ],
)
def test_any_check_parameter_given_twice_is_refused(
    client: TestClient, query: str, name: str, given: list[str]
) -> None:
    item = only_item(client.get(f"/api/v1/check?{query}"))
    assert item["loc"] == ["query", name] and item["input"] == given
    assert f"given {len(given)} times" in item["msg"] and BULK in item["msg"]


def test_each_parameter_once_is_still_checked(client: TestClient) -> None:
    answer = client.get("/api/v1/check?kind=phone&value=%2B60123456789&country=MY")
    assert answer.status_code == 200 and answer.json()["value"] == "+60123456789"


@pytest.mark.parametrize(
    ("path", "query", "name"),
    [
        ("/api/v1/reports", "country=MY&country=TH", "country"),
        ("/api/v1/reports", "page=1&per_page=5&per_page=500", "per_page"),
        ("/api/v1/clusters", "scam_type=romance&scam_type=investment", "scam_type"),
        ("/api/v1/alerts", "unread=true&unread=false", "unread"),
    ],
)
def test_a_filter_given_twice_is_refused_on_every_list(
    client: TestClient, my: dict[str, str], path: str, query: str, name: str
) -> None:
    # It answered the list filtered by the last value only, which looked like the whole answer.
    item = only_item(client.get(f"{path}?{query}", headers=my))
    assert item["loc"] == ["query", name] and item["type"] == "repeated"
    assert item["msg"] == f"Give {name} once: it takes one value and was given 2 times."


def test_unknown_and_repeated_parameters_are_listed_together(
    client: TestClient, my: dict[str, str]
) -> None:
    answer = client.get("/api/v1/reports?country=MY&country=TH&contry=MY", headers=my)
    assert answer.status_code == 422
    found = {(i["type"], tuple(i["loc"])) for i in answer.json()["detail"]}
    assert found == {("extra_forbidden", ("query", "contry")), ("repeated", ("query", "country"))}
