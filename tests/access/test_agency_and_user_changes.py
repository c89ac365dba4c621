"""An agency whose kind changes, and a user moved to another agency, by the operator's commands.

- `agency set-kind`: the agency's users, signed in on the web or calling with a token, are
  answered as the new kind from their next request: a member made a partner no longer sees
  amber reports (one named to it included) nor writes; an observer admitted as a member sees
  them and submits.
- `user move`: the user's API tokens are revoked and their web sign-ins end. A token left
  working was, from the next request on, a credential of the new agency in the hands of the
  old one's systems (its red reports read, reports submitted in its name).
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import issue_token
from counterscam.api.app import create_app
from counterscam.cli.main import app as cli
from counterscam.config import Settings
from counterscam.db.models import Agency
from tests.factories import EXPECTED_VISIBLE, build_policy_region
from tests.web.conftest import sign_in

_REPORT = {
    "reported_at": "2025-06-15T08:00:00+08:00",
    "scam_type": "sextortion",
    "channel": "phone_call",
    "mark": "green",
    "identifiers": [{"kind": "phone", "value": "+6591234567", "role": "caller"}],
}
# What each kind of agency other than MY-NSRC (the holder) sees of MY-NSRC's reports; the
# amber one narrowed to SG-ASCOM only when it is SG-ASCOM, a member or the secretariat.
_SEES = {
    "member": {"clear", "green", "amber"},
    "secretariat": {"clear", "green", "amber", "amber+strict", "amber-to-SG"},
    "partner": {"clear", "green"},
    "observer": {"clear", "green"},
}


def _seen(client: TestClient, headers: dict[str, str] | None = None) -> set[str]:
    """Return the marks of MY-NSRC's reports that the list shows this caller."""
    answer = client.get("/api/v1/reports?per_page=500", headers=headers or {})
    assert answer.status_code == 200, answer.text
    return {r["external_ref"].removeprefix("MY-") for r in answer.json()["items"]}


def _a(kind: str) -> str:
    return f"an {kind}" if kind == "observer" else f"a {kind}"


def _expected(code: str, kind: str) -> set[str]:
    seen = set(_SEES[kind])
    if code == "SG-ASCOM" and kind == "member":
        seen.add("amber-to-SG")
    return seen


@pytest.mark.parametrize(
    ("code", "was", "now"),
    [
        ("SG-ASCOM", "member", "partner"),
        ("SG-ASCOM", "member", "observer"),
        ("SG-ASCOM", "member", "secretariat"),
        ("TL-PNTL", "observer", "member"),
        ("AU-AFP", "partner", "member"),
        ("ASEANAPOL", "secretariat", "member"),
    ],
)
def test_an_agency_whose_kind_changes_is_answered_as_its_new_kind_from_the_next_request(
    engine: Engine, session: Session, runner: CliRunner, code: str, was: str, now: str
) -> None:
    region = build_policy_region(session)
    user = region.users[code].username
    bearer = {"Authorization": f"Bearer {issue_token(session, username=user).secret}"}
    session.commit()
    red = region.reports["red"].id
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as browser:
        sign_in(browser, user)
        assert _seen(browser) == _seen(browser, bearer) == EXPECTED_VISIBLE[code]

        changed = runner.invoke(cli, ["agency", "set-kind", code.lower(), now.upper()])
        assert changed.exit_code == 0, changed.output
        said = " ".join(changed.output.split())
        assert f"Agency {code} is now {_a(now)} (was {_a(was)})" in said

        assert _seen(browser) == _seen(browser, bearer) == _expected(code, now)
        assert browser.get(f"/reports/{red}").status_code == 403
        writes = now in ("member", "secretariat")
        for channel in ({}, bearer):
            sent = browser.post(
                "/api/v1/reports",
                json={**_REPORT, "external_ref": f"{now}-{len(channel)}"},
                headers={**channel, "Sec-Fetch-Site": "same-origin"},
            )
            assert sent.status_code == (201 if writes else 403), sent.text
        assert (browser.get("/reports/new").status_code == 200) is writes

    again = runner.invoke(cli, ["agency", "set-kind", code, now])
    assert again.exit_code == 0 and "already" in again.output


