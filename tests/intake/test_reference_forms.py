"""A reference typed in composed or decomposed Unicode is one reference.

Vietnamese keyboards and IMEs write "Hà Nội" either with one code point a letter (NFC) or as
letters followed by combining accents (NFD): the two look the same, and were stored as two
references, so resubmitting a report from another keyboard made a second report.
"""

from __future__ import annotations

import unicodedata

from alembic import command
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.config import Settings
from counterscam.db.migrate import alembic_config, upgrade
from counterscam.db.models import Report, Sighting
from counterscam.intake.files import read_batch
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import BatchResult, submit
from counterscam.intake.tables import Limits, Source
from tests.intake.conftest import doc_report

COMPOSED = unicodedata.normalize("NFC", "VN-Hà-Nội-1")
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def _send(session: Session, caller: Caller, ref: str) -> BatchResult:
    report = doc_report(external_ref=ref, identifiers=[], parties=[], places=[])
    raw = reports_of([report], file="request", limits=Limits())
    result = submit(session, caller, reports=raw, source="api", settings=Settings())
    assert result.status == "committed", result.errors
    return result


def test_a_reference_resubmitted_decomposed_updates_the_report(
    session: Session, agencies: dict[str, Caller]
) -> None:
    assert COMPOSED != DECOMPOSED
    first = _send(session, agencies["MY-NSRC"], COMPOSED)
    again = _send(session, agencies["MY-NSRC"], DECOMPOSED)
    assert (again.created, again.updated) == (0, 1)
    assert again.report_ids == first.report_ids
    assert session.scalars(select(Report.external_ref)).all() == [COMPOSED]


def test_a_decomposed_reference_is_stored_composed(
    session: Session, agencies: dict[str, Caller]
) -> None:
    _send(session, agencies["MY-NSRC"], DECOMPOSED)
    assert session.scalars(select(Report.external_ref)).all() == [COMPOSED]


def test_linked_rows_find_their_report_whichever_form_they_write(
    session: Session, agencies: dict[str, Caller]
) -> None:
    reports = (
        "external_ref,reported_at,scam_type,channel,mark\n"
        f"{COMPOSED},2026-03-01,investment,whatsapp,green\n"
    )
    identifiers = f"external_ref,kind,value,role\n{DECOMPOSED},phone,012-345 6789,caller\n"
    sources = [
        Source(name="reports.csv", content=reports.encode()),
        Source(name="identifiers.csv", content=identifiers.encode()),
    ]
    result = submit(
        session,
        agencies["MY-NSRC"],
        reports=read_batch(sources, Limits()),
        source="csv",
        settings=Settings(),
    )
    assert result.status == "committed", result.errors
    assert session.scalar(select(func.count()).select_from(Sighting)) == 1


def test_migration_composes_stored_references_unless_that_makes_a_twin(
    engine: Engine, session: Session, agencies: dict[str, Caller]
) -> None:
    caller = agencies["MY-NSRC"]
    alone = _send(session, caller, "VN-Hà-Nội-1").report_ids[0]
    twin = _send(session, caller, "VN-Huế-2").report_ids[0]
    kept = _send(session, caller, "VN-Huế-2-x").report_ids[0]
    other = _send(session, agencies["SG-ASCOM"], "VN-Hà-Nội-1").report_ids[0]
    # Stored before intake composed references: one decomposed reference of its own, and a
    # decomposed twin of a composed one the same agency also holds.
    decomposed = {alone: "VN-Hà-Nội-1", kept: "VN-Huế-2", other: "VN-Hà-Nội-1"}
    for report_id, ref in decomposed.items():
        nfd = unicodedata.normalize("NFD", ref)
        session.execute(update(Report).where(Report.id == report_id).values(external_ref=nfd))
    session.commit()
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    upgrade(engine)

    session.expire_all()
    stored = {i: ref for i, ref in session.execute(select(Report.id, Report.external_ref))}
    assert stored[alone] == unicodedata.normalize("NFC", "VN-Hà-Nội-1")
    assert stored[other] == stored[alone]  # another agency's reference is no twin
    assert stored[twin] == unicodedata.normalize("NFC", "VN-Huế-2")
    assert stored[kept] == unicodedata.normalize("NFD", "VN-Huế-2")  # left: it would collide
