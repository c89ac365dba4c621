"""The audit trail: every search and every read of sensitive data leaves a row.

Searches (``record_search``) and reads of records (``record_read``: a report, a list of
reports, a cluster, the stop-list, an upload batch, an export of clusters) need only be
durable, not part of the caller's transaction: a commit per check cost more than the check
itself, and on SQLite a read's row committed with the read needed the store's one write lock,
so every report page and cluster waited for an import and was then answered 503. Their rows
are queued in memory, per engine, in the order they were made, and written in batches with one
multi-row insert: when the queue holds ``BATCH`` events, when its oldest event is
``COUNTERSCAM_AUDIT_FLUSH_SECONDS`` old (a daemon thread writes them even on a quiet server),
and at interpreter exit and app shutdown. ``record`` adds a row to the caller's session
instead, to commit with its unit of work: for a write's own row, never a read's (a read that
wrote its row there waited for an import on SQLite, then answered 503).

The trade-off: a hard crash (power loss, SIGKILL) can lose at most the last
``audit_flush_seconds`` of queued audit rows; a clean exit loses none. Setting it to 0 writes
each row through, in the caller's transaction. If the database refuses the rows for long
enough that ``MAX_QUEUED`` events wait, searches and reads fail rather than go unaudited: they
raise ``AuditUnavailable``, which the API answers 503 (``Retry-After``), the pages with an
error page and the commands with a one-line error (exit 1). A database only busy with another
writer (an import on SQLite) is no such failure: the rows wait in the queue, and a search
written through that waits too long raises ``StoreBusy`` (503, "busy"). A command's searches
are written through (``written_through``): its process ends right after it answers, so a
queued row could only be written, or lost, after the answer was given. A command's reads are
queued, and written before it ends (``flush_waiting``), however long an import makes them wait:
an export has handed out its rows when its audit row is made, so refusing it then protects
nothing, and a row still queued at exit is lost after ``CLOSE_WAIT_SECONDS``.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.config import get_settings
from counterscam.db.base import utcnow
from counterscam.db.models import AuditEvent
from counterscam.db.writer import StoreBusy, is_busy, sqlite_busy_wait

log = logging.getLogger(__name__)
# A size bound only: on SQLite every write makes each reading connection drop its page cache
# at its next read (another connection changed the file), and at 256 a busy check loop paid
# ~10% of its CPU reloading pages (10,000 checks at 1M reports: 131-148 µs a check, 118-134
# with one write a second). The age limit above is what bounds the loss in a crash.
BATCH = 4096
MAX_QUEUED = 100_000
_RETRY_SECONDS = 1.0
# How long shutdown keeps trying while another writer holds the store (an import on SQLite):
# the queued rows are lost if the process ends first, so it waits as long as a stop allows.
CLOSE_WAIT_SECONDS = 300.0
_TABLE = AuditEvent.__table__
# The columns every row gives (``_row``); any other column takes its database default.
_COLUMNS: tuple[str, ...] = (
    "at",
    "user_id",
    "agency_id",
    "actor",
    "channel",
    "action",
    "query",
    "hits",
    "record_ref",
)


Search = tuple[str, str, int]  # an audited search: action, query, hits


# How long a client is told to wait (Retry-After) before searching again: the writer tries
# every second, but a database that refuses rows is mended by a person, not in a second.
RETRY_AFTER_SECONDS = 60
PAUSED = (
    "Searches are paused: the audit log cannot be written, and no search may run without "
    "leaving its record. Try again in a few minutes; if this goes on, the administrator should "
    "look at the database, which refuses the audit log's rows (its disk space, permissions, "
    "or whether it accepts writes)."
)


class AuditUnavailable(RuntimeError):
    """The audit log cannot be written; a search must not run unaudited.

    Its text says why for the operator's log; callers of the service are told ``PAUSED``.
    """


def record(
    session: Session,
    caller: Caller,
    *,
    channel: str,
    action: str,
    query: str = "",
    hits: int = 0,
    record_ref: str = "",
) -> None:
    """Add an audit row to the session; it commits with the caller's unit of work."""
    session.add(_event(_row(caller, channel, action, query, hits, record_ref)))


