"""A search the audit log cannot record is refused, and every channel says so plainly.

The database refuses the audit rows here as it would when its disk is full or it has become
read-only: a trigger aborts every insert into ``audit_event``. Searches then gave a generic
500 ("a problem with the service") on the API and the pages, and a traceback on the command
line; a command even printed its answer and exited 0, the row lost at exit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access import audit
from counterscam.access.accounts import issue_token
from counterscam.api.app import create_app
from counterscam.check.service import check
from counterscam.cli.main import app as cli_app
from counterscam.config import Settings, get_settings
from counterscam.db.engine import session_factory
from counterscam.db.models import AuditEvent
from tests.factories import PolicyRegion, build_policy_region
from tests.web.conftest import csrf_of, sign_in

PHONE = {"kind": "phone", "value": "012-345 6789", "country": "MY"}
AGENCY = "MY-NSRC"


@pytest.fixture
def region(engine: Engine) -> Iterator[tuple[PolicyRegion, Session]]:
    session = session_factory(engine)()
    yield build_policy_region(session), session
    session.close()


def _refuse_audit_rows(engine: Engine) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(
                text(
                    "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event "
                    "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
                )
            )
        else:
            conn.execute(
                text(
                    "CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ "
                    "BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql"
                )
            )
            conn.execute(
                text(
                    "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event "
                    "FOR EACH ROW EXECUTE FUNCTION refuse_audit()"
                )
            )


def _accept_audit_rows(engine: Engine) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER IF EXISTS refuse_audit"))
        else:
            conn.execute(text("DROP TRIGGER IF EXISTS refuse_audit ON audit_event"))
            conn.execute(text("DROP FUNCTION IF EXISTS refuse_audit()"))


@pytest.fixture
def refusing(engine: Engine) -> Iterator[None]:
    """The database refuses every audit row (written through, as the tests write them)."""
    _refuse_audit_rows(engine)
    yield
    _accept_audit_rows(engine)


@pytest.fixture(params=["written through", "queue full"])
def unauditable(
    request: pytest.FixtureRequest, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Searches cannot be audited: each row refused at once, or the queue of refused rows full."""
    queued = request.param == "queue full"
    if queued:
        monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "60")
        get_settings.cache_clear()
        monkeypatch.setattr(audit, "MAX_QUEUED", 0)  # as if 100,000 refused rows waited
    _refuse_audit_rows(engine)
    yield
    _accept_audit_rows(engine)
    if queued:
        audit.shutdown()  # the PostgreSQL engine outlives the test: drop its writer


def _checks(engine: Engine) -> int:
    with engine.connect() as conn:
        found = conn.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "check")
        )
    return int(found or 0)


def _says_searches_are_paused(detail: str) -> None:
    assert detail.startswith("Searches are paused: the audit log cannot be written"), detail
    assert "administrator should look at the database" in detail


@pytest.mark.usefixtures("unauditable")
def test_the_api_answers_503_saying_searches_are_paused(
    engine: Engine, region: tuple[PolicyRegion, Session]
) -> None:
    policy, session = region
    token = issue_token(session, username=policy.users[AGENCY].username).secret
    session.commit()
    signed = {"Authorization": f"Bearer {token}"}
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app, raise_server_exceptions=False) as client:
        answers = [
            client.get("/api/v1/check", params=PHONE),
            client.get("/api/v1/check", params=PHONE, headers=signed),
            client.post(
                "/api/v1/check/bulk",
                json={"items": [{"value": PHONE["value"]}], "country": "MY"},
                headers=signed,
            ),
        ]
    for answer in answers:
        assert answer.status_code == 503, answer.text
        assert answer.headers["Retry-After"] == str(audit.RETRY_AFTER_SECONDS)
        _says_searches_are_paused(answer.json()["detail"])
        assert "hit" not in answer.json()  # no answer went out unaudited


