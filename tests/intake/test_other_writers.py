"""Files other tools write and hostile files: read in full, refused cheaply, never re-run."""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from datetime import UTC, date, datetime
from typing import Any

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import ImportBatch, Party, Report
from counterscam.intake.records import RowError, parse_rejections_csv, rejections_csv
from counterscam.intake.tables import Limits
from tests.intake.test_files import reports_count, upload

HEADER = ["external_ref", "reported_at", "scam_type", "channel", "mark"]
FORMULA = '=HYPERLINK("http://x.example","click")'


def _book(rows: list[list[Any]], *, dimension: str | None = None) -> bytes:
    """Return a one-sheet workbook of reports; ``dimension`` rewrites its <dimension> element."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "reports"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    if dimension is None:
        return out.getvalue()
    # As some other writers leave it: stale, or "A1" whatever the sheet holds.
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    rewritten = io.BytesIO()
    with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', dimension.encode(), data)
            target.writestr(info, data)
    return rewritten.getvalue()


def _reports(n: int) -> list[list[Any]]:
    return [HEADER] + [[f"TH-{i}", "2026-03-01", "investment", "sms", "green"] for i in range(n)]


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_rejection_csv_quotes_every_formula_cell() -> None:
    errors = [
        RowError(f"{FORMULA}.csv", 2, "=cmd|' /C calc'!A0", "@SUM(A1)", f"{FORMULA} is twice"),
        RowError("r.csv", 3, "narrative", "'quoted by its writer", "+60 12-345 is not it"),
    ]
    text = rejections_csv(errors)
    assert not [c for c in _cells(text) if c[:1] in ("=", "+", "-", "@")]
    assert parse_rejections_csv(text) == errors  # the page shows what was sent


def test_formula_in_a_repeated_reference_is_not_re_exported(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # The reason quotes the reference ("=HYPERLINK(...) is also on row 2"): it was written
    # to the rejection file as a live formula.
    text = "external_ref,reported_at,scam_type,channel,mark\n" + (
        f'"{FORMULA.replace(chr(34), chr(34) * 2)}",2026-03-01,investment,sms,green\n' * 2
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()})
    assert result.status == "rejected" and reports_count(session) == 0
    assert result.errors[0].reason.startswith(FORMULA)
    stored = session.scalars(select(ImportBatch.rejections_csv)).one()
    assert not [c for c in _cells(stored) if c[:1] in ("=", "+", "-", "@")]


def test_formula_in_a_column_heading_is_not_re_exported(
    session: Session, agencies: dict[str, Caller]
) -> None:
    text = "external_ref,reported_at,scam_type,channel,mark,=cmd|'/C calc'!A0\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": (text + "A,,,,,\n").encode()})
    assert result.errors[0].column.startswith("=cmd")
    stored = session.scalars(select(ImportBatch.rejections_csv)).one()
    assert [c for c in _cells(stored) if "cmd" in c] == ["'=cmd|'/c_calc'!a0"] * 2


def test_xlsx_with_a_stale_dimension_is_read_in_full(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Three reports, but the sheet says it spans A1:E2: the reader kept one, and said nothing.
    book = _book(_reports(3), dimension='<dimension ref="A1:E2"/>')
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert (result.status, result.created) == ("committed", 3)
    # "A1", as some writers leave it, read as a header of one column.
    book = _book(_reports(3), dimension='<dimension ref="A1"/>')
    assert upload(session, agencies["MY-NSRC"], {"r.xlsx": book}).updated == 3
    assert reports_count(session) == 3


def test_xlsx_values_beyond_the_header_are_still_found(
    session: Session, agencies: dict[str, Caller]
) -> None:
    rows = _reports(2)
    rows[2] = rows[2] + [None] * 20 + ["a note far to the right"]
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": _book(rows)})
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.row, e.column, e.value) for e in result.errors] == [
        (3, "column Z", "a note far to the right")
    ]
    assert result.errors[0].reason.startswith(
        "cell Z3 holds a value, but the sheet's named columns end at column E: give its "
        "column a heading from the template, move the value into the column it belongs to, "
        "or delete it"
    )


def test_xlsx_rows_out_to_column_xfd_are_refused_quickly(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A row ending in the last column is 16,384 cells wide; 3,000 of them took 20 s.
    rows = _reports(3_000)
    book = _book(rows[:1])
    sheet_rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>R{n}</t></is></c>'
        f'<c r="XFD{n}"><v>1</v></c></row>'
        for n in range(2, 3_002)
    )
    source = zipfile.ZipFile(io.BytesIO(book))
    hostile = io.BytesIO()
    with zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", sheet_rows.encode() + b"</sheetData>")
            target.writestr(info, data)
    started = time.monotonic()
    result = upload(
        session,
        agencies["MY-NSRC"],
        {"r.xlsx": hostile.getvalue()},
        limits=Limits(max_bytes=1_000_000, max_reports=1_000),
    )
    assert time.monotonic() - started < 10
    assert result.status == "rejected" and reports_count(session) == 0
    assert "more than 1,000 reports" in result.errors[0].reason
    assert result.errors[0].row == 1_002


def test_xlsx_day_numbers_in_date_columns_are_dates(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A writer that leaves out the date format stores 2026-03-05 10:15 as 46086.427...
    rows: list[list[Any]] = [
        [*HEADER, "incident_at"],
        ["TH-1", 46086.42708333333, "investment", "sms", "green", 46080],
        ["TH-2", 1985, "investment", "sms", "green", None],  # a year, not day 1985
    ]
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": _book(rows)}, keep_valid=True)
    assert [(e.row, e.column, e.value) for e in result.errors] == [(3, "reported_at", "1985")]
    report = session.scalars(select(Report)).one()
    assert report.reported_at.replace(tzinfo=UTC) == datetime(2026, 3, 5, 2, 15, tzinfo=UTC)
    assert report.incident_at is not None and report.incident_at.date() == date(2026, 2, 26)


def test_xlsx_day_number_birth_date(session: Session, agencies: dict[str, Caller]) -> None:
    book = Workbook()
    reports, parties = book.active, book.create_sheet("parties")
    assert reports is not None
    reports.title = "reports"
    for row in _reports(1):
        reports.append(row)
    parties.append(["external_ref", "role", "full_name", "birth_date"])
    parties.append(["TH-0", "mule", "สมชาย ใจดี", 32910])  # 1990-02-06, no date format
    out = io.BytesIO()
    book.save(out)
    assert upload(session, agencies["MY-NSRC"], {"r.xlsx": out.getvalue()}).created == 1
    assert session.scalars(select(Party.birth_date)).one() == date(1990, 2, 6)


def test_a_header_of_a_million_commas_is_refused_at_once(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Each empty heading was an error of its own: 41 s and 2.9 GB for 1 MB of commas.
    text = ",".join(HEADER) + "," * 900_000 + "x\nA,2026-03-01,investment,sms,green\n"
    started = time.monotonic()
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()})
    assert time.monotonic() - started < 10
    assert [(e.row, e.reason[:43]) for e in result.errors] == [
        (1, "the header row (row 1) has 900,005 columns,")
    ]


def test_many_unknown_headings_are_listed_then_counted(
    session: Session, agencies: dict[str, Caller]
) -> None:
    text = ",".join(HEADER + [f"note {i}" for i in range(5_000)] + ["mark"]) + "\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()})
    assert len(result.errors) == 21
    assert result.errors[0].column == "note_0"
    assert result.errors[-1].reason.startswith("and 4,981 more columns that are unknown")