def record_search(
    session: Session,
    caller: Caller,
    *,
    channel: str,
    action: str,
    query: str = "",
    hits: int = 0,
) -> bool:
    """Audit a search: queued for a batched write, or written through when flushing is off
    (or inside ``written_through``).

    Returns True when the row went into the session's transaction: the caller must commit.
    """
    return record_searches(session, caller, channel=channel, searches=[(action, query, hits)])


def record_searches(
    session: Session, caller: Caller, *, channel: str, searches: Sequence[Search]
) -> bool:
    """Audit several searches at once (a bulk check: its summary and each value), as
    ``record_search`` audits one. Returns True when the rows went into the session's
    transaction: the caller must commit. Raises AuditUnavailable when they cannot be written
    (or queued): the search must then give no answer."""
    rows = [_row(caller, channel, action, query, hits, "") for action, query, hits in searches]
    seconds = get_settings().audit_flush_seconds
    if seconds <= 0 or _through.get():
        try:
            _write(session.connection(), rows)
        except SQLAlchemyError as exc:
            if is_busy(exc):
                # Another writer held the store (a long import on SQLite): the log is fine,
                # and "searches are paused" sent the administrator to look at a sound database.
                raise StoreBusy() from exc
            # Said as a full queue is, not as the driver's error: the search has not answered,
            # and its caller is told why and what to do, not given a 500 (or a traceback).
            raise AuditUnavailable(
                f"the database refused the search's audit rows: {_reason(exc)}"
            ) from exc
        return True
    _writer(session.get_bind().engine, seconds).add(rows)
    return False


def record_read(
    session: Session,
    caller: Caller,
    *,
    channel: str,
    action: str,
    query: str = "",
    hits: int = 0,
    record_ref: str = "",
) -> bool:
    """Audit a read of records (a report, a list, a cluster) as searches are audited: queued
    for a batched write, or added to the session when flushing is off (or inside
    ``written_through``). Returns True when the row went into the session's transaction: the
    caller must commit. Raises AuditUnavailable when the row cannot be queued (the database
    has refused audit rows for long): the read must then give no answer."""
    row = _row(caller, channel, action, query, hits, record_ref)
    seconds = get_settings().audit_flush_seconds
    if seconds <= 0 or _through.get():
        session.add(_event(row))
        return True
    _writer(session.get_bind().engine, seconds).add([row])
    return False


def _reason(exc: BaseException) -> str:
    """The database's own reason, on one line: the driver's error without SQLAlchemy's text."""
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


_through: ContextVar[bool] = ContextVar("audit_written_through", default=False)


@contextmanager
def written_through() -> Iterator[None]:
    """Write the audit rows of the searches and reads made in this block through, whatever the
    setting.

    For a command: its process ends right after it answers, so a queued row was written (or
    refused, with a traceback and exit 0) only after the answer had been printed.
    """
    token = _through.set(True)
    try:
        yield
    finally:
        _through.reset(token)


def flush() -> None:
    """Write every queued audit event of every engine now (tests, shutdown)."""
    for writer in list(_writers.values()):
        writer.flush()


def flush_waiting(waiting: Callable[[int], None]) -> None:
    """Write every queued audit event of this process now, waiting for as long as another
    writer holds the store (an import on SQLite): for a command, before it ends.

    ``waiting`` is told, once, how many events wait when the store is busy. Raises
    AuditUnavailable when the database refuses them for another reason.
    """
    for writer in list(_writers.values()):
        if writer.pid != os.getpid():
            continue
        try:
            writer.write_all(None, waiting)
        except SQLAlchemyError as exc:
            raise AuditUnavailable(
                f"the database refused the audit rows of the records read: {_reason(exc)}"
            ) from exc


def shutdown() -> None:
    """Write every queued event and stop the writer threads; new events start new writers."""
    with _registry_lock:
        writers = list(_writers.values())
        _writers.clear()
    for writer in writers:
        writer.close()


