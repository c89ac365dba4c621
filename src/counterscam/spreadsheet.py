"""Cells written to CSV files people open in spreadsheets: never run as formulas."""

from __future__ import annotations

import re

# A plain signed number (+60123456789, -12.50) is data; anything else starting with these runs
# as a formula in Excel, LibreOffice and Google Sheets (=HYPERLINK(...), +1+cmd|..., @SUM, and
# +60-12-345, which would be shown as its arithmetic).
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Return ``text`` as a spreadsheet shows it without running it: a quote before a formula."""
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text
