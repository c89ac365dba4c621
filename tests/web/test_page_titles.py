"""Each page's title (the browser tab) names what the page is for."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.factories import PolicyRegion


def test_the_public_check_is_titled_as_what_visitors_came_for(
    app_client: TestClient, region: PolicyRegion
) -> None:
    # A visitor's tab read "Check an identifier", the signed-in page's title.
    page = app_client.get("/public/check").text
    assert "<title>Public check – counterscam</title>" in page
