"""`counterscam check-bulk` reads an XLSX list with intake's guards: a cell pointing to a shared
string the file lacks, or a row wider than a spreadsheet's, is refused naming it, not checked."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from counterscam.cli.main import app
from tests.check.conftest import PHONE, CheckRegion
from tests.workbooks import padded, with_shared_strings, workbook

NO_HIT = "+6591111111"


def pointing_to_strings(cells: dict[str, int]) -> bytes:
    """A list of three rows whose ``cells`` point at shared strings NO_HIT and PHONE."""
    book = workbook({"Sheet": [["value"], ["x"], ["y"]]})
    return with_shared_strings(book, cells, (NO_HIT, PHONE))


def _said(output: str) -> str:
    return " ".join(output.split())


def test_strings_in_range_are_checked_as_the_file_holds_them(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    (tmp_path / "list.xlsx").write_bytes(pointing_to_strings({"A2": 0, "A3": 1}))
    result = runner.invoke(app, ["check-bulk", str(tmp_path / "list.xlsx")])
    assert result.exit_code == 0, result.output
    assert "2 checked: 1 hit, 0 invalid values." in _said(result.output)


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
