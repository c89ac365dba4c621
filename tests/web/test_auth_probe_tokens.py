"""An API token written into an address is refused, never repeated, and its owner told why."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.access.accounts import issue_token
from counterscam.db.engine import session_factory
from tests.factories import PolicyRegion
from tests.web.conftest import sign_in


@pytest.fixture
def secret(engine: Engine, region: PolicyRegion) -> str:
    with session_factory(engine)() as session:
        issued = issue_token(session, username="user-my-nsrc")
        session.commit()
    return issued.secret


@pytest.mark.parametrize("name", ["token", "access_token", "api_key"])
def test_an_api_call_with_its_token_in_the_query_is_refused_and_told_to_revoke_it(
    app_client: TestClient, secret: str, name: str
) -> None:
    answer = app_client.get("/api/v1/check", params={"value": "+60123456789", name: secret})
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"
    detail = answer.json()["detail"]
    assert f"The query parameter '{name}' holds an API token" in detail
    assert "Authorization: Bearer" in detail and "counterscam token revoke" in detail
    assert secret not in answer.text  # the 422 it got before repeated it


def test_a_page_with_a_token_in_its_address_is_refused_too(
    app_client: TestClient, secret: str
) -> None:
    sign_in(app_client, "user-my-nsrc")
    answer = app_client.get("/reports", params={"token": secret}, follow_redirects=False)
    assert answer.status_code == 401
    assert "holds an API token" in answer.text and "counterscam token revoke" in answer.text
    assert secret not in answer.text


def test_the_token_in_its_header_still_works_and_a_value_like_one_is_checked(
    app_client: TestClient, secret: str
) -> None:
    bearer = {"Authorization": f"Bearer {secret}"}
    answer = app_client.get("/api/v1/check", params={"value": "+60123456789"}, headers=bearer)
    assert answer.status_code == 200 and answer.json()["hit"] is True
    # A handle that merely starts as a token does is a value to check, not a token.
    for value in ("cs_admin", "tg:cs_" + "a" * 50):
        answer = app_client.get("/api/v1/check", params={"value": value})
        assert answer.status_code != 401 and "holds an API token" not in answer.text