def test_an_agency_kind_that_is_not_one_of_the_four_or_an_unknown_agency_is_refused(
    session: Session, runner: CliRunner
) -> None:
    build_policy_region(session)
    wrong = runner.invoke(cli, ["agency", "set-kind", "SG-ASCOM", "dialogue-partner"])
    assert wrong.exit_code == 1 and "member, secretariat, partner, observer" in wrong.output
    unknown = runner.invoke(cli, ["agency", "set-kind", "XX-NONE", "member"])
    assert unknown.exit_code == 1 and "no agency with code" in unknown.output
    listed = runner.invoke(cli, ["agency", "list"]).output
    assert next(ln for ln in listed.splitlines() if "SG-ASCOM" in ln).split()[-4] == "member"


def test_a_partner_s_token_does_not_make_its_agency_a_member(
    session: Session, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    region = build_policy_region(session)
    token = issue_token(session, username=region.users["AU-AFP"].username).secret
    session.commit()
    monkeypatch.setenv("COUNTERSCAM_TOKEN", token)
    refused = runner.invoke(cli, ["agency", "set-kind", "AU-AFP", "member"])
    assert refused.exit_code == 1 and "unset COUNTERSCAM_TOKEN" in " ".join(refused.output.split())
    session.expire_all()
    assert session.scalar(select(Agency.kind).where(Agency.code == "AU-AFP")) == "partner"


@pytest.mark.parametrize("to", ["SG-ASCOM", "AU-AFP", "ASEANAPOL"])
def test_a_moved_user_s_tokens_are_revoked_and_web_sign_ins_end(
    engine: Engine, session: Session, runner: CliRunner, to: str
) -> None:
    region = build_policy_region(session)
    user = region.users["MY-NSRC"].username
    bearer = {"Authorization": f"Bearer {issue_token(session, username=user).secret}"}
    issue_token(session, username=user)
    session.commit()
    red = region.reports["red"].id
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app) as browser, TestClient(app) as other:
        sign_in(browser, user)
        sign_in(other, user)
        assert browser.get(f"/api/v1/reports/{red}", headers=bearer).status_code == 200

        moved = runner.invoke(cli, ["user", "move", user, "--agency", to.lower()])
        assert moved.exit_code == 0, moved.output
        said = " ".join(moved.output.split())
        assert f"moved from MY-NSRC to {to}; 2 web sign-ins ended, 2 API tokens revoked" in said

        # The old agency's system holding the token: refused, not answered as the new agency.
        refused = browser.get("/api/v1/reports", headers=bearer)
        assert refused.status_code == 401 and "revoked" in refused.text
        for client in (browser, other):
            assert client.get("/api/v1/reports").status_code == 401
            assert "/sign-in" in client.get("/", follow_redirects=False).headers["location"]
        sign_in(browser, user)
        assert browser.get(f"/reports/{red}").status_code == 403
        assert _seen(browser) == EXPECTED_VISIBLE[to]

    again = runner.invoke(cli, ["user", "move", user, "--agency", to])
    assert again.exit_code == 0 and f"already in {to}" in again.output


def test_moving_a_user_that_or_to_an_agency_that_does_not_exist_says_so(
    session: Session, runner: CliRunner
) -> None:
    build_policy_region(session)
    nobody = runner.invoke(cli, ["user", "move", "nobody", "--agency", "SG-ASCOM"])
    assert nobody.exit_code == 1 and "no user 'nobody'" in nobody.output
    nowhere = runner.invoke(cli, ["user", "move", "user-my-nsrc", "--agency", "XX-NONE"])
    assert nowhere.exit_code == 1 and "no agency with code" in nowhere.output
