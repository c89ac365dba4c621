"""The fifteenth outside probe: accounts of every role, their sign-ins and tokens, on SQLite and
PostgreSQL.

What it found and holds:
- ``counterscam fx revalue`` rewrote the USD losses on the connection, past the session's
  notice of changed reports, so the data token stayed: a running server kept showing the
  dashboard's and the cluster list's old totals (figures kept per visibility class,
  ``access.figures_cache``) until some other change. Its commit now writes a new token.
- every role's sign-in: the cookie is HttpOnly, SameSite=Strict, scoped to the site and as
  long-lived as the sign-in (Secure over HTTPS); a copy of it dies at sign-out, on the pages
  and on the API, and a new password ends every browser signed in with the old one; a revoked
  or expired token is refused from the next request, never answered as the public; a ``next``
  address never sends a signed-in officer off the site. Judged right, and held here.
- the columns of a hidden report that earlier walks left as they were change no page, API
  answer or command of any role: held by test_role_probe_hidden_fields.py's walk, which
  changes them too (one walk a role: each takes a minute).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import admin_caller, create_user, issue_token, revoke_token
from counterscam.access.users import set_password
from counterscam.api.app import create_app
from counterscam.cli.main import app as cli
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from counterscam.db.models import (
    ApiToken,
    AuditEvent,
    Report,
)
from counterscam.link.listing import list_clusters
from counterscam.web.dashboard import build_dashboard
from tests.access.test_every_route_access import region as region  # the fixture
from tests.cli.test_fx import HEADER, IDENTIFIERS, REPORTS, _import
from tests.cli.test_fx import my_agency as my_agency  # the fixture
from tests.factories import EXPECTED_VISIBLE, PASSWORD, PolicyRegion, build_policy_region
from tests.reference.rates import UseRates
from tests.reference.rates import use_rates as use_rates  # the fixture
from tests.web.conftest import csrf_of

# Three members' analysts, the secretariat's, a partner's, an observer's, and a member's admin.
ROLES = [*sorted(EXPECTED_VISIBLE), "MY-NSRC admin"]
HIDDEN_PHONE = "+60123456789"  # named by every report of the policy region, red among them
LIFETIME = Settings(demo=True).session_max_age_seconds
ADMIN = "admin-my"


def test_fx_revalue_renews_the_figures_a_running_server_shows(
    runner: CliRunner, session: Session, my_agency: str, tmp_path: Path, use_rates: UseRates
) -> None:
    _import(runner, tmp_path / "batch", REPORTS, IDENTIFIERS)
    caller = admin_caller(session, my_agency)
    before = build_dashboard(session, caller).loss_usd  # kept under the data token
    listed = list_clusters(session, caller).items[0].total_loss_usd
    session.rollback()
    use_rates(HEADER + "2022-06,MYR,0.2270\n")
    done = runner.invoke(cli, ["fx", "revalue"])
    assert done.exit_code == 0, done.output
    stored = session.scalar(select(func.sum(Report.loss_usd)))
    shown = build_dashboard(session, caller).loss_usd
    assert stored != before and shown == stored, (before, shown, stored)
    cluster = list_clusters(session, caller).items[0].total_loss_usd
    assert cluster != listed and cluster == Decimal("454.00")  # its two reports at 0.227


@dataclass
class Accounts:
    """The policy region, its app and a session on its database."""

    policy: PolicyRegion
    session: Session
    app: FastAPI

    def client(
        self,
        *,
        https: bool = False,
        cookies: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> TestClient:
        base = "https://testserver" if https else "http://testserver"
        return TestClient(self.app, base_url=base, cookies=cookies, headers=headers)

    def username(self, who: str) -> str:
        return ADMIN if who == "MY-NSRC admin" else self.policy.users[who].username

    def audit_rows(self) -> int:
        self.session.expire_all()
        return int(self.session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


@pytest.fixture
def accounts(engine: Engine) -> Iterator[Accounts]:
    session = session_factory(engine)()
    policy = build_policy_region(session)
    create_user(session, username=ADMIN, password=PASSWORD, agency_code="MY-NSRC", role="admin")
    session.commit()
    yield Accounts(policy, session, create_app(settings=Settings(demo=True), engine=engine))
    session.close()


def _signed_in(client: TestClient, username: str, password: str = PASSWORD) -> Response:
    """Sign in through the form and return the answer that set the cookie."""
    token = csrf_of(client.get("/sign-in").text)
    form = {"username": username, "password": password, "csrf_token": token, "next": "/"}
    answer: Response = client.post("/sign-in", data=form, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return answer


def _cookie_flags(answer: Response) -> set[str]:
    (cookie,) = answer.headers.get_list("set-cookie")
    assert cookie.startswith("counterscam_session=")
    return {part.strip().lower() for part in cookie.split(";")[1:]}


def _refused(client: TestClient) -> None:
    """Assert that the client's credential reads nothing: no page, no report, no check."""
    page = client.get("/reports", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/sign-in")
    assert client.get("/api/v1/reports").status_code == 401
    # Never the public's answer: "no hit" over clear reports would read as the region's.
    checked = client.get("/api/v1/check", params={"value": HIDDEN_PHONE})
    assert checked.status_code == 401 and "hit" not in checked.json()


@pytest.mark.parametrize("who", ROLES)
def test_each_roles_sign_in_cookie_is_guarded_and_dies_at_sign_out(
    accounts: Accounts, who: str
) -> None:
    with accounts.client() as browser, accounts.client(https=True) as secure:
        flags = _cookie_flags(_signed_in(browser, accounts.username(who)))
        assert {"httponly", "samesite=strict", "path=/", f"max-age={LIFETIME}"} <= flags
        assert "secure" not in flags  # plain HTTP (the demo): a Secure cookie would be lost
        assert "secure" in _cookie_flags(_signed_in(secure, accounts.username(who)))
        copied = dict(browser.cookies)
        with accounts.client(cookies=copied) as copy:
            assert copy.get("/reports").status_code == 200
            token = csrf_of(browser.get("/check").text)
            assert browser.post("/sign-out", data={"csrf_token": token}).status_code == 200
            rows = accounts.audit_rows()
            _refused(copy)
            assert accounts.audit_rows() == rows  # refused: searched and read nothing
            # The browser signed out is the public again: no page, and the public's answer.
            assert browser.get("/reports", follow_redirects=False).status_code == 303
            public = browser.get("/api/v1/check", params={"value": HIDDEN_PHONE}).json()
            assert public["matches"] == [] and public["holdings"] == []
        assert secure.get("/reports").status_code == 200  # another sign-in is not ended


@pytest.mark.parametrize("who", ROLES)
def test_a_new_password_ends_each_roles_other_sign_ins(accounts: Accounts, who: str) -> None:
    username = accounts.username(who)
    with accounts.client() as office, accounts.client() as elsewhere:
        _signed_in(office, username)
        _signed_in(elsewhere, username)
        assert set_password(accounts.session, username=username, password="new-horse-staple-9") == 2
        accounts.session.commit()
        _refused(office)
        _refused(elsewhere)
        token = csrf_of(office.get("/sign-in").text)
        old = {"username": username, "password": PASSWORD, "csrf_token": token}
        assert office.post("/sign-in", data=old, follow_redirects=False).status_code == 400
    with accounts.client() as browser:
        _signed_in(browser, username, "new-horse-staple-9")
        assert browser.get("/reports").status_code == 200


@pytest.mark.parametrize("who", ROLES)
def test_each_roles_revoked_or_expired_token_is_refused_from_the_next_request(
    accounts: Accounts, who: str
) -> None:
    username = accounts.username(who)
    revoked = issue_token(accounts.session, username=username)
    expiring = issue_token(accounts.session, username=username, lifetime=timedelta(days=1))
    accounts.session.commit()
    for issued, end in ((revoked, "revoked"), (expiring, "expired")):
        bearer = {"Authorization": f"Bearer {issued.secret}"}
        with accounts.client(headers=bearer) as script:
            assert script.get("/api/v1/check", params={"value": HIDDEN_PHONE}).json()["hit"]
            if end == "revoked":
                revoke_token(accounts.session, token_id=issued.id)
            else:
                past = datetime.now(UTC) - timedelta(seconds=1)
                accounts.session.execute(
                    update(ApiToken).where(ApiToken.id == issued.id).values(expires_at=past)
                )
            accounts.session.commit()
            rows = accounts.audit_rows()
            for url in ("/api/v1/reports", f"/api/v1/check?value=%2B{HIDDEN_PHONE[1:]}"):
                answer = script.get(url)
                assert answer.status_code == 401, (end, url, answer.text)
                assert end in answer.json()["detail"]
            assert accounts.audit_rows() == rows  # refused: searched and read nothing


NEXT_TARGETS = [
    "//evil.example/",
    "/\\evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "https://evil.example/",
    "https:evil.example",
    "/%2F%2Fevil.example/",
    "/%5C%5Cevil.example/",
    " //evil.example/",
]


def test_no_next_address_sends_a_signed_in_officer_off_the_site(accounts: Accounts) -> None:
    with accounts.client() as browser:
        for target in NEXT_TARGETS:
            token = csrf_of(browser.get("/sign-in").text)
            form = {
                "username": accounts.username("SG-ASCOM"),
                "password": PASSWORD,
                "csrf_token": token,
                "next": target,
            }
            answers = [browser.post("/sign-in", data=form, follow_redirects=False)]
            answers.append(browser.get("/sign-in", params={"next": target}, follow_redirects=False))
            for answer in answers:
                location = answer.headers["location"]
                # Browsers drop tabs and line breaks from an address before reading it.
                read = "".join(c for c in location if c not in "\t\r\n")
                assert urlsplit(read).netloc == "" and not read.startswith(("//", "/\\")), (
                    target,
                    location,
                )
