"""The sign-in cookie: HTTPS-only when the site says it is served over HTTPS."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.api.app import create_app
from counterscam.config import Settings


@pytest.mark.parametrize("secure", [True, False])
def test_the_session_cookie_is_secure_when_configured(engine: Engine, secure: bool) -> None:
    app = create_app(settings=Settings(demo=True, secure_cookies=secure), engine=engine)
    # Over plain HTTP: a request that came over HTTPS gets a Secure cookie whatever the setting
    # (test_auth_probe_cookies.py).
    with TestClient(app, base_url="http://counterscam.example") as client:
        cookie = client.get("/sign-in").headers["set-cookie"].lower()
    assert cookie.startswith("counterscam_session=")
    assert ("; secure" in cookie) is secure
    assert "samesite=strict" in cookie and "httponly" in cookie
