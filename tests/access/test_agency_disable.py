"""`agency disable` stops every user of an agency at once; `agency enable` brings them back.

An agency whose membership is suspended, or whose systems leaked a token, was stopped only by
disabling each user. Disabled, its users' web sign-ins and API tokens are refused from the next
request, saying why; its reports still match and name it as holder; enabled again, its users
are as they were (one disabled on their own stays disabled).
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import (
    caller_for_web_session,
    create_user,
    issue_token,
    start_web_session,
    token_caller,
)
from counterscam.access.agencies import set_agency_active
from counterscam.access.caller import Caller
from counterscam.access.disabled_agency import DisabledAgency
from counterscam.access.token_refusal import TokenRefusal
from counterscam.api.app import create_app
from counterscam.cli.main import app as cli
from counterscam.config import Settings
from tests.access.test_token_refusals import _counting
from tests.factories import EXPECTED_VISIBLE, PASSWORD, build_policy_region
from tests.web.conftest import csrf_of, sign_in

_DISABLED = "agency MY-NSRC is disabled"
_ENABLE = "counterscam agency enable MY-NSRC"


def _said(output: str) -> str:
    return " ".join(output.split())


def _seen(client: TestClient, headers: dict[str, str] | None = None) -> set[str]:
    answer = client.get("/api/v1/reports?per_page=500", headers=headers or {})
    assert answer.status_code == 200, answer.text
    return {r["external_ref"].removeprefix("MY-") for r in answer.json()["items"]}


def test_a_disabled_agency_s_users_are_refused_on_the_web_and_the_api_until_it_is_enabled(
    engine: Engine, session: Session, runner: CliRunner
) -> None:
    region = build_policy_region(session)
    user = region.users["MY-NSRC"].username
    create_user(session, username="off-my", password=PASSWORD, agency_code="MY-NSRC")
    bearer = {"Authorization": f"Bearer {issue_token(session, username=user).secret}"}
    session.commit()
    assert runner.invoke(cli, ["user", "disable", "off-my"]).exit_code == 0
    other = {"Authorization": f"Bearer {issue_token(session, username='user-th-ccib').secret}"}
    session.commit()
    phone = {"value": region.phone}
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app) as browser, TestClient(app) as api:
        sign_in(browser, user)
        assert _seen(browser) == _seen(api, bearer) == EXPECTED_VISIBLE["MY-NSRC"]
        before = api.get("/api/v1/check", params=phone, headers=other).json()

        disabled = runner.invoke(cli, ["agency", "disable", "my-nsrc"])
        assert disabled.exit_code == 0, disabled.output
        assert "Agency MY-NSRC disabled" in _said(disabled.output)
        assert "1 web sign-in ended" in _said(disabled.output)

        # The API, with the token and with the browser's cookie: 401 saying why.
        refused = api.get("/api/v1/reports", headers=bearer)
        assert refused.status_code == 401
        assert _DISABLED in refused.json()["detail"] and _ENABLE in refused.json()["detail"]
        by_cookie = browser.get("/api/v1/reports")
        assert by_cookie.status_code == 401
        assert "Your agency MY-NSRC is disabled" in by_cookie.json()["detail"]
        # A page says so too, rather than sending to a sign-in that refuses the password.
        page = browser.get("/reports", follow_redirects=False)
        assert page.status_code == 401 and _ENABLE in page.text
        form = browser.get("/sign-in").text
        again = browser.post(
            "/sign-in",
            data={"username": user, "password": PASSWORD, "csrf_token": csrf_of(form)},
            follow_redirects=False,
        )
        assert again.status_code == 403 and "MY-NSRC is disabled" in again.text
        wrong = browser.post(
            "/sign-in",
            data={"username": user, "password": "not-the-password", "csrf_token": csrf_of(form)},
            follow_redirects=False,
        )
        assert wrong.status_code == 400 and "MY-NSRC" not in wrong.text

        # Its reports still match: another agency still learns that MY-NSRC holds them.
        assert api.get("/api/v1/check", params=phone, headers=other).json() == before
        assert "MY-NSRC" in str(before)

        listed = runner.invoke(cli, ["agency", "list"]).output
        assert "disabled" in next(ln for ln in listed.splitlines() if "MY-NSRC" in ln)
        issued = runner.invoke(cli, ["token", "issue", user])
        assert issued.exit_code == 1 and _ENABLE in _said(issued.output)

        enabled = runner.invoke(cli, ["agency", "enable", "MY-NSRC"])
        assert enabled.exit_code == 0 and "Agency MY-NSRC enabled" in _said(enabled.output)
        assert _seen(api, bearer) == EXPECTED_VISIBLE["MY-NSRC"]
        # The web sign-in ended with the disabling, as a disabled user's does: a new one works.
        sign_in(browser, user)
        assert _seen(browser) == EXPECTED_VISIBLE["MY-NSRC"]

    users = runner.invoke(cli, ["user", "list", "--agency", "MY-NSRC"]).output
    assert "disabled" in next(ln for ln in users.splitlines() if "off-my" in ln)
    assert "already enabled" in runner.invoke(cli, ["agency", "enable", "MY-NSRC"]).output


def test_a_token_of_a_disabled_agency_is_refused_by_the_cli_saying_why(
    session: Session, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    region = build_policy_region(session)
    token = issue_token(session, username=region.users["MY-NSRC"].username).secret
    session.commit()
    assert runner.invoke(cli, ["agency", "disable", "MY-NSRC"]).exit_code == 0
    monkeypatch.setenv("COUNTERSCAM_TOKEN", token)
    refused = runner.invoke(cli, ["check", "phone", "+60123456789"])
    assert refused.exit_code == 1
    assert "its agency MY-NSRC is disabled" in _said(refused.output)
    assert _ENABLE in _said(refused.output)


def test_the_user_commands_say_when_the_agency_keeps_a_user_out(
    session: Session, runner: CliRunner
) -> None:
    # "active" beside a user of a disabled agency, and "User enabled." for one, told the
    # operator the officer could sign in; the agency's state kept them out.
    region = build_policy_region(session)
    user = region.users["MY-NSRC"].username
    create_user(session, username="off-my", password=PASSWORD, agency_code="MY-NSRC")
    session.commit()
    assert runner.invoke(cli, ["user", "disable", "off-my"]).exit_code == 0
    assert runner.invoke(cli, ["agency", "disable", "MY-NSRC"]).exit_code == 0
    listed = runner.invoke(cli, ["user", "list", "--agency", "MY-NSRC"]).output
    row = next(ln for ln in listed.splitlines() if user in ln)
    assert "active (agency disabled)" in _said(row)
    as_json = runner.invoke(cli, ["user", "list", "--agency", "MY-NSRC", "--json"]).output
    assert '"agency_active": false' in as_json
    enabled = _said(runner.invoke(cli, ["user", "enable", "off-my"]).output)
    assert enabled.startswith("User off-my enabled. Their agency MY-NSRC is disabled")
    assert _ENABLE in enabled
    assert runner.invoke(cli, ["agency", "enable", "MY-NSRC"]).exit_code == 0
    assert (
        _said(runner.invoke(cli, ["user", "disable", "off-my"]).output) == "User off-my disabled."
    )
    again = _said(runner.invoke(cli, ["user", "enable", "off-my"]).output)
    assert again == "User off-my enabled."
    assert "agency disabled" not in runner.invoke(cli, ["user", "list"]).output


def test_an_unknown_agency_cannot_be_disabled(session: Session, runner: CliRunner) -> None:
    build_policy_region(session)
    unknown = runner.invoke(cli, ["agency", "disable", "XX-NONE"])
    assert unknown.exit_code == 1 and "no agency with code" in unknown.output


def test_the_agency_s_state_costs_no_query_of_its_own(
    engine: Engine, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Read with the agency's kind: a request signed in by token or by cookie is one query.
    region = build_policy_region(session)
    user = region.users["MY-NSRC"]
    token = issue_token(session, username=user.username).secret
    sign_in_id = start_web_session(session, user, lifetime_seconds=3600)
    assert isinstance(token_caller(session, token), Caller)  # stamps its first use
    session.commit()
    user_id = user.id
    sent = _counting(engine, monkeypatch)
    with Session(engine) as fresh:
        web = caller_for_web_session(
            fresh, user_id=user_id, session_id=sign_in_id, lifetime_seconds=3600
        )
        assert isinstance(web, Caller) and web.agency_code == "MY-NSRC"
    assert sent() == 1
    with Session(engine) as fresh:
        assert isinstance(token_caller(fresh, token), Caller)
    assert sent() == 2
    with Session(engine) as fresh:
        set_agency_active(fresh, code="MY-NSRC", active=False)
        fresh.commit()
    before = sent()
    with Session(engine) as fresh:
        refused = token_caller(fresh, token)
        assert isinstance(refused, TokenRefusal) and refused.agency_disabled == "MY-NSRC"
    with Session(engine) as fresh:
        web = caller_for_web_session(
            fresh, user_id=user_id, session_id=sign_in_id, lifetime_seconds=3600
        )
        assert web == DisabledAgency("MY-NSRC")
    assert sent() == before + 2


def test_a_token_of_a_disabled_user_in_a_disabled_agency_names_both_fixes() -> None:
    refusal = TokenRefusal(token_id=7, user_disabled=True, agency_disabled="MY-NSRC")
    assert refusal.message("The API token") == (
        "The API token (token id 7) is refused because its user and its agency MY-NSRC are "
        "disabled: ask an administrator to enable the user ('counterscam user enable USERNAME') "
        "and the agency ('counterscam agency enable MY-NSRC'); it then works again"
    )
