"""Set-based writes shared by the rebuild and incremental linking."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from counterscam.db.base import Base

CHUNK = 20_000


def key_for(cluster_id: int) -> str:
    """Return the public key of a cluster, e.g. CL-000123."""
    return f"CL-{cluster_id:06d}"


def insert_rows(
    session: Session, model: type[Base], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert tuples as rows of ``model`` in chunks (one executemany each); return the count."""
    statement = insert(model.__table__)  # type: ignore[arg-type]
    it = iter(rows)
    total = 0
    while chunk := list(islice(it, CHUNK)):
        values = [dict(zip(columns, row, strict=True)) for row in chunk]
        session.connection().execute(statement, values)
        total += len(chunk)
    return total
