"""A resubmission replaces the sections it gives and keeps those it leaves out.

Re-importing reports.csv alone (to correct a loss, say) wiped every identifier, party and
place of its reports, and the alerts they had raised, while the import said only "updated".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.cli.main import app
from counterscam.config import Settings
from counterscam.db.models import Alert, Party, Place, Report, Sighting
from counterscam.intake.files import read_batch
from counterscam.intake.json_files import reports_of
from counterscam.intake.prepare import Prepared
from counterscam.intake.service import BatchResult, submit
from counterscam.intake.tables import Limits, Source
from counterscam.intake.worker import prepared_in_worker, prepared_inline
from tests.intake.conftest import (
    IDENTIFIERS_CSV,
    PARTIES_CSV,
    REPORTS_CSV,
    doc_report,
    write_csv_set,
)
from tests.intake.test_api import auth, client
from tests.workbooks import workbook

__all__ = ["client"]

CORRECTED = REPORTS_CSV.replace('"12,500.50"', "13000")


def _stored(session: Session) -> dict[str, tuple[int, int, int]]:
    """(sightings, parties, places) of each stored report, by reference."""
    session.expire_all()

    def count(model: type[Sighting | Party | Place], report_id: int) -> int:
        query = select(func.count()).select_from(model).where(model.report_id == report_id)
        return session.scalar(query) or 0

    return {
        r.external_ref: (count(Sighting, r.id), count(Party, r.id), count(Place, r.id))
        for r in session.scalars(select(Report))
    }


def _alerts(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Alert)) or 0


def _singapore_names_the_phone(session: Session, agencies: dict[str, Caller]) -> None:
    """SG reports MY-1's phone, a cross-border match that alerts both agencies."""
    report = doc_report(
        external_ref="SG-1",
        mark="green",
        identifiers=[{"kind": "phone", "value": "+60 12-345 6789", "role": "caller"}],
    )
    raw = reports_of([report], file="request", limits=Limits())
    result = submit(session, agencies["SG-ASCOM"], reports=raw, source="api", settings=Settings())
    assert result.status == "committed", result.errors


