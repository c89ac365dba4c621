"""Write normalised reports set-based: a few statements per chunk, never a row at a time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from counterscam.db.base import Base, utcnow
from counterscam.db.data_version import mark_changed
from counterscam.db.dialect import insert_for, lock_intake
from counterscam.db.models import Identifier, Party, Place, Report, ReportShare, Sighting
from counterscam.db.prepared import Prepared
from counterscam.intake.normalise import NormalReport, SightingRow
from counterscam.intake.records import SHARES
from counterscam.link.writes import insert_rows

# Look-ups built once with expanding parameters: an IN list of literals costs a Python
# coercion per value each time it is built.
_IDENTIFIER_IDS = select(Identifier.id, Identifier.value).where(
    Identifier.kind == bindparam("kind"), Identifier.value.in_(bindparam("values", expanding=True))
)
_REPORT_IDS = select(Report.external_ref, Report.id).where(
    Report.agency_id == bindparam("agency"),
    Report.external_ref.in_(bindparam("refs", expanding=True)),
)


@lru_cache(maxsize=8)
def _prepared(dialect: Dialect, which: str) -> Prepared:
    """Return a look-up of ids run on the driver's cursor (db.prepared): a chunk reads
    thousands, and SQLAlchemy's expansion of the list and its result rows cost more."""
    if which == "identifiers":
        return Prepared(_IDENTIFIER_IDS, dialect, ("kind", "values"))
    return Prepared(_REPORT_IDS, dialect, ("agency", "refs"))


IN_CHUNK = 5_000  # values per IN (...) list, well under both backends' parameter limits
KNOWN_IDENTIFIERS = 1_000_000  # ids remembered across the chunks of one import (~150 MB at most)


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


@dataclass
class Written:
    """What one chunk did to the store."""

    created: int = 0
    updated: int = 0
    report_ids: list[int] = field(default_factory=list)
    rewritten: list[int] = field(default_factory=list)  # the updated ones: stored before
    # Per section (identifiers, parties, places): updated reports whose stored rows of it were
    # kept, as the submission did not carry that section (RawReport.given).
    kept: dict[str, int] = field(default_factory=dict)
    # Updated amber reports whose stored share list the submission emptied: each is now shown
    # to every member agency, which the answer must say (service.shares_note).
    shares_removed: list[str] = field(default_factory=list)


def identifier_ids(
    session: Session,
    sightings: Iterable[SightingRow],
    known: dict[tuple[str, str], int] | None = None,
) -> dict[tuple[str, str], int]:
    """Return the id of each (kind, value), adding the identifiers not stored yet.

    ``known`` remembers ids across the chunks of one import, so an identifier seen again is
    not looked up again; it must be dropped if the transaction that added them rolls back.
    """
    ids = {} if known is None else known
    wanted: dict[tuple[str, str], SightingRow] = {}
    for s in sightings:
        key = (s.kind, s.value)
        if key not in ids:
            wanted.setdefault(key, s)
    if not wanted:
        return ids
    if len(ids) + len(wanted) > KNOWN_IDENTIFIERS:
        ids.clear()
    connection = session.connection()
    ids.update(_lookup(connection, list(wanted)))
    missing = [s for key, s in wanted.items() if key not in ids]
    if missing:
        table = _table(Identifier)
        statement = (
            insert_for(session, table)
            .on_conflict_do_nothing(index_elements=["kind", "value"])
            .returning(table.c.id, table.c.kind, table.c.value)
        )
        added = connection.execute(
            statement,
            [
                {
                    "kind": s.kind,
                    "value": s.value,
                    "country": s.country,
                    "shared_platform": s.shared_platform,
                }
                for s in missing
            ],
        )
        ids.update({(kind, value): ident_id for ident_id, kind, value in added})
        # Rows another writer added meanwhile are skipped by ON CONFLICT: read their ids.
        raced = [(s.kind, s.value) for s in missing if (s.kind, s.value) not in ids]
        if raced:
            ids.update(_lookup(connection, raced))
    return ids


