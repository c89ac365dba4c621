"""Every answer forbids framing by other sites, MIME sniffing and leaking its address."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.factories import PolicyRegion
from tests.web.conftest import sign_in


@pytest.mark.parametrize(
    "path",
    ["/sign-in", "/public/check", "/nope", "/api/v1/health", "/static/app.css", "/api/docs"],
)
def test_no_answer_can_be_framed_sniffed_or_leak_its_address(
    app_client: TestClient, path: str
) -> None:
    headers = app_client.get(path).headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


def test_pages_run_only_scripts_and_styles_of_this_server(
    app_client: TestClient, region: PolicyRegion
) -> None:
    sign_in(app_client, "user-my-nsrc")
    policy = app_client.get("/reports").headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy
    # A CSV holding "<script>" from a report's narrative is never read as a page.
    download = app_client.get("/reports.csv")
    assert download.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self';" in download.headers["content-security-policy"]


def test_the_api_reference_may_run_swagger_uis_inline_start(app_client: TestClient) -> None:
    policy = app_client.get("/api/docs").headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
