"""A malformed address on a page (page=abc, /reports/abc) gets a page, never pydantic's JSON."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.factories import PolicyRegion


@pytest.mark.parametrize(
    ("address", "named"),
    [
        ("/reports?page=abc", "“page” in the address must be a whole number (it is “abc”)"),
        ("/reports?page=0", "“page” in the address must be a whole number of 1 or more"),
        ("/clusters?page=-1", "“page” in the address must be a whole number of 1 or more"),
    ],
)
def test_a_bad_query_value_gets_a_page_naming_it(
    client_for: Callable[[str], TestClient], region: PolicyRegion, address: str, named: str
) -> None:
    response = client_for("MY-NSRC").get(address)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert "There is a problem with the address" in response.text
    assert named in response.text
    assert "int_parsing" not in response.text and '"detail"' not in response.text
    assert "Sign out" in response.text  # the signed-in header stays


@pytest.mark.parametrize("address", ["/reports/abc", "/upload/batches/x", "/reports/1.5"])
def test_a_bad_id_in_the_path_is_page_not_found(
    client_for: Callable[[str], TestClient], region: PolicyRegion, address: str
) -> None:
    response = client_for("MY-NSRC").get(address)
    assert response.status_code == 404
    assert "Page not found" in response.text and "<html" in response.text
    assert "int_parsing" not in response.text


def test_the_api_keeps_its_json_validation_errors(app_client: TestClient) -> None:
    response = app_client.get("/api/v1/check?kind=nonsense")
    assert response.status_code == 422
    assert response.json()["detail"]
