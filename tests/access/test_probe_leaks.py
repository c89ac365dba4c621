"""An outside verifier's probes: credentials that no longer hold must not be answered as the
public, and every figure (count, total loss) covers only what the caller may see."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import issue_token
from counterscam.api.app import create_app
from counterscam.check.alerts import raise_alerts
from counterscam.config import Settings
from counterscam.db.base import utcnow
from counterscam.db.engine import session_factory
from counterscam.db.models import Agency, ReportShare, User, WebSession
from counterscam.link.rebuild import rebuild
from tests.factories import EXPECTED_VISIBLE, PolicyRegion, build_policy_region, make_report
from tests.web.conftest import sign_in

AGENCIES = sorted(EXPECTED_VISIBLE)
# A number only an amber report names: SG-ASCOM sees it, the public must not learn of it.
AMBER_ONLY = "+60199990000"
# Each report's loss is a different power of two, so every sum tells which reports it holds.
LOSS = {
    "clear": 1,
    "green": 2,
    "amber": 4,
    "amber+strict": 8,
    "red": 16,
    "amber-to-SG": 32,
}


@pytest.fixture
def region(engine: Engine) -> Iterator[tuple[PolicyRegion, Session]]:
    session = session_factory(engine)()
    policy = build_policy_region(session)
    for label, report in policy.reports.items():
        report.loss_usd = Decimal(LOSS[label] * 1000)
    owner = session.scalars(select(Agency).where(Agency.code == "MY-NSRC")).one()
    make_report(session, agency_id=owner.id, ref="MY-amber-only", mark="amber", phone=AMBER_ONLY)
    session.commit()
    yield policy, session
    session.close()


def _end_sign_ins(session: Session, username: str) -> None:
    """Age the user's web sign-ins past their lifetime, as a day of no use would."""
    user = session.scalars(select(User).where(User.username == username)).one()
    for row in session.scalars(select(WebSession).where(WebSession.user_id == user.id)):
        row.started_at = utcnow() - timedelta(seconds=Settings().session_max_age_seconds + 60)
    session.commit()


def test_a_check_with_an_ended_sign_in_is_refused_not_answered_as_the_public(
    engine: Engine, region: tuple[PolicyRegion, Session]
) -> None:
    policy, session = region
    username = policy.users["SG-ASCOM"].username
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app) as browser:
        sign_in(browser, username)
        seen = browser.get("/api/v1/check", params={"value": AMBER_ONLY})
        assert (seen.status_code, seen.json()["hit"], seen.json()["reports"]) == (200, True, 1)
        _end_sign_ins(session, username)
        # Answered as the public, the analyst read "no hit" for a number SG-ASCOM holds.
        ended = browser.get("/api/v1/check", params={"value": AMBER_ONLY})
        assert ended.status_code == 401, ended.text
        assert "sign-in has ended" in ended.json()["detail"]
        assert "hit" not in ended.json()
    with TestClient(app) as visitor:  # no cookie at all: the public answer, hit or no-hit
        public = visitor.get("/api/v1/check", params={"value": AMBER_ONLY})
        assert (public.status_code, public.json()["hit"]) == (200, False)


