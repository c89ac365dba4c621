"""Database fixtures: every database test runs on SQLite and on PostgreSQL.

PostgreSQL is taken from COUNTERSCAM_TEST_POSTGRES_URL (default: the local server on
127.0.0.1:5432, database ``test``). Each pytest-xdist worker gets its own database, migrated
once; tables are emptied between tests. Without a server the PostgreSQL half is skipped and
the run says so; under CI (CI=true) a missing server fails the run instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.config import get_settings
from counterscam.db.base import Base
from counterscam.db.engine import engine_for, make_engine, session_factory
from counterscam.db.migrate import upgrade

PG_URL = os.environ.get(
    "COUNTERSCAM_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
_pg_problem: str | None = None


def _probe_postgres() -> str | None:
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:  # any failure means "no usable server"
        return f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    return None


def pytest_configure(config: pytest.Config) -> None:
    global _pg_problem
    _pg_problem = _probe_postgres()
    if _pg_problem and os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(
            f"CI=true but PostgreSQL is not reachable at {PG_URL}: {_pg_problem}"
        )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _pg_problem:
        terminalreporter.write_line(
            f"NOTE: PostgreSQL tests were SKIPPED (no server at {PG_URL}: {_pg_problem}). "
            "Start PostgreSQL or set COUNTERSCAM_TEST_POSTGRES_URL to run them.",
            yellow=True,
            bold=True,
        )


def _worker() -> str:
    # The pid keeps concurrent runs on one server (two checkouts, two shells) apart.
    return f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_engine() -> Iterator[Engine]:
    if _pg_problem:
        pytest.skip(f"PostgreSQL not available: {_pg_problem}")
    name = f"counterscam_test_{_worker()}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


_USED_SEQUENCES = text(
    "SELECT quote_ident(sequencename) FROM pg_sequences"
    " WHERE schemaname = current_schema() AND last_value IS NOT NULL"
)


def _truncate(engine: Engine) -> None:
    """Empty every table and restart every id sequence, as TRUNCATE ... RESTART IDENTITY would.

    TRUNCATE of all tables costs PostgreSQL up to a second under load (new files for every
    table and index), paid by each of thousands of tests; most tests write a few small tables,
    so deleting only the rows there, children first, and restarting only the sequences that
    handed out ids takes tens of milliseconds.
    """
    tables = Base.metadata.sorted_tables
    probe = " UNION ALL ".join(
        f"SELECT '{t.name}' WHERE EXISTS (SELECT FROM \"{t.name}\")" for t in tables
    )
    with engine.begin() as conn:
        filled = set(conn.execute(text(probe)).scalars())
        for table in reversed(tables):
            if table.name in filled:
                conn.execute(text(f'DELETE FROM "{table.name}"'))
        for sequence in conn.execute(_USED_SEQUENCES).scalars().all():
            conn.execute(text(f"ALTER SEQUENCE {sequence} RESTART"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(
    request: pytest.FixtureRequest, sqlite_template: Path, tmp_path: Path
) -> Iterator[Engine]:
    """An empty, migrated database: a fresh SQLite file, or the worker's emptied PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "counterscam.db"
        shutil.copyfile(sqlite_template, path)
        eng = make_engine(f"sqlite:///{path}")
        yield eng
        eng.dispose()
        return
    pg: Engine = request.getfixturevalue("pg_engine")
    _truncate(pg)
    yield pg


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    s = session_factory(engine)()
    yield s
    s.rollback()
    s.close()


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with production cost takes ~50 ms a hash; tests create many users."""
    from argon2 import PasswordHasher

    from counterscam.access import accounts

    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture(autouse=True)
def _audit_write_through(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Write each search's audit row at once, so tests can read it; test_audit covers batching."""
    monkeypatch.setenv("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "0")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def runner(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    """The command line, pointed at the test database, with no API token of the shell's."""
    url = engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", url)
    monkeypatch.delenv("COUNTERSCAM_TOKEN", raising=False)
    get_settings.cache_clear()
    engine_for.cache_clear()
    yield CliRunner()
    engine_for(url).dispose()
    get_settings.cache_clear()
    engine_for.cache_clear()
