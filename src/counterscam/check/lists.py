"""A list of values to check as people bring it (pasted, CSV or XLSX), and its check."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.check.list_text import (
    NotText,
    decode,
    header_names,
    kind_of,
    qualifier_of,
    rows_of,
)
from counterscam.check.results import BulkCheckResult, CheckItem
from counterscam.check.service import check_bulk
from counterscam.identifiers import KINDS
from counterscam.intake.other_documents import LIST_WANTED, refuse_other_documents
from counterscam.intake.records import FileProblem, file_problem
from counterscam.intake.tables import OLE_START, ZIP_START, Limits, Source
from counterscam.intake.xlsx_files import (
    EXCEL_DIGITS,
    MergedCover,
    MergedRange,
    guard_strings,
    measure_sheet,
    merged_ranges,
    open_workbook,
    sheet_hidden,
    too_many_rows,
)

_HEADERS = ({"value"}, {"kind", "value"})
_BLANK_ABOVE = 20  # an empty sheet of a million blank rows is not read to its end
# The rows and cells (XML tags) a list's sheet may hold for each value a check takes: a row of
# twenty cells as Excel writes them (<c><v>), or fifteen as openpyxl does, and the sheet's own
# tags. 10,000 values parse in a few seconds, where a sheet of blank cells took a minute.
TAGS_PER_VALUE = 60


@dataclass(frozen=True)
class Listed:
    """One value of a list and where it was written: its line, or its row of a file.

    ``problem`` is set when the value cannot be checked as written (the reason); such a value
    is answered as invalid without being looked up. ``note`` warns, beside the answer, that the
    value may not be what was typed: a number cell keeps no leading zeros.
    """

    line: int
    item: CheckItem
    problem: str | None = None
    note: str | None = None


class UnreadableList(ValueError):
    """A file of values that cannot be read, with what to do about it."""


def check_listed(
    session: Session,
    caller: Caller,
    *,
    listed: Sequence[Listed],
    country: str | None,
    channel: str,
    limit: int | None = None,
    default_country: str | None = None,
) -> BulkCheckResult:
    """Check a list through ``check_bulk`` (policy, audit, limit); answers in the list's order.

    A value with a ``problem`` is answered as invalid with it, and not looked up. A value
    with no ``country`` is read in ``default_country`` as ``check_bulk`` reads it.
    Raises TooManyValues above ``limit`` values, as ``check_bulk`` does.
    """
    # Every value counts towards the limit and is audited, looked up or not: the list is what
    # was sent, and a value answered invalid is in the log as a single check's would be.
    return check_bulk(
        session,
        caller,
        items=[entry.item for entry in listed],
        problems=[entry.problem for entry in listed],
        country=country,
        channel=channel,
        limit=limit,
        default_country=default_country,
    )


def _kind_and_value(text: str, kind: str | None) -> CheckItem:
    """Read ``kind,value`` (or with a tab) when the line starts with a kind, else a value."""
    for separator in (",", "\t"):
        head, found, rest = text.partition(separator)
        named = kind_of(head)
        if found and named in KINDS:
            return CheckItem(value=rest.strip(), kind=named)
    return CheckItem(value=text, kind=kind)


def read_lines(text: str, *, kind: str | None) -> list[Listed]:
    """Return the values of a pasted list, one a line, numbered as the lines are.

    A line may start with its kind (``phone,012-345 6789``); other lines take ``kind`` (None:
    guessed). Blank lines are skipped, and a first line that is a header (``kind,value``).
    """
    listed: list[Listed] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not listed and _is_header(stripped.replace("\t", ",").split(",")):
            continue
        listed.append(Listed(number, _kind_and_value(stripped, kind)))
    return listed


def _is_header(cells: Sequence[Any]) -> bool:
    return set(header_names(list(cells))) - {""} in _HEADERS


def read_file(
    name: str, content: bytes, *, kind: str | None, most: int | None = None
) -> list[Listed]:
    """Return the values of a CSV or XLSX file with a ``value`` column, numbered by row.

    The header is row 1. A ``kind`` column gives each row's kind; where it is empty, or
    missing, ``kind`` applies (None: guessed). A ``qualifier`` column gives the bank,
    e-wallet provider, chain or platform the value does not name, as in intake's file. Rows
    with no cell filled are skipped. Reading stops after ``most + 1`` values (when given): a
    list over the limit is refused anyway.
    Raises UnreadableList with the reason and the fix.
    """
    source = Source(name=name, content=content)
    try:
        # A screenshot, a PDF, a web page or an archive, named as what it is: as a list each
        # was "not UTF-8 text", a header holding "%PDF-1.4", or a damaged workbook.
        refuse_other_documents(source, wanted=LIST_WANTED)
    except FileProblem as exc:
        raise _unreadable(source.name, exc) from None
    if source.format == "xlsx":
        rows = _xlsx_rows(source, most)
    elif source.format == "json":
        raise UnreadableList(f"{source.name}: choose a CSV or XLSX file (this is JSON)")
    else:
        rows = _csv_rows(source.name, content)
    try:
        return _listed(source.name, rows, kind=kind, most=most)
    except FileProblem as exc:  # found in a sheet as its rows are read
        raise _unreadable(source.name, exc) from None
    finally:
        close = getattr(rows, "close", None)
        if close is not None:  # a workbook left unread past the limit is closed now
            close()


def _listed(
    name: str, rows: Iterator[list[Any]], *, kind: str | None, most: int | None
) -> list[Listed]:
    # Blank rows above the header (a title left out, an export's empty first line) are
    # skipped; rows keep the numbers the spreadsheet shows.
    at_header, first = next(((n, r) for n, r in enumerate(rows, start=1) if _filled(r)), (1, []))
    header = header_names(first)
    if "value" not in header:
        shown = ", ".join(str(c).strip() for c in first if _filled([c]))[:120]
        raise UnreadableList(
            f"{name}: row {at_header} must be a header naming the column 'value' (and 'kind' "
            f"if you give each row its kind), but it holds {shown or 'nothing'}; rename the "
            "column holding the values to 'value', or add that row above the values"
        )
    for column in ("value", "kind", "qualifier"):
        if header.count(column) > 1:
            # Only the first was read: which one holds the values to check cannot be told.
            raise UnreadableList(
                f"{name}: row {at_header} names the column {column!r} "
                f"{header.count(column)} times; keep one of them, or rename the others"
            )
    at_value = header.index("value")
    at_kind = header.index("kind") if "kind" in header else None
    # As in intake's identifiers file: the platform of a handle, the bank of an account.
    at_qualifier = header.index("qualifier") if "qualifier" in header else None
    listed: list[Listed] = []
    for number, row in enumerate(rows, start=at_header + 1):
        if not _filled(row):
            continue
        cell, given, named = (
            row[at] if at is not None and at < len(row) else None
            for at in (at_value, at_kind, at_qualifier)
        )
        merged = next((c for c in (cell, given, named) if isinstance(c, _Merged)), None)
        if merged is not None:
            # Answered as the spreadsheet shows it, not checked: as intake refuses it.
            cell, given, named = (
                c.shown if isinstance(c, _Merged) else c for c in (cell, given, named)
            )
        own = kind_of(given) or kind
        value, problem = _text(cell)
        note = number_note(value) if _is_number(cell) and problem is None else None
        if merged is not None:
            problem, note = merged.reason, None
        item = CheckItem(value=value, kind=own, qualifier=qualifier_of(_text(named)[0]))
        listed.append(Listed(number, item, problem, note))
        if most is not None and len(listed) > most:
            break
    return listed


def _filled(row: Sequence[Any]) -> bool:
    return any(c is not None and str(c).strip() for c in row)


def _is_number(cell: Any) -> bool:
    return isinstance(cell, (int, float)) and not isinstance(cell, bool)


def number_note(value: str) -> str:
    """Say that a value read from a number cell has lost any leading zeros (as intake says)."""
    # A bank account 0123456789 typed into a cell not formatted as Text is stored as the
    # number 123456789: checked as written, it answered for the shorter number without a word.
    return (
        f"the cell is a number, which keeps no leading zeros: it was checked as {value}. If the "
        "value starts with 0 (an account or a local phone number), format the column as Text, "
        "type the value again and check the list again"
    )


def _text(cell: Any) -> tuple[str, str | None]:
    """Return a cell as the text to check, and the problem when its digits were lost."""
    if isinstance(cell, float) and cell.is_integer():
        if abs(cell) >= EXCEL_DIGITS:  # checking what is left would answer for another
            return f"{cell:.15g}", (
                "the cell is a number of more than 15 digits, and Excel keeps only 15: its "
                "last digits are lost. Format the column as Text, type the value again and save"
            )
        return str(int(cell)), None
    return ("" if cell is None else str(cell).strip()), None


def _csv_rows(name: str, content: bytes) -> Iterator[list[Any]]:
    try:
        text = decode(content)
    except NotText:
        raise UnreadableList(f"{name}: {_not_text(content)}") from None
    try:
        return iter(rows_of(text))
    except csv.Error as exc:
        raise UnreadableList(f"{name}: {exc}") from None


def _not_text(content: bytes) -> str:
    """Say what a file that is no text is, where its first bytes tell, and what to do."""
    # Each was "not UTF-8 text; save it as 'CSV UTF-8'", which does not unzip an archive.
    if content.startswith(ZIP_START):
        return (
            "this is a zip archive (an XLSX workbook, or zipped files), not a CSV file: give a "
            "workbook its .xlsx name, and unzip zipped files first"
        )
    if content.startswith(OLE_START):
        return "this is an old Excel 97-2003 (.xls) workbook, not a CSV file; save it as .xlsx"
    return "the file is not UTF-8 text; save it from your spreadsheet as 'CSV UTF-8'"


def _xlsx_rows(source: Source, most: int | None) -> Iterator[list[Any]]:
    try:
        book = open_workbook(source, Limits())
    except FileProblem as exc:
        raise _unreadable(source.name, exc) from None
    return _sheet_with_values(book, most)


def _unreadable(name: str, problem: FileProblem) -> UnreadableList:
    return UnreadableList(
        "; ".join(
            f"{e.file}: {e.reason}" if e.file == name else f"{name}, sheet {e.file!r}: {e.reason}"
            for e in problem.errors
        )
    )


def _sheet_with_values(book: Any, most: int | None) -> Iterator[list[Any]]:
    """Yield the rows of the first visible sheet whose header names a ``value`` column.

    A value or kind cell that a merged range holding a value covers is yielded as _Merged.
    Raises FileProblem for a sheet of more rows and cells than ``most`` values need, a cell
    pointing to a shared string the file does not hold, or a hidden sheet that alone names a
    ``value`` column.
    """
    try:
        hidden = []
        for sheet in book.worksheets:
            if sheet_hidden(sheet):
                # A hidden sheet first (a stale list hidden, not deleted) was checked in place
                # of the visible one the analyst sees.
                hidden.append(sheet)
                continue
            found = _headed(sheet)
            if found is not None:
                above, rows = found
                merged = _check_size(sheet, most)
                yield from above
                yield from _marked(str(sheet.title), rows, len(above) + 1, merged)
                return
        for sheet in hidden:
            if _headed(sheet) is not None:
                raise file_problem(
                    str(sheet.title),
                    "the sheet is hidden, and it is the only one whose header names a 'value' "
                    "column, so its values would be checked unseen; unhide it (right-click a "
                    "sheet tab > Unhide) and check it, or copy the values to a visible sheet",
                )
        yield []  # no sheet has the header: _listed says what to add
    finally:
        book.close()


def _headed(sheet: Any) -> tuple[list[list[Any]], Iterator[tuple[Any, ...]]] | None:
    """Return the blank rows above a sheet's header and its rows from the header on, or None
    when its first filled row names no ``value`` column."""
    sheet.reset_dimensions()  # a stale <dimension> would drop rows without a word
    # Only the rows above the header are parsed to find it: none may be too wide.
    measure_sheet(sheet, max_elements=None, max_rows=_BLANK_ABOVE + 1)
    rows = _guarded(sheet)
    above: list[list[Any]] = []  # blank rows above the header keep the numbering
    first = next(rows, None)
    while first is not None and not _filled(first) and len(above) < _BLANK_ABOVE:
        above.append([])
        first = next(rows, None)
    if first is None or "value" not in header_names(list(first)):
        return None
    return above, itertools.chain([first], rows)


@dataclass(frozen=True)
class _Merged:
    """A value or kind cell of a merged range: the spreadsheet shows ``shown``, the value of
    the range's first cell, but the file stores it there alone."""

    shown: Any
    reason: str

    def __str__(self) -> str:
        return str(self.shown)


