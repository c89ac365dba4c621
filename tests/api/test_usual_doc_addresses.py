"""/openapi.json and /docs, where FastAPI serves them by default, lead to the API's own."""

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


@pytest.mark.parametrize(
    ("usual", "served"), [("/openapi.json", "/api/v1/openapi.json"), ("/docs", "/api/docs")]
)
def test_the_usual_address_redirects_to_the_served_one(
    client: TestClient, usual: str, served: str
) -> None:
    # Both answered the web pages' "page not found", where an integrator looks first.
    for method in ("GET", "HEAD"):
        moved = client.request(method, usual, follow_redirects=False)
        assert moved.status_code == 307 and moved.headers["location"] == served, method
        assert "set-cookie" not in moved.headers
    followed = client.get(usual)  # no credentials: both are public, as they were
    assert followed.status_code == 200 and str(followed.url).endswith(served)
    assert followed.content == client.get(served).content


def test_the_redirects_are_not_api_routes_of_the_description(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/openapi.json" not in paths and "/docs" not in paths
