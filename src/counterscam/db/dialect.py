"""SQL differences between SQLite and PostgreSQL, kept in one place."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Table, cast, extract, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_for(session: Session, table: Table) -> Any:
    """Return the dialect's INSERT construct, which supports ON CONFLICT on both backends."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


# The key of the intake writers' advisory lock: any number no other lock uses ("CSINTAKE").
INTAKE_LOCK = 0x4353_494E_5441_4B45


def lock_intake(session: Session) -> None:
    """Hold the one intake-writer lock of the store until the session's transaction ends.

    SQLite lets one transaction write at a time. PostgreSQL let two batches write at once:
    two naming the same external_ref both found it absent and the second failed on the unique
    index (a 500), and two adding the same identifiers in another order deadlocked. Holding
    this lock, a batch waits for the one writing before it, then sees what that one stored.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(INTAKE_LOCK)))


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