def _import(runner: CliRunner, *paths: Path) -> str:
    result = runner.invoke(app, ["import", *map(str, paths), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_reports_csv_alone_keeps_identifiers_parties_places_and_alerts(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    full = tmp_path / "full"
    full.mkdir()
    write_csv_set(full)
    _import(runner, full)
    _singapore_names_the_phone(session, agencies)
    before = _stored(session)
    assert before["MY-1"] == (3, 1, 0) and before["MY-2"] == (1, 0, 1)  # a link names its domain
    assert _alerts(session) == 2

    (full / "reports.csv").write_text(CORRECTED)
    output = _import(runner, full / "reports.csv")

    assert "0 created, 2 updated" in output
    assert "Kept as stored: the identifiers, parties and places of 2 resubmitted reports" in output
    assert _stored(session) == before
    assert _alerts(session) == 2  # MY-1 still names the phone Singapore reported
    loss = session.scalar(select(Report.loss_amount).where(Report.external_ref == "MY-1"))
    assert loss == 13000


def test_a_linked_file_given_replaces_even_without_rows_for_a_report(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    for name, text in (
        ("reports.csv", REPORTS_CSV),
        ("identifiers.csv", IDENTIFIERS_CSV),
        ("parties.csv", PARTIES_CSV),
    ):
        (tmp_path / name).write_text(text)
    _import(runner, tmp_path)
    _singapore_names_the_phone(session, agencies)
    assert _alerts(session) == 2
    # Identifiers given, MY-1's phone gone from them: replaced. Parties not given: kept.
    (tmp_path / "identifiers.csv").write_text(
        "external_ref,kind,value,role,qualifier,country\nMY-2,phone,081 234 5678,caller,,TH\n"
    )
    output = _import(runner, tmp_path / "reports.csv", tmp_path / "identifiers.csv")

    assert "the parties and places of 2 resubmitted reports" in output
    assert "identifiers," not in output.split("Kept as stored:")[1].split(".")[0]
    assert {k: v for k, v in _stored(session).items() if k != "SG-1"} == {
        "MY-1": (0, 1, 0),
        "MY-2": (1, 0, 0),
    }
    assert _alerts(session) == 0  # MY-1 no longer names the phone: its alerts are withdrawn


def _submit_workbook(session: Session, caller: Caller, sheets: dict[str, Any]) -> BatchResult:
    source = Source(name="reports.xlsx", content=workbook(sheets))
    raw = read_batch([source], Limits())
    result = submit(session, caller, reports=raw, source="xlsx", settings=Settings())
    assert result.status == "committed", result.errors
    return result


def _rows(text: str) -> list[list[str]]:
    return [line.split(",") for line in text.splitlines()]


def test_xlsx_without_a_sheet_keeps_and_with_its_header_replaces(
    session: Session, agencies: dict[str, Caller]
) -> None:
    caller = agencies["MY-NSRC"]
    reports = _rows(REPORTS_CSV.replace('"12,500.50"', "12500.50"))
    identifiers = _rows(IDENTIFIERS_CSV)
    _submit_workbook(session, caller, {"reports": reports, "identifiers": identifiers})
    assert _stored(session) == {"MY-1": (3, 0, 0), "MY-2": (1, 0, 0)}

    left_out = _submit_workbook(session, caller, {"reports": reports})
    assert left_out.kept == {"identifiers": 2, "parties": 2, "places": 2}
    # A blank sheet (not even a header row), as some writers add all four, says nothing either.
    blank = _submit_workbook(session, caller, {"reports": reports, "identifiers": []})
    assert blank.kept["identifiers"] == 2
    assert _stored(session) == {"MY-1": (3, 0, 0), "MY-2": (1, 0, 0)}

    header_only = _submit_workbook(
        session, caller, {"reports": reports, "identifiers": [identifiers[0]]}
    )
    assert "identifiers" not in header_only.kept
    assert _stored(session) == {"MY-1": (0, 0, 0), "MY-2": (0, 0, 0)}


def test_json_without_a_key_keeps_and_with_an_empty_list_clears(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    headers = auth(session, "MY-NSRC")
    first = client.post("/api/v1/reports", json=doc_report(), headers=headers)
    assert first.status_code == 201, first.text
    assert "kept" not in first.json()  # nothing resubmitted: the answer is as before
    ref = doc_report()["external_ref"]
    assert _stored(session) == {ref: (2, 1, 1)}

    corrected = {k: v for k, v in doc_report(loss_amount="13000").items() if k != "identifiers"}
    corrected["parties"] = None  # as serialisers write an unset list
    answer = client.post("/api/v1/reports", json=corrected, headers=headers)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["updated"] == 1
    assert body["kept"] == {"identifiers": 1, "parties": 1}
    assert body["note"].startswith("Kept as stored: the identifiers and parties of 1")
    assert _stored(session) == {ref: (2, 1, 1)}  # places given again: replaced by the same
    # The batch read again later says it too (its page is drawn from the stored batch).
    again = client.get(f"/api/v1/batches/{body['batch_id']}", headers=headers).json()
    assert (again["kept"], again["note"]) == (body["kept"], body["note"])

    cleared = doc_report(identifiers=[], parties=[], places=[])
    answer = client.post("/api/v1/reports/batch", json={"reports": [cleared]}, headers=headers)
    assert answer.status_code == 201, answer.text
    assert "kept" not in answer.json()
    assert _stored(session) == {ref: (0, 0, 0)}


def test_a_large_import_prepared_in_a_worker_keeps_what_was_left_out(tmp_path: Path) -> None:
    # Files of 4 MB or more are prepared in worker processes: what a report's submission gave
    # must survive the trip, or a big reports.csv alone would still wipe its identifiers.
    (tmp_path / "reports.csv").write_text(REPORTS_CSV)
    (tmp_path / "parties.csv").write_text(PARTIES_CSV)
    sources = [Source(name=p.name, path=p) for p in sorted(tmp_path.glob("*.csv"))]
    worked = list(prepared_in_worker(sources, Limits(), "MY", workers=1))
    assert worked == list(prepared_inline(sources, Limits(), "MY"))
    given = {p.normal.given for p in worked if isinstance(p, Prepared) and p.normal}
    assert given == {frozenset({"parties", "share_with"})}
