"""A browser meets no failed request and asks no other host, page after page."""

from __future__ import annotations

from typing import Any

from tests.browser.test_journeys import sign_in


def test_pages_raise_no_console_error_and_load_nothing_from_elsewhere(
    page: Any, demo: dict[str, Any]
) -> None:
    # Every first visit asked for /favicon.ico, which the app does not serve: a 404 and a
    # console error on every page a browser opened.
    errors: list[str] = []
    elsewhere: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: None if r.url.startswith((demo["url"], "data:")) else elsewhere.append(r.url),
    )
    sign_in(page, "MY-NSRC")
    for address in ("/", "/check", "/check/bulk", "/reports", "/alerts", "/clusters", "/upload"):
        page.goto(address)
        page.wait_for_load_state("load")
    assert errors == []
    assert elsewhere == []


def test_api_reference_renders_from_this_server(page: Any, demo: dict[str, Any]) -> None:
    # FastAPI's own page fetched Swagger UI from a CDN: blank where there is no internet.
    elsewhere: list[str] = []
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on(
        "request",
        lambda r: None if r.url.startswith((demo["url"], "data:")) else elsewhere.append(r.url),
    )
    page.goto("/api/docs")
    # Rendered only once Swagger UI has read the OpenAPI 3.1 schema FastAPI writes.
    page.locator(".swagger-ui .info .title").filter(has_text="counterscam").wait_for()
    assert page.locator(".opblock-summary-path", has_text="/api/v1/check").count() >= 1
    assert errors == []
    assert elsewhere == []
