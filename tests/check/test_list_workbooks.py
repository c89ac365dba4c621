"""`counterscam check-bulk` reads an XLSX list with intake's guards: a cell pointing to a shared
string the file lacks, or a row wider than a spreadsheet's, is refused naming it, not checked."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from typer.testing import CliRunner

from counterscam.cli.main import app
from tests.check.conftest import PHONE, CheckRegion
from tests.intake.test_foreign_exports import _STRINGS_TYPE, _changed

NO_HIT = "+6591111111"


def workbook(sheets: dict[str, list[list[Any]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pointing_to_strings(cells: dict[str, int]) -> bytes:
    """A list of three rows whose ``cells`` point at shared strings NO_HIT and PHONE."""
    book = workbook({"Sheet": [["value"], ["x"], ["y"]]})

    def sheet(xml: bytes) -> bytes:
        for ref, index in cells.items():
            xml = re.sub(
                rb'<c r="%s"[^>]*>.*?</c>' % ref.encode(),
                b'<c r="%s" t="s"><v>%d</v></c>' % (ref.encode(), index),
                xml,
            )
        return xml

    strings = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" '
        b'uniqueCount="2"><si><t>%s</t></si><si><t>%s</t></si></sst>'
        % (NO_HIT.encode(), PHONE.encode())
    )
    return _changed(
        book,
        {
            "xl/worksheets/sheet1.xml": sheet,
            "xl/sharedStrings.xml": lambda _: strings,
            "[Content_Types].xml": lambda x: x.replace(b"</Types>", _STRINGS_TYPE),
        },
    )


def padded(book: bytes, sheet: int, rows: bytes) -> bytes:
    """The workbook with ``rows`` added after the rows of its ``sheet``-th sheet."""
    return _changed(
        book,
        {
            f"xl/worksheets/sheet{sheet}.xml": lambda x: x.replace(
                b"</sheetData>", rows + b"</sheetData>"
            )
        },
    )


def _said(output: str) -> str:
    return " ".join(output.split())


def test_strings_in_range_are_checked_as_the_file_holds_them(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    (tmp_path / "list.xlsx").write_bytes(pointing_to_strings({"A2": 0, "A3": 1}))
    result = runner.invoke(app, ["check-bulk", str(tmp_path / "list.xlsx")])
    assert result.exit_code == 0, result.output
    assert "2 checked: 1 hits, 0 invalid" in _said(result.output)


def test_a_cell_pointing_to_a_missing_shared_string_is_refused_naming_it(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    # openpyxl read string -1 as the last one: A3 was checked as PHONE, a hit the list never
    # held, and the header cell pointing past the strings made the list "have no value column".
    for cells, cell, index in (({"A2": 0, "A3": -1}, "A3", -1), ({"A1": 5}, "A1", 5)):
        (tmp_path / "list.xlsx").write_bytes(pointing_to_strings(cells))
        result = runner.invoke(app, ["check-bulk", str(tmp_path / "list.xlsx")])
        assert result.exit_code == 1, result.output
        said = _said(result.output)
        assert (
            f"list.xlsx, sheet 'Sheet': cell {cell} points to shared string {index}, which "
            "does not exist (the file holds 2); the file is damaged. Re-save the file"
        ) in said
        assert "checked" not in said


def test_a_row_wider_than_a_spreadsheet_is_refused_before_it_is_read(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    # One row of millions of empty cells was read whole into memory before it was skipped as
    # blank; a sheet without the header is refused too, since its first rows are read.
    wide = b'<row r="3">' + b"<c/>" * 70_000 + b"</row>"
    listed = [["value"], [PHONE]]
    for book in (
        padded(workbook({"Sheet": listed}), 1, wide),
        padded(workbook({"notes": [["notes"]], "Sheet": listed}), 1, wide),
    ):
        (tmp_path / "wide.xlsx").write_bytes(book)
        result = runner.invoke(app, ["check-bulk", str(tmp_path / "wide.xlsx")])
        assert result.exit_code == 1, result.output
        said = _said(result.output)
        assert "row 3 holds more than 16,384 cells, the most a spreadsheet row holds" in said
        assert "wide.xlsx, sheet" in said and "checked" not in said
