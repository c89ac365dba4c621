"""A database stopped at an older schema revision, on SQLite or PostgreSQL, for migration tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from counterscam.db.engine import make_engine
from counterscam.db.migrate import alembic_config
from tests.conftest import PG_URL, _pg_problem

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def upgrade_to(engine: Engine, revision: str) -> None:
    """Upgrade the database to ``revision`` (not beyond)."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def database_at(backend: str, tmp_path: Path, revision: str) -> Iterator[Engine]:
    """Yield an engine on a new database at ``revision``, dropped afterwards."""
    if backend == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
        upgrade_to(engine, revision)
        yield engine
        engine.dispose()
        return
    if _pg_problem:
        pytest.fail(f"PostgreSQL not available: {_pg_problem}")
    name = f"counterscam_at{revision}_{os.getpid()}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(PG_URL).set(database=name).render_as_string(False))
    upgrade_to(engine, revision)
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def old_agency(session: Session, *, code: str, country: str) -> int:
    """Add a member agency to a database at an older revision; return its id.

    Written as SQL: ``create_agency`` reads and writes the newest schema's columns (``active``,
    from 0016), which an older database lacks.
    """
    session.execute(
        text(
            "INSERT INTO agency (code, name, country, kind, contact, created_at) "
            "VALUES (:code, :code, :country, 'member', '', CURRENT_TIMESTAMP)"
        ),
        {"code": code, "country": country},
    )
    found: int = session.execute(
        text("SELECT id FROM agency WHERE code = :code"), {"code": code}
    ).scalar_one()
    return found
