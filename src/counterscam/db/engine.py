"""Engines and sessions; the only place that knows SQLite from PostgreSQL at connect time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from counterscam.config import get_settings

SQLITE_POOL_SIZE = 15
SQLITE_CACHE_KIB = 65_536
# How long a statement waits for another connection's write lock before "database is locked"
# (db.writer says who waits longer, and who never waits).
SQLITE_BUSY_MS = 30_000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the web server read while an import writes; foreign keys are off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    # SQLite's default page cache is 2 MiB: on a store of a million reports every check and
    # every linked report then reads its index pages from the OS again (incremental linking's
    # p50 at 1M: 7.3 ms with it, 3.9 ms with this). 64 MiB per connection (negative means KiB)
    # holds the upper levels of the busy indexes; pages are allocated only as they are used, so
    # a small store stays small (a server's 15 connections could reach ~1 GiB on a large one).
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine for ``url``, with SQLite put in WAL mode and its folder created."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        options: dict[str, Any] = {}
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            # At most 15 connections, as with the default pool (5 kept, 10 overflow), but all
            # of them kept: an overflow connection was closed on return, so a server answering
            # more than 5 requests at once opened a new one (~0.8 ms of CPU: pragmas, schema
            # parse, cold statement cache) every twenty-odd checks under the HTTP benchmark.
            options = {"pool_size": SQLITE_POOL_SIZE, "max_overflow": 0}
        engine = create_engine(url, connect_args={"check_same_thread": False}, **options)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # Grouping by day or month happens in SQL; a server whose session zone is not UTC would
    # move reports near midnight into the wrong month, so every session runs in UTC.
    return create_engine(url, pool_pre_ping=True, connect_args={"options": "-c timezone=UTC"})


@lru_cache(maxsize=4)
def engine_for(url: str) -> Engine:
    """Return the process-wide engine for ``url``."""
    return make_engine(url)


def default_engine() -> Engine:
    """Return the engine of the configured database."""
    return engine_for(get_settings().resolved_database_url)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Return a session factory that keeps loaded objects usable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """Yield a session that commits on success and rolls back on error."""
    session = session_factory(engine)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def is_sqlite(engine: Engine) -> bool:
    """Tell whether ``engine`` talks to SQLite."""
    return engine.dialect.name == "sqlite"
