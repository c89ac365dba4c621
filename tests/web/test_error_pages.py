"""Friendly error pages on the web; the JSON API keeps JSON errors."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.api.app import create_app
from counterscam.config import Settings
from tests.factories import PolicyRegion


def test_unknown_page_is_friendly(app_client: TestClient, region: PolicyRegion) -> None:
    response = app_client.get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.text and "<html" in response.text


def test_api_errors_stay_json(app_client: TestClient, region: PolicyRegion) -> None:
    response = app_client.get("/api/v1/reports")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/json")


def test_static_assets_are_served_locally(app_client: TestClient) -> None:
    assert "counterscam" in app_client.get("/static/app.css").text
    assert app_client.get("/static/app.js").status_code == 200


def test_an_unexpected_error_is_json_on_the_api_and_a_page_on_the_web(engine: Engine) -> None:
    app = create_app(settings=Settings(demo=True), engine=engine)

    def boom() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/api/v1/boom", boom)
    app.add_api_route("/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        api = client.get("/api/v1/boom")
        page = client.get("/boom")
    assert api.status_code == page.status_code == 500
    assert "problem with the service" in api.json()["detail"]
    assert "problem with the service" in page.text and "<html" in page.text
    assert "a bug" not in api.text + page.text


def test_pages_name_a_local_icon_so_the_browser_asks_for_no_favicon_ico(
    app_client: TestClient,
) -> None:
    # Without a <link rel="icon"> every first visit asked for /favicon.ico: a 404 and a
    # console error in every browser.
    page = app_client.get("/sign-in").text
    found = re.search(r'<link rel="icon" href="(/static/[^"]+)"', page)
    assert found, "the page names no icon"
    icon = app_client.get(found.group(1))
    assert icon.status_code == 200
    assert icon.headers["content-type"].startswith("image/svg+xml")
