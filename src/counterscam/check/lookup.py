"""The look-up behind every check: indexed queries from canonical values to matching reports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, and_, bindparam, case, func, null, or_, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session, aliased

from counterscam.access.caller import Caller
from counterscam.access.policy import public_visible, report_visible
from counterscam.db.link_models import StopEntry
from counterscam.db.models import Agency, Identifier, Report, Sighting
from counterscam.db.prepared import Prepared, Row
from counterscam.identifiers import (
    KINDS,
    Canonical,
    InvalidIdentifier,
    canonicalize,
    guess_kind,
    unguessed_reason,
)
from counterscam.identifiers.any_bank import account_digits, any_bank
from counterscam.link.conditions import allowed, silenced
from counterscam.link.stoplist import Stopped

Key = tuple[str, str]  # (kind, canonical value)
_CHUNK = 2_000


# The columns of a match row, in the order the statement selects them (the rows of a query
# for many values also end with the identifier's kind and value). Rows are the driver's own
# tuples, read by position: a value can be named by thousands of reports, and an object per
# row, or a conversion of every date and amount, cost the check more than the database's work.
ID, REF, COUNTRY, WHEN, SCAM, LOSS, MARK, ROLE, CODE, NAME, CONTACT, VISIBLE = range(12)
# The value's hub stop-list entry, NULL when it has none: the same on each of its rows.
STOP_REASON, STOP_BY, STOP_AT = 12, 13, 14
KIND, VALUE = 15, 16


@dataclass(frozen=True)
class Matches:
    """Every sighting of the checked identifiers over all data, flagged visible or not.

    A row gives, for a report the caller may see: its id, reference, country, date, scam
    type, loss, mark, the role it names the value in, the holder's code, and VISIBLE true.
    For a report the caller may not see, only what hit/no-hit may tell: id, mark, and the
    holder's code, name, country and contact; content and role are NULL.

    Dates (``WHEN``) and amounts (``LOSS``) are as the driver returns them (text and float on
    SQLite): ``time`` and ``money`` convert them as SQLAlchemy would. The driver's form of a
    date sorts as the date does (SQL's ORDER BY on the column relies on the same), so a check
    can sort and pick on it and convert only what its answer shows.
    """

    rows: dict[Key, list[Row]]
    time: Callable[[Any], datetime]  # of a value that is not NULL
    money: Callable[[Any], Decimal]  # likewise
    stops: dict[Key, Stopped]  # the stop-list entries of the identifiers matched


def _no_rows(_value: Any) -> Any:
    raise LookupError("no rows were read: there is nothing to convert")


NO_MATCHES = Matches({}, _no_rows, _no_rows, {})


@lru_cache(maxsize=65_536)
def canonical(
    kind: str | None, raw: str, country: str | None, qualifier: str | None = None
) -> Canonical | InvalidIdentifier:
    """Return the canonical form of ``raw``, or the error saying why it is not valid (cached).

    A bank account number given without its bank is asked at every bank (``any_bank``). A
    ``qualifier`` (bank, provider, chain or platform given apart) is read as intake reads it;
    a kind left to guess is guessed as if it were written before the value ("Telegram
    @name"), which is how people write the two together.
    """
    try:
        if kind is None:
            guessed = guess_kind(f"{qualifier} {raw}", country=country) if qualifier else None
            guessed = guessed or guess_kind(raw, country=country)
            if guessed is None:
                return InvalidIdentifier("", raw, unguessed_reason(raw, country=country))
            kind = guessed
        if kind not in KINDS:
            return InvalidIdentifier(
                kind, raw, f"unknown kind {kind!r}; use one of {', '.join(KINDS)}"
            )
        return canonicalize(kind, raw, country=country, qualifier=qualifier)
    except InvalidIdentifier as exc:
        # A bank given beside the number is the bank asked: its own error (a Maybank account
        # has 12 digits) says more than an answer over every bank that ignores it.
        if kind == "bank_account" and not qualifier and (digits := account_digits(raw)) is not None:
            return any_bank(digits)
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
    hit/no-hit may tell: the holder agency, its contact, the mark. Each row also carries the
    identifier's stop-list entry, which a hit's answer notes. Cached with bound parameters
    because building the policy condition and the joins costs more than running the indexed
    query itself.
    """
    value = (
        Identifier.value.in_(bindparam("values", expanding=True))
        if many
        else Identifier.value == bindparam("value")
    )
    # The report is joined twice: as ``base`` for what anyone may learn, and as itself, on
    # the policy, for the content. The policy then runs once per row, in the join, and a
    # hidden report's content is NULL by the join itself. A CASE per content column would run
    # the policy once per column; computing it once in a subquery (as before) made SQLite
    # step through a co-routine per row: ~12% slower on SQLite, the same on PostgreSQL.
    base = aliased(Report, name="base")
    seen = Report.id.is_not(None)
    hidden = Report.id.is_(None)
    # One value asked: the caller knows which identifier every row is about (see match_rows).
    asked = (Identifier.kind, Identifier.value) if many else ()
    return (
        select(
            base.id,
            Report.external_ref,
            # A visible report's own country; for a hidden one its holder's, as every other
            # holdings answer says it (access.reads.holdings): the hidden report's column is
            # its content, and hit/no-hit tells the holder, not where its report was filed.
            func.coalesce(Report.country, Agency.country),
            Report.reported_at,
            Report.scam_type,
            Report.loss_usd,
            base.mark,
            case((seen, Sighting.role), else_=null()),
            Agency.code,
            # Name and contact serve only the holdings of hidden reports: no string per
            # visible row.
            case((hidden, Agency.name), else_=null()),
            case((hidden, Agency.contact), else_=null()),
            seen.label("visible"),
            StopEntry.reason,
            StopEntry.added_by,
            StopEntry.added_at,
            *asked,
        )
        .select_from(Identifier)
        # Joined to the identifier, so the database looks the entry up once per value, not
        # once per report; as a query of its own it cost every hit a second statement through
        # the driver, and a bulk check an ORM-compiled query per list.
        .outerjoin(
            StopEntry,
            and_(
                StopEntry.kind == Identifier.kind,
                StopEntry.value == Identifier.value,
                StopEntry.action == "stop",
            ),
        )
        .join(Sighting, Sighting.identifier_id == Identifier.id)
        .join(base, base.id == Sighting.report_id)
        .join(Agency, Agency.id == base.agency_id)
        .outerjoin(Report, and_(Report.id == base.id, report_visible(caller)))
        .where(Identifier.kind == bindparam("kind"), value)
    )


# Roles in which a report names an innocent party's identifier (sighting_roles.yaml): the
# victim's own account, the bank or official whose number a scammer spoofed. The public page
# tells a victim "do not send money" on a hit: never about their bank's real hotline.
INNOCENT_ROLES = ("victim_account", "impersonated_entity")


@lru_cache(maxsize=2)
def _public_statement(many: bool) -> Select[*tuple[Any, ...]]:
    """Build the query telling which identifier values the public may be warned about.

    Those a clear report names as the scammer's (not in an innocent role), unless an analyst
    put them on the hub stop-list (a genuine hotline reported by mistake) or linking found them
    busy (an exchange's deposit wallet), and no analyst allowed them: warning the public off
    those would mislead. A hub found only by its life span (a mule account kept for a year)
    is still a warning, as it still alerts agencies (``conditions.silenced``).
    """
    value = (
        Identifier.value.in_(bindparam("values", expanding=True))
        if many
        else Identifier.value == bindparam("value")
    )
    return (
        select(Identifier.kind, Identifier.value)
        .join(Sighting, Sighting.identifier_id == Identifier.id)
        .join(Report, Report.id == Sighting.report_id)
        .where(
            Identifier.kind == bindparam("kind"),
            value,
            public_visible(),
            Sighting.role.not_in(INNOCENT_ROLES),
            or_(~silenced(), allowed()),
        )
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


def match_rows(session: Session, caller: Caller, keys: Collection[Key]) -> Matches:
    """Return every sighting of these identifiers over all data, flagged visible or not."""
    connection = session.connection()
    prepared: Prepared | None = None
    if len(keys) == 1:  # a single check: no grouping by kind, no chunks
        [(kind, value)] = keys
        prepared = _prepared(caller, connection.dialect, False)
        rows = prepared.raw(connection, {"kind": kind, "value": value})
        # A miss (half of all checks) has nothing to convert.
        return _matches(prepared, {(kind, value): rows}) if rows else NO_MATCHES
    grouped: dict[Key, list[Row]] = defaultdict(list)
    for kind, values in _by_kind(keys).items():
        for chunk in _chunks(values):
            prepared = _prepared(caller, connection.dialect, len(chunk) > 1)
            rows = prepared.raw(connection, _params(kind, chunk))
            if len(chunk) == 1:  # its rows need no grouping by value
                if rows:
                    grouped[(kind, chunk[0])] = rows
                continue
            for row in rows:
                grouped[(row[KIND], row[VALUE])].append(row)
    if prepared is None:
        return NO_MATCHES
    return _matches(prepared, grouped)


def _matches(prepared: Prepared, rows: dict[Key, list[Row]]) -> Matches:
    """Return the matches of these rows, with the stop-list entries their first rows carry."""
    added_at = prepared.converter(STOP_AT)
    stops: dict[Key, Stopped] = {}
    for key, named in rows.items():
        first = named[0]
        if first[STOP_BY] is not None:
            stops[key] = Stopped(first[STOP_REASON], first[STOP_BY], added_at(first[STOP_AT]))
    return Matches(rows, prepared.converter(WHEN), prepared.converter(LOSS), stops)


def public_hits(session: Session, keys: Collection[Key]) -> set[Key]:
    """Return which of these identifiers the public may know as hits: those in clear reports."""
    connection = session.connection()
    hits: set[Key] = set()
    for kind, values in _by_kind(keys).items():
        for chunk in _chunks(values):
            prepared = _prepared(None, connection.dialect, len(chunk) > 1)
            hits.update((r[0], r[1]) for r in prepared.rows(connection, _params(kind, chunk)))
    return hits
