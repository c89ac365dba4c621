"""The API reference at /api/docs works on a network with no way out to the internet."""

from __future__ import annotations

import re
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


def test_reference_page_loads_swagger_ui_from_this_server(client: TestClient) -> None:
    # FastAPI's own page asked cdn.jsdelivr.net for Swagger UI: blank on an air-gapped network.
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    addresses = re.findall(r"""(?:src|href|url)\s*[=:]\s*['"]([^'"]+)['"]""", page.text)
    assert addresses, "the page names no script, stylesheet or schema"
    assert [a for a in addresses if not a.startswith("/")] == []
    for address in addresses:
        assert client.get(address).status_code == 200, address
    assert "/api/v1/openapi.json" in addresses
    assert "validatorUrl" in page.text  # no schema sent to validator.swagger.io


def test_reference_assets_are_swagger_ui(client: TestClient) -> None:
    script = client.get("/api/docs/assets/swagger-ui-bundle.js")
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.text
    assert client.get("/api/docs/assets/swagger-ui.css").status_code == 200
