"""Identifier, party and place rows per report and per batch are limited before they are built.

Each linked row is held in memory until its batch commits (2-3 KB a row), so an upload of a
50 MB identifiers.csv (1.6 million rows) needed several GB. A report past
COUNTERSCAM_MAX_REPORT_LINKED_ROWS, or an upload past COUNTERSCAM_MAX_BATCH_LINKED_ROWS, is
refused whole, naming the file, row and report, and nothing of it is stored. The limits are
small here so that the tests stay fast.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.api.app import create_app
from counterscam.cli.main import app
from counterscam.config import Settings
from counterscam.db.models import ImportBatch, Party, Sighting
from counterscam.intake.service import BatchResult
from counterscam.intake.tables import Limits
from tests.intake.conftest import REPORTS_CSV, doc_report
from tests.intake.test_api import auth
from tests.intake.test_files import reports_count, upload

LIMITS = Limits(max_bytes=1_000_000, max_reports=100, max_report_linked=3, max_batch_linked=5)
REPORTS_HEADER = REPORTS_CSV.splitlines()[0]
IDENTIFIERS_HEADER = "external_ref,kind,value,role,qualifier,country"
PARTIES_HEADER = "external_ref,role,full_name"
REFS = ("R-1", "R-2", "R-3")
FORMATS = ("csv", "json", "xlsx")
# Linked rows in file order: (report, "identifiers" or "parties"); identifiers first.
Linked = list[tuple[str, str]]


def _report(ref: str) -> list[str]:
    return [ref, "2026-03-01", "", "investment", "email", "100", "MYR", "", "", "", "x", "green"]


def _identifier(ref: str, i: int) -> list[str]:
    return [ref, "email", f"u{i}@scam-example.com", "email_sender", "", ""]


def _party(ref: str, i: int) -> list[str]:
    return [ref, "mule", f"Mule Number {i}"]


def _files(fmt: str, linked: Linked) -> dict[str, bytes]:
    """Return the batch of the three reports with ``linked`` rows, in one format."""
    idents = [_identifier(ref, i) for i, (ref, kind) in enumerate(linked) if kind == "identifiers"]
    parties = [_party(ref, i) for i, (ref, kind) in enumerate(linked) if kind == "parties"]
    reports = [_report(ref) for ref in REFS]
    if fmt == "csv":
        return {
            "reports.csv": _csv(REPORTS_HEADER, reports),
            "identifiers.csv": _csv(IDENTIFIERS_HEADER, idents),
            "parties.csv": _csv(PARTIES_HEADER, parties),
        }
    if fmt == "xlsx":
        book = Workbook()
        sheets = (
            ("reports", REPORTS_HEADER, reports),
            ("identifiers", IDENTIFIERS_HEADER, idents),
            ("parties", PARTIES_HEADER, parties),
        )
        for at, (title, header, rows) in enumerate(sheets):
            sheet = book.create_sheet(title, at)
            sheet.append(header.split(","))
            for row in rows:
                sheet.append(row)
        del book["Sheet"]
        out = io.BytesIO()
        book.save(out)
        return {"batch.xlsx": out.getvalue()}
    items = []
    for ref in REFS:
        report: dict[str, object] = dict(zip(REPORTS_HEADER.split(","), _report(ref), strict=False))
        report["identifiers"] = [
            dict(zip(("kind", "value", "role"), row[1:4], strict=True))
            for row in idents
            if row[0] == ref
        ]
        report["parties"] = [
            {"role": row[1], "full_name": row[2]} for row in parties if row[0] == ref
        ]
        items.append(report)
    return {"batch.json": json.dumps({"reports": items}).encode()}


def _csv(header: str, rows: list[list[str]]) -> bytes:
    return "\n".join([header, *(",".join(row) for row in rows)]).encode() + b"\n"


def _send(session: Session, caller: Caller, fmt: str, linked: Linked) -> BatchResult:
    return upload(session, caller, _files(fmt, linked), limits=LIMITS)


def _one_error(result: BatchResult) -> tuple[str, int, str, str]:
    assert result.status == "rejected", result
    assert len(result.errors) == 1, result.errors
    error = result.errors[0]
    return error.file, error.row, error.value, error.reason


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_report_and_a_batch_at_the_limits_are_accepted(
    session: Session, agencies: dict[str, Caller], fmt: str
) -> None:
    # R-1 names exactly 3 (identifiers and parties together), the batch exactly 5.
    linked = [("R-1", "identifiers"), ("R-1", "identifiers"), ("R-2", "identifiers")]
    linked += [("R-1", "parties"), ("R-3", "parties")]
    result = _send(session, agencies["MY-NSRC"], fmt, linked)
    assert (result.status, result.created, result.errors) == ("committed", 3, [])
    assert len(set(session.scalars(select(Sighting.raw_value)))) == 3
    assert session.scalar(select(func.count()).select_from(Party)) == 2


@pytest.mark.parametrize(
    ("fmt", "where"),
    [
        # The first linked row past the limit, and the report's own row.
        ("csv", ("parties.csv", 3, "R-2")),
        ("xlsx", ("parties", 3, "R-2")),
        # JSON: the report, whose lists are counted before any of them is built.
        ("json", ("batch.json", 2, "R-2")),
    ],
)
def test_a_report_past_the_limit_is_refused_naming_it(
    session: Session, agencies: dict[str, Caller], fmt: str, where: tuple[str, int, str]
) -> None:
    linked = [("R-1", "identifiers"), ("R-2", "identifiers"), ("R-2", "identifiers")]
    linked += [("R-2", "parties"), ("R-2", "parties")]
    file, row, value, reason = _one_error(_send(session, agencies["MY-NSRC"], fmt, linked))
    assert (file, row, value) == where
    assert "report R-2" in reason and "at most 3" in reason
    assert "split the case into several reports" in reason
    if fmt != "json":
        assert "row 3 of" in reason  # where R-2 itself is
    else:
        assert "has 4 identifier, party and place rows" in reason
    assert reports_count(session) == 0
    assert session.scalar(select(func.count()).select_from(Sighting)) == 0


def test_a_report_is_counted_when_its_rows_are_not_in_the_reports_order(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A linked file in another order is grouped in memory: it is counted before that too.
    linked = [(ref, "identifiers") for ref in ("R-3", "R-1", "R-3", "R-2", "R-3", "R-3")]
    result = upload(
        session, agencies["MY-NSRC"], _files("csv", linked), limits=Limits(max_report_linked=3)
    )
    assert _one_error(result)[:3] == ("identifiers.csv", 7, "R-3")
    assert reports_count(session) == 0


@pytest.mark.parametrize(
    ("fmt", "where"),
    [("csv", ("parties.csv", 4)), ("xlsx", ("parties", 4)), ("json", ("batch.json", 3))],
)
def test_a_batch_past_the_limit_is_refused_naming_where(
    session: Session, agencies: dict[str, Caller], fmt: str, where: tuple[str, int]
) -> None:
    # No report past its limit (2 each), 6 rows in all.
    linked = [(ref, "identifiers") for ref in REFS] + [(ref, "parties") for ref in REFS]
    file, row, _, reason = _one_error(_send(session, agencies["MY-NSRC"], fmt, linked))
    assert (file, row) == where
    assert "more than 5 identifier, party and place rows" in reason
    assert "Split it into smaller batches" in reason
    assert reports_count(session) == 0


def test_an_xlsx_sheet_past_the_batch_limit_is_refused_as_it_is_read(
    session: Session, agencies: dict[str, Caller]
) -> None:
    linked = [(ref, "identifiers") for ref in REFS * 2]
    file, row, _, reason = _one_error(_send(session, agencies["MY-NSRC"], "xlsx", linked))
    assert (file, row) == ("identifiers", 7)
    assert "more than 5 identifier, party and place rows" in reason


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    settings = Settings(demo=True, max_report_linked_rows=2, max_batch_linked_rows=4)
    with TestClient(create_app(settings=settings, engine=engine)) as c:
        yield c


def test_the_api_and_uploads_take_the_limits_from_the_settings(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    headers = auth(session, "MY-NSRC")
    identifiers = [
        {"kind": "email", "value": f"u{i}@x-scam.com", "role": "email_sender"} for i in range(3)
    ]
    report = doc_report(identifiers=identifiers, parties=[], places=[])
    answer = client.post("/api/v1/reports", json=report, headers=headers)
    assert answer.status_code == 422
    error = answer.json()["errors"][0]
    assert (error["row"], error["value"]) == (1, "MY-2026-000123")
    assert "at most 2" in error["reason"]
    linked = [(ref, "identifiers") for ref in ("R-1", "R-1", "R-2", "R-2", "R-3")]
    files = [("files", (name, content)) for name, content in _files("csv", linked).items()]
    answer = client.post("/api/v1/uploads", files=files, headers=headers)
    assert answer.status_code == 422
    error = answer.json()["errors"][0]
    assert (error["file"], error["row"]) == ("identifiers.csv", 6)
    assert "more than 4" in error["reason"]
    assert reports_count(session) == 0
    assert set(session.scalars(select(ImportBatch.status))) == {"rejected"}


@pytest.mark.parametrize("worker", ["never", "always"])
def test_the_cli_limits_reports_but_not_batches(
    runner: CliRunner,
    session: Session,
    agencies: dict[str, Caller],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    worker: str,
) -> None:
    # The CLI streams a batch of any size (a region's agency folder holds hundreds of
    # thousands of linked rows), but holds one report's rows whole.
    monkeypatch.setenv("COUNTERSCAM_MAX_REPORT_LINKED_ROWS", "2")
    monkeypatch.setenv("COUNTERSCAM_MAX_BATCH_LINKED_ROWS", "1")
    monkeypatch.setenv("COUNTERSCAM_IMPORT_WORKER", worker)
    linked = [(ref, "identifiers") for ref in ("R-1", "R-1", "R-2", "R-3")]
    for name, content in _files("csv", linked).items():
        (tmp_path / name).write_bytes(content)
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    assert "3 accepted, 0 rejected, 3 created" in result.output
    more = [*linked, ("R-2", "identifiers"), ("R-2", "identifiers")]  # R-2's third on row 7
    (tmp_path / "identifiers.csv").write_bytes(_files("csv", more)["identifiers.csv"])
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 1
    assert "identifiers.csv row 7" in result.output
    assert "report R-2 (row 3 of reports.csv) has more than 2" in " ".join(result.output.split())
    assert len(set(session.scalars(select(Sighting.raw_value)))) == 4  # the first import's
