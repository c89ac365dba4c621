"""CSV cells never run as spreadsheet formulas; plain numbers stay numbers."""

from __future__ import annotations

import csv
import io
import itertools

import pytest

from counterscam.spreadsheet import plain_cell, safe_cell


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x","click")',
        '+1+HYPERLINK("http://x")',
        "-2+3",
        "@SUM(A1)",
        "+60-12-345 6789",  # shown as its arithmetic if not quoted
        "\thello",
        "\r",
        " =1+1",  # a spreadsheet told to trim spaces would run it
        "+\u0661\u0662\u0663",  # Arabic-Indic digits are no number to a spreadsheet
    ],
)
def test_formulas_are_quoted(text: str) -> None:
    assert safe_cell(text) == "'" + text


def test_a_tab_before_a_formula_is_quoted_on_both_sides() -> None:
    # Quoted at the start as a cell opening with a tab, and after the tab, where LibreOffice
    # told to split at tabs starts a cell.
    assert safe_cell("\t=1") == "'\t'=1"


@pytest.mark.parametrize("text", ["+60123456789", "-12.50", "1234", "Maybank 514012345678", ""])
def test_numbers_and_text_are_kept(text: str) -> None:
    assert safe_cell(text) == text


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # Excel where the decimal mark is a comma (Indonesia, Viet Nam) splits a CSV file at
        # ";": the text after one would be a cell, and a formula, of its own.
        ("MY-1;=cmd|' /C calc'!A0", "MY-1;'=cmd|' /C calc'!A0"),
        ('KK Park;=HYPERLINK("http://x")', 'KK Park;\'=HYPERLINK("http://x")'),
        ("a; @SUM(A1)", "a;' @SUM(A1)"),
        ('a;"=1+1', "a;'\"=1+1"),  # a quote there may open the cell
        # A line break ends the row there, the quotes around the cell notwithstanding.
        ("first line\n=1+1", "first line\n'=1+1"),
        ("x\r\n-2+3", "x\r\n'-2+3"),
        ("x\t+1+1", "x\t'+1+1"),
        # Numbers after a break stay numbers; other text is left alone.
        ("a;-5;+60123456789", "a;-5;+60123456789"),
        ("call 012-345 6789; then pay", "call 012-345 6789; then pay"),
    ],
)
def test_a_formula_after_a_place_a_cell_may_start_is_quoted(text: str, written: str) -> None:
    assert safe_cell(text) == written


def test_a_semicolon_locale_spreadsheet_finds_no_formula_in_a_written_row() -> None:
    row = ["MY-1", "x;=cmd|' /C calc'!A0;", "line\n=HYPERLINK(A1)", "-2+3", "+60123456789"]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([safe_cell(c) for c in row])
    # Read as Excel does in a semicolon locale: split at ";" and at line ends, quotes ignored
    # where they do not open a field.
    fields = [f.lstrip(' "') for line in out.getvalue().splitlines() for f in line.split(";")]
    assert [f for f in fields if f[:1] in ("=", "+", "-", "@") and f != "+60123456789"] == []


@pytest.mark.parametrize(
    "text",
    [
        "'=x",  # a quote written before a formula is kept, not taken for safe_cell's
        "''=x",
        "'\thello",
        "x;'=1",
        "'+60123456789",
        "it's; -ok",
        "-5\n'-",
    ],
)
def test_plain_cell_undoes_safe_cell_exactly(text: str) -> None:
    assert plain_cell(safe_cell(text)) == text


def test_plain_cell_undoes_every_short_mix_of_formula_characters() -> None:
    alphabet = "=+-@\t\r\n;' \"1"
    for size in range(5):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars)
            assert plain_cell(safe_cell(text)) == text, repr(text)
