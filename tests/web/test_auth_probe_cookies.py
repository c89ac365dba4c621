"""The sign-in cookie of a site served over HTTPS is never sent over plain HTTP."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.api.app import create_app
from counterscam.config import Settings
from tests.factories import PASSWORD, PolicyRegion
from tests.web.conftest import csrf_of, sign_in


def test_a_cookie_sent_over_https_is_secure_without_the_setting(
    engine: Engine, region: PolicyRegion
) -> None:
    # COUNTERSCAM_SECURE_COOKIES left off: the request came over HTTPS all the same (directly,
    # or through a trusted proxy's X-Forwarded-Proto).
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app, base_url="https://counterscam.example") as client:
        page = client.get("/sign-in")
        assert "; secure" in page.headers["set-cookie"].lower()
        answer = client.post(
            "/sign-in",
            data={
                "username": "user-my-nsrc",
                "password": PASSWORD,
                "csrf_token": csrf_of(page.text),
            },
            follow_redirects=False,
        )
        assert answer.status_code == 303
        signed_in = answer.headers["set-cookie"].lower()
    assert "; secure" in signed_in and "httponly" in signed_in and "samesite=strict" in signed_in
    assert "path=/;" in signed_in


def test_plain_http_still_signs_in_for_the_demo(engine: Engine, region: PolicyRegion) -> None:
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        assert "; secure" not in client.get("/sign-in").headers["set-cookie"].lower()
        sign_in(client, "user-my-nsrc")
        assert "MY-NSRC" in client.get("/").text
