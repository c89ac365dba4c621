"""SQL differences between SQLite and PostgreSQL, kept in one place."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_for(session: Session, table: Table) -> Any:
    """Return the dialect's INSERT construct, which supports ON CONFLICT on both backends."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def max_bind_params(session: Session) -> int:
    """Return a safe number of bound parameters per statement for this backend."""
    return 30_000 if session.get_bind().dialect.name == "postgresql" else 30_000
