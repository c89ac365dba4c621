"""Reads of reports, lists and clusters while an import writes: answered, and still audited.

On SQLite a read's audit row was committed with the read, in a transaction that needs the
store's one write lock: while an import wrote (minutes for a large one) every report page,
list and cluster waited 30 s and answered 503. Their rows are now queued as searches' are.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update
from typer.testing import CliRunner

from counterscam.access import audit
from counterscam.api.app import create_app
from counterscam.cli.main import app as cli_app
from counterscam.config import Settings, get_settings
from counterscam.db import engine as db_engine
from counterscam.db import writer
from counterscam.db.dialect import lock_intake
from counterscam.db.engine import is_sqlite, make_engine, session_factory
from counterscam.db.models import Agency, ApiToken, AuditEvent
from tests.audit.conftest import World

BUSY_MS = 300  # SQLite's busy timeout here: the real 30 s would make the tests slow
HELD_AT_MOST = 30.0  # a holder lets go by then, so a regression fails instead of hanging
AUDITED = ("actor", "channel", "action", "query", "hits", "record_ref")


class Import:
    """Holds the store as an import writing its batch does, until ``end``."""

    def __init__(self, engine: Engine) -> None:
        self._holding, self._done = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._hold, args=(engine,))
        self._thread.start()
        assert self._holding.wait(10)

    def _hold(self, engine: Engine) -> None:
        with session_factory(engine)() as session:
            session.execute(update(Agency).values(name=Agency.name))  # SQLite's write lock
            lock_intake(session)  # and the intake lock on PostgreSQL
            self._holding.set()
            self._done.wait(HELD_AT_MOST)
            session.rollback()

    def end(self) -> None:
        self._done.set()
        self._thread.join()


@pytest.fixture
def store(world: World, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """The region's database with a short busy timeout, reads audited in batches as on a
    server (the region is stored first: its own search is written through)."""
    monkeypatch.setattr(writer, "WAIT_SECONDS", 0.5)
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "60")
    get_settings.cache_clear()
    short = engine
    if is_sqlite(engine):
        monkeypatch.setattr(db_engine, "SQLITE_BUSY_MS", BUSY_MS)
        monkeypatch.setattr(writer, "SQLITE_BUSY_MS", BUSY_MS)
        short = make_engine(engine.url.render_as_string(hide_password=False))
    yield short
    audit.shutdown()  # the PostgreSQL engine outlives the test: drop its writer
    if short is not engine:
        short.dispose()


def _reads(world: World) -> list[str]:
    ids = world.ids
    return [
        "/api/v1/reports",
        f"/api/v1/reports/{ids['green']}",
        f"/api/v1/reports/{ids['amber']}",
        f"/api/v1/reports/{ids['missing']}",
        "/api/v1/clusters",
        f"/api/v1/clusters/{ids['cluster']}",
        f"/api/v1/clusters/{ids['cluster']}/graph",
        "/api/v1/clusters/CL-999999",
        "/reports",
        f"/reports/{ids['green']}",
        "/clusters",
        f"/clusters/{ids['cluster']}",
        "/",
        "/api/v1/alerts",
        "/reports.csv",
    ]


def _read_all(client: TestClient, world: World, agency: str) -> list[int]:
    headers = {"Authorization": f"Bearer {world.tokens[agency]}"}
    return [client.get(path, headers=headers).status_code for path in _reads(world)]


def _audited(world: World, after: int) -> list[tuple[Any, ...]]:
    return [tuple(getattr(r, c) for c in AUDITED) for r in world.new_rows(after)]


EXPECTED = [200, 200, 200, 404, 200, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200]


def test_reads_during_an_import_answer_and_are_audited_after_it(
    store: Engine, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(settings=Settings(demo=True), engine=store)
    with TestClient(app) as client:
        # The same reads with no import, written through: the rows every read must leave.
        monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "0")
        get_settings.cache_clear()
        before = world.last_row()
        assert _read_all(client, world, "MY-NSRC") == EXPECTED
        through = _audited(world, before)
        assert len(through) == len(EXPECTED) + 1  # the dashboard reads the alerts as well
        monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "60")
        get_settings.cache_clear()

        before = world.last_row()
        held = Import(store)
        try:
            # Each of these waited for the import's write lock on SQLite, then answered 503.
            assert _read_all(client, world, "MY-NSRC") == EXPECTED
            assert _audited(world, before) == []  # queued, not yet written
        finally:
            held.end()
        audit.flush()
        # Every read left its row, in the order read, as the rows written through.
        assert _audited(world, before) == through


def test_reads_queued_when_the_server_stops_during_an_import_are_written(
    store: Engine, world: World
) -> None:
    before = world.last_row()
    app = create_app(settings=Settings(demo=True), engine=store)
    held = Import(store)
    try:
        with TestClient(app) as client:
            assert _read_all(client, world, "AU-AFP")[:3] == [200, 200, 403]
            # The import ends while the server stops: the stop waits for it, then writes.
            threading.Timer(3 * BUSY_MS / 1000, held.end).start()
    finally:
        held.end()
    rows = _audited(world, before)
    assert len(rows) == len(_reads(world))  # a partner's dashboard shows no alerts
    assert rows[2][2:] == ("read_report", "outcome=refused", 0, f"report:{world.ids['amber']}")


_EXIT_SCRIPT = """
import sys
from counterscam.access import audit
from counterscam.access.caller import PUBLIC
from counterscam.db.engine import make_engine, session_factory