Row = tuple[Any, ...]  # the values of ``_COLUMNS``, in that order


_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group())
    return "\\x00" if code == 0 else f"\\u{code:04x}"


def _text(value: str) -> str:
    # PostgreSQL refuses text holding NUL, and no driver can encode a lone surrogate (a JSON
    # API body may send "\ud800"). A search with one must still leave its row, written with
    # the visible escape: one unwritable row failed its whole batch, which was queued again
    # and again until every search on the server was refused (AuditUnavailable).
    return _UNWRITABLE.sub(_escaped, value) if _UNWRITABLE.search(value) else value


def _row(caller: Caller, channel: str, action: str, query: str, hits: int, record_ref: str) -> Row:
    return (
        utcnow(),
        caller.user_id,
        caller.agency_id,
        _text(caller.actor),
        channel,
        action,
        _text(query)[:4000],
        hits,
        _text(record_ref)[:120],
    )


def _event(row: Row) -> AuditEvent:
    return AuditEvent(**dict(zip(_COLUMNS, row, strict=True)))


Processor = Callable[[Any], Any]


@lru_cache(maxsize=8)
def _insert_for(
    dialect: Dialect,
) -> tuple[str, tuple[int, ...] | None, list[tuple[int, Processor]]]:
    """Compile the insert once per dialect: its SQL, the driver's parameter order (None:
    named parameters) as positions in ``_COLUMNS``, and the type conversions of the values."""
    compiled = insert(AuditEvent).compile(dialect=dialect, column_keys=list(_COLUMNS))
    processors: list[tuple[int, Processor]] = []
    for i, name in enumerate(_COLUMNS):
        process = _TABLE.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors.append((i, process))
    order = None
    if compiled.positiontup is not None:
        order = tuple(_COLUMNS.index(name) for name in compiled.positiontup)
    return compiled.string, order, processors


def _write(conn: Connection, rows: list[Row]) -> None:
    """Insert ``rows`` with one executemany; Core-compiled SQL, values converted as Core does.

    Through ``Connection.execute`` a batch costs about a third more CPU (per-row parameter
    processing), taken from the searches running beside the writer thread.
    """
    sql, order, processors = _insert_for(conn.dialect)
    converted = []
    for row in rows:
        values = list(row)
        for i, process in processors:
            values[i] = process(values[i])
        converted.append(values)
    if order is None:
        conn.exec_driver_sql(sql, [dict(zip(_COLUMNS, v, strict=True)) for v in converted])
    else:
        conn.exec_driver_sql(sql, [tuple(v[i] for i in order) for v in converted])