def _marked(
    label: str, rows: Iterator[tuple[Any, ...]], at_header: int, merged: Sequence[str]
) -> Iterator[list[Any]]:
    """Yield the rows from the header on, the value and kind cells merged ranges cover (other
    than each range's first) as _Merged; merged cells with no value are formatting."""
    # A kind merged down a group of rows was read for the first row only, and the others
    # were guessed (an account number as a phone); a value merged down, its other rows were
    # skipped as blank, without a word.
    header = next(rows, None)
    if header is None:
        return
    names = header_names(list(header))
    yield list(header)
    wanted = [names.index(c) + 1 for c in ("value", "kind", "qualifier") if c in names]
    starting: dict[int, list[MergedRange]] = {}
    for found in merged_ranges(label, merged, columns=len(names)):
        if found.first_row >= at_header and any(
            found.first_col <= c <= found.last_col for c in wanted
        ):
            starting.setdefault(found.first_row, []).append(found)
    if not starting:
        yield from (list(row) for row in rows)
        return

    def shown(found: MergedRange, row: Sequence[Any]) -> _Merged:
        top = row[found.first_col - 1] if found.first_col <= len(row) else None
        return _Merged("" if top is None else top, found.reason())

    # The ranges over this row whose first cell holds a value (a range starting in the header
    # row shows the column's name).
    covering = {r: shown(r, header) for r in starting.pop(at_header, [])}
    cover = MergedCover(label)
    for number, values in enumerate(rows, start=at_header + 1):
        row = list(values)
        covering.update((r, shown(r, row)) for r in starting.pop(number, ()))
        covering = {r: m for r, m in covering.items() if r.last_row >= number and str(m).strip()}
        cover.take(len(covering))
        for found, seen in covering.items():
            for column in wanted:
                if found.first_col <= column <= found.last_col and (
                    (number, column) != (found.first_row, found.first_col)
                ):
                    row.extend([None] * (column - len(row)))
                    row[column - 1] = seen
        yield row


