"""The surfaces added on 2026-11-30 show each role what the policy allows, and nothing more.

Chart descriptions and table names, the dashboard's FX notice, stand-in notes on batches,
the busy store's 503, API tokens that expired or were revoked (also under a proxy's path
prefix), and ``fx status`` / ``fx revalue`` under COUNTERSCAM_TOKEN. Each report of the
policy region carries its own power of two as its loss, so a sum shown anywhere names exactly
the reports counted in it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam import reference
from counterscam.access import audit, reads
from counterscam.access.accounts import issue_token, revoke_token
from counterscam.api.app import create_app
from counterscam.cli.main import app as cli_app
from counterscam.config import Settings, get_settings
from counterscam.db import writer
from counterscam.db.base import utcnow
from counterscam.db.engine import session_factory
from counterscam.db.link_models import Cluster
from counterscam.db.models import ApiToken, AuditEvent, Report
from counterscam.link.rebuild import rebuild
from counterscam.web.routes import dashboard
from tests.factories import EXPECTED_VISIBLE, PASSWORD, PolicyRegion, build_policy_region
from tests.web.conftest import csrf_of, sign_in

AGENCIES = sorted(EXPECTED_VISIBLE)
PREFIX = "/counterscam"
SUBMITTERS = {"MY-NSRC", "SG-ASCOM", "TH-CCIB", "ASEANAPOL"}
DESC = re.compile(r"<desc>(.*?)</desc>")


@pytest.fixture
def region(engine: Engine) -> Iterator[tuple[PolicyRegion, Session]]:
    session = session_factory(engine)()
    policy = build_policy_region(session)
    for bit, report in enumerate(policy.reports.values()):
        report.loss_amount = report.loss_usd = Decimal(2**bit)
    rebuild(session)
    session.commit()
    yield policy, session
    session.close()


def _visible(policy: PolicyRegion, agency: str) -> tuple[int, int]:
    """Return how many reports ``agency`` may see, and the sum of their losses."""
    bits = [2**i for i, label in enumerate(policy.reports) if label in EXPECTED_VISIBLE[agency]]
    return len(bits), sum(bits)


def _token(session: Session, policy: PolicyRegion, agency: str) -> tuple[int, str]:
    issued = issue_token(session, username=policy.users[agency].username)
    session.commit()
    return issued.id, issued.secret


@pytest.mark.parametrize("agency", AGENCIES)
def test_chart_descriptions_and_table_names_count_only_visible_reports(
    engine: Engine, region: tuple[PolicyRegion, Session], agency: str
) -> None:
    policy, session = region
    count, loss = _visible(policy, agency)
    key = session.scalars(select(Cluster.key)).one()
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, policy.users[agency].username)
        home = client.get("/").text
        assert f"Malaysia: {count}" in DESC.findall(home)
        assert f"Malaysia: USD {loss}" in DESC.findall(home)
        assert f"Investment scam: USD {loss}" in DESC.findall(home)
        brief = client.get(f"/clusters/{key}").text
        # Each bar chart is drawn twice, wide and for a phone (app.css shows one): the same
        # descriptions, once each in order.
        assert list(dict.fromkeys(DESC.findall(brief))) == [
            f"Malaysia: USD {loss}",
            f"2026-03: {count}",
            f"Investment scam: {count}",
        ]
        network = client.get(f"/clusters/{key}/network").text
        assert f'aria-label="Network of {count} reports and 1 identifiers"' in network
        assert f'aria-label="{count} reports"' in client.get("/reports").text
        # No other figure of money on either page: the hidden reports' losses are nowhere.
        for page in (home, brief):
            assert set(re.findall(r"(?:\$|USD )(\d+)\b", page)) <= {str(loss)}


@pytest.mark.parametrize("agency", AGENCIES)
def test_the_fx_notice_speaks_of_the_table_alone_and_to_the_secretariat(
    engine: Engine,
    region: tuple[PolicyRegion, Session],
    agency: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    policy, _session = region
    gap = reference.fx_gap(date(2027, 1, 5))
    assert gap is not None
    monkeypatch.setattr(dashboard, "fx_gap", lambda: gap)
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, policy.users[agency].username)
        found = re.findall(r'<p[^>]*id="fx-gap">(.*?)</p>', client.get("/").text)
    # Its words alone, however the page sets the command in them.
    notices = [html.unescape(re.sub(r"<[^>]+>", "", n)) for n in found]
    expected = [f"{gap.replace('`', '')}."] if agency == "ASEANAPOL" else []
    assert notices == expected
    assert not any(re.search(r"\breports?\b", n) for n in notices)  # no count of any report


@pytest.mark.parametrize("agency", AGENCIES)
def test_a_batch_counts_only_its_own_stand_in_losses(
    engine: Engine, region: tuple[PolicyRegion, Session], agency: str
) -> None:
    """Two MY-NSRC reports of 2022 already carry a stand-in rate; the caller's batch names one."""
    policy, session = region
    _, my = _token(session, policy, "MY-NSRC")
    _, secret = _token(session, policy, agency)
    old = {
        "reported_at": "2026-03-01",
        "incident_at": "2022-06-10",
        "scam_type": "investment",
        "channel": "whatsapp",
        "loss_amount": "1000",
        "loss_currency": "MYR",
        "mark": "amber",
    }
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        mine = [{**old, "external_ref": f"MY-OLD-{i}"} for i in (1, 2)]
        first = client.post(
            "/api/v1/reports/batch",
            json={"reports": mine},
            headers={"Authorization": f"Bearer {my}"},
        )
        assert first.status_code == 201 and "of 2 reports (2022-06)" in first.json()["note"]
        # Its note is read again from its reports: only MY-NSRC's users may read it.
        theirs = client.get(
            f"/api/v1/batches/{first.json()['batch_id']}",
            headers={"Authorization": f"Bearer {secret}"},
        )
        if agency == "MY-NSRC":
            assert "of 2 reports (2022-06)" in theirs.json()["note"]
        else:
            assert theirs.status_code == 404 and "2022" not in theirs.text
        answer = client.post(
            "/api/v1/reports/batch",
            json={
                "reports": [{**old, "external_ref": f"{agency}-OLD", "incident_at": "2022-07-01"}]
            },
            headers={"Authorization": f"Bearer {secret}"},
        )
    if agency not in SUBMITTERS:
        assert answer.status_code == 403
        assert "MY-OLD" not in answer.text and "2022" not in answer.text
        return
    assert answer.status_code == 201, answer.text
    note = answer.json()["note"]
    assert "the loss of 1 report (2022-07)" in note
    assert "2022-06" not in note and "MY-OLD" not in note


