"""Write normalised reports set-based: a few statements per chunk, never a row at a time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from counterscam.db.base import Base, utcnow
from counterscam.db.dialect import insert_for
from counterscam.db.models import Identifier, Party, Place, Report, ReportShare, Sighting
from counterscam.intake.normalise import NormalReport, SightingRow

IN_CHUNK = 5_000  # values per IN (...) list, well under both backends' parameter limits


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


@dataclass
class Written:
    """What one chunk did to the store."""

    created: int = 0
    updated: int = 0
    report_ids: list[int] = field(default_factory=list)


def identifier_ids(
    session: Session, sightings: Iterable[SightingRow]
) -> dict[tuple[str, str], int]:
    """Return the id of each (kind, value), adding the identifiers not stored yet."""
    wanted: dict[tuple[str, str], SightingRow] = {}
    for s in sightings:
        wanted.setdefault((s.kind, s.value), s)
    ids = _lookup(session, wanted)
    missing = [s for key, s in wanted.items() if key not in ids]
    if missing:
        table = _table(Identifier)
        statement = insert_for(session, table).on_conflict_do_nothing(
            index_elements=["kind", "value"]
        )
        session.execute(
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
        ids.update(_lookup(session, {(s.kind, s.value): s for s in missing}))
    return ids


def _lookup(session: Session, wanted: dict[tuple[str, str], Any]) -> dict[tuple[str, str], int]:
    values = sorted({value for _kind, value in wanted})
    ids: dict[tuple[str, str], int] = {}
    for start in range(0, len(values), IN_CHUNK):
        rows = session.execute(
            select(Identifier.id, Identifier.kind, Identifier.value).where(
                Identifier.value.in_(values[start : start + IN_CHUNK])
            )
        )
        for ident_id, kind, value in rows:
            if (kind, value) in wanted:
                ids[(kind, value)] = ident_id
    return ids


def existing_reports(session: Session, agency_id: int, refs: Sequence[str]) -> dict[str, int]:
    """Return the ids of this agency's reports with these external references."""
    found: dict[str, int] = {}
    for start in range(0, len(refs), IN_CHUNK):
        rows = session.execute(
            select(Report.external_ref, Report.id).where(
                Report.agency_id == agency_id,
                Report.external_ref.in_(refs[start : start + IN_CHUNK]),
            )
        )
        found.update({ref: report_id for ref, report_id in rows})
    return found


def write_chunk(
    session: Session,
    *,
    agency_id: int,
    batch_id: int,
    reports: list[NormalReport],
    share_ids: dict[str, int],
) -> Written:
    """Store a chunk of reports: new ones inserted, resubmitted ones replaced in place."""
    written = Written()
    if not reports:
        return written
    now = utcnow()
    known = existing_reports(session, agency_id, [r.external_ref for r in reports])
    fresh = [r for r in reports if r.external_ref not in known]
    again = [r for r in reports if r.external_ref in known]
    ids: dict[str, int] = {}
    if again:
        again_ids = [known[r.external_ref] for r in again]
        session.execute(
            update(Report),
            [
                {**r.values, "id": known[r.external_ref], "batch_id": batch_id, "updated_at": now}
                for r in again
            ],
        )
        for model in (Sighting, Party, Place, ReportShare):
            for start in range(0, len(again_ids), IN_CHUNK):
                chunk = again_ids[start : start + IN_CHUNK]
                session.execute(delete(model).where(_table(model).c.report_id.in_(chunk)))
        ids.update({r.external_ref: known[r.external_ref] for r in again})
    if fresh:
        table = _table(Report)
        new_ids = session.scalars(
            insert(table).returning(table.c.id, sort_by_parameter_order=True),
            [
                {
                    **r.values,
                    "agency_id": agency_id,
                    "batch_id": batch_id,
                    "created_at": now,
                    "updated_at": now,
                }
                for r in fresh
            ],
        ).all()
        ids.update({r.external_ref: new_id for r, new_id in zip(fresh, new_ids, strict=True)})
    _write_children(session, reports, ids, share_ids)
    written.created, written.updated = len(fresh), len(again)
    written.report_ids = [ids[r.external_ref] for r in reports]
    return written


def _write_children(
    session: Session, reports: list[NormalReport], ids: dict[str, int], share_ids: dict[str, int]
) -> None:
    ident_ids = identifier_ids(session, (s for r in reports for s in r.sightings))
    sightings = [
        {
            "report_id": ids[r.external_ref],
            "identifier_id": ident_ids[(s.kind, s.value)],
            "role": s.role,
            "raw_value": s.raw_value,
        }
        for r in reports
        for s in r.sightings
    ]
    parties = [{**p, "report_id": ids[r.external_ref]} for r in reports for p in r.parties]
    places = [{**p, "report_id": ids[r.external_ref]} for r in reports for p in r.places]
    shares = [
        {"report_id": ids[r.external_ref], "agency_id": share_ids[code]}
        for r in reports
        for code in r.share_with
    ]
    for model, rows in (
        (Sighting, sightings),
        (Party, parties),
        (Place, places),
        (ReportShare, shares),
    ):
        if rows:
            session.execute(insert(_table(model)), rows)
