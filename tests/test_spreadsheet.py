"""CSV cells never run as spreadsheet formulas; plain numbers stay numbers."""

from __future__ import annotations

import pytest

from counterscam.spreadsheet import safe_cell


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x","click")',
        '+1+HYPERLINK("http://x")',
        "-2+3",
        "@SUM(A1)",
        "+60-12-345 6789",  # shown as its arithmetic if not quoted
        "\t=1",
    ],
)
def test_formulas_are_quoted(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["+60123456789", "-12.50", "1234", "Maybank 514012345678", ""])
def test_numbers_and_text_are_kept(text: str) -> None:
    assert safe_cell(text) == text