def _lookup(connection: Connection, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    # One IN list per kind, so the look-up uses the unique (kind, value) index.
    by_kind: dict[str, list[str]] = {}
    for kind, value in wanted:
        by_kind.setdefault(kind, []).append(value)
    ids: dict[tuple[str, str], int] = {}
    query = _prepared(connection.dialect, "identifiers")
    for kind, values in by_kind.items():
        for start in range(0, len(values), IN_CHUNK):
            rows = query.raw(connection, {"kind": kind, "values": values[start : start + IN_CHUNK]})
            ids.update({(kind, value): ident_id for ident_id, value in rows})
    return ids


def existing_reports(session: Session, agency_id: int, refs: Sequence[str]) -> dict[str, int]:
    """Return the ids of this agency's reports with these external references."""
    found: dict[str, int] = {}
    connection = session.connection()
    query = _prepared(connection.dialect, "reports")
    for start in range(0, len(refs), IN_CHUNK):
        rows = query.raw(
            connection, {"agency": agency_id, "refs": list(refs[start : start + IN_CHUNK])}
        )
        found.update({ref: report_id for ref, report_id in rows})
    return found


# The linked rows of a resubmitted report, and the section of a submission that replaces
# them. A section not given brings no rows (RawReport.given), so its stored rows stay as they
# are; shares are handled by _replace_shares.
_CHILDREN: tuple[tuple[type[Base], str], ...] = (
    (Sighting, "identifiers"),
    (Party, "parties"),
    (Place, "places"),
)


def write_chunk(
    session: Session,
    *,
    agency_id: int,
    batch_id: int,
    reports: list[NormalReport],
    share_ids: dict[str, int],
    known: dict[tuple[str, str], int] | None = None,
) -> Written:
    """Store a chunk of reports: new ones inserted, resubmitted ones replaced in place.

    A resubmitted report's identifiers, parties and places are replaced only where the
    submission gives that section (``NormalReport.given``); the others are kept.

    ``known``: identifier ids remembered across chunks (see ``identifier_ids``).
    """
    written = Written()
    if not reports:
        return written
    mark_changed(session)
    session.flush()  # statements below go to the connection, which does not autoflush
    lock_intake(session)  # before looking up which external_refs are stored already
    # After the lock: a batch that queued for it stamps its rewrites later than the batch it
    # waited for created them, so updated_at never reads earlier than created_at on one host.
    now = utcnow()
    connection = session.connection()
    existing = existing_reports(session, agency_id, [r.external_ref for r in reports])
    fresh = [r for r in reports if r.external_ref not in existing]
    again = [r for r in reports if r.external_ref in existing]
    ids: dict[str, int] = {}
    if again:
        session.execute(
            update(Report),
            [
                {
                    **r.values,
                    "id": existing[r.external_ref],
                    "batch_id": batch_id,
                    "updated_at": now,
                }
                for r in again
            ],
        )
        for model, section in _CHILDREN:
            replaced = [existing[r.external_ref] for r in again if section in r.given]
            if len(replaced) < len(again):
                written.kept[section] = len(again) - len(replaced)
            for start in range(0, len(replaced), IN_CHUNK):
                chunk = replaced[start : start + IN_CHUNK]
                connection.execute(delete(model).where(_table(model).c.report_id.in_(chunk)))
        written.shares_removed = _replace_shares(connection, again, existing)
        ids.update({r.external_ref: existing[r.external_ref] for r in again})
    if fresh:
        # A plain executemany, then the new ids by (agency, external_ref), its unique index:
        # cheaper than RETURNING, which SQLAlchemy must batch into multi-row INSERTs (and
        # sends one row at a time on SQLite when asked to keep the parameters' order).
        names = tuple(fresh[0].values)
        insert_rows(
            session,
            Report,
            (*names, "agency_id", "batch_id", "created_at", "updated_at"),
            ((*(r.values[n] for n in names), agency_id, batch_id, now, now) for r in fresh),
        )
        ids.update(existing_reports(session, agency_id, [r.external_ref for r in fresh]))
    _write_children(session, reports, ids, share_ids, known)
    written.created, written.updated = len(fresh), len(again)
    written.rewritten = [ids[r.external_ref] for r in again]
    written.report_ids = [ids[r.external_ref] for r in reports]
    return written


def _replace_shares(
    connection: Connection, again: list[NormalReport], existing: dict[str, int]
) -> list[str]:
    """Delete the stored share lists the resubmitted reports replace; return the references of
    the amber ones left with none, now shown to every member agency.

    A list is replaced when the submission carries share_with (``RawReport.given``), and when
    the report is no longer amber: only an amber report is narrowed, so any other mark has no
    list (as a new report of that mark could not have one).
    """
    replaced = {
        existing[r.external_ref]: r
        for r in again
        if SHARES in r.given or r.values["mark"] != "amber"
    }
    table = _table(ReportShare)
    had: set[int] = set()
    listed = list(replaced)
    for start in range(0, len(listed), IN_CHUNK):
        chunk = listed[start : start + IN_CHUNK]
        # RETURNING tells which reports had a list, in the statement that deletes it: no
        # read of the stored lists is added to a resubmission.
        deleted = connection.execute(
            delete(table).where(table.c.report_id.in_(chunk)).returning(table.c.report_id)
        )
        had.update(deleted.scalars())
    return [
        r.external_ref
        for report_id, r in replaced.items()
        if report_id in had and not r.share_with and r.values["mark"] == "amber"
    ]


def _write_children(
    session: Session,
    reports: list[NormalReport],
    ids: dict[str, int],
    share_ids: dict[str, int],
    known: dict[tuple[str, str], int] | None,
) -> None:
    ident_ids = identifier_ids(session, (s for r in reports for s in r.sightings), known)
    insert_rows(
        session,
        Sighting,
        ("report_id", "identifier_id", "role", "raw_value"),
        (
            (ids[r.external_ref], ident_ids[(s.kind, s.value)], s.role, s.raw_value)
            for r in reports
            for s in r.sightings
        ),
    )
    insert_rows(
        session,
        ReportShare,
        ("report_id", "agency_id"),
        ((ids[r.external_ref], share_ids[code]) for r in reports for code in r.share_with),
    )
    parties = [{**p, "report_id": ids[r.external_ref]} for r in reports for p in r.parties]
    places = [{**p, "report_id": ids[r.external_ref]} for r in reports for p in r.places]
    for model, rows in ((Party, parties), (Place, places)):
        if rows:
            session.connection().execute(insert(_table(model)), rows)
