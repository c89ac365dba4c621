"""The look-up behind every check: indexed queries from canonical values to matching reports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, bindparam, case, null, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.access.policy import public_visible, report_visible
from counterscam.check.prepared import Prepared
from counterscam.db.models import Agency, Identifier, Report, Sighting
from counterscam.identifiers import KINDS, Canonical, InvalidIdentifier, canonicalize, guess_kind

Key = tuple[str, str]  # (kind, canonical value)
_CHUNK = 2_000


class MatchRow(NamedTuple):
    """One sighting of a checked identifier, with its report and whether the caller may see it."""

    report_id: int
    external_ref: str | None  # content fields are None for a report the caller may not see
    country: str
    reported_at: datetime | None
    scam_type: str | None
    loss_usd: Decimal | None
    mark: str
    role: str | None
    agency_code: str
    agency_name: str
    agency_contact: str
    visible: bool
    kind: str  # the identifier that matched, for grouping a bulk check's rows
    value: str


@lru_cache(maxsize=65_536)
def canonical(kind: str | None, raw: str, country: str | None) -> Canonical | InvalidIdentifier:
    """Return the canonical form of ``raw``, or the error saying why it is not valid (cached)."""
    try:
        if kind is None:
            guessed = guess_kind(raw, country=country)
            if guessed is None:
                return InvalidIdentifier(
                    "", raw, "cannot tell what kind of identifier this is; choose the kind"
                )
            kind = guessed
        if kind not in KINDS:
            return InvalidIdentifier(
                kind, raw, f"unknown kind {kind!r}; use one of {', '.join(KINDS)}"
            )
        return canonicalize(kind, raw, country=country)
    except InvalidIdentifier as exc:
        return exc


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _by_kind(keys: Collection[Key]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for kind, value in keys:
        grouped[kind].append(value)
    return grouped


@lru_cache(maxsize=1024)
def _match_statement(caller: Caller, many: bool) -> Select[*tuple[Any, ...]]:
    """Build, once per caller, the query from identifier values to sightings and reports.

    Matching runs over all reports; for those the caller may not see, the SQL itself
    returns no content (reference, date, scam type, loss, role are NULL), only what
    hit/no-hit may tell: the holder agency, its contact, the mark. Cached with bound
    parameters because building the policy condition and the joins costs more than
    running the indexed query itself.
    """
    value = (
        Identifier.value.in_(bindparam("values", expanding=True))
        if many
        else Identifier.value == bindparam("value")
    )
    # One value asked: the caller knows which identifier every row is about (see match_rows).
    asked = (Identifier.kind, Identifier.value) if many else ()
    matches = (
        select(
            *asked,
            Report.id,
            Report.external_ref,
            Report.country,
            Report.reported_at,
            Report.scam_type,
            Report.loss_usd,
            Report.mark,
            Sighting.role,
            Agency.code,
            Agency.name,
            Agency.contact,
            report_visible(caller).label("visible"),
        )
        .select_from(Identifier)
        .join(Sighting, Sighting.identifier_id == Identifier.id)
        .join(Report, Report.id == Sighting.report_id)
        .join(Agency, Agency.id == Report.agency_id)
        .where(Identifier.kind == bindparam("kind"), value)
        # OFFSET 0 keeps SQLite and PostgreSQL from merging this subquery into the outer
        # select, which would copy the policy (two correlated look-ups) into every CASE below
        # and run it once per content column instead of once per row.
        .offset(0)
        .subquery()
    )
    c = matches.c

    def shown(column: ColumnElement[Any]) -> ColumnElement[Any]:
        return case((c.visible, column), else_=null())

    # In MatchRow's order, so that each result row becomes one without copying.
    return select(
        c.id,
        shown(c.external_ref),
        c.country,
        shown(c.reported_at),
        shown(c.scam_type),
        shown(c.loss_usd),
        c.mark,
        shown(c.role),
        c.code,
        c.name,
        c.contact,
        c.visible,
        *((c.kind, c.value) if many else ()),
    )


@lru_cache(maxsize=2)
def _public_statement(many: bool) -> Select[*tuple[Any, ...]]:
    """Build the query telling which identifier values appear in clear reports."""
    value = (
        Identifier.value.in_(bindparam("values", expanding=True))
        if many
        else Identifier.value == bindparam("value")
    )
    return (
        select(Identifier.kind, Identifier.value)
        .join(Sighting, Sighting.identifier_id == Identifier.id)
        .join(Report, Report.id == Sighting.report_id)
        .where(Identifier.kind == bindparam("kind"), value, public_visible())
        .distinct()
    )


@lru_cache(maxsize=1024)
def _prepared(caller: Caller | None, dialect: Dialect, many: bool) -> Prepared:
    """Compile, once per caller and dialect, the match query (None: the public query)."""
    statement = _public_statement(many) if caller is None else _match_statement(caller, many)
    return Prepared(statement, dialect, ("kind", "values" if many else "value"))


def _params(kind: str, chunk: list[str]) -> dict[str, Any]:
    if len(chunk) > 1:
        return {"kind": kind, "values": chunk}
    return {"kind": kind, "value": chunk[0]}


def match_rows(
    session: Session, caller: Caller, keys: Collection[Key]
) -> dict[Key, list[MatchRow]]:
    """Return every sighting of these identifiers over all data, flagged visible or not."""
    connection = session.connection()
    found: dict[Key, list[MatchRow]] = defaultdict(list)
    for kind, values in _by_kind(keys).items():
        if len(values) == 1:  # a single check: its rows need no grouping by value
            key = (kind, values[0])
            single = _prepared(caller, connection.dialect, False)
            rows = single.rows(connection, _params(kind, values), MatchRow._make, key)
            if rows:
                found[key] = rows
            continue
        for chunk in _chunks(values):
            prepared = _prepared(caller, connection.dialect, len(chunk) > 1)
            suffix = () if len(chunk) > 1 else (kind, chunk[0])
            for row in prepared.rows(connection, _params(kind, chunk), MatchRow._make, suffix):
                found[(row.kind, row.value)].append(row)
    return found


def public_hits(session: Session, keys: Collection[Key]) -> set[Key]:
    """Return which of these identifiers the public may know as hits: those in clear reports."""
    connection = session.connection()
    hits: set[Key] = set()
    for kind, values in _by_kind(keys).items():
        for chunk in _chunks(values):
            prepared = _prepared(None, connection.dialect, len(chunk) > 1)
            hits.update((r[0], r[1]) for r in prepared.rows(connection, _params(kind, chunk)))
    return hits
