"""Friendly error pages on the web; the JSON API keeps JSON errors."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
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


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [("DELETE", "/check", "GET, POST"), ("POST", "/reports/1", "GET"), ("PUT", "/", "GET")],
)
def test_a_wrong_method_on_a_page_names_the_methods_it_takes(
    app_client: TestClient, method: str, path: str, allowed: str
) -> None:
    # It answered "Page not found" without an Allow header, and set a session cookie.
    answer = app_client.request(method, path)
    assert answer.status_code == 405 and answer.headers["allow"] == allowed
    assert "<html" in answer.text and "Page not found" not in answer.text
    assert "This address does not take that request" in answer.text
    assert f"{method} is not accepted here: this address takes {allowed}." in answer.text
    assert "set-cookie" not in answer.headers


def test_a_wrong_method_keeps_a_signed_in_users_header(
    client_for: Callable[[str], TestClient],
) -> None:
    answer = client_for("MY-NSRC").delete("/check")
    assert answer.status_code == 405 and answer.headers["allow"] == "GET, POST"
    assert "Sign out" in answer.text and "user-my-nsrc" in answer.text


def test_a_wrong_method_on_an_api_address_stays_json(app_client: TestClient) -> None:
    answer = app_client.put("/api/v1/reports")
    assert answer.status_code == 405 and answer.headers["allow"] == "GET, POST"
    assert answer.json()["detail"].startswith("PUT /api/v1/reports is not accepted")


def test_an_error_page_gives_a_visitor_no_session_cookie(app_client: TestClient) -> None:
    answer = app_client.get("/no-such-page")
    assert answer.status_code == 404 and "set-cookie" not in answer.headers


def test_a_long_value_in_the_address_is_not_shown_whole(
    client_for: Callable[[str], TestClient],
) -> None:
    # A page number of 60,000 digits came back whole on the 400 page.
    answer = client_for("MY-NSRC").get("/reports", params={"page": "9" * 60_000})
    assert answer.status_code == 400 and len(answer.content) < 20_000
    assert "“page” in the address must be" in answer.text and "9…”" in answer.text


def test_an_expired_form_keeps_a_signed_in_users_header(
    client_for: Callable[[str], TestClient],
) -> None:
    # The page looked signed out (no menu, no agency, "or sign in") to a user still signed in.
    answer = client_for("MY-NSRC").post("/check", data={"value": "1", "csrf_token": "stale"})
    assert answer.status_code == 403 and "This form has expired" in answer.text
    assert "Sign out" in answer.text and "user-my-nsrc" in answer.text
    assert ">sign in</a>" not in answer.text


def test_an_expired_form_of_a_visitor_offers_to_sign_in(app_client: TestClient) -> None:
    answer = app_client.post("/public/check", data={"value": "1", "csrf_token": "stale"})
    assert answer.status_code == 403 and "This form has expired" in answer.text
    assert ">sign in</a>" in answer.text and "Sign out" not in answer.text
