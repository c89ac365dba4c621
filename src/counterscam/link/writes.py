"""Set-based writes shared by intake, the rebuild and incremental linking."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import islice
from typing import Any

from sqlalchemy import Dialect, Table, insert
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.orm import Session

from counterscam.db.base import Base

CHUNK = 20_000


def key_for(cluster_id: int) -> str:
    """Return the public key of a cluster, e.g. CL-000123."""
    return f"CL-{cluster_id:06d}"


Processors = tuple[tuple[int, Callable[[Any], Any]], ...]


@lru_cache(maxsize=64)
def _driver_insert(
    dialect: Dialect, table: Table, columns: tuple[str, ...]
) -> tuple[str, Processors] | None:
    """Return the INSERT as the driver takes it with tuples and the columns' bind processors,
    or None when SQLAlchemy must help.

    SQLAlchemy builds a dict and a parameter set for every row of an executemany, which costs
    about as much as SQLite's insert itself. A table can skip that when its other columns need
    no Python-side default, or have the same default on the server; the given columns' values
    go through the same bind processors SQLAlchemy would apply (UTC datetimes, decimals).
    Only for positional drivers (SQLite): PostgreSQL keeps SQLAlchemy's batched multi-row
    VALUES.
    """
    given = set(columns)
    for column in table.columns:
        if column.name not in given and column.default is not None:
            if column.server_default is None:
                return None
    processors = tuple(
        (i, process)
        for i, name in enumerate(columns)
        if (process := table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None
    )
    # A bare table clause: the given columns only, omitted ones filled by the database.
    bare = sql_table(table.name, *(sql_column(name) for name in columns), schema=table.schema)
    compiled = insert(bare).compile(dialect=dialect, column_keys=list(columns))
    if not compiled.positional or list(compiled.positiontup or ()) != list(columns):
        return None
    return compiled.string, processors


def _processed(rows: list[Sequence[Any]], processors: Processors) -> list[tuple[Any, ...]]:
    if not processors:
        # The driver call takes a list of tuples only.
        return [r if isinstance(r, tuple) else tuple(r) for r in rows]
    # Rows of one chunk often repeat a value (every new report's created_at is the same
    # moment): convert each distinct value once.
    done: list[dict[Any, Any]] = [{} for _ in processors]
    out = []
    for row in rows:
        values = list(row)
        for (i, process), seen in zip(processors, done, strict=True):
            value = values[i]
            try:
                values[i] = seen[value]
            except KeyError:
                values[i] = seen[value] = process(value)
            except TypeError:  # an unhashable value (a JSON list): convert it as it is
                values[i] = process(value)
        out.append(tuple(values))
    return out


def insert_rows(
    session: Session, model: type[Base], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert tuples as rows of ``model`` in chunks (one executemany each); return the count."""
    table: Table = model.__table__  # type: ignore[assignment]
    connection = session.connection()
    driver = _driver_insert(connection.dialect, table, tuple(columns))
    statement = insert(table)
    it = iter(rows)
    total = 0
    while chunk := list(islice(it, CHUNK)):
        if driver is not None:
            sql, processors = driver
            connection.exec_driver_sql(sql, _processed(chunk, processors))
        else:
            connection.execute(statement, [dict(zip(columns, row, strict=True)) for row in chunk])
        total += len(chunk)
    return total
