"""Cells written to CSV files people open in spreadsheets: never run as formulas."""

from __future__ import annotations

import re

# A plain signed number (+60123456789, -12.50) is data; anything else starting with these runs
# as a formula in Excel, LibreOffice and Google Sheets (=HYPERLINK(...), +1+cmd|..., @SUM, and
# +60-12-345, which would be shown as its arithmetic). ASCII digits only: "+" before Arabic-Indic
# digits is no number to a spreadsheet, which would show it as a formula's error.
_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Where a spreadsheet may start a cell inside the text of one: Excel in a locale whose decimal
# mark is a comma (Indonesia, Viet Nam, most of Europe) splits a CSV file at ";" and ignores a
# quote that does not open its field, so "x;=cmd|..." and "x\n=cmd|..." put a live formula in
# a cell of their own; LibreOffice splits at a tab when asked to.
_BREAK = re.compile(r"([;\t\r\n])")
# Skipped before a formula is looked for: a spreadsheet may trim spaces or take a quote as
# opening the cell; and quotes already written, so that such text gets one more, the one
# ``plain_cell`` drops.
_LEADING = " \"'"


def _runs(part: str) -> bool:
    """Whether a spreadsheet could run ``part`` (text up to the next break) as a formula."""
    text = part.lstrip(_LEADING)
    return text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text)


def _quoted(part: str, first: bool, then: str) -> bool:
    """Whether ``safe_cell`` puts a quote before ``part``, the text before the break ``then``
    ("" at the end), at the start of the cell when ``first``."""
    if first and then in ("\t", "\r") and not part.strip("'"):
        return True  # a cell that starts with a tab or a carriage return (after any quotes)
    return _runs(part)


def _parts(text: str) -> list[tuple[str, str]]:
    """Return ``text`` as (part, the break after it) pairs, the last break ""."""
    pieces = _BREAK.split(text)
    return list(zip(pieces[::2], [*pieces[1::2], ""], strict=True))


def safe_cell(text: str) -> str:
    """Return ``text`` as a spreadsheet shows it without running it: a quote before a formula,
    at the start and after each place a spreadsheet may start a cell (``;``, a tab, a line break).
    """
    if not _BREAK.search(text):  # the usual cell: one part
        return "'" + text if _runs(text) else text
    return "".join(
        ("'" + part if _quoted(part, at == 0, then) else part) + then
        for at, (part, then) in enumerate(_parts(text))
    )


def plain_cell(cell: str) -> str:
    """Undo ``safe_cell``: drop each quote it put before a formula, and only those."""
    return "".join(
        (part[1:] if part.startswith("'") and _quoted(part[1:], at == 0, then) else part) + then
        for at, (part, then) in enumerate(_parts(cell))
    )
