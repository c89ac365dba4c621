"""GET /api/v1/check as a script or a browser calls it: answers, 422 errors, tokens, cookies."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counterscam.access.accounts import issue_token, revoke_token
from counterscam.access.caller import PUBLIC
from counterscam.api.app import create_app
from counterscam.api.check import check_json, check_out
from counterscam.check.service import check
from counterscam.config import Settings
from counterscam.db.base import utcnow
from counterscam.db.models import ApiToken
from tests.check.conftest import PHONE, CheckRegion, region
from tests.web.conftest import sign_in

__all__ = ["region"]  # the check tests' region fixture, used here too


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as c:
        yield c


def _bearer(session: Session, agency: str) -> tuple[int, dict[str, str]]:
    token = issue_token(session, username=f"user-{agency.lower()}")
    session.commit()
    return token.id, {"Authorization": f"Bearer {token.secret}"}


@pytest.mark.parametrize(
    ("agency", "kind", "value"),
    [
        ("AU-AFP", "phone", PHONE),  # facts of SG, holdings of MY and TH
        ("MY-NSRC", "phone", "012-3456789"),  # matches the caller may see, with roles
        ("SG-ASCOM", "url", "https://pay.scam-shop.example/checkout"),  # related: its domain
        ("SG-ASCOM", "phone", "12"),  # invalid: the reason
        (None, "phone", PHONE),  # anonymous: hit or no-hit only
    ],
)
def test_answer_is_the_documented_model_byte_for_byte(
    session: Session, region: CheckRegion, agency: str | None, kind: str, value: str
) -> None:
    caller = region.policy.caller(agency) if agency else PUBLIC
    result = check(session, caller, kind=kind, value=value, country="MY", channel="api")
    assert check_json(result) == check_out(result).model_dump_json().encode()


def test_signed_in_answer_over_http_is_the_model(
    client: TestClient, session: Session, region: CheckRegion
) -> None:
    _, headers = _bearer(session, "AU-AFP")
    response = client.get("/api/v1/check", params={"value": PHONE}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    result = check(
        session, region.policy.caller("AU-AFP"), kind=None, value=PHONE, country=None, channel="api"
    )
    assert response.content == check_out(result).model_dump_json().encode()
    assert "set-cookie" not in response.headers  # an API call is given no session


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        (
            {"kind": "phone"},
            [
                {
                    "type": "missing",
                    "loc": ["query", "value"],
                    "msg": "Field required",
                    "input": None,
                }
            ],
        ),
        (
            {"value": "x", "country": "Malaysia"},
            [
                {
                    "type": "string_too_long",
                    "loc": ["query", "country"],
                    # was "String should have at most 2 characters" (MYS is read as MY now)
                    "msg": "country must be a two-letter ISO 3166 code, like MY, TH or PH (or "
                    "its three-letter code, like MYS); “Malaysia” is not one.",
                    "input": "Malaysia",
                    "ctx": {"max_length": 3},
                }
            ],
        ),
        (
            {"value": "", "country": ""},
            [
                {
                    "type": "string_too_short",
                    "loc": ["query", "value"],
                    "msg": "String should have at least 1 character",
                    "input": "",
                    "ctx": {"min_length": 1},
                },
                {
                    "type": "string_too_short",
                    "loc": ["query", "country"],
                    "msg": "country is empty: leave it out, or give a two-letter ISO 3166 code, "
                    "like MY, TH or PH (or its three-letter code, like MYS).",
                    "input": "",
                    "ctx": {"min_length": 2},
                },
            ],
        ),
    ],
)
def test_bad_query_is_422_naming_each_parameter(
    client: TestClient, region: CheckRegion, query: dict[str, str], detail: list[object]
) -> None:
    response = client.get("/api/v1/check", params=query)
    assert response.status_code == 422
    assert response.json() == {"detail": detail}


def test_revoked_token_loses_its_agency_view_at_once(
    client: TestClient, session: Session, region: CheckRegion
) -> None:
    token_id, headers = _bearer(session, "AU-AFP")
    seen = client.get("/api/v1/check", params={"value": PHONE}, headers=headers).json()
    assert seen["reports"] > 0 and seen["holdings"]
    revoke_token(session, token_id=token_id)
    session.commit()
    # Not the public answer: a script would take its "no hit" over clear reports for the
    # region's answer.
    after = client.get("/api/v1/check", params={"value": PHONE}, headers=headers)
    assert after.status_code == 401 and "revoked" in after.json()["detail"]
    assert "reports" not in after.json()
    bulk = {"items": [{"value": PHONE}]}
    assert client.post("/api/v1/check/bulk", json=bulk, headers=headers).status_code == 401


def test_revocation_by_another_process_holds_on_the_next_request(
    client: TestClient, session: Session, region: CheckRegion
) -> None:
    token_id, headers = _bearer(session, "AU-AFP")
    assert client.get("/api/v1/check", params={"value": PHONE}, headers=headers).json()["reports"]
    # What `counterscam token revoke` does from its own process: this server is not told.
    session.get_one(ApiToken, token_id).revoked_at = utcnow()
    session.commit()
    after = client.get("/api/v1/check", params={"value": PHONE}, headers=headers)
    assert after.status_code == 401 and "revoked" in after.json()["detail"]


def test_user_disabled_by_another_process_is_refused_on_the_next_request(
    client: TestClient, session: Session, region: CheckRegion
) -> None:
    token_id, headers = _bearer(session, "AU-AFP")
    assert client.get("/api/v1/check", params={"value": PHONE}, headers=headers).json()["reports"]
    # `counterscam user disable` from its own process; a web worker beside this one.
    user = session.get_one(ApiToken, token_id).user
    user.active = False
    session.commit()
    after = client.get("/api/v1/check", params={"value": PHONE}, headers=headers)
    assert after.status_code == 401 and "reports" not in after.json()
    user.active = True
    session.commit()
    again = client.get("/api/v1/check", params={"value": PHONE}, headers=headers)
    assert again.status_code == 200 and again.json()["reports"]


def test_a_token_records_its_use_at_most_once_a_minute(
    client: TestClient, session: Session, region: CheckRegion
) -> None:
    token_id, headers = _bearer(session, "AU-AFP")
    client.get("/api/v1/check", params={"value": PHONE}, headers=headers)
    session.expire_all()
    first = session.get_one(ApiToken, token_id).last_used_at
    assert first is not None and (utcnow() - first).total_seconds() < 60
    client.get("/api/v1/check", params={"value": PHONE}, headers=headers)
    session.expire_all()
    assert session.get_one(ApiToken, token_id).last_used_at == first
    # A minute later (as the database has it) the next use is recorded again.
    session.get_one(ApiToken, token_id).last_used_at = first - timedelta(minutes=2)
    session.commit()
    client.get("/api/v1/check", params={"value": PHONE}, headers=headers)
    session.expire_all()
    later = session.get_one(ApiToken, token_id).last_used_at
    assert later is not None and later >= first


def test_signed_in_browser_checks_with_its_session_cookie(
    client: TestClient, region: CheckRegion
) -> None:
    sign_in(client, "user-au-afp")
    body = client.get("/api/v1/check", params={"value": PHONE}).json()
    assert body["reports"] > 0 and body["holdings"]


def test_anonymous_checks_are_limited_per_address_but_token_holders_are_not(
    engine: Engine, session: Session, region: CheckRegion
) -> None:
    app = create_app(settings=Settings(demo=True, public_check_rate="2/minute"), engine=engine)
    with TestClient(app) as client:
        _, headers = _bearer(session, "SG-ASCOM")
        query = {"kind": "phone", "value": PHONE}
        for _ in range(2):
            assert client.get("/api/v1/check", params=query).json()["hit"] is True
        refused = client.get("/api/v1/check", params=query)
        assert refused.status_code == 429
        assert "Too many checks" in refused.json()["detail"]
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        for _ in range(3):  # an agency's token is audited and not limited here
            assert client.get("/api/v1/check", params=query, headers=headers).status_code == 200