session = session_factory(make_engine(sys.argv[1]))()
for i in range(int(sys.argv[2])):
    audit.record_read(session, PUBLIC, channel="web", action="read_report", record_ref=f"r{i}")
session.close()
"""


def test_no_queued_read_is_lost_at_interpreter_exit(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    env = {**os.environ, "COUNTERSCAM_AUDIT_FLUSH_SECONDS": "60"}
    subprocess.run(
        [sys.executable, "-c", _EXIT_SCRIPT, url, "23"], env=env, check=True, timeout=120
    )
    with engine.connect() as conn:
        refs = set(conn.scalars(select(AuditEvent.record_ref)))
    assert refs == {f"r{i}" for i in range(23)}


def test_reads_are_refused_only_when_the_audit_log_cannot_take_them(
    store: Engine, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = {"Authorization": f"Bearer {world.tokens['MY-NSRC']}"}
    app = create_app(settings=Settings(demo=True), engine=store)
    with TestClient(app) as client:
        monkeypatch.setattr(audit, "MAX_QUEUED", 0)  # as if 100,000 refused rows waited
        answer = client.get("/api/v1/reports", headers=headers)
        shown = client.get(f"/api/v1/reports/{world.ids['green']}", headers=headers)
    for refused in (answer, shown):
        assert refused.status_code == 503, refused.text
        assert refused.headers["Retry-After"] == str(audit.RETRY_AFTER_SECONDS)
        assert refused.json()["detail"].startswith("Searches are paused: the audit log")
        assert "narrative" not in refused.text  # nothing went out unaudited


def test_a_written_through_check_during_an_import_says_busy_not_paused(
    store: Engine, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "0")
    get_settings.cache_clear()
    headers = {"Authorization": f"Bearer {world.tokens['MY-NSRC']}"}
    params = {"value": "+60123456789"}
    with TestClient(create_app(settings=Settings(demo=True), engine=store)) as client:
        held = Import(store)
        try:
            answer = client.get("/api/v1/check", params=params, headers=headers)
        finally:
            held.end()
        after = client.get("/api/v1/check", params=params, headers=headers)
    assert after.status_code == 200, after.text
    if not is_sqlite(store):
        assert answer.status_code == 200, answer.text  # PostgreSQL writes it beside the import
        return
    # Was "Searches are paused: the audit log cannot be written", which sent the administrator
    # to look at a sound database.
    assert answer.status_code == 503, answer.text
    assert answer.headers["Retry-After"] == "60"
    assert answer.json()["detail"].startswith("The database is busy with another change")


def _audit_log(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == audit.__name__]


def test_a_busy_store_is_one_log_line_and_its_end_another(
    store: Engine,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "0.05")
    get_settings.cache_clear()
    monkeypatch.setattr(audit, "_RETRY_SECONDS", 0.05)
    caplog.set_level(logging.INFO, logger=audit.__name__)
    before = world.last_row()
    held = Import(store)
    try:
        with session_factory(store)() as session:
            caller = world.policy.caller("MY-NSRC")
            audit.record_search(session, caller, channel="api", action="check", query="x")
        time.sleep(10 * BUSY_MS / 1000)  # several failed attempts
    finally:
        held.end()
    deadline = time.monotonic() + 10
    while not _audited(world, before) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # the recovery line follows the write
    lines = _audit_log(caplog)
    if not is_sqlite(store):
        # PostgreSQL writes audit rows beside an import: nothing to say in the log.
        assert [r.getMessage() for r in lines] == []
        assert len(_audited(world, before)) == 1
        return
    # Was a traceback a second for as long as the import took.
    assert [r.levelname for r in lines] == ["WARNING", "WARNING"], [r.message for r in lines]
    assert all(r.exc_info is None for r in lines)
    assert "busy with another writer" in lines[0].getMessage()
    assert "written again" in lines[1].getMessage()
    assert len(_audited(world, before)) == 1


def test_a_commands_check_during_an_import_says_busy_not_paused(
    store: Engine, world: World, runner: CliRunner
) -> None:
    args = ["check", "phone", "+60123456789", "--agency", "MY-NSRC"]
    held = Import(store)
    try:
        result = runner.invoke(cli_app, args)
    finally:
        held.end()
    if not is_sqlite(store):
        # PostgreSQL writes the audit row beside the import: the check is answered.
        assert result.exit_code == 0, result.output
        return
    # Was "searches are paused: the audit log cannot be written (... database is locked)".
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # said, not a traceback
    assert result.output.startswith("error: the database is busy with another change")
    assert "Traceback" not in result.output and "HIT" not in result.output
    assert runner.invoke(cli_app, args).exit_code == 0


def _owner_reads(world: World) -> list[str]:
    batch = world.ids["batch"]
    return [
        "/stop-list",
        "/stop-list.csv",
        f"/upload/batches/{batch}",
        f"/upload/batches/{batch}/rejections.csv",
        f"/api/v1/batches/{batch}",
        f"/api/v1/batches/{batch}/rejections.csv",
        f"/api/v1/batches/{world.ids['missing']}",
    ]


def _read_as_owner(client: TestClient, world: World) -> list[int]:
    # SG-ASCOM submitted the region's batch: its reads of it are answered, not refused.
    headers = {"Authorization": f"Bearer {world.tokens['SG-ASCOM']}"}
    return [client.get(path, headers=headers).status_code for path in _owner_reads(world)]


def test_stop_list_and_batch_reads_during_an_import_answer_and_are_audited_after_it(
    store: Engine, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = [200, 200, 200, 200, 200, 200, 404]
    app = create_app(settings=Settings(demo=True), engine=store)
    with TestClient(app) as client:
        monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "0")
        get_settings.cache_clear()
        before = world.last_row()
        assert _read_as_owner(client, world) == expected
        through = _audited(world, before)
        assert [row[2] for row in through] == ["list_stop_entries"] * 2 + ["read_batch"] * 5
        monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "60")
        get_settings.cache_clear()

        before = world.last_row()
        held = Import(store)
        try:
            # These wrote their audit row in the read's own transaction: on SQLite each waited
            # for the import's write lock, then answered 503.
            assert _read_as_owner(client, world) == expected
            assert _audited(world, before) == []  # queued, not yet written
        finally:
            held.end()
        audit.flush()
        assert _audited(world, before) == through


def _run_in_thread(runner: CliRunner, args: list[str]) -> tuple[threading.Thread, list[Any]]:
    results: list[Any] = []
    thread = threading.Thread(target=lambda: results.append(runner.invoke(cli_app, args)))
    thread.start()
    return thread, results


@pytest.mark.parametrize(
    ("words", "action", "by_token"),
    [
        (["link", "stop", "list"], "list_stop_entries", False),
        (["export", "clusters"], "export_clusters", False),
        (["export", "clusters"], "export_clusters", True),
    ],
)
def test_a_commands_read_during_an_import_answers_and_is_audited_after_it(
    store: Engine,
    world: World,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
    words: list[str],
    action: str,
    by_token: bool,
) -> None:
    out = tmp_path / "clusters.csv"
    args = [*words]
    if by_token:
        monkeypatch.setenv("COUNTERSCAM_TOKEN", world.tokens["MY-NSRC"])
    else:
        args += ["--agency", "MY-NSRC"]
    if words[0] == "export":
        args += ["--out", str(out)]
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "0")
    get_settings.cache_clear()
    before = world.last_row()
    answered = runner.invoke(cli_app, args)
    assert answered.exit_code == 0, answered.output
    through = _audited(world, before)
    assert [row[2] for row in through] == [action]
    written = out.read_text() if words[0] == "export" else ""
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "60")
    get_settings.cache_clear()
    # The token's use is due to be stamped again, as it is a minute after the last.
    world.session.execute(update(ApiToken).values(last_used_at=None))
    world.session.commit()

    before = world.last_row()
    held = Import(store)
    try:
        thread, results = _run_in_thread(runner, args)
        # Answered at once: the command waits only to write its audit row, which it cannot
        # while the import holds the store (SQLite).
        thread.join(timeout=10 * BUSY_MS / 1000)
        if is_sqlite(store):
            assert thread.is_alive(), results[0].output  # it ended, and said why
            assert _audited(world, before) == []
            if written:
                assert out.read_text() == written  # the export is whole before the import ends
    finally:
        held.end()
    thread.join(HELD_AT_MOST)
    assert not thread.is_alive()
    (result,) = results
    # Was, on SQLite: a traceback (database is locked) 30 s later, and no audit row at all.
    assert result.exit_code == 0, result.output
    assert result.stdout == answered.stdout  # the same table, or "wrote N reports"
    if written:
        assert out.read_text() == written
    assert _audited(world, before) == through
    if is_sqlite(store):
        assert "waiting for the database, busy with another change" in result.stderr
    else:
        assert "waiting for the database" not in result.stderr


def test_a_commands_read_written_through_during_an_import_says_busy(
    store: Engine, world: World, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With COUNTERSCAM_AUDIT_FLUSH_SECONDS=0 the row is written through, in the command's own
    # transaction, so on SQLite it waits for the import like a write.
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "0")
    get_settings.cache_clear()
    args = ["link", "stop", "list", "--agency", "MY-NSRC"]
    before = world.last_row()
    held = Import(store)
    try:
        result = runner.invoke(cli_app, args)
    finally:
        held.end()
    if not is_sqlite(store):
        # PostgreSQL writes the audit row beside the import: the read is answered.
        assert result.exit_code == 0, result.output
        assert [row[2] for row in _audited(world, before)] == ["list_stop_entries"]
        return
    # Was a traceback of "(sqlite3.OperationalError) database is locked".
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.output.startswith("error: the database is busy with another change")
    assert "Traceback" not in result.output
    assert _audited(world, before) == []  # nothing was answered: the table is printed after


def test_a_command_stopped_while_its_read_waits_keeps_the_row_for_its_exit(
    store: Engine, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = world.last_row()
    with session_factory(store)() as session:
        audit.record_read(session, world.policy.caller("MY-NSRC"), channel="cli", action="x")

    def interrupted(conn: Any, rows: Any) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(audit, "_write", interrupted)
        # Ctrl-C while the command waited for the import: the row was taken off the queue.
        with pytest.raises(KeyboardInterrupt):
            audit.flush_waiting(lambda queued: None)
    audit.shutdown()  # what the command's exit does
    assert [row[2] for row in _audited(world, before)] == ["x"]
