"""A refused API token is told why: unknown, revoked (when), expired (when), or its user disabled.

The answer said "unknown, revoked or expired, or its user is disabled" for all of them, and
each has its own fix. The reason is found by the token's one look-up, so an accepted token
costs no extra query, and a secret no token can have costs none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import caller_for_token, issue_token, token_caller
from counterscam.access.caller import Caller
from counterscam.api.app import create_app
from counterscam.cli.main import app as cli_app
from counterscam.config import Settings
from counterscam.db.models import ApiToken, User
from counterscam.db.prepared import Prepared
from tests.check.conftest import PHONE, CheckRegion, region

__all__ = ["region"]  # the check tests' region fixture

USERNAME = "user-au-afp"
REVOKED = datetime(2026, 2, 3, 4, 5, tzinfo=UTC)
EXPIRED = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
NEVER_ISSUED = "cs_" + "x" * 43


def _spoil(session: Session, token_id: int, how: str) -> None:
    """Make a token stop working as ``how`` says (``+``-joined for several causes)."""
    token = session.get_one(ApiToken, token_id)
    for cause in how.split("+"):
        if cause == "revoked":
            token.revoked_at = REVOKED
        elif cause == "expired":
            token.expires_at = EXPIRED
        elif cause == "disabled":
            session.get_one(User, token.user_id).active = False
    session.commit()


# What each refusal must say; every one also names its fix.
SAID = {
    "revoked": ["was revoked on 2026-02-03 04:05 UTC", "counterscam token issue"],
    "expired": ["expired on 2026-01-02 03:04 UTC", "counterscam token issue"],
    "disabled": ["its user is disabled", "to enable the user", "counterscam user enable"],
    "revoked+disabled": [
        "was revoked on 2026-02-03 04:05 UTC, and its user is disabled",
        "counterscam user enable",
        "counterscam token issue",
    ],
}
# Words that belong to other reasons than the one said.
OTHERS = {
    "revoked": ["expired", "disabled", "unknown"],
    "expired": ["revoked", "disabled", "unknown"],
    "disabled": ["revoked", "expired", "unknown", "new token"],
    "revoked+disabled": ["expired", "unknown"],
}


def _spoilt_token(session: Session, how: str) -> tuple[str, int]:
    issued = issue_token(session, username=USERNAME, lifetime=timedelta(days=30))
    session.commit()
    _spoil(session, issued.id, how)
    return issued.secret, issued.id


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as c:
        yield c


def _answers(client: TestClient, secret: str) -> list[Any]:
    """The answers of a route that needs a caller and of one the public may use."""
    sent = {"Authorization": f"Bearer {secret}"}
    return [
        client.get("/api/v1/reports", headers=sent),
        client.get("/api/v1/check", params={"value": PHONE}, headers=sent),
    ]


@pytest.mark.parametrize("how", list(SAID))
def test_the_api_says_why_a_token_is_refused(
    client: TestClient, session: Session, region: CheckRegion, how: str
) -> None:
    secret, token_id = _spoilt_token(session, how)
    for answer in _answers(client, secret):
        assert answer.status_code == 401, answer.text
        assert answer.headers["www-authenticate"] == "Bearer"
        detail = answer.json()["detail"]
        assert all(words in detail for words in SAID[how]), detail
        assert not any(word in detail for word in OTHERS[how]), detail
        assert f"token id {token_id}" in detail  # what 'counterscam token list' shows
        assert secret not in answer.text and USERNAME not in answer.text
        assert "items" not in answer.json() and "holdings" not in answer.json()


@pytest.mark.parametrize(
    ("secret", "said"),
    [
        (NEVER_ISSUED, "The API token is unknown: no token was issued with it"),
        ("12", "does not start with 'cs_'"),
        ("not-a-token-at-all", "does not start with 'cs_'"),
    ],
)
def test_the_api_says_a_token_is_unknown_or_not_a_token(
    client: TestClient, region: CheckRegion, secret: str, said: str
) -> None:
    for answer in _answers(client, secret):
        assert answer.status_code == 401, answer.text
        assert answer.headers["www-authenticate"] == "Bearer"
        detail = answer.json()["detail"]
        assert said in detail
        assert not any(word in detail for word in ("revoked", "expired", "disabled"))
        assert secret not in detail


def test_the_public_answer_is_still_offered_beside_a_refused_token(
    client: TestClient, session: Session, region: CheckRegion
) -> None:
    secret, _ = _spoilt_token(session, "expired")
    check = _answers(client, secret)[1]
    assert "send no Authorization header for the public answer" in check.json()["detail"]


@pytest.mark.parametrize("how", list(SAID))
def test_the_cli_says_why_its_token_is_refused(
    runner: CliRunner,
    session: Session,
    region: CheckRegion,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    secret, token_id = _spoilt_token(session, how)
    monkeypatch.setenv("COUNTERSCAM_TOKEN", secret)
    result = runner.invoke(cli_app, ["check", "phone", PHONE])
    assert result.exit_code == 1
    said = " ".join(result.output.split())  # the message may be wrapped
    assert said.startswith(f"error: COUNTERSCAM_TOKEN (token id {token_id}) ")
    assert all(words in said for words in SAID[how]), said
    assert not any(word in said for word in OTHERS[how]), said
    assert "unset COUNTERSCAM_TOKEN" in said
    assert secret not in said and USERNAME not in said


@pytest.mark.parametrize(
    ("secret", "said"),
    [
        (NEVER_ISSUED, "COUNTERSCAM_TOKEN is unknown: no token was issued with it"),
        ("12", "COUNTERSCAM_TOKEN does not start with 'cs_'"),
    ],
)
def test_the_cli_says_its_token_is_unknown_or_not_a_token(
    runner: CliRunner,
    region: CheckRegion,
    monkeypatch: pytest.MonkeyPatch,
    secret: str,
    said: str,
) -> None:
    monkeypatch.setenv("COUNTERSCAM_TOKEN", secret)
    result = runner.invoke(cli_app, ["check", "phone", PHONE])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert said in output and "unset COUNTERSCAM_TOKEN" in output
    assert secret not in output


def _counting(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """Count the statements sent from now on: through SQLAlchemy and the prepared reads."""
    sent = [0]

    def _one(*_: Any) -> None:
        sent[0] += 1

    event.listen(engine, "before_cursor_execute", _one)
    rows = Prepared.rows

    def counted(self: Prepared, *args: Any, **kwargs: Any) -> Any:
        sent[0] += 1
        return rows(self, *args, **kwargs)

    monkeypatch.setattr(Prepared, "rows", counted)
    return lambda: sent[0]


def test_an_accepted_token_costs_one_query_and_a_refused_one_no_more(
    engine: Engine, session: Session, region: CheckRegion, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = issue_token(session, username=USERNAME)
    revoked, _ = _spoilt_token(session, "revoked")
    assert caller_for_token(session, live.secret) is not None  # stamps its first use
    session.commit()
    sent = _counting(engine, monkeypatch)
    assert isinstance(token_caller(session, live.secret), Caller)
    assert sent() == 1
    assert not isinstance(token_caller(session, revoked), Caller)
    assert sent() == 2
    assert not isinstance(token_caller(session, NEVER_ISSUED), Caller)
    assert sent() == 3
    assert not isinstance(token_caller(session, "not-a-token"), Caller)
    assert sent() == 3  # no secret without the prefix is looked up
