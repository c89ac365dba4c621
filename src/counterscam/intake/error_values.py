"""Spreadsheet error values ("#REF!", "#VALUE!"): a formula that failed, never a value.

Excel writes the error a cell shows into a CSV file as its text, and keeps it as an error
value when the cell is pasted as a value (the advice for formulas), which XLSX readers give
as the same text. Read as text, a report was stored under the reference "#REF!", with the
narrative "#VALUE!", and a suspect named "#NAME?". "#N/A" is not among them: in an optional
column it is read as an empty cell (no_value), and free text keeps it as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from counterscam.intake.normalise import locate
from counterscam.intake.records import RawReport, RowError

_MEANING = {
    "#REF!": "a formula pointing to a cell that was deleted",
    "#VALUE!": "a formula given the wrong kind of value",
    "#NAME?": "a formula naming a function or range the spreadsheet does not know",
    "#DIV/0!": "a formula dividing by zero",
    "#NUM!": "a formula whose number is out of range",
    "#NULL!": "a formula whose ranges do not meet",
    "#SPILL!": "a formula whose results have no room",
    "#CALC!": "a formula that could not be calculated",
    "#FIELD!": "a formula naming a field that does not exist",
    "#BLOCKED!": "a formula whose data source is blocked",
    "#CONNECT!": "a formula that could not reach its data source",
    "#BUSY!": "a formula still calculating when the file was saved",
    "#GETTING_DATA": "a formula still calculating when the file was saved",
    "#UNKNOWN!": "a formula of a kind this spreadsheet version does not know",
    "#EXTERNAL!": "a formula whose external data failed",
    "#PYTHON!": "a Python formula that failed",
    "#ERROR!": "a formula that could not be read (Google Sheets)",
}
# LibreOffice writes the errors it has no Excel name for as their number.
_LIBREOFFICE = re.compile(r"Err:\d{3}")


def error_value_reason(value: Any) -> str | None:
    """Say why ``value`` is a spreadsheet error and how to fix it, or None when it is not."""
    if not isinstance(value, str):
        return None
    word = value.strip()
    if word in _MEANING:
        meaning = _MEANING[word]
    elif _LIBREOFFICE.fullmatch(word):
        meaning = f"LibreOffice's error number {word[4:]}, a formula that failed"
    else:
        return None
    return (
        f"{word!r} is a spreadsheet error ({meaning}), not a value: correct the formula, or "
        "type the value in its place, and save again (pasting the cell as a value keeps "
        "the error)"
    )


def _fields(raw: RawReport) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    for key, value in raw.data.items():
        yield (key,), value
    for section in ("identifiers", "parties", "places"):
        for i, child in enumerate(getattr(raw, section)):
            for key, value in child.data.items():
                yield (section, i, key), value


# What an error value starts with, once stripped. Every report's forty-odd cells are told at
# intake's pace by their first characters alone, gathered in one set.
_FIRST = frozenset("#E")


def _may_hold_errors(raw: RawReport) -> bool:
    firsts = {v[:1] for v in raw.data.values() if isinstance(v, str)}
    for section in (raw.identifiers, raw.parties, raw.places):
        for child in section:
            firsts.update(v[:1] for v in child.data.values() if isinstance(v, str))
    return any(first in _FIRST or first.isspace() for first in firsts)


def error_values(raw: RawReport) -> list[RowError]:
    """Return an error for every cell of ``raw`` and its linked rows holding an error value."""
    if not _may_hold_errors(raw):
        return []
    errors = []
    for path, value in _fields(raw):
        if (reason := error_value_reason(value)) is not None:
            file, row, column = locate(raw, path)
            errors.append(RowError(file, row, column, value.strip(), reason))
    return errors
