"""A list's workbook as analysts lay it out: merged cells and hidden sheets, which Excel shows
otherwise than it stores. Checked as intake reads them (tests/intake/
test_merged_and_hidden_sheets.py): a merged value is not read for its first row only, and a
hidden sheet is not checked unseen."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from counterscam.cli.main import app
from tests.check.conftest import PHONE, CheckRegion
from tests.workbooks import workbook

NO_HIT = "+6591111111"


def _check(runner: CliRunner, tmp_path: Path, book: bytes) -> tuple[str, list[dict[str, str]]]:
    """Run check-bulk on the workbook; return what it said and its answers by row."""
    (tmp_path / "list.xlsx").write_bytes(book)
    out = tmp_path / "answers.csv"
    result = runner.invoke(app, ["check-bulk", str(tmp_path / "list.xlsx"), "--out", str(out)])
    said = " ".join(result.output.split())
    if result.exit_code != 0:
        return said, []
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return said, list(csv.DictReader(handle))


MERGED = "are merged: the spreadsheet shows the value of {cell} in each of them, but stores it"


def test_a_kind_merged_down_a_group_of_rows_is_not_guessed_for_the_others(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    # The analyst groups the phones and merges their kind: Excel shows "phone" on each row but
    # stores it in A2 alone, and the other rows were checked with a guessed kind, silently.
    rows = [["kind", "value"], ["phone", PHONE], [None, NO_HIT], [None, PHONE]]
    book = workbook({"list": rows}, lambda s: s["list"].merge_cells("A2:A4"))
    said, answers = _check(runner, tmp_path, book)
    assert "3 checked: 1 hit, 2 invalid values." in said
    assert [(a["line"], a["kind"], a["value"], a["hit"]) for a in answers] == [
        ("2", "phone", PHONE, "yes"),
        ("3", "phone", NO_HIT, "no"),
        ("4", "phone", PHONE, "no"),
    ]
    assert answers[0]["error"] == ""
    for answer in answers[1:]:
        assert "cells A2:A4 " + MERGED.format(cell="A2") in answer["error"]
        assert "unmerge the cells (Home > Merge & Center)" in answer["error"]


def test_a_value_merged_down_several_rows_is_answered_on_each_not_dropped(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    # Rows 3 and 4 show the phone but hold nothing: they were skipped as blank, and the list
    # "checked 2" of the four values the analyst sees.
    rows = [["value"], [PHONE], [None], [None], [NO_HIT]]
    book = workbook({"list": rows}, lambda s: s["list"].merge_cells("A2:A4"))
    said, answers = _check(runner, tmp_path, book)
    assert "4 checked: 1 hit, 2 invalid values." in said
    assert [(a["line"], a["value"]) for a in answers] == [
        ("2", PHONE),
        ("3", PHONE),
        ("4", PHONE),
        ("5", NO_HIT),
    ]
    assert [bool(a["error"]) for a in answers] == [False, True, True, False]
    assert "cells A2:A4 " + MERGED.format(cell="A2") in answers[1]["error"]


def test_merged_cells_without_a_value_or_beyond_the_value_and_kind_are_read_as_before(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    rows = [["value", "notes"], [PHONE, "same caller"], [NO_HIT, None], [None], [None]]

    def merge(sheets: dict[str, Worksheet]) -> None:
        sheets["list"].merge_cells("B2:B3")  # a note merged over two rows: not a checked column
        sheets["list"].merge_cells("A4:A5")  # empty: formatting

    said, answers = _check(runner, tmp_path, workbook({"list": rows}, merge))
    assert "2 checked: 1 hit, 0 invalid values." in said
    assert [a["error"] for a in answers] == ["", ""]


def test_a_hidden_sheet_first_is_not_checked_in_place_of_the_visible_list(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    # A stale list hidden rather than deleted came first, and was checked: the analyst's
    # visible list got no answer, and its hit was reported as none.
    sheets = {"old": [["value"], [NO_HIT], [NO_HIT]], "list": [["value"], [PHONE]]}

    def hide(made: dict[str, Worksheet]) -> None:
        made["old"].sheet_state = "hidden"

    said, answers = _check(runner, tmp_path, workbook(sheets, hide))
    assert "1 checked: 1 hit, 0 invalid values." in said
    assert [(a["line"], a["value"], a["hit"]) for a in answers] == [("2", PHONE, "yes")]


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_list_only_on_a_hidden_sheet_is_refused_not_checked_unseen(
    runner: CliRunner, region: CheckRegion, tmp_path: Path, state: str
) -> None:
    sheets = {"notes": [["notes"], ["from the hotline"]], "old": [["value"], [PHONE]]}

    def hide(made: dict[str, Worksheet]) -> None:
        made["old"].sheet_state = state

    said, answers = _check(runner, tmp_path, workbook(sheets, hide))
    assert answers == []
    assert (
        "list.xlsx, sheet 'old': the sheet is hidden, and it is the only one whose header "
        "names a 'value' column, so its values would be checked unseen; unhide it"
    ) in said
    assert "checked:" not in said
