"""What outside verifiers try: guessing ids and keys, the trace it must leave, and reusing
a signed-out session or a revoked token."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import issue_token, revoke_token
from counterscam.access.reads import NotFound, get_report
from counterscam.api.app import create_app
from counterscam.cli.main import app as cli_app
from counterscam.config import Settings, get_settings
from counterscam.db.base import utcnow
from counterscam.db.engine import engine_for
from counterscam.db.models import AuditEvent, Report, User, WebSession
from tests.factories import build_policy_region
from tests.web.conftest import csrf_of, sign_in


def test_guessing_a_report_id_that_does_not_exist_is_audited(session: Session) -> None:
    region = build_policy_region(session)
    caller = region.caller("AU-AFP")
    missing = max(r.id for r in region.reports.values()) + 1
    assert session.get(Report, missing) is None
    with pytest.raises(NotFound):
        get_report(session, caller, missing, channel="api")
    session.rollback()  # what the request's scope does after a 404: the row must be kept
    rows = session.scalars(
        select(AuditEvent).where(AuditEvent.record_ref == f"report:{missing}")
    ).all()
    assert [(e.action, e.actor, e.hits) for e in rows] == [("read_report", "user-au-afp@AU-AFP", 0)]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/reports/99999999999999999999",
        "/api/v1/reports/-99999999999999999999",
        "/api/v1/batches/99999999999999999999",
        "/api/v1/batches/99999999999999999999/rejections.csv",
        "/api/v1/reports?page=99999999999999999999",
        "/api/v1/clusters?page=99999999999999999999",
        "/api/v1/alerts?page=99999999999999999999",
    ],
)
def test_ids_and_pages_no_database_can_hold_are_refused_not_a_server_error(
    engine: Engine, session: Session, path: str
) -> None:
    region = build_policy_region(session)
    token = issue_token(session, username=region.users["SG-ASCOM"].username).secret
    session.commit()
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get(path, headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 422, answer.text
        read = client.post(
            "/api/v1/alerts/99999999999999999999/read",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert read.status_code == 422


def test_reading_a_batch_is_audited_and_another_agencys_looks_like_none(
    engine: Engine, session: Session
) -> None:
    region = build_policy_region(session)
    headers = {}
    for agency in ("MY-NSRC", "SG-ASCOM"):
        token = issue_token(session, username=region.users[agency].username).secret
        headers[agency] = {"Authorization": f"Bearer {token}"}
    session.commit()
    report = {
        "external_ref": "MY-batch-1",
        "reported_at": "2026-03-02T00:00:00Z",
        "scam_type": "investment",
        "channel": "phone_call",
        "mark": "red",
        "narrative": "n",
    }
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sent = client.post("/api/v1/reports", json=report, headers=headers["MY-NSRC"])
        batch = sent.json()["batch_id"]
        theirs = client.get(f"/api/v1/batches/{batch}", headers=headers["SG-ASCOM"])
        none = client.get(f"/api/v1/batches/{batch + 1}", headers=headers["SG-ASCOM"])
        assert (theirs.status_code, none.status_code) == (404, 404)
        assert theirs.json()["detail"] == f"no batch {batch} submitted by your agency"
        own = f"/api/v1/batches/{batch}/rejections.csv"
        assert client.get(own, headers=headers["MY-NSRC"]).status_code == 200
    session.expire_all()
    rows = session.scalars(select(AuditEvent).where(AuditEvent.action == "read_batch")).all()
    assert sorted((e.actor, e.record_ref, e.hits) for e in rows) == [
        ("user-my-nsrc@MY-NSRC", f"batch:{batch}", 1),
        ("user-sg-ascom@SG-ASCOM", f"batch:{batch}", 0),
        ("user-sg-ascom@SG-ASCOM", f"batch:{batch + 1}", 0),
    ]


def test_guessing_a_cluster_key_is_audited_like_a_report_id(
    engine: Engine, session: Session
) -> None:
    region = build_policy_region(session)
    token = issue_token(session, username=region.users["AU-AFP"].username).secret
    session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        assert client.get("/api/v1/clusters/cl-424242", headers=headers).status_code == 404
        assert client.get("/api/v1/clusters/CL-424243/graph", headers=headers).status_code == 404
        sign_in(client, region.users["AU-AFP"].username)
        assert client.get("/clusters/CL-424244").status_code == 404
        assert client.get("/clusters/CL-424245/graph.json").status_code == 404
    session.expire_all()
    rows = session.scalars(select(AuditEvent).where(AuditEvent.record_ref.like("cluster:%")))
    assert sorted((e.channel, e.action, e.record_ref, e.hits) for e in rows) == [
        ("api", "read_cluster", "cluster:CL-424242", 0),
        ("api", "read_cluster_graph", "cluster:CL-424243", 0),
        ("web", "read_cluster", "cluster:CL-424244", 0),
        ("web", "read_cluster_graph", "cluster:CL-424245", 0),
    ]


def test_a_session_cookie_copied_before_sign_out_signs_nobody_in_after(
    engine: Engine, session: Session
) -> None:
    region = build_policy_region(session)
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app) as browser:
        sign_in(browser, region.users["SG-ASCOM"].username)
        copied = dict(browser.cookies)
        with TestClient(app, cookies=copied) as thief:
            assert thief.get("/reports", follow_redirects=False).status_code == 200
            signed_out = browser.post(
                "/sign-out", data={"csrf_token": csrf_of(browser.get("/").text)}
            )
            assert signed_out.status_code == 200 and "Sign in" in signed_out.text
            page = thief.get("/reports", follow_redirects=False)
            assert page.status_code == 303
            assert page.headers["location"].startswith("/sign-in")
            assert thief.get("/api/v1/reports").status_code == 401
        # Signing in again starts a new session that works, and clears the ended one away.
        sign_in(browser, region.users["SG-ASCOM"].username)
        assert browser.get("/reports", follow_redirects=False).status_code == 200
    session.expire_all()
    user = session.scalars(select(User).where(User.username == region.users["SG-ASCOM"].username))
    kept = session.scalars(select(WebSession).where(WebSession.user_id == user.one().id)).all()
    assert [row.ended_at for row in kept] == [None]


def test_a_busy_sign_in_still_ends_when_its_lifetime_is_up(
    engine: Engine, session: Session
) -> None:
    # The cookie is signed again with every answer, so only the server can end a sign-in
    # that is used all day: 12 hours after it started, however busy.
    region = build_policy_region(session)
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app) as browser:
        sign_in(browser, region.users["SG-ASCOM"].username)
        assert browser.get("/reports", follow_redirects=False).status_code == 200
        user = session.scalars(
            select(User).where(User.username == region.users["SG-ASCOM"].username)
        ).one()
        row = session.scalars(select(WebSession).where(WebSession.user_id == user.id)).one()
        row.started_at = utcnow() - timedelta(seconds=Settings().session_max_age_seconds + 60)
        session.commit()
        page = browser.get("/reports", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"].startswith("/sign-in")
        assert browser.get("/api/v1/reports").status_code == 401
        sign_in(browser, region.users["SG-ASCOM"].username)
        assert browser.get("/reports", follow_redirects=False).status_code == 200


def test_a_refused_export_leaves_an_earlier_file_as_it_was(
    engine: Engine, session: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    region = build_policy_region(session)
    issued = issue_token(session, username=region.users["AU-AFP"].username)
    revoke_token(session, token_id=issued.id)
    session.commit()
    out = tmp_path / "clusters.csv"
    out.write_text("agency,external_ref,cluster\nMY-NSRC,MY-green,\n")
    url = engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", url)
    monkeypatch.setenv("COUNTERSCAM_TOKEN", issued.secret)
    get_settings.cache_clear()
    engine_for.cache_clear()
    try:
        result = CliRunner().invoke(cli_app, ["export", "clusters", "--out", str(out)])
    finally:
        engine_for(url).dispose()
        get_settings.cache_clear()
        engine_for.cache_clear()
    assert result.exit_code == 1
    assert f"COUNTERSCAM_TOKEN (token id {issued.id}) was revoked on" in result.output
    assert out.read_text() == "agency,external_ref,cluster\nMY-NSRC,MY-green,\n"
