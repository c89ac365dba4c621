"""Reports as read from a file or request, before validation, and the errors found in them."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from typing import Any

from counterscam.intake.chars import printable
from counterscam.spreadsheet import plain_cell, safe_cell


@dataclass(frozen=True)
class RowError:
    """One rejected value: where it is (as the user sees the file), what it was and why."""

    file: str
    row: int
    column: str
    value: str
    reason: str
    # The columns of the same row whose errors this one explains: a row shifted by an unquoted
    # comma reads every value after it in the wrong column, and their own errors ("'then
    # blocked' is not a TLP mark") only hide the cause (``explained``).
    explains: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        # An error echoes what was sent, and is stored and sent back as text: a NUL or a
        # lone surrogate in it would fail that write or that answer (intake.chars).
        for name in ("file", "column", "value", "reason"):
            object.__setattr__(self, name, printable(getattr(self, name)))


@dataclass(slots=True)
class RawChild:
    """An identifier, party or place row; ``prefix`` turns JSON field names into paths."""

    data: dict[str, Any]
    file: str
    row: int
    prefix: str = ""
    problems: list[RowError] = field(default_factory=list)


SECTIONS = frozenset(("identifiers", "parties", "places"))
# ``given`` also holds this when the submission carries the share_with column or key: without
# it a resubmitted amber report keeps its stored share list, so a correction that left the
# column out no longer showed a report narrowed to named agencies to every member.
SHARES = "share_with"
EVERYTHING = SECTIONS | {SHARES}


@dataclass(slots=True)
class RawReport:
    """A report row with the rows of the linked files that point at it."""

    data: dict[str, Any]
    file: str
    row: int
    identifiers: list[RawChild] = field(default_factory=list)
    parties: list[RawChild] = field(default_factory=list)
    places: list[RawChild] = field(default_factory=list)
    problems: list[RowError] = field(default_factory=list)
    # False for a JSON item that is no object: its one problem says so, and a "required"
    # error for every field of a report that was never there would only bury it.
    readable: bool = True
    # The linked sections the submission carries (a file, a sheet or a JSON key, even with no
    # rows for this report): a resubmitted report keeps the stored rows of the others, so a
    # reports.csv sent alone to correct a loss no longer wipes its identifiers and alerts.
    # SHARES among them when it carries share_with (a column, even empty, or a JSON list).
    given: frozenset[str] = EVERYTHING


# Yielded in place of a report a reader was told is not wanted (``files.read_batch``): a
# worker preparing every other chunk reads the whole batch but builds only its own reports.
SKIPPED = RawReport(data={}, file="", row=0)


def explained(errors: list[RowError]) -> list[RowError]:
    """Drop the errors that another error of their row explains (``RowError.explains``)."""
    causes = {(e.file, e.row): set(e.explains) for e in errors if e.explains}
    if not causes:
        return errors
    return [e for e in errors if e.explains or not _explained(e, causes)]


def _explained(error: RowError, causes: dict[tuple[str, int], set[str]]) -> bool:
    columns = causes.get((error.file, error.row))
    # "share_with[1]" is a value of the share_with column.
    return columns is not None and error.column.split("[", 1)[0] in columns


def explains(errors: list[RowError], file: str, row: int, column: str) -> bool:
    """Tell whether an error of the row explains any error in ``column`` (``explained``)."""
    return any(
        e.explains and (e.file, e.row) == (file, row) and column in e.explains for e in errors
    )


class FileProblem(Exception):
    """A file cannot be read at all; nothing of its batch is stored."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("; ".join(f"{e.file}: {e.reason}" for e in errors))
        self.errors = errors


class TooLarge(FileProblem):
    """An upload or request body past the size limit: refused unread (HTTP 413)."""


def file_problem(
    file: str, reason: str, *, row: int = 0, column: str = "", value: str = ""
) -> FileProblem:
    """Return a FileProblem with one error."""
    return FileProblem([RowError(file, row, column, value, reason)])