@pytest.mark.usefixtures("unauditable")
def test_the_check_pages_say_searches_are_paused_in_the_sites_layout(
    engine: Engine, region: tuple[PolicyRegion, Session]
) -> None:
    policy, _ = region
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app, raise_server_exceptions=False) as client:
        token = csrf_of(client.get("/public/check").text)
        public = client.post("/public/check", data={**PHONE, "csrf_token": token})
        sign_in(client, policy.users[AGENCY].username)
        linked = client.get("/check", params=PHONE)
        token = csrf_of(client.get("/check").text)
        asked = client.post("/check", data={**PHONE, "csrf_token": token})
        listed = client.post(
            "/check/bulk", data={"values": PHONE["value"], "country": "MY", "csrf_token": token}
        )
    for page in (public, linked, asked, listed):
        assert page.status_code == 503, page.text[:300]
        assert page.headers["Retry-After"] == str(audit.RETRY_AFTER_SECONDS)
        assert page.headers["content-type"].startswith("text/html")
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page.text, re.S)
        assert heading is not None and heading.group(1).strip() == "Searches are paused"
        assert "The audit log cannot be written" in page.text
        assert "tell your system administrator" in page.text
        assert 'href="/static/' in page.text  # the site's own layout, its stylesheet
        assert "HIT" not in page.text


@pytest.mark.usefixtures("refusing")
@pytest.mark.parametrize("flush_seconds", ["0", "60"])
def test_a_command_says_searches_are_paused_and_exits_1_without_answering(
    engine: Engine,
    region: tuple[PolicyRegion, Session],
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    flush_seconds: str,
) -> None:
    """Buffered, ``check`` printed its answer, exited 0 and lost the row (a traceback at exit)."""
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", flush_seconds)
    get_settings.cache_clear()
    listed = tmp_path / "list.csv"
    listed.write_text(f"value\n{PHONE['value']}\n", encoding="utf-8")
    out = tmp_path / "answers.csv"
    runs = [
        ["check", "phone", PHONE["value"], "--country", "MY", "--agency", AGENCY],
        ["check-bulk", str(listed), "--country", "MY", "--out", str(out), "--agency", AGENCY],
    ]
    for args in runs:
        result = runner.invoke(cli_app, args)
        assert result.exit_code == 1, result.output
        assert isinstance(result.exception, SystemExit)  # said, not a traceback
        assert result.output.startswith("error: searches are paused: the audit log cannot be ")
        assert "disk full" in result.output  # the database's own reason, for the operator
        assert "Look at the database" in result.output
        assert "HIT" not in result.output
        assert "Traceback" not in result.output
    assert not out.exists()
    audit.shutdown()  # nothing was queued to be lost at exit
    _accept_audit_rows(engine)
    assert _checks(engine) == 0


def test_a_commands_check_is_written_before_it_answers(
    engine: Engine,
    region: tuple[PolicyRegion, Session],
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A command's process ends after its answer: its row is written first, not queued."""
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "60")
    get_settings.cache_clear()
    args = ["check", "phone", PHONE["value"], "--country", "MY", "--agency", AGENCY]
    result = runner.invoke(cli_app, args)
    assert result.exit_code == 0, result.output
    assert _checks(engine) == 1  # no flush, no exit: written before the answer was printed


@pytest.mark.usefixtures("refusing")
def test_the_service_raises_audit_unavailable_and_the_search_stays_unanswered(
    region: tuple[PolicyRegion, Session],
) -> None:
    policy, session = region
    with pytest.raises(audit.AuditUnavailable, match="refused the search's audit rows: disk"):
        check(
            session,
            policy.caller(AGENCY),
            kind="phone",
            value=PHONE["value"],
            country="MY",
            channel="api",
        )
    session.rollback()


def test_the_api_description_lists_the_503_of_the_checks() -> None:
    """A client generated from the description has a type for the paused searches' answer."""
    app = create_app(settings=Settings(demo=True), engine=create_engine("sqlite://"))
    paths = app.openapi()["paths"]
    for path, method in (("/api/v1/check", "get"), ("/api/v1/check/bulk", "post")):
        said = paths[path][method]["responses"]["503"]["description"]
        assert said.startswith("Searches are paused"), said