def _guarded(sheet: Any) -> Iterator[tuple[Any, ...]]:
    """Yield a sheet's rows, refusing a cell that points to a shared string the file lacks."""
    # openpyxl reads string -1 as the last one: the list was checked with other cells' values.
    strings = guard_strings(sheet)
    label = str(sheet.title)
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        strings.check_row(label, number, row)
        yield row


def _check_size(sheet: Any, most: int | None) -> tuple[str, ...]:
    """Refuse the list's sheet before reading on when it holds more than ``most`` values need;
    return its merged ranges, which the count finds after its rows."""
    limits = Limits()
    budget = None if most is None else (most + 1) * TAGS_PER_VALUE
    size = measure_sheet(sheet, max_elements=budget, max_rows=limits.max_sheet_rows)
    label = str(sheet.title)
    if size.passed == "rows":
        raise too_many_rows(label, limits.max_sheet_rows, size.row)
    if size.passed == "elements":
        raise file_problem(
            label,
            f"the sheet holds more than {budget:,} rows and cells (counted as XML elements), "
            f"while a check takes at most {most:,} values, which need far fewer. Blank cells "
            "kept for their formatting count too: delete the empty rows and columns past the "
            f"values, or split the list into files of {most:,} values or fewer",
            row=size.row,
        )
    return size.merged
