"""Files other systems export: quoted headings, damaged shared strings, sheets of millions of
cells; read as the same columns, or refused naming the cell or the limit, storing nothing."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.api.app import create_app
from counterscam.cli.main import app
from counterscam.config import Settings
from counterscam.db.models import Report, Sighting
from counterscam.intake import columns
from counterscam.intake.files import read_batch
from counterscam.intake.records import RawReport
from counterscam.intake.tables import Limits, Source
from counterscam.intake.xml_parts import sheet_size
from tests.intake.test_api import auth
from tests.workbooks import padded, with_shared_strings, workbook

REPORT = [
    "SQL-1",
    "2026-03-01",
    "",
    "investment",
    "whatsapp",
    "100",
    "MYR",
    "",
    "",
    "",
    "From the case system",
    "green",
    "",
]


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    # The API's fixture's limits: 5 reports a batch, 20,000 bytes an upload.
    settings = Settings(demo=True, max_upload_bytes=20_000, max_batch_reports=5)
    with TestClient(create_app(settings=settings, engine=engine)) as c:
        yield c


def _reports(session: Session) -> list[Report]:
    return list(session.scalars(select(Report)))


def _post(client: TestClient, session: Session, name: str, content: bytes) -> Any:
    files = [("files", (name, content, "application/octet-stream"))]
    return client.post("/api/v1/uploads", files=files, headers=auth(session, "MY-NSRC"))


# --- headings quoted by the tool that exported them ------------------------------------------


def _quoted_header() -> list[str]:
    """The reports header as database tools and pasting leave it, one column per way."""
    quoted = {
        "external_ref": "[external_ref]",  # SQL Server
        "reported_at": '"reported_at"',  # a CSV quoted twice
        "scam_type": "`scam_type`",  # MySQL
        "channel": "'channel'",
        "loss_amount": "[Loss Amount]",
        "narrative": "\ufeffnarrative",  # a BOM, in a later column
        "mark": "[mark]\u00a0",  # a non-breaking space after the brackets
        "share_with": "\u200b[share_with]",
    }
    return [quoted.get(name, name) for name in columns.names("reports")]


def test_a_sql_server_csv_export_imports_from_the_cli(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    # "[external_ref]" was an unknown column, and external_ref a required column missing.
    header = ",".join('"""reported_at"""' if h == '"reported_at"' else h for h in _quoted_header())
    (tmp_path / "reports.csv").write_text(f"{header}\n{','.join(REPORT)}\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    assert "1 accepted, 0 rejected, 1 created" in result.output
    (report,) = _reports(session)
    assert (report.external_ref, report.mark) == ("SQL-1", "green")


def test_a_workbook_with_quoted_headings_uploads_through_the_api(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    book = workbook({"reports": [_quoted_header(), REPORT]})
    answer = _post(client, session, "export.xlsx", book)
    assert answer.status_code == 201, answer.text
    assert [r.external_ref for r in _reports(session)] == ["SQL-1"]


def test_a_heading_quoted_any_other_way_is_still_an_unknown_column(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    header = columns.names("reports")
    header[header.index("mark")] = "[[mark]]"
    header[header.index("narrative")] = '[narrative"'
    header.append("[notes]")
    answer = _post(client, session, "r.csv", f"{','.join(header)}\n".encode())
    assert answer.status_code == 422
    errors = [(e["column"], e["reason"].split(";")[0]) for e in answer.json()["errors"]]
    assert errors == [
        ('[narrative"', "unknown column"),
        ("[mark]", "unknown column"),
        ("notes", "unknown column"),
        ("mark", "required column missing"),
    ]


# --- a shared string the file does not hold --------------------------------------------------


def _with_shared_strings(book: bytes, cells: dict[str, int]) -> bytes:
    """Point ``cells`` of the reports sheet at shared strings "whatsapp" and "investment"."""
    return with_shared_strings(book, cells, ("whatsapp", "investment"))


def test_shared_strings_in_range_are_read() -> None:
    # The other tests' workbook, with its strings in range, is read as Excel would show it.
    book = _with_shared_strings(
        workbook({"reports": [columns.names("reports"), REPORT]}), {"E2": 0}
    )
    (raw,) = read_batch([Source("r.xlsx", content=book)], Limits())
    assert isinstance(raw, RawReport)
    assert raw.data["channel"] == "whatsapp"


@pytest.mark.parametrize(
    ("cell", "index", "column"),
    [("D2", -1, "scam_type"), ("D2", 2, "scam_type"), ("D2", -3, "scam_type"), ("K1", -1, "")],
)
def test_a_cell_pointing_to_a_missing_shared_string_is_refused_naming_it(
    client: TestClient,
    session: Session,
    agencies: dict[str, Caller],
    cell: str,
    index: int,
    column: str,
) -> None:
    # openpyxl read string -1 as the last one: D2 was stored as "investment", whatever the
    # cell held, and K1 made the narrative column "investment", an unknown column.
    book = _with_shared_strings(
        workbook({"reports": [columns.names("reports"), REPORT]}), {"E2": 0, cell: index}
    )
    answer = _post(client, session, "r.xlsx", book)
    assert answer.status_code == 422, answer.text
    (error,) = answer.json()["errors"]
    assert (error["file"], error["row"], error["column"]) == ("reports", int(cell[1]), column)
    assert error["reason"].startswith(
        f"cell {cell} points to shared string {index}, which does not exist (the file holds 2)"
    )
    assert "Re-save the file from your spreadsheet program" in error["reason"]
    assert _reports(session) == []


# --- sheets of more rows and cells than a batch needs ----------------------------------------


def test_a_sheet_of_blank_cells_past_the_batch_limit_is_refused_before_it_is_read(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    # Millions of empty <c/> cells pack within the zip-bomb ratio: 10 million took a server
    # a minute to read, then stored the one report they followed. Here 5 reports a batch
    # make room for 2,500 rows and cells; 3,000 blank cells follow the report.
    blank = b"".join(
        b'<row r="%d">' % n + b'<c s="%d"/>' % (n % 7) * 20 + b"</row>" for n in range(3, 153)
    )
    book = padded(workbook({"reports": [columns.names("reports"), REPORT]}), 1, blank)
    answer = _post(client, session, "r.xlsx", book)
    assert answer.status_code == 422, answer.text
    (error,) = answer.json()["errors"]
    assert error["file"] == "reports"
    assert "sheets hold more than 2,500 rows and cells" in error["reason"]
    assert "at most 5 reports" in error["reason"] and "split the file" in error["reason"]
    assert _reports(session) == []


def test_a_full_batch_with_many_identifiers_a_report_is_within_the_limit(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    # 5 reports (the batch limit) of 15 identifiers each, as openpyxl writes them (three
    # XML elements a text cell): what an honest workbook holds is never refused as too big.
    reports = [[f"SQL-{n}", *REPORT[1:]] for n in range(5)]
    identifiers = [
        [f"SQL-{n}", "url", f"https://x{n}-{i}.example.com/", "website", "", ""]
        for n in range(5)
        for i in range(15)
    ]
    book = workbook(
        {
            "reports": [columns.names("reports"), *reports],
            "identifiers": [columns.names("identifiers"), *identifiers],
        }
    )
    answer = _post(client, session, "r.xlsx", book)
    assert answer.status_code == 201, answer.text
    assert len(_reports(session)) == 5
    assert session.scalar(select(func.count()).select_from(Sighting)) >= 75


def test_a_row_wider_than_a_spreadsheet_is_refused_before_it_is_read_from_the_cli(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    # The CLI has no batch limit, but one row of millions of empty cells was read whole
    # into memory (5 million took 3 GB and half a minute) before its blank cells were skipped.
    row = b'<row r="3">' + b"<c/>" * 70_000 + b"</row>"
    book = padded(workbook({"reports": [columns.names("reports"), REPORT]}), 1, row)
    (tmp_path / "wide.xlsx").write_bytes(book)
    result = runner.invoke(app, ["import", str(tmp_path / "wide.xlsx"), "--agency", "MY-NSRC"])
    assert result.exit_code != 0
    assert "row 3 holds more than 16,384 cells" in result.output
    assert _reports(session) == []


def test_rows_are_counted_whatever_their_prefix_and_chunks() -> None:
    # Writers built on the Open XML SDK prefix every tag (<x:row>); a part is read in 1 MiB
    # chunks, so rows cut at a chunk's end must be counted once, and what follows the rows
    # (hyperlinks, merged cells) belongs to no row.
    rows = b"".join(
        b'<x:row r="%d"><x:c r="A%d"><x:v>1</x:v></x:c></x:row>' % (n, n) for n in range(1, 60_001)
    )
    links = b"<x:hyperlinks>" + b'<x:hyperlink ref="A1"/>' * 70_000 + b"</x:hyperlinks>"
    part = b"<x:worksheet><x:sheetData>" + rows + b"</x:sheetData>" + links + b"</x:worksheet>"
    assert len(part) > 3 * 1024 * 1024
    size = sheet_size(io.BytesIO(part), max_elements=None, max_rows=60_000, row_elements=100)
    assert (size.rows, size.passed, size.elements) == (60_000, None, 2 + 180_000 + 70_001)
    size = sheet_size(io.BytesIO(part), max_elements=None, max_rows=59_999, row_elements=100)
    assert (size.passed, size.row) == ("rows", 60_000)
