"""API writes authorised by the web session cookie: refused when another site sends them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import issue_token
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from counterscam.db.models import Report
from tests.factories import PolicyRegion, build_policy_region
from tests.web.conftest import sign_in

REPORT: dict[str, Any] = {
    "external_ref": "SG-cookie-1",
    "reported_at": "2026-03-02T00:00:00Z",
    "scam_type": "investment",
    "channel": "phone_call",
    "mark": "amber",
    "narrative": "sent by a page the analyst had open",
    "identifiers": [{"kind": "phone", "value": "+6591234567", "role": "caller"}],
}
FROM_ANOTHER_SITE = [
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},  # a sibling subdomain still gets a SameSite cookie
    {"Origin": "https://evil.example"},  # a browser without Sec-Fetch-*
]


@pytest.fixture
def region(engine: Engine) -> Iterator[tuple[PolicyRegion, Session]]:
    session = session_factory(engine)()
    yield build_policy_region(session), session
    session.close()


@pytest.fixture
def browser(engine: Engine, region: tuple[PolicyRegion, Session]) -> Iterator[TestClient]:
    """A browser signed in to the web pages as the SG analyst."""
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, region[0].users["SG-ASCOM"].username)
        yield client


def _stored(session: Session) -> int:
    session.expire_all()
    return int(session.scalar(select(func.count()).where(Report.external_ref.like("SG-cookie%"))))


@pytest.mark.parametrize("headers", FROM_ANOTHER_SITE)
def test_cookie_cannot_authorise_a_write_sent_from_another_site(
    browser: TestClient, region: tuple[PolicyRegion, Session], headers: dict[str, str]
) -> None:
    _policy, session = region
    answer = browser.post("/api/v1/reports", json=REPORT, headers=headers)
    assert answer.status_code == 403
    assert "Bearer" in answer.json()["detail"]
    upload = browser.post(
        "/api/v1/uploads",
        files={"files": ("r.json", b'{"reports": []}', "application/json")},
        headers=headers,
    )
    assert upload.status_code == 403
    assert browser.post("/api/v1/alerts/1/read", headers=headers).status_code == 403
    assert _stored(session) == 0


def test_cookie_still_works_from_the_same_origin_and_for_scripts(
    browser: TestClient, region: tuple[PolicyRegion, Session]
) -> None:
    _policy, session = region
    same = {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"}
    assert browser.post("/api/v1/reports", json=REPORT, headers=same).status_code == 201
    # A script reusing the cookie sends neither header.
    again = {**REPORT, "external_ref": "SG-cookie-2"}
    assert browser.post("/api/v1/reports", json=again).status_code == 201
    origin = {"Origin": "http://testserver"}
    assert browser.post("/api/v1/reports", json=again, headers=origin).status_code == 201
    assert _stored(session) == 2
    # Reads are not writes: a cross-site page cannot read the answer anyway (no CORS).
    listing = browser.get("/api/v1/reports", headers={"Sec-Fetch-Site": "cross-site"})
    assert listing.status_code == 200


def test_a_bearer_token_is_not_ambient_so_the_site_does_not_matter(
    engine: Engine, region: tuple[PolicyRegion, Session]
) -> None:
    policy, session = region
    token = issue_token(session, username=policy.users["SG-ASCOM"].username).secret
    session.commit()
    headers = {"Authorization": f"Bearer {token}", "Sec-Fetch-Site": "cross-site"}
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        assert client.post("/api/v1/reports", json=REPORT, headers=headers).status_code == 201
    assert _stored(session) == 1
