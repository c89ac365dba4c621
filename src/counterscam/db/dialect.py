"""SQL differences between SQLite and PostgreSQL, kept in one place."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Table, cast, extract, func
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


def epoch_seconds(session: Session, column: Any) -> Any:
    """Return SQL for the whole seconds from 1970-01-01 UTC to a timestamp column."""
    return epoch_seconds_in(session.get_bind().dialect.name, column)


def epoch_seconds_in(dialect: str, column: Any) -> Any:
    """Return :func:`epoch_seconds`'s SQL for the dialect named ``dialect``."""
    if dialect == "postgresql":
        return cast(func.floor(extract("epoch", column)), BigInteger)
    # SQLite keeps timestamps as UTC text, which julianday() reads; after 1970 cast floors.
    return cast((func.julianday(column) - 2440587.5) * 86400.0 + 0.5, BigInteger)