# Names a client may use to try to file a report as another agency.
_AGENCY_FIELDS = frozenset(
    ("agency", "agency_code", "agency_id", "owner", "owner_agency", "reporting_agency")
)


def agency_note(name: str) -> str:
    """Say, for a field naming an agency, where the reporting agency comes from; else ""."""
    if name.strip().lower() not in _AGENCY_FIELDS:
        return ""
    return (
        ". The reporting agency is never taken from the data: it is the agency of the API "
        "token, the signed-in user or the CLI's --agency, and it submits only its own reports"
    )


def ref_of(value: Any) -> str:
    """Return the external_ref a cell holds, as compared across files."""
    return "" if value is None else same_ref(str(value).strip())


def same_ref(text: str) -> str:
    """Return a reference in Unicode NFC, the form it is stored and compared in.

    Vietnamese keyboards write "Hà" either as one code point a letter or as the letter and a
    combining accent: the two look alike, and were two references, so a resubmission made a
    second report.
    """
    return text if text.isascii() else unicodedata.normalize("NFC", text)


REJECTION_COLUMNS = ("file", "row", "column", "value", "reason")
# Files written before rows ended in CRLF left a carriage return inside a cell unquoted; it is
# read back through this noncharacter, which no text holds.
_OLD_CR = "\ufdd0"


def rejections_csv(errors: Iterable[RowError]) -> str:
    """Return the rejection file: one line per error, columns file,row,column,value,reason."""
    out = io.StringIO()
    # CRLF rows make the writer quote a carriage return inside a cell: left bare, a spreadsheet
    # starts a new row there, and "x\r=cmd|..." would put a live formula at its start.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REJECTION_COLUMNS)
    for e in errors:
        # Every text cell, not only the value: a file name, a column heading and a reason
        # that quotes the value ("=HYPERLINK(...) is also on row 2") come from the file too.
        writer.writerow(
            [safe_cell(e.file), e.row, safe_cell(e.column), safe_cell(e.value), safe_cell(e.reason)]
        )
    return out.getvalue()


def parse_rejections_csv(text: str) -> list[RowError]:
    """Read back a rejection file written by ``rejections_csv``, now or before rows were CRLF."""
    old = not text.startswith(",".join(REJECTION_COLUMNS) + "\r\n")
    source = text.replace("\r", _OLD_CR) if old else text
    rows = [
        [cell.replace(_OLD_CR, "\r") for cell in row]
        for row in csv.reader(io.StringIO(source, newline=""))
    ]
    return [
        RowError(
            file=plain_cell(f),
            row=int(r or 0),
            column=plain_cell(c),
            value=plain_cell(v),
            reason=plain_cell(why),
        )
        for f, r, c, v, why in rows[1:]
        if len(rows[0]) == 5
    ]


def formula_hint(value: str) -> str:
    """Say, after a reason, that a value refused is a spreadsheet formula; "" when it is not.

    Formulas are read as their text, never run: a linked sheet's =reports!A2, a loss of
    =B2*1000 ("'=B' is not a currency sign") or a date of =DATE(2026,3,1).
    """
    if not value.startswith("=") or len(value) == 1:
        return ""
    return (
        ". It is a spreadsheet formula, and formulas are never run: replace the formulas with "
        "their values (copy the column, then Paste Special > Values) and save"
    )


def type_name(value: Any) -> str:
    """Return what kind of value a cell or JSON value is, as a message names it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float, Decimal)):  # Decimal: a JSON number beyond a float
        return "a number"
    if isinstance(value, (date, time)):
        return "a date or time"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return "text" if isinstance(value, str) else type(value).__name__


def with_article(word: str) -> str:
    """Return ``word`` after "a" or "an", as its first letter is heard: "an identifiers"."""
    # The words given are intake's own (file kinds, agency kinds), none said with a
    # consonant sound before a vowel letter ("a user") nor the reverse ("an hour").
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def text_of(value: Any) -> str:
    """Return a cell or JSON value as the text shown back in an error."""
    if value is None:
        return ""
    text = str(value)
    return text if len(text) <= 200 else text[:197] + "..."
