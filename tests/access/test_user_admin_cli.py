"""Administrators list, disable and enable users; a CLI token acts only as its own agency."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import (
    authenticate,
    caller_for_token,
    caller_for_web_session,
    issue_token,
    start_web_session,
)
from counterscam.cli.main import app
from tests.factories import PASSWORD, build_policy_region

_LIFETIME = 3600


def test_the_user_list_shows_each_agency_s_users_and_their_status(
    runner: CliRunner, session: Session
) -> None:
    build_policy_region(session)
    session.commit()
    assert runner.invoke(app, ["user", "disable", "user-sg-ascom"]).exit_code == 0
    rows = json.loads(runner.invoke(app, ["user", "list", "--json"]).output)
    by_name = {r["username"]: r for r in rows}
    assert by_name["user-my-nsrc"]["agency"] == "MY-NSRC" and by_name["user-my-nsrc"]["active"]
    assert not by_name["user-sg-ascom"]["active"]
    assert all("password" not in key for r in rows for key in r)

    listed = runner.invoke(app, ["user", "list", "--agency", "sg-ascom", "--json"])
    only_sg = json.loads(listed.output)
    assert [r["username"] for r in only_sg] == ["user-sg-ascom"]
    table = runner.invoke(app, ["user", "list"])
    line = next(ln for ln in table.output.splitlines() if "user-sg-ascom" in ln)
    assert "disabled" in line and "SG-ASCOM" in line

    unknown = runner.invoke(app, ["user", "list", "--agency", "XX-NONE"])
    assert unknown.exit_code == 1 and "no agency with code" in unknown.output


def test_a_disabled_user_can_no_longer_sign_in_or_use_a_token(
    runner: CliRunner, session: Session
) -> None:
    region = build_policy_region(session)
    user = region.users["MY-NSRC"]
    issued = issue_token(session, username=user.username)
    web = start_web_session(session, user, lifetime_seconds=_LIFETIME)
    session.commit()
    # Used once before: the token is then remembered by this process for a few seconds.
    assert caller_for_token(session, issued.secret) is not None

    result = runner.invoke(app, ["user", "disable", user.username.upper()])
    assert result.exit_code == 0 and f"User {user.username} disabled." in result.output
    session.expire_all()
    assert authenticate(session, username=user.username, password=PASSWORD) is None
    assert caller_for_token(session, issued.secret) is None
    assert (
        caller_for_web_session(session, user_id=user.id, session_id=web, lifetime_seconds=_LIFETIME)
        is None
    )
    again = runner.invoke(app, ["user", "disable", user.username])
    assert again.exit_code == 0 and "already disabled" in again.output

    enabled = runner.invoke(app, ["user", "enable", user.username])
    assert enabled.exit_code == 0 and "enabled" in enabled.output
    session.expire_all()
    assert authenticate(session, username=user.username, password=PASSWORD) is not None


def test_a_sign_in_ended_by_disabling_stays_ended_when_the_user_is_enabled_again(
    runner: CliRunner, session: Session
) -> None:
    """Disabled because someone else may be signed in as them, then enabled: that browser
    was signed in again, without a password. The user signs in anew; a token not revoked
    works again, as docs/cli.md says."""
    region = build_policy_region(session)
    user = region.users["MY-NSRC"]
    issued = issue_token(session, username=user.username)
    web = start_web_session(session, user, lifetime_seconds=_LIFETIME)
    session.commit()
    assert runner.invoke(app, ["user", "disable", user.username]).exit_code == 0
    assert runner.invoke(app, ["user", "enable", user.username]).exit_code == 0
    session.expire_all()
    assert (
        caller_for_web_session(session, user_id=user.id, session_id=web, lifetime_seconds=_LIFETIME)
        is None
    )
    assert caller_for_token(session, issued.secret) is not None
    fresh = start_web_session(session, user, lifetime_seconds=_LIFETIME)
    session.commit()
    signed_in = caller_for_web_session(
        session, user_id=user.id, session_id=fresh, lifetime_seconds=_LIFETIME
    )
    assert signed_in is not None and signed_in.username == user.username


def test_disabling_a_user_that_does_not_exist_says_so(runner: CliRunner) -> None:
    result = runner.invoke(app, ["user", "disable", "nobody"])
    assert result.exit_code == 1 and "no user 'nobody'" in result.output
    # The error says how to find the right name, as an unknown agency's does.
    assert "counterscam user list" in " ".join(result.output.split())


@pytest.mark.parametrize("agency", ["SG-ASCOM", "aseanapol"])
def test_a_token_refuses_an_agency_option_naming_another_agency(
    runner: CliRunner, session: Session, monkeypatch: pytest.MonkeyPatch, agency: str
) -> None:
    region = build_policy_region(session)
    issued = issue_token(session, username=region.users["MY-NSRC"].username)
    session.commit()
    monkeypatch.setenv("COUNTERSCAM_TOKEN", issued.secret)
    args = ["check", "phone", "+60123456789", "--json"]
    refused = runner.invoke(app, [*args, "--agency", agency])
    assert refused.exit_code == 1
    assert "signs in as user-my-nsrc of MY-NSRC" in refused.output
    assert agency.upper() in refused.output
    for same in (["--agency", "my-nsrc"], []):
        result = runner.invoke(app, [*args, *same])
        assert result.exit_code in (0, 1) and "signs in as" not in result.output
        assert json.loads(result.output)["value"] == "+60123456789"


def test_a_forgotten_password_is_set_anew_and_old_sign_ins_end(
    runner: CliRunner, session: Session
) -> None:
    # There was no way to give an officer a new password short of editing the database.
    region = build_policy_region(session)
    user = region.users["MY-NSRC"]
    issued = issue_token(session, username=user.username)
    web = start_web_session(session, user, lifetime_seconds=_LIFETIME)
    session.commit()
    new = "a new long passphrase"
    result = runner.invoke(app, ["user", "set-password", user.username], input=f"{new}\n{new}\n")
    assert result.exit_code == 0, result.output
    assert f"Password of {user.username} set; 1 web sign-in ended" in result.output
    session.expire_all()
    assert authenticate(session, username=user.username, password=PASSWORD) is None
    assert authenticate(session, username=user.username, password=new) is not None
    assert (
        caller_for_web_session(session, user_id=user.id, session_id=web, lifetime_seconds=_LIFETIME)
        is None
    )
    assert caller_for_token(session, issued.secret) is not None  # tokens are their own


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["nobody", "--password", "a long enough one"], "no user 'nobody'"),
        (["user-my-nsrc", "--password", "short"], "at least 10 characters"),
    ],
)
def test_setting_a_password_refuses_an_unknown_user_or_a_weak_password(
    runner: CliRunner, session: Session, args: list[str], said: str
) -> None:
    build_policy_region(session)
    session.commit()
    result = runner.invoke(app, ["user", "set-password", *args])
    assert result.exit_code == 1 and said in result.output
    session.expire_all()
    assert authenticate(session, username="user-my-nsrc", password=PASSWORD) is not None


@pytest.mark.parametrize(
    "command",
    [
        ["token", "revoke", "{id}"],
        ["token", "list"],
        ["token", "issue", "user-my-nsrc"],
        ["user", "list"],
        ["user", "disable", "user-my-nsrc"],
        ["user", "move", "user-my-nsrc", "--agency", "AU-AFP"],
        ["agency", "list"],
        ["agency", "set-kind", "AU-AFP", "member"],
        ["agency", "disable", "MY-NSRC"],
        ["agency", "enable", "MY-NSRC"],
        ["agency", "add", "XX-1", "--name", "X", "--country", "MY", "--kind", "member"],
    ],
)
def test_a_token_does_not_manage_accounts(
    runner: CliRunner, session: Session, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    # Commands act as the token's user; these ran as the operator whatever the token, so a
    # partner's token revoked an analyst's.
    region = build_policy_region(session)
    analyst = issue_token(session, username=region.users["MY-NSRC"].username)
    partner = issue_token(session, username=region.users["AU-AFP"].username)
    session.commit()
    monkeypatch.setenv("COUNTERSCAM_TOKEN", partner.secret)
    result = runner.invoke(app, [c.replace("{id}", str(analyst.id)) for c in command])
    assert result.exit_code == 1
    assert "unset COUNTERSCAM_TOKEN" in " ".join(result.output.split())
    session.expire_all()
    assert caller_for_token(session, analyst.secret) is not None  # nothing was changed
    assert authenticate(session, username=region.users["MY-NSRC"].username, password=PASSWORD)