@pytest.mark.parametrize("header", ["Token {t}", "Basic {t}", "Bearer", "{t}"])
def test_an_authorization_header_of_another_scheme_is_refused_not_answered_as_the_public(
    engine: Engine, region: tuple[PolicyRegion, Session], header: str
) -> None:
    policy, session = region
    token = issue_token(session, username=policy.users["SG-ASCOM"].username).secret
    session.commit()
    sent = {"Authorization": header.format(t=token)}
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        answer = client.get("/api/v1/check", params={"value": AMBER_ONLY}, headers=sent)
        assert answer.status_code == 401, answer.text
        assert "Bearer" in answer.json()["detail"]
        assert answer.headers["www-authenticate"] == "Bearer"
        listing = client.get("/api/v1/reports", headers=sent)
        assert listing.status_code == 401
        assert "not 'Bearer <token>'" in listing.json()["detail"]


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.mark.parametrize("agency", AGENCIES)
def test_every_count_and_total_loss_covers_only_what_the_caller_may_see(
    engine: Engine, region: tuple[PolicyRegion, Session], agency: str
) -> None:
    policy, session = region
    rebuild(session)
    session.commit()
    visible = EXPECTED_VISIBLE[agency]
    # MY-amber-only (loss 1000) is amber: members but the narrowed-out ones, and the secretariat.
    extra = 1 if agency in ("MY-NSRC", "SG-ASCOM", "TH-CCIB", "ASEANAPOL") else 0
    reports = len(visible) + extra
    loss = Decimal(sum(LOSS[label] for label in visible) * 1000 + extra * 1000)
    phone_loss = Decimal(sum(LOSS[label] for label in visible) * 1000)
    token = issue_token(session, username=policy.users[agency].username).secret
    session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        listed = client.get("/api/v1/reports", headers=headers, params={"per_page": 1}).json()
        assert listed["total"] == reports
        checked = client.get("/api/v1/check", headers=headers, params={"value": policy.phone})
        assert checked.json()["reports"] == len(visible)
        assert Decimal(checked.json()["loss_usd"]) == phone_loss
        hidden = sum(h["reports"] for h in checked.json()["holdings"])
        assert hidden == len(policy.reports) - len(visible)
        clusters = client.get("/api/v1/clusters", headers=headers).json()["items"]
        phone_cluster = [c for c in clusters if c["reports"] + c["hidden_reports"] > 1]
        assert [Decimal(c["total_loss_usd"]) for c in phone_cluster] == [phone_loss]
        sign_in(client, policy.users[agency].username)
        exported = _csv_rows(client.get("/reports.csv").text)
        assert len(exported) == reports
        assert sum(Decimal(r["Loss (USD)"]) for r in exported) == loss
        by_country = _csv_rows(client.get("/dashboard/by-country.csv").text)
        assert sum(int(r["Reports"]) for r in by_country if r["Code"]) == reports
        assert sum(Decimal(r["Loss (USD)"]) for r in by_country if r["Code"]) == loss
        page = client.get("/reports", params={"sort": "-loss_usd"}).text
        assert f"{reports:,} reports" in page


def test_an_alert_on_an_amber_report_narrowed_to_others_names_only_its_holder(
    engine: Engine, region: tuple[PolicyRegion, Session]
) -> None:
    """TH-CCIB and MY-NSRC both report a number; MY-NSRC's report is amber, shared only with
    SG-ASCOM: TH-CCIB's alert says who holds it and how to ask, never its reference."""
    policy, session = region
    agencies = {a.code: a.id for a in session.scalars(select(Agency))}
    phone = "+60177770000"
    narrowed = make_report(
        session, agency_id=agencies["MY-NSRC"], ref="MY-narrowed", mark="amber", phone=phone
    )
    session.add(ReportShare(report_id=narrowed.id, agency_id=agencies["SG-ASCOM"]))
    own = make_report(
        session,
        agency_id=agencies["TH-CCIB"],
        ref="TH-own",
        mark="green",
        country="TH",
        phone=phone,
    )
    session.flush()
    assert raise_alerts(session, [narrowed.id, own.id]) == 2
    token = issue_token(session, username=policy.users["TH-CCIB"].username).secret
    session.commit()
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        inbox = client.get("/api/v1/alerts", headers={"Authorization": f"Bearer {token}"})
        [alert] = inbox.json()["items"]
        assert alert["other_report"] is None
        assert alert["other_holding"]["agency_code"] == "MY-NSRC"
        assert alert["other_holding"]["mark"] == "amber"
        sign_in(client, policy.users["TH-CCIB"].username)
        pages = [inbox.text, client.get("/alerts").text, client.get("/alerts.csv").text]
        pages.append(client.get("/").text)
        assert all("MY-narrowed" not in text for text in pages)
        assert "MY-NSRC" in pages[2]


def test_a_disabled_users_token_is_refused_saying_the_user_may_be_disabled(
    engine: Engine, region: tuple[PolicyRegion, Session]
) -> None:
    """The 401 said "unknown, revoked or expired; ask for a new one": no administrator can issue
    a token to a disabled user, so the answer names that case and its fix too."""
    policy, session = region
    user = policy.users["SG-ASCOM"]
    token = issue_token(session, username=user.username).secret
    session.get_one(User, user.id).active = False
    session.commit()
    sent = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        for answer in (
            client.get("/api/v1/reports", headers=sent),
            client.get("/api/v1/check", params={"value": AMBER_ONLY}, headers=sent),
        ):
            assert answer.status_code == 401, answer.text
            detail = answer.json()["detail"]
            assert "its user is disabled" in detail and "to enable the user" in detail
            assert "hit" not in answer.json()
