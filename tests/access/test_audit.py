"""Search audit rows: buffered writes lose nothing, by size, by age, or at exit."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counterscam.access import audit
from counterscam.access.caller import PUBLIC
from counterscam.check.service import check
from counterscam.config import get_settings
from counterscam.db.models import AuditEvent


def _count(engine: Engine, action: str = "check") -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
            ).scalar_one()
        )


@pytest.fixture
def buffered(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Buffer search audit rows for up to a minute unless a test says otherwise."""
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "60")
    get_settings.cache_clear()
    yield
    audit.shutdown()  # the PostgreSQL engine outlives the test: drop its writer
    get_settings.cache_clear()


def _search(session: Session, i: int) -> bool:
    return audit.record_search(session, PUBLIC, channel="api", action="check", query=f"q{i}")


def test_write_through_puts_the_row_in_the_callers_transaction(session: Session) -> None:
    assert _search(session, 1) is True
    session.commit()
    assert _count(session.get_bind().engine) == 1


def test_buffered_writes_every_event_after_flush(
    engine: Engine, session: Session, buffered: None
) -> None:
    n = audit.BATCH + 44
    for i in range(n):
        assert _search(session, i) is False
    audit.flush()
    assert _count(engine) == n
    queries = {q for (q,) in session.execute(select(AuditEvent.query))}
    assert queries == {f"q{i}" for i in range(n)}


def test_a_search_holding_a_lone_surrogate_is_written_and_blocks_no_other(
    engine: Engine, session: Session, buffered: None
) -> None:
    # A JSON API body can send "\ud800", which no driver can encode: that row failed its
    # batch, was queued again, and in time every search on the server was refused.
    audit.record_search(session, PUBLIC, channel="api", action="check", query="country=\ud800")
    _search(session, 1)
    audit.flush()
    queries = {q for (q,) in session.execute(select(AuditEvent.query))}
    assert queries == {"country=\\ud800", "q1"}


def test_a_full_batch_is_written_without_flush(
    engine: Engine, session: Session, buffered: None
) -> None:
    for i in range(audit.BATCH):
        _search(session, i)
    deadline = time.monotonic() + 10
    while _count(engine) < audit.BATCH and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _count(engine) == audit.BATCH


def test_a_quiet_server_writes_within_the_flush_time(
    engine: Engine, session: Session, buffered: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "0.2")
    get_settings.cache_clear()
    for i in range(3):
        _search(session, i)
    assert _count(engine) == 0
    deadline = time.monotonic() + 10
    while _count(engine) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _count(engine) == 3


def test_a_buffered_check_is_audited_without_a_commit(
    engine: Engine, session: Session, buffered: None
) -> None:
    result = check(
        session, PUBLIC, kind="phone", value="+60 12-345 6789", country=None, channel="api"
    )
    assert result.value == "+60123456789" and not result.hit
    audit.flush()
    with engine.connect() as conn:
        row = conn.execute(select(AuditEvent.actor, AuditEvent.channel, AuditEvent.query)).one()
    assert tuple(row) == ("public", "api", "phone:+60123456789 country=")


_EXIT_SCRIPT = """
import sys
from counterscam.access import audit
from counterscam.access.caller import PUBLIC
from counterscam.db.engine import make_engine, session_factory

session = session_factory(make_engine(sys.argv[1]))()
for i in range(int(sys.argv[2])):
    audit.record_search(session, PUBLIC, channel="cli", action="check", query=f"q{i}")
session.close()
"""


def test_nothing_is_lost_at_interpreter_exit(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    env = {**os.environ, "COUNTERSCAM_AUDIT_FLUSH_SECONDS": "60"}
    subprocess.run(
        [sys.executable, "-c", _EXIT_SCRIPT, url, "37"], env=env, check=True, timeout=120
    )
    assert _count(engine) == 37


def test_app_shutdown_writes_the_queued_rows(
    engine: Engine, session: Session, buffered: None
) -> None:
    from fastapi.testclient import TestClient

    from counterscam.api.app import create_app
    from counterscam.config import Settings

    with TestClient(create_app(settings=Settings(demo=True), engine=engine)):
        _search(session, 1)
        assert _count(engine) == 0
    assert _count(engine) == 1
