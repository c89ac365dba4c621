"""HEAD, as uptime monitors and link checkers send it: GET's status and headers, no body."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.api.app import create_app
from counterscam.config import Settings


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as c:
        yield c


@pytest.mark.parametrize("path", ["/api/v1/health", "/sign-in", "/static/app.css"])
def test_head_answers_like_get_without_a_body(client: TestClient, path: str) -> None:
    got = client.get(path)
    head = client.head(path)
    assert got.status_code == head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))


def test_head_of_a_page_behind_sign_in_redirects_like_get(client: TestClient) -> None:
    got = client.get("/alerts", follow_redirects=False)
    head = client.head("/alerts", follow_redirects=False)
    assert head.status_code == got.status_code
    assert head.headers.get("location") == got.headers.get("location")
