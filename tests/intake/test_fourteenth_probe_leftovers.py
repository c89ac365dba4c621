"""What the fourteenth probe left: a CSV file padded with NULs by a save cut off, and hostile
workbooks whose cells come out of order, twice, or holding what their type cannot hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Report
from counterscam.intake.csv_files import csv_table
from counterscam.intake.records import FileProblem
from counterscam.intake.tables import Source
from tests.intake.conftest import REPORTS_CSV
from tests.intake.test_files import reports_count, upload
from tests.workbooks import changed, workbook

HEADER = "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,narrative,mark\n"
COLUMNS = HEADER.strip().split(",")
ROW = ["X-1", "2026-03-01", "investment", "sms", 100, "MYR", "x", "green"]
CRASHED = "as a save cut off by a crash or a full disk leaves a file"


def _refused(session: Session, caller: Caller, files: dict[str, bytes]) -> tuple[int, str]:
    result = upload(session, caller, files, keep_valid=True)
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    return error.row, error.reason


@pytest.mark.parametrize(
    ("tail", "row", "where"),
    [
        # The NULs cut a row off inside its values (no line break after them)...
        ("MY-3,2026-03-02,,invest", 4, "from row 4 on, cutting that row off"),
        # ... or follow a whole line: the rows after it were never written.
        ("", 3, "after row 3"),
    ],
)
def test_a_csv_file_padded_with_nuls_by_a_cut_off_save_gets_one_error_saying_so(
    session: Session, agencies: dict[str, Caller], tail: str, row: int, where: str
) -> None:
    # It was refused, but with a row cut short, a NUL character and "required" for each empty
    # column, none of them naming the crash that left the file so.
    padded = (REPORTS_CSV + tail).encode() + b"\x00" * 3000
    got_row, reason = _refused(session, agencies["MY-NSRC"], {"r.csv": padded})
    assert got_row == row
    assert reason.startswith(f"the file ends in 3,000 NUL (zero) bytes {where}, {CRASHED}")
    assert "Export the file again" in reason
    assert "UTF-16" not in reason and "required" not in reason


def test_a_small_csv_file_padded_with_nuls_is_not_called_utf16(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Mostly zeros, its head looked like UTF-16 text: every other byte zero.
    padded = (HEADER + "C-1,2026-03-01,investment,sms,100,MYR,x,green\n").encode()
    _, reason = _refused(session, agencies["MY-NSRC"], {"r.csv": padded + b"\x00" * 5000})
    assert reason.startswith(f"the file ends in 5,000 NUL (zero) bytes after row 2, {CRASHED}")


def test_a_file_of_nuls_alone_is_named_so(session: Session, agencies: dict[str, Caller]) -> None:
    _, reason = _refused(session, agencies["MY-NSRC"], {"r.csv": b"\x00" * 4096})
    assert reason.startswith("the file ends in 4,096 NUL (zero) bytes and holds nothing else")


def test_a_linked_csv_file_padded_with_nuls_is_named_not_its_rows_orphans(
    session: Session, agencies: dict[str, Caller]
) -> None:
    places = "external_ref,kind,name\nMY-1,compound,KK Park\nMY-2,comp"
    files = {"r.csv": REPORTS_CSV.encode(), "pl.csv": places.encode() + b"\x00" * 700}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.file, e.row) for e in result.errors] == [("pl.csv", 3)]
    assert CRASHED in result.errors[0].reason


def test_a_padded_csv_file_on_disk_is_refused_before_its_rows_are_read(tmp_path: Path) -> None:
    # Read as the CLI reads it, the padding counted from the end of the file in blocks.
    path = tmp_path / "reports.csv"
    path.write_bytes((REPORTS_CSV + "MY-3,2026").encode() + b"\x00" * 200_000)
    with pytest.raises(FileProblem) as refused:
        csv_table(Source(name="reports.csv", path=path))
    (error,) = refused.value.errors
    assert error.row == 4 and "ends in 200,000 NUL (zero) bytes from row 4 on" in error.reason


def test_nuls_inside_values_are_still_named_by_their_row_and_column(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A database export's padded field, with the line break after it: no cut-off save.
    text = HEADER + "C-1\x00\x00,2026-03-01,investment,sms,100,MYR,x,green\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()})
    assert [(e.row, e.column) for e in result.errors] == [(2, "external_ref")]
    assert "NUL" in result.errors[0].reason and CRASHED not in result.errors[0].reason


def _row_two(book: bytes, edit: object) -> bytes:
    def change(xml: bytes) -> bytes:
        found = re.search(rb'<row r="2"[^>]*>(.*?)</row>', xml)
        assert found is not None
        cells = re.findall(rb"<c .*?</c>|<c [^>]*/>", found.group(1))
        return xml.replace(found.group(1), b"".join(edit(cells)))  # type: ignore[operator]

    return changed(book, {"xl/worksheets/sheet1.xml": change})


def test_cells_of_a_row_written_out_of_order_are_read_by_their_references(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # The reader sized the row by its last cell (A2 here): every other value was dropped
    # without a word, and the report asked for its reported_at, scam_type, channel and mark.
    book = _row_two(workbook({"reports": [COLUMNS, ROW]}), lambda cells: cells[::-1])
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert (result.status, result.errors) == ("committed", [])
    report = session.scalars(select(Report)).one()
    assert (report.external_ref, report.scam_type, report.channel, str(report.loss_amount)) == (
        "X-1",
        "investment",
        "sms",
        "100.00",
    )


def test_a_cell_given_twice_is_refused_naming_it(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # The second A2 replaced the first: the report was stored as DUP.
    duplicate = b'<c r="A2" t="inlineStr"><is><t>DUP</t></is></c>'
    book = _row_two(workbook({"reports": [COLUMNS, ROW]}), lambda cells: [*cells, duplicate])
    row, reason = _refused(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert row == 2
    assert reason.startswith(
        "cell A2 is given twice in the sheet 'reports' (its file lists the cell twice, 'X-1' "
        "and 'DUP'), so which value it holds cannot be told"
    )


@pytest.mark.parametrize(
    ("cell", "stored_as", "column", "value"),
    [
        (b'<c r="E2"><v>abc</v></c>', "a number", "loss_amount", "abc"),
        (b'<c r="E2" t="n"><v>NaN</v></c>', "a number", "loss_amount", "NaN"),
        (b'<c r="G2" t="s"><v>x1</v></c>', "the number of a shared string", "narrative", "x1"),
        (b'<c r="B2" t="d"><v>next week</v></c>', "an ISO 8601 date", "reported_at", "next week"),
    ],
)
def test_a_cell_holding_what_its_type_cannot_is_named_not_called_damaged(
    session: Session,
    agencies: dict[str, Caller],
    cell: bytes,
    stored_as: str,
    column: str,
    value: str,
) -> None:
    # It was "cannot be read as an XLSX workbook: it is damaged ... (ValueError)", naming
    # neither the sheet nor the cell.
    ref = re.search(rb'r="([A-Z]+)2"', cell)
    assert ref is not None
    letter = ref.group(1)

    def replace(cells: list[bytes]) -> list[bytes]:
        return [cell if c.startswith(b'<c r="' + letter + b'2"') else c for c in cells]

    book = _row_two(workbook({"reports": [COLUMNS, ROW]}), replace)
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.file, error.row, error.column, error.value) == ("reports", 2, column, value)
    assert error.reason.startswith(
        f"cell {letter.decode()}2 (column {column}, row 2) of the sheet 'reports' is stored as "
        f"{stored_as} but holds {value!r}"
    )
    assert "ValueError" not in error.reason