@pytest.mark.parametrize("agency", AGENCIES)
def test_a_busy_store_answers_alike_whoever_holds_it(
    engine: Engine,
    region: tuple[PolicyRegion, Session],
    agency: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An MY-NSRC import holds the store: the 503 names neither it nor its reports."""
    policy, session = region
    _, secret = _token(session, policy, agency)
    bearer = {"Authorization": f"Bearer {secret}"}
    monkeypatch.setattr(writer, "WAIT_SECONDS", 0.2)
    importer = session_factory(engine)()
    writer.claim_writer(importer, patient=True)
    report = {
        "external_ref": f"{agency}-NEW",
        "reported_at": "2026-03-01",
        "scam_type": "investment",
        "channel": "whatsapp",
        "mark": "amber",
    }
    try:
        with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
            answer = client.post("/api/v1/reports", json=report, headers=bearer)
            # Reads go on beside the import (on PostgreSQL: on SQLite a listing's audit row is
            # a write, which waits for the import too).
            postgres = engine.dialect.name == "postgresql"
            listed = client.get("/api/v1/reports", headers=bearer) if postgres else None
    finally:
        importer.rollback()
        importer.close()
    if agency not in SUBMITTERS:
        assert answer.status_code == 403  # refused before it waits: nothing about the import
    else:
        assert answer.status_code == 503
        assert answer.json() == {"detail": f"{writer.BUSY}."}
        assert answer.headers["retry-after"] == str(writer.BUSY_RETRY_SECONDS)
    assert "MY-NSRC" not in answer.text
    if listed is not None:  # and they show only what the policy allows
        assert listed.status_code == 200
        assert listed.json()["total"] == _visible(policy, agency)[0]


def _dead(session: Session, token_id: int, how: str) -> None:
    if how == "expired":
        session.get_one(ApiToken, token_id).expires_at = utcnow() - timedelta(seconds=1)
    else:
        revoke_token(session, token_id=token_id)
    session.commit()


@pytest.mark.parametrize("how", ["expired", "revoked"])
@pytest.mark.parametrize("agency", AGENCIES)
def test_a_dead_token_opens_nothing_under_a_prefix_nor_beside_a_sign_in(
    engine: Engine, region: tuple[PolicyRegion, Session], agency: str, how: str
) -> None:
    policy, session = region
    token_id, secret = _token(session, policy, agency)
    bearer = {"Authorization": f"Bearer {secret}"}
    count = _visible(policy, agency)[0]
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app, root_path=PREFIX) as client:
        live = client.get(f"{PREFIX}/api/v1/reports", headers=bearer)
        assert live.status_code == 200 and live.json()["total"] == count
        _dead(session, token_id, how)
        for path in (f"{PREFIX}/api/v1/reports", "/api/v1/reports"):
            answer = client.get(path, headers=bearer)
            assert answer.status_code == 401 and "items" not in answer.json()
        check = client.get(f"{PREFIX}/api/v1/check", params={"value": policy.phone}, headers=bearer)
        assert check.status_code == 401  # not the public's answer either
        # A signed-in browser that also sends the dead token is not let in by its cookie.
        sign_in_under_prefix(client, policy.users[agency].username)
        assert client.get(f"{PREFIX}/api/v1/reports").json()["total"] == count
        assert client.get(f"{PREFIX}/api/v1/reports", headers=bearer).status_code == 401
        page = client.get(f"{PREFIX}/reports", headers=bearer, follow_redirects=False)
        assert page.status_code == 303 and "narrative of" not in page.text


def sign_in_under_prefix(client: TestClient, username: str) -> None:
    """Sign in through the form the prefixed sign-in page serves."""
    form = client.get(f"{PREFIX}/sign-in").text
    signed = client.post(
        f"{PREFIX}/sign-in",
        data={"username": username, "password": PASSWORD, "csrf_token": csrf_of(form), "next": "/"},
        follow_redirects=False,
    )
    assert signed.status_code == 303, signed.text


@pytest.mark.parametrize("token", ["live", "expired", "revoked"])
@pytest.mark.parametrize("agency", AGENCIES)
@pytest.mark.parametrize("command", ["status", "revalue"])
def test_fx_commands_refuse_a_user_signed_in_by_token(
    runner: CliRunner,
    region: tuple[PolicyRegion, Session],
    agency: str,
    token: str,
    command: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """They count and rewrite every agency's reports: the local operator's, not a user's."""
    policy, session = region
    token_id, secret = _token(session, policy, agency)
    if token != "live":
        _dead(session, token_id, token)
    monkeypatch.setenv("COUNTERSCAM_TOKEN", secret)
    result = runner.invoke(cli_app, ["fx", command])
    assert result.exit_code == 1
    assert "only the local operator" in result.output
    assert "Stored reports" not in result.output and "Revalued" not in result.output
    assert not re.search(r"\d+ (of \d+ )?reports?\b", result.output)


@pytest.mark.parametrize("agency", AGENCIES)
def test_a_report_narrowed_while_it_is_read_is_not_shown_in_its_new_version(
    engine: Engine,
    region: tuple[PolicyRegion, Session],
    agency: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """MY-NSRC resubmits its green report as red, with a new narrative, between the check of
    the caller's right to see it and the read of its rows: the read taken again because the
    report changed shows the red version to MY-NSRC alone."""
    policy, session = region
    report_id = policy.reports["green"].id
    rows = reads._report_rows
    narrowed: list[bool] = []

    def resubmitted_meanwhile(s: Session, report: Report, agency_row: object) -> object:
        if not narrowed:
            narrowed.append(True)
            with session_factory(engine)() as owner:
                row = owner.get_one(Report, report_id)
                row.mark, row.narrative = "red", "the red version"
                row.updated_at = utcnow() + timedelta(seconds=1)
                owner.commit()
        return rows(s, report, agency_row)  # type: ignore[arg-type]

    monkeypatch.setattr(reads, "_report_rows", resubmitted_meanwhile)
    # Audit rows queued, as served: the read's transaction then holds no write lock on SQLite.
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "60")
    get_settings.cache_clear()
    reader = session_factory(engine)()
    try:
        if agency == "MY-NSRC":
            detail = reads.get_report(reader, policy.caller(agency), report_id, channel="api")
            assert detail.report.narrative == "the red version"
        else:
            with pytest.raises(reads.NotPermitted) as refused:
                reads.get_report(reader, policy.caller(agency), report_id, channel="api")
            assert refused.value.holding.agency_code == "MY-NSRC"
    finally:
        reader.close()
        audit.flush()  # the queued audit rows, while the test's database is there
    # The refusal at the second look is audited as one: it was a read that gave content.
    session.expire_all()
    last = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "read_report").order_by(AuditEvent.id)
    ).all()[-1]
    assert last.record_ref.endswith(str(report_id))
    expected = (1, "") if agency == "MY-NSRC" else (0, "outcome=refused")
    assert (last.hits, last.query) == expected