class _Writer:
    """The queue of one engine's audit events and the daemon thread that writes them."""

    def __init__(self, engine: Engine, max_age: float) -> None:
        self.engine = engine
        self.max_age = max_age
        self.pid = os.getpid()
        self._queue: list[Row] = []
        self._oldest = 0.0
        self._closed = False
        self._cond = threading.Condition()
        self._write_lock = threading.Lock()  # one batch at a time, in queue order
        self._thread = threading.Thread(target=self._run, name="audit-writer", daemon=True)
        self._thread.start()

    def add(self, rows: list[Row]) -> None:
        with self._cond:
            if len(self._queue) >= MAX_QUEUED:
                raise AuditUnavailable(
                    f"{len(self._queue)} audit events (searches and reads) could not be written "
                    "to the database; searches and reads are refused until it accepts them again"
                )
            was_empty = not self._queue
            if was_empty:
                self._oldest = time.monotonic()
            self._queue.extend(rows)
            if was_empty or len(self._queue) >= BATCH:
                self._cond.notify()

    def queued(self) -> int:
        with self._cond:
            return len(self._queue)

    def flush(self, *, busy_ms: int | None = None) -> int:
        """Write the queued events; return how many. On failure they stay queued, in order.

        ``busy_ms``: on SQLite, wait at most that long for another writer (None: as long as
        the connection's busy timeout says).
        """
        with self._write_lock:
            with self._cond:
                rows, self._queue = self._queue, []
            if not rows:
                return 0
            try:
                with self.engine.connect() as conn:
                    with sqlite_busy_wait(conn, busy_ms), conn.begin():
                        _write(conn, rows)
            except BaseException:
                # Ctrl-C too: a command waiting to write them is stopped, and its exit writes them.
                with self._cond:  # keep them, in order, for the next attempt
                    self._queue[:0] = rows
                    self._oldest = time.monotonic() - self.max_age + _RETRY_SECONDS
                raise
            return len(rows)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()
        self._thread.join(timeout=5)
        # Stopped while an import holds the store: the rows would be lost at exit.
        self.write_all(CLOSE_WAIT_SECONDS, _say_stopping)

    def write_all(self, wait: float | None, waiting: Callable[[int], None]) -> None:
        """Write the queued events, trying again for ``wait`` seconds (None: for as long as it
        takes) while another writer holds the store; ``waiting`` is told once how many wait.
        """
        deadline = None if wait is None else time.monotonic() + wait
        said = False
        while True:
            try:
                # The first try does not wait: whoever waits is told so before, not after.
                self.flush(busy_ms=None if said else 0)
                return
            except Exception as exc:
                if not is_busy(exc) or (deadline is not None and time.monotonic() >= deadline):
                    raise
                if not said:
                    said = True
                    waiting(self.queued())
                    continue
                time.sleep(_RETRY_SECONDS)

    def _due(self) -> float:
        """Return seconds until the queue must be written (0: now); call holding the lock."""
        if len(self._queue) >= BATCH:
            return 0.0
        return max(0.0, self._oldest + self.max_age - time.monotonic())

    def _run(self) -> None:
        failing_since: float | None = None
        while True:
            with self._cond:
                while not self._closed and (not self._queue or self._due() > 0):
                    self._cond.wait(self._due() if self._queue else None)
                if self._closed:
                    return
            try:
                written = self.flush()
            except Exception as exc:
                # One line when writing starts to fail and one when it recovers: a traceback
                # a second, all through a long import, buried the server's log.
                if failing_since is None:
                    failing_since = time.monotonic()
                    _say_failing(exc, self.queued())
                continue
            if failing_since is not None:
                log.warning(
                    "audit events are written again after %.0f s; %d waiting events written, "
                    "none lost",
                    time.monotonic() - failing_since,
                    written,
                )
                failing_since = None


def _say_stopping(queued: int) -> None:
    log.warning(
        "stopping: %d audit events wait for the database, busy with another writer (an import, "
        "most likely); trying for up to %.0f s",
        queued,
        CLOSE_WAIT_SECONDS,
    )


def _say_failing(exc: Exception, queued: int) -> None:
    if is_busy(exc):
        log.warning(
            "audit events wait in memory: the database is busy with another writer (an import, "
            "most likely); %d queued, trying again every second",
            queued,
        )
        return
    # A failure that is not the database's (a bug) keeps its traceback, once.
    log.error(
        "audit events cannot be written: %s; %d queued, trying again every second (at %d, "
        "searches and reads are refused)",
        _reason(exc),
        queued,
        MAX_QUEUED,
        exc_info=not isinstance(exc, SQLAlchemyError),
    )


_writers: dict[Engine, _Writer] = {}
_registry_lock = threading.Lock()


def _writer(engine: Engine, max_age: float) -> _Writer:
    writer = _writers.get(engine)
    if writer is not None and writer.pid == os.getpid():
        return writer
    with _registry_lock:
        writer = _writers.get(engine)
        # A forked worker inherits the dict but not the thread: it needs its own writer.
        if writer is None or writer.pid != os.getpid():
            writer = _writers[engine] = _Writer(engine, max_age)
        return writer


def _at_exit() -> None:
    try:
        shutdown()
    except Exception:  # the process is ending; say what was lost rather than raise
        log.exception("audit events could not be written at exit")


atexit.register(_at_exit)
