"""Friendly error pages on the web; the JSON API keeps JSON errors."""

from __future__ import annotations

from fastapi.testclient import TestClient

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
