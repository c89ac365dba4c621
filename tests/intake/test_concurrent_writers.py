"""Several people at once: a write while an import holds the store, reads meanwhile, and
the same batch sent by several clients at the same moment (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from counterscam.access import reads
from counterscam.access.accounts import create_user, issue_token
from counterscam.access.caller import Caller
from counterscam.api.app import create_app
from counterscam.config import Settings, get_settings
from counterscam.db import engine as db_engine
from counterscam.db import writer
from counterscam.db.dialect import lock_intake
from counterscam.db.engine import is_sqlite, make_engine, session_factory
from counterscam.db.models import Agency, Identifier, ImportBatch, Report, Sighting
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import BatchResult, submit
from counterscam.intake.tables import Limits
from tests.factories import PASSWORD

BUSY_MS = 300  # SQLite's busy timeout in these tests: the real 30 s would make them slow
HELD_AT_MOST = 15.0  # a holder lets go by then, so a regression fails instead of hanging


def _batch(agency: str, count: int, narrative: str = "first") -> dict[str, Any]:
    return {
        "reports": [
            {
                "external_ref": f"{agency}-{n}",
                "reported_at": "2026-03-01",
                "scam_type": "investment",
                "channel": "phone_call",
                "mark": "green",
                "narrative": narrative,
                "identifiers": [
                    {"kind": "phone", "value": f"+668123{n:05d}", "role": "caller"},
                    {"kind": "url", "value": f"https://pay-{n}.example.net/x", "role": "website"},
                ],
            }
            for n in range(count)
        ]
    }


@pytest.fixture
def store(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """The test database, with SQLite's busy timeout and a request's wait cut short."""
    monkeypatch.setattr(writer, "WAIT_SECONDS", 0.5)
    if not is_sqlite(engine):
        yield engine
        return
    # A new engine: the busy timeout is set on each connection as it opens.
    monkeypatch.setattr(db_engine, "SQLITE_BUSY_MS", BUSY_MS)
    monkeypatch.setattr(writer, "SQLITE_BUSY_MS", BUSY_MS)
    short = make_engine(engine.url.render_as_string(hide_password=False))
    yield short
    short.dispose()


@contextmanager
def import_writing(engine: Engine) -> Iterator[None]:
    """Hold the store as an import writing its batch does, until the block ends."""
    holding, done = threading.Event(), threading.Event()

    def hold() -> None:
        with session_factory(engine)() as session:
            # As an import does: its first write takes SQLite's one write lock, and the
            # intake lock on PostgreSQL.
            session.execute(update(Agency).values(name=Agency.name))
            lock_intake(session)
            holding.set()
            done.wait(HELD_AT_MOST)
            session.rollback()

    thread = threading.Thread(target=hold)
    thread.start()
    assert holding.wait(10)
    try:
        yield
    finally:
        done.set()
        thread.join()


def _token(session: Session, agency: str) -> dict[str, str]:
    name = f"u-{agency.lower()}"
    create_user(session, username=name, password=PASSWORD, agency_code=agency)
    token = issue_token(session, username=name)
    session.commit()
    return {"Authorization": f"Bearer {token.secret}"}


def _count(session: Session, model: type[Any]) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_batch_sent_while_an_import_writes_is_told_to_try_again(
    store: Engine, session: Session, agencies: dict[str, Caller]
) -> None:
    headers = _token(session, "MY-NSRC")
    with TestClient(create_app(settings=Settings(demo=True), engine=store)) as client:
        with import_writing(store):
            answer = client.post("/api/v1/reports/batch", json=_batch("MY", 3), headers=headers)
        # Was a 500 ("database is locked") on SQLite, and on PostgreSQL a request that waited
        # for as long as the import took.
        assert answer.status_code == 503, answer.text
        assert answer.headers["Retry-After"] == "60"
        assert "nothing was stored; try again in a minute" in answer.json()["detail"]
        assert (_count(session, Report), _count(session, ImportBatch)) == (0, 0)
        again = client.post("/api/v1/reports/batch", json=_batch("MY", 3), headers=headers)
        assert again.status_code == 201, again.text
        assert again.json()["created"] == 3


def test_a_command_line_import_waits_for_the_import_before_it(
    store: Engine, session: Session, agencies: dict[str, Caller]
) -> None:
    results: list[BatchResult] = []
    started = threading.Event()

    def second_import() -> None:
        with session_factory(store)() as own:
            raw = reports_of(_batch("MY", 4), file="reports.json", limits=Limits())
            started.set()
            results.append(
                submit(own, agencies["MY-NSRC"], reports=raw, source="cli", streaming=True)
            )

    with import_writing(store):
        thread = threading.Thread(target=second_import)
        thread.start()
        assert started.wait(10)
        # Longer than SQLite's busy timeout: the second import failed with "database is
        # locked" (a traceback) where it should queue, as it does on PostgreSQL.
        time.sleep(3 * BUSY_MS / 1000)
    thread.join(HELD_AT_MOST)
    assert [(r.status, r.created) for r in results] == [("committed", 4)]


def test_a_check_during_an_import_waits_for_no_import(
    store: Engine,
    session: Session,
    agencies: dict[str, Caller],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Searches are audited in batches on a server (the tests' default writes them through).
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "60")
    get_settings.cache_clear()
    headers = _token(session, "SG-ASCOM")  # never used: its first use is stamped
    with TestClient(create_app(settings=Settings(demo=True), engine=store)) as client:
        with import_writing(store):
            started = time.monotonic()
            answer = client.get("/api/v1/check", params={"value": "+66812300001"}, headers=headers)
            took = time.monotonic() - started
        # The stamp of the token's use waited for the import's lock, on the server's event
        # loop: every request stalled, then this one failed (a 500).
        assert answer.status_code == 200, answer.text
        assert answer.json()["hit"] is False
        assert took < BUSY_MS / 1000


def test_reads_go_on_during_an_import_and_a_write_that_must_wait_too_long_says_busy(
    store: Engine,
    session: Session,
    agencies: dict[str, Caller],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A server's reads are audited in batches, as its searches are (the tests' default writes
    # them through).
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "60")
    get_settings.cache_clear()
    headers = _token(session, "MY-NSRC")
    with TestClient(create_app(settings=Settings(demo=True), engine=store)) as client:
        assert client.get("/api/v1/reports", headers=headers).status_code == 200
        with import_writing(store):
            # On SQLite a list's audit row was committed with the read and waited for the
            # import's write lock, then answered 503; PostgreSQL wrote it beside the import.
            answer = client.get("/api/v1/reports", headers=headers)
            page = client.get("/reports", headers=headers)
            sent = client.post(
                "/api/v1/reports", json=_batch("MY", 1)["reports"][0], headers=headers
            )
        assert (answer.status_code, page.status_code) == (200, 200), answer.text
        # A write must still wait for the import, and says so when it waits too long.
        assert sent.status_code == 503, sent.text
        assert sent.headers["Retry-After"] == "60"
        assert "try again in a minute" in sent.json()["detail"]
    assert _count(session, Report) == 0


def test_the_same_batch_from_four_clients_at_once_is_stored_once(
    engine: Engine, session: Session, agencies: dict[str, Caller]
) -> None:
    headers = _token(session, "MY-NSRC")
    other = _token(session, "SG-ASCOM")
    answers: list[Any] = [None] * 5
    start = threading.Barrier(5)
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:

        def send(i: int) -> None:
            who, body = (other, _batch("MY", 20)) if i == 4 else (headers, _batch("MY", 20))
            start.wait()
            answers[i] = client.post("/api/v1/reports/batch", json=body, headers=who)

        threads = [threading.Thread(target=send, args=(i,)) for i in range(5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert [a.status_code for a in answers] == [201] * 5
    mine = [a.json() for a in answers[:4]]
    assert sorted(b["created"] for b in mine) == [0, 0, 0, 20]
    assert sorted(b["updated"] for b in mine) == [0, 20, 20, 20]
    assert len({tuple(b["report_ids"]) for b in mine}) == 1
    # The other agency's reports of the same references are its own: 20 more, same values.
    assert answers[4].json()["created"] == 20
    assert _count(session, Report) == 40
    assert _count(session, Sighting) == 40 * 3  # a phone, a link and its domain each
    assert _count(session, Identifier) == 20 + 20 + 1  # phones, links, their one domain


def _version(number: int) -> dict[str, Any]:
    return {
        "external_ref": "MY-RESUBMITTED",
        "reported_at": "2026-03-01",
        "scam_type": "investment",
        "channel": "phone_call",
        "mark": "green",
        "narrative": f"version {number}",
        "identifiers": [
            {"kind": "phone", "value": f"+66812{number}0000{n}", "role": "caller"} for n in range(3)
        ],
    }


def test_a_report_resubmitted_while_it_is_read_is_shown_as_one_version(
    engine: Engine,
    session: Session,
    agencies: dict[str, Caller],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    headers = _token(session, "MY-NSRC")
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        stored = client.post("/api/v1/reports", json=_version(1), headers=headers)
        report_id = stored.json()["report_ids"][0]
        report_rows = reads._report_rows
        resubmitted: list[bool] = []

        def resubmitted_meanwhile(*args: Any, **kwargs: Any) -> Any:
            # Between the read of the report's row and the reads of its identifiers.
            if not resubmitted:
                resubmitted.append(True)
                with session_factory(engine)() as other:
                    raw = reports_of([_version(2)], file="request", limits=Limits())
                    submit(other, agencies["MY-NSRC"], reports=raw, source="api")
            return report_rows(*args, **kwargs)

        monkeypatch.setattr(reads, "_report_rows", resubmitted_meanwhile)
        shown = client.get(f"/api/v1/reports/{report_id}", headers=headers)
    assert shown.status_code == 200, shown.text
    body = shown.json()
    # Was version 1's narrative with version 2's identifiers.
    assert body["narrative"] == "version 2"
    assert sorted(i["value"] for i in body["identifiers"]) == [
        f"+66812{2}0000{n}" for n in range(3)
    ]
