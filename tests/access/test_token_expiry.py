"""API tokens expire: a token copied into a script or a note stops working on its own."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import AccountError, caller_for_token, issue_token
from counterscam.api.app import create_app
from counterscam.cli.main import app
from counterscam.config import Settings
from counterscam.db.base import utcnow
from counterscam.db.models import ApiToken
from tests.check.conftest import PHONE, CheckRegion, region

__all__ = ["region"]  # the check tests' region fixture


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as c:
        yield c


def _expire(session: Session, token_id: int) -> None:
    """Move a token's expiry into the past, as time passing would."""
    session.get_one(ApiToken, token_id).expires_at = utcnow() - timedelta(seconds=1)
    session.commit()


def test_an_expired_token_is_refused_over_the_api_saying_so(
    client: TestClient, session: Session, region: CheckRegion
) -> None:
    issued = issue_token(session, username="user-au-afp", lifetime=timedelta(days=1))
    session.commit()
    headers = {"Authorization": f"Bearer {issued.secret}"}
    seen = client.get("/api/v1/check", params={"value": PHONE}, headers=headers)
    assert seen.status_code == 200 and seen.json()["holdings"]
    _expire(session, issued.id)
    after = client.get("/api/v1/check", params={"value": PHONE}, headers=headers)
    # Not the public answer: "no hit" over clear reports would read as the region's answer.
    assert after.status_code == 401 and "expired" in after.json()["detail"]
    assert "reports" not in after.json()


def test_a_token_without_lifetime_works_until_revoked(
    session: Session, region: CheckRegion
) -> None:
    issued = issue_token(session, username="user-au-afp")
    session.commit()
    assert issued.expires is None
    assert caller_for_token(session, issued.secret) is not None


def test_a_lifetime_of_nothing_is_refused(session: Session, region: CheckRegion) -> None:
    with pytest.raises(AccountError, match="must be positive"):
        issue_token(session, username="user-au-afp", lifetime=timedelta(0))


def _issue(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["token", "issue", "user-au-afp", *args])
    assert result.exit_code == 0, result.output
    header, secret = result.output.strip().splitlines()[-2:]
    return int(re.findall(r"Token (\d+)", header)[0]), header + "\n" + secret


def test_cli_tokens_expire_after_the_configured_days(
    runner: CliRunner,
    session: Session,
    region: CheckRegion,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, shown = _issue(runner)
    ninety = (utcnow() + timedelta(days=90)).strftime("%Y-%m-%d")
    assert f"expires {ninety}" in shown
    monkeypatch.setenv("COUNTERSCAM_TOKEN_LIFETIME_DAYS", "7")
    from counterscam.config import get_settings

    get_settings.cache_clear()
    try:
        _, shown = _issue(runner)
    finally:
        monkeypatch.delenv("COUNTERSCAM_TOKEN_LIFETIME_DAYS")
        get_settings.cache_clear()
    assert f"expires {(utcnow() + timedelta(days=7)):%Y-%m-%d}" in shown
    _, shown = _issue(runner, "--days", "30")
    assert f"expires {(utcnow() + timedelta(days=30)):%Y-%m-%d}" in shown
    _, shown = _issue(runner, "--days", "0")
    assert "never expires" in shown


@pytest.mark.parametrize("days", ["-1", "3651", "ninety"])
def test_a_lifetime_out_of_range_is_refused_before_a_token_is_made(
    runner: CliRunner, session: Session, region: CheckRegion, days: str
) -> None:
    before = session.query(ApiToken).count()
    result = runner.invoke(app, ["token", "issue", "user-au-afp", "--days", days])
    assert result.exit_code == 2 and "--days" in result.output
    assert session.query(ApiToken).count() == before
    if days != "ninety":  # a range, not a word: said in days, with the way to no end at all
        said = " ".join(result.output.split())
        assert "a token works 1 to 3,650 days" in said and "give 0" in said


def test_expired_tokens_are_listed_as_such_and_stop_the_cli(
    runner: CliRunner,
    session: Session,
    region: CheckRegion,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    token_id, shown = _issue(runner, "--days", "5")
    secret = shown.splitlines()[-1]
    listed = json.loads(runner.invoke(app, ["token", "list", "--json"]).output)
    [mine] = [t for t in listed if t["id"] == token_id]
    assert mine["expires"].startswith(f"{(utcnow() + timedelta(days=5)):%Y-%m-%d}")
    _expire(session, token_id)
    active = json.loads(runner.invoke(app, ["token", "list", "--active", "--json"]).output)
    assert token_id not in [t["id"] for t in active]
    monkeypatch.setenv("COUNTERSCAM_TOKEN", secret)
    result = runner.invoke(app, ["check", "phone", PHONE])
    assert result.exit_code == 1 and "expired" in result.output
