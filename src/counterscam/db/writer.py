"""One writer at a time: waiting for the store's writer, and saying "busy" when it takes too long.

SQLite lets one transaction write at a time, and a statement that needs the write lock waits
for it at most ``SQLITE_BUSY_MS`` (db.engine) before it fails with "database is locked".
An import holds the lock for as long as its batch takes (minutes for a large one), so:

- an import claims the lock when its transaction starts (``claim_writer``): a command-line
  import queued behind another waits as long as that one takes (as on PostgreSQL, where the
  intake lock has no time limit), and a request waits ``WAIT_SECONDS`` and is then refused
  with ``StoreBusy`` (the API answers 503 with Retry-After; nothing was stored);
- a write a request may skip (the minute stamp of a token's last use) never waits
  (``commit_unless_busy``): it ran in an async dependency, on the server's one event loop, so
  its wait froze every request of the server, reads included, until the import committed;
- any other write that still finds the store busy raises an error ``is_busy`` recognises,
  answered as the same 503, not as a 500.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from counterscam.db.dialect import INTAKE_LOCK
from counterscam.db.engine import SQLITE_BUSY_MS

# How long a request waits for the store's writer before it is told to try again: less than
# the minute a proxy or client usually waits for an answer.
WAIT_SECONDS = 30.0
BUSY_RETRY_SECONDS = 60
BUSY = (
    "The database is busy with another change (an import, most likely), and nothing was "
    "stored; try again in a minute"
)
# PostgreSQL's codes for "another transaction held what this one needed": serialization
# failure, deadlock detected, lock not available (lock_timeout).
_PG_BUSY = frozenset({"40001", "40P01", "55P03"})


class StoreBusy(RuntimeError):
    """Another writer held the store for longer than the caller may wait; nothing was stored."""

    def __init__(self, message: str = BUSY) -> None:
        super().__init__(message)


def is_busy(exc: BaseException) -> bool:
    """Tell whether a database error means another transaction held what this one needed.

    SQLite's "database is locked" (or "database table is locked"), and PostgreSQL's lock
    timeout, deadlock and serialization failure: trying again later can succeed.
    """
    if isinstance(exc, StoreBusy):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _PG_BUSY:
        return True
    return isinstance(orig, sqlite3.OperationalError) and "locked" in str(orig)


def _sqlite_driver(connection: Connection) -> sqlite3.Connection:
    raw: Any = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def claim_writer(session: Session, *, patient: bool = False) -> None:
    """Make the session's transaction the store's intake writer, waiting for the one writing.

    ``patient``: wait as long as the writer before takes (a command-line import); otherwise
    at most ``WAIT_SECONDS``, then raise StoreBusy with the session rolled back. A
    transaction that holds the claim already gets it again at once.
    """
    wait = None if patient else WAIT_SECONDS
    _begin_write(session, wait)
    if session.get_bind().dialect.name == "postgresql":
        _claim_postgres(session, wait)


def begin_write(session: Session, *, patient: bool = False) -> None:
    """Wait until the session's transaction may write at all, as ``claim_writer`` waits.

    On SQLite that is the store's one write lock; PostgreSQL locks rows as they are written,
    so there it returns at once.
    """
    _begin_write(session, None if patient else WAIT_SECONDS)


def _begin_write(session: Session, wait: float | None) -> None:
    if session.get_bind().dialect.name == "sqlite":
        _claim_sqlite(session, wait)


def _claim_sqlite(session: Session, wait: float | None) -> None:
    connection = session.connection()
    raw = _sqlite_driver(connection)
    # The driver opens a transaction only at the first write (reads run outside one), so an
    # open one holds the write lock already.
    if raw.in_transaction:
        return
    deadline = None if wait is None else time.monotonic() + wait
    while True:
        left_ms = SQLITE_BUSY_MS
        if deadline is not None:
            left_ms = max(1, min(SQLITE_BUSY_MS, int((deadline - time.monotonic()) * 1000)))
            raw.execute(f"PRAGMA busy_timeout={left_ms}")
        try:
            # IMMEDIATE takes the write lock at BEGIN, queued by SQLite's busy handler; a
            # deferred BEGIN would take it at the first write, inside the import's work.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as exc:
            if not is_busy(exc):
                raise
            if deadline is not None and time.monotonic() >= deadline:
                busy = exc
                break
        finally:
            # Before the connection can go back to the pool, where another request takes it.
            if left_ms != SQLITE_BUSY_MS:
                raw.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    session.rollback()
    raise StoreBusy() from busy


def _claim_postgres(session: Session, wait: float | None) -> None:
    lock = select(func.pg_advisory_xact_lock(INTAKE_LOCK))
    if wait is None:
        session.execute(lock)
        return
    # The limit holds for this lock only: a later row lock of the import must not time out.
    session.execute(text(f"SET LOCAL lock_timeout = {max(1, int(wait * 1000))}"))
    try:
        session.execute(lock)
    except DBAPIError as exc:
        if not is_busy(exc):
            raise
        session.rollback()
        raise StoreBusy() from exc
    session.execute(text("SET LOCAL lock_timeout = DEFAULT"))


def commit_unless_busy(session: Session) -> bool:
    """Commit a write that may be skipped, unless another transaction is writing (SQLite).

    For bookkeeping that a later request writes again (a token's last use, kept to the
    minute): on SQLite, when another transaction holds the write lock, the session is rolled
    back at once instead of waiting for it. Returns whether it was committed.
    """
    if session.get_bind().dialect.name != "sqlite":
        session.commit()
        return True
    busy = False
    try:
        with sqlite_busy_wait(session.connection(), 0):
            session.flush()
    except OperationalError as exc:
        if not is_busy(exc):
            raise
        busy = True
    if busy:
        session.rollback()
        return False
    session.commit()
    return True


@contextmanager
def sqlite_busy_wait(connection: Connection, busy_ms: int | None) -> Iterator[None]:
    """Make SQLite's busy handler wait at most ``busy_ms`` on ``connection`` in this block (None,
    or another database: as the connection is set), then as it was."""
    if busy_ms is None or connection.dialect.name != "sqlite":
        yield
        return
    # On the driver's connection: through SQLAlchemy's, the pragma would begin the transaction
    # the caller begins next.
    raw = _sqlite_driver(connection)
    (was,) = raw.execute("PRAGMA busy_timeout").fetchone()
    raw.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
    try:
        yield
    finally:
        # Before the connection goes back to the pool, where another request takes it.
        raw.execute(f"PRAGMA busy_timeout={int(was)}")
