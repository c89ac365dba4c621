"""Run a Core select, compiled once per dialect, straight on the driver's cursor.

For the hot reads: a check's one small indexed query, and the millions of sightings an
import's linking round reads. Through ``Connection.execute`` SQLAlchemy spends about three
times as long as the database on a check's query (expanding the policy's ``IN`` lists,
building execution contexts and result objects), and a third as much again as SQLite on
reading many rows. The SQL here is still composed and compiled by Core (nothing is formatted
into strings); only the execution is done on the DBAPI cursor of the session's connection,
inside the session's transaction, and the result values go through the same type processors
SQLAlchemy would apply (UTC datetimes, decimals): all of them (``rows``), or only those a
caller uses (``raw`` and ``converter``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Select
from sqlalchemy.engine import Dialect

Row = tuple[Any, ...]


def _unchanged(value: Any) -> Any:
    return value


class Prepared:
    """One select compiled for one dialect; ``open`` names the parameters given per call."""

    def __init__(
        self, statement: Select[*tuple[Any, ...]], dialect: Dialect, open: Sequence[str]
    ) -> None:
        self._dialect = dialect
        self._types = [c.type for c in statement.selected_columns]
        self._compiled = statement.compile(dialect=dialect)
        # Parameters are passed to the driver as given: the fixed ones (a constant in the SQL,
        # such as julianday's epoch) are converted here, once; open ones must need nothing.
        self._converted: dict[str, Any] = {}
        for bind, name in self._compiled.bind_names.items():
            process = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if process is None:
                continue
            if name in open:
                raise ValueError(f"parameter {name!r} needs conversion; use Core execute")
            self._converted[name] = process(bind.effective_value)
        self._open = frozenset(open)
        # The open parameters that are lists (an IN): the SQL depends on their lengths.
        self._lists = tuple(
            sorted({b.key for b in self._compiled.binds.values() if b.expanding and b.key in open})
        )
        self._layouts: dict[tuple[int, ...], _Layout] = {}
        self._sql: str | None = None
        if not self._lists:
            # Everything but the open values is fixed: expand once, fill slots per call.
            state = self._compiled.construct_expanded_state(
                {**dict.fromkeys(open), **self._converted}
            )
            self._sql = state.statement
            self._named = state.positiontup is None
            names = state.positiontup or list(state.parameters)
            self._template = [state.parameters[n] for n in names]
            self._fixed = dict(state.parameters)
            self._slots = [(i, n) for i, n in enumerate(names) if n in open]
        self._processors: list[tuple[int, Callable[[Any], Any]]] | None = None
        self._skip_null = True

    def rows(self, connection: Connection, params: Mapping[str, Any]) -> list[Row]:
        """Return every row for ``params``, values converted as SQLAlchemy would."""
        raw = self.raw(connection, params)
        processors = self._processors
        if not raw or not processors:
            return raw
        out = []
        for r in raw:
            values = list(r)
            for i, process in processors:
                value = values[i]
                # Every processor here maps NULL to None unless _skip_null says otherwise
                # (checked in _result_processors): skip the calls on the NULLs.
                if value is not None or not self._skip_null:
                    values[i] = process(value)
            out.append(tuple(values))
        return out

    def raw(self, connection: Connection, params: Mapping[str, Any]) -> list[Row]:
        """Return every row for ``params`` as the driver gives it, no value converted.

        For a caller that converts only the values it uses: ``converter`` gives, once rows
        have been read, the conversion SQLAlchemy would apply to a column.
        """
        sql, args = self._bind(params)
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, args)
            found = cast(list[Row], cursor.fetchall())
            if self._processors is None:
                self._processors = self._result_processors(cursor.description)
        finally:
            cursor.close()
        return found

    def converter(self, index: int) -> Callable[[Any], Any]:
        """Return the conversion of column ``index``'s values (NULL included), as Core does it."""
        if self._processors is None:
            raise RuntimeError("no rows read yet: the conversions come from the first result")
        for i, process in self._processors:
            if i == index:
                return process
        return _unchanged

    def _bind(self, params: Mapping[str, Any]) -> tuple[str, Any]:
        if self._sql is None:
            # SQLAlchemy expands the lists anew on every call (a tenth of a large import's
            # linking round, at 5,000 values a list): expand once per set of list lengths.
            key = tuple(len(params[n]) for n in self._lists)
            layout = self._layouts.get(key)
            if layout is None:
                if len(self._layouts) >= _MOST_LAYOUTS:
                    self._layouts.clear()
                state = self._compiled.construct_expanded_state({**params, **self._converted})
                layout = self._layouts[key] = _Layout(state, self._open, self._lists)
            return layout.bind(params)
        if self._named:
            return self._sql, {**self._fixed, **params}
        args = list(self._template)
        for i, name in self._slots:
            args[i] = params[name]
        return self._sql, tuple(args)

    def _result_processors(
        self, description: Sequence[Sequence[Any]]
    ) -> list[tuple[int, Callable[[Any], Any]]]:
        found: list[tuple[int, Callable[[Any], Any]]] = []
        for i, (type_, column) in enumerate(zip(self._types, description, strict=True)):
            process = type_.dialect_impl(self._dialect).result_processor(self._dialect, column[1])
            if process is not None:
                if process(None) is not None:
                    self._skip_null = False  # a type giving NULL a value: convert every value
                found.append((i, process))
        return found


_MOST_LAYOUTS = 64  # list lengths remembered per statement: chunks are mostly full


class _Layout:
    """Where each value goes in the SQL an expanded statement became, for lists of one length.

    Positional drivers (SQLite) take a flat sequence: fixed values, open values and whole lists
    in the order the SQL names them. Named ones (PostgreSQL) take a dict: each list's values
    under the names its expansion gave them.
    """

    def __init__(self, state: Any, open: frozenset[str], lists: tuple[str, ...]) -> None:
        self.sql: str = state.statement
        expansion: dict[str, list[str]] = state.parameter_expansion
        self._named = state.positiontup is None
        self._lists = {n: expansion.get(n, []) for n in lists}
        in_list = {e: n for n, names in self._lists.items() for e in names}
        if self._named:
            self._fixed = {
                k: v for k, v in state.parameters.items() if k not in in_list and k not in open
            }
            self._scalars = [k for k in state.parameters if k in open and k not in lists]
            return
        # (0, value): fixed; (1, name): an open value; (2, name): an open list, all of it.
        self._steps: list[tuple[int, Any]] = []
        names: list[str] = list(state.positiontup)
        at = 0
        while at < len(names):
            name = names[at]
            if name in in_list:
                whole = self._lists[in_list[name]]
                if names[at : at + len(whole)] != whole:
                    raise ValueError(f"list {in_list[name]!r} is not expanded in one run")
                self._steps.append((2, in_list[name]))
                at += len(whole)
                continue
            self._steps.append((1, name) if name in open else (0, state.parameters[name]))
            at += 1

    def bind(self, params: Mapping[str, Any]) -> tuple[str, Any]:
        """Return the SQL and the driver's parameters for these values."""
        if self._named:
            out = dict(self._fixed)
            for name in self._scalars:
                out[name] = params[name]
            for name, names in self._lists.items():
                out.update(zip(names, params[name], strict=True))
            return self.sql, out
        args: list[Any] = []
        for step, x in self._steps:
            if step == 0:
                args.append(x)
            elif step == 1:
                args.append(params[x])
            else:
                args.extend(params[x])
        return self.sql, tuple(args)
