"""XLSX workbooks: sheets named reports, identifiers, parties and places; formulas kept as text."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from counterscam.intake import columns
from counterscam.intake.chars import unstorable
from counterscam.intake.formula_cells import formula_cells, mark_formulas
from counterscam.intake.records import FileProblem, RowError, file_problem, text_of
from counterscam.intake.sheet_cells import bad_value, read_by_reference
from counterscam.intake.sheet_names import unread_sheets
from counterscam.intake.tables import (
    OLE_START,
    Limits,
    Rows,
    Source,
    Table,
    check_header,
    column_name,
    header_again,
    size_text,
    too_many_linked_for_batch,
    too_many_reports,
)
from counterscam.intake.workbook_parts import lost_part, lost_sheets
from counterscam.intake.xml_parts import (
    MAX_MERGED,
    SheetSize,
    elements_past,
    part_declaring_dtd,
    sheet_size,
)

# A workbook is a zip of a few parts a sheet; a zip of thousands is a bomb or not a workbook.
MAX_PARTS = 10_000
# A part of more than 10 MiB unpacking to more than 100 times its packed size is a zip bomb
# (Apache POI refuses the same ratio by default).
MAX_RATIO = 100
RATIO_FROM_BYTES = 10 * 1024 * 1024
# A spreadsheet row holds at most 16,384 cells (Excel's widest sheet); four tags a cell (<c>,
# <v> or <is><t>, a formula's <f>) is room for any of them.
MAX_ROW_CELLS = 16_384
TAGS_PER_CELL = 4
# The rows and cells (XML tags) the sheets of an upload may hold for each report the batch
# limit lets in. A report row is about 40 tags (13 cells of three, as openpyxl writes text),
# each identifier, party or place row 20 to 35: 500 is room for fifteen of them a report, and
# parses in about 30 s at most for 10,000 reports, where a sheet of empty cells took minutes.
TAGS_PER_REPORT = 500
# The shared strings (the texts of every sheet's cells, each once) an upload may hold for each
# report: two tags a text, so fifty distinct texts a report. openpyxl parses them all as the
# workbook opens, at some 50 us a text: 5,000,000 of them, 28 MB packed, took ten minutes and
# 850 MB to read, before any sheet was counted.
STRING_TAGS_PER_REPORT = 100
_DAMAGED = (
    "cannot be read as an XLSX workbook: it is damaged, truncated or not an .xlsx file "
    "({detail}). Open it in Excel or LibreOffice and save it again as .xlsx"
)


def open_workbook(source: Source, limits: Limits) -> Any:
    """Open a workbook to read, formulas kept as their text; the caller closes it.

    Raises FileProblem saying what the file is and how to fix it: not a zip (a text file, an
    old .xls, an encrypted workbook), damaged, or unpacking to more than the limits allow.
    """
    _check_zip(source, limits)
    from openpyxl import load_workbook  # imported here: slow to import, only needed for XLSX

    handle: Any = source.path if source.content is None else io.BytesIO(source.content)
    try:
        # data_only=False: a formula is kept as its text (never evaluated, never trusted).
        return load_workbook(handle, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on hostile input
        raise file_problem(source.name, _not_opened(source, exc)) from None


def _not_opened(source: Source, exc: Exception) -> str:
    """Say why openpyxl could not open a workbook: a part it lacks, where one is missing."""
    lost = lost_part(source)
    if lost is None:
        return _DAMAGED.format(detail=type(exc).__name__)
    return lost.reason() or _DAMAGED.format(detail=f"its part {lost.part} is missing")


def read_workbook(source: Source, limits: Limits) -> list[Table]:
    """Return the intake sheets of a workbook, read into memory within the limits."""
    book = open_workbook(source, limits)
    try:
        sheets = _intake_sheets(source, book.worksheets)
        titles = [str(ws.title) for ws in book.worksheets]
        if (unread := unread_sheets(source.name, titles, lambda: lost_sheets(source))) is not None:
            raise unread
        sizes = _check_sizes(sheets, limits)
        tables = []
        for kind in columns.FILES:
            if kind not in sheets:
                continue
            size = sizes[kind]
            table = _sheet_table(
                sheets[kind], kind, limits, size.merged, hidden=size.hidden, last=size.last
            )
            if table:
                tables.append(table)
        return tables
    except FileProblem:
        raise
    except Exception as exc:
        raise file_problem(source.name, _DAMAGED.format(detail=type(exc).__name__)) from None
    finally:
        book.close()


def _intake_sheets(source: Source, worksheets: list[Any]) -> dict[str, Any]:
    """Return the sheets by their intake name; FileProblem if two sheets take the same one."""
    sheets: dict[str, Any] = {}
    for ws in worksheets:
        name = str(ws.title).strip().lower()
        if name in sheets and name in columns.FILES:
            # Reading only one of them would drop the other's rows without a word.
            raise file_problem(
                source.name,
                f"two sheets are named {name!r} ({str(sheets[name].title)!r} and "
                f"{str(ws.title)!r}); put their rows in one sheet, or import them as "
                "separate workbooks",
            )
        if name in columns.FILES and sheet_hidden(ws):
            # Its rows would be stored (and, for a linked sheet, replace those stored)
            # although no one sending the workbook sees them: a stale sheet hidden, not deleted.
            raise file_problem(
                str(ws.title),
                f"the sheet {str(ws.title)!r} is hidden, so its rows would be imported unseen; "
                "unhide it (right-click a sheet tab > Unhide) and check it, or delete the "
                "sheet if its rows are not to be imported",
            )
        sheets[name] = ws
    return sheets


def sheet_hidden(ws: Any) -> bool:
    """Tell whether a sheet is hidden (or *very hidden*): no one opening the workbook sees it."""
    return getattr(ws, "sheet_state", "visible") != "visible"


def _check_sizes(sheets: dict[str, Any], limits: Limits) -> dict[str, SheetSize]:
    """Refuse intake sheets of more rows and cells than the limits let in, before parsing them.

    Only the intake sheets are counted: the others are never parsed. Returns each sheet's
    count, with the merged ranges found after its rows and the rows it hides.
    """
    budget = None if limits.max_reports is None else limits.max_reports * TAGS_PER_REPORT
    left = budget
    sizes: dict[str, SheetSize] = {}
    for kind in columns.FILES:
        if kind not in sheets:
            continue
        ws = sheets[kind]
        size = measure_sheet(ws, max_elements=left, max_rows=limits.max_sheet_rows)
        label = str(ws.title)
        if size.passed == "rows":
            raise too_many_rows(label, limits.max_sheet_rows, size.row)
        if size.passed == "elements":
            assert budget is not None and limits.max_reports is not None
            raise file_problem(
                label,
                f"the workbook's sheets hold more than {budget:,} rows and cells (counted as "
                f"XML elements; the count passed it in this sheet), while one upload takes at "
                f"most {limits.max_reports:,} reports, which need far fewer. Blank cells kept "
                "for their formatting count too: delete the empty rows and columns past the "
                "data, split the file into smaller workbooks, or ask an administrator to "
                "import it with the CLI",
            )
        if left is not None:
            left -= size.elements
        sizes[kind] = size
    return sizes


def measure_sheet(ws: Any, *, max_elements: int | None, max_rows: int) -> SheetSize:
    """Count a sheet's rows and cells (XML elements) before it is parsed, up to the limits.

    Raises FileProblem for a row wider than a spreadsheet row, which parsing would read whole
    into memory. Passing ``max_rows`` or ``max_elements`` is returned (``passed``) for the
    caller to say what its limit is for.
    """
    with ws._get_source() as part:  # the sheet's part, as openpyxl opens it to parse
        size = sheet_size(
            part,
            max_elements=max_elements,
            max_rows=max_rows,
            row_elements=MAX_ROW_CELLS * TAGS_PER_CELL,
        )
    if size.passed == "row":
        raise file_problem(
            str(ws.title),
            f"row {size.row:,} holds more than {MAX_ROW_CELLS:,} cells, the most a "
            "spreadsheet row holds; it is not a sheet Excel saved. Open it in Excel or "
            "LibreOffice and save it again as .xlsx",
            row=size.row,
        )
    return size


def too_many_rows(label: str, limit: int, row: int) -> FileProblem:
    """Say that a sheet has more rows than are read."""
    return file_problem(label, f"the sheet has more than {limit:,} rows; split it", row=row)


def _check_zip(source: Source, limits: Limits) -> None:
    handle: Any = source.path if source.content is None else io.BytesIO(source.content)
    try:
        with zipfile.ZipFile(handle) as archive:
            _check_parts(source, archive, limits)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _not_a_workbook(source, str(exc)) from None
    except (EOFError, NotImplementedError, RuntimeError, zlib.error) as exc:
        # A part that cannot be unpacked (cut short, an unknown method, encrypted).
        raise file_problem(source.name, _DAMAGED.format(detail=type(exc).__name__)) from None


def _check_parts(source: Source, archive: zipfile.ZipFile, limits: Limits) -> None:
    entries = archive.infolist()
    if len(entries) > MAX_PARTS:
        # Said apart from the size: "unpacks to 0 MB, more than the 315 MB allowed" told
        # nothing of a zip of thousands of empty parts.
        raise file_problem(
            source.name,
            f"the file holds {len(entries):,} parts, and a workbook holds a few dozen (at most "
            f"{MAX_PARTS:,} are read); it is not a workbook Excel saved. Open it in Excel or "
            "LibreOffice and save it again as .xlsx",
        )
    unzipped = sum(e.file_size for e in entries)
    if unzipped > limits.max_unzipped_bytes:
        raise file_problem(
            source.name,
            f"the workbook unpacks to {size_text(unzipped)}, more than the "
            f"{size_text(limits.max_unzipped_bytes)} allowed; split it into smaller workbooks "
            "or use CSV files",
        )
    if (bomb := _packed_part(entries)) is not None:
        raise file_problem(
            source.name,
            f"its part {bomb.filename} unpacks to {size_text(bomb.file_size)} from "
            f"{size_text(bomb.compress_size)}, {bomb.file_size // max(bomb.compress_size, 1):,} "
            f"times its size; the data Excel saves packs at most {MAX_RATIO} times, so this is "
            "a zip bomb or not a workbook Excel saved. Open it in Excel or LibreOffice and save "
            "it again as .xlsx",
        )
    names = [e.filename for e in entries]
    if "[Content_Types].xml" not in names:
        # Every Office file has this part; a zip without it is an archive (CSV files zipped
        # to send them), which "damaged or truncated" would misdescribe.
        shown = ", ".join(repr(n) for n in names[:5]) + (", ..." if len(names) > 5 else "")
        raise file_problem(
            source.name,
            f"this is a zip archive ({shown or 'empty'}), not an XLSX workbook; unzip it and "
            "give the CSV, XLSX or JSON files inside it",
        )
    if (other := _other_excel_format(archive, names)) is not None:
        raise file_problem(
            source.name,
            f"{other}, which is not read; open it in Excel and save it with File > Save As, "
            "the type 'Excel Workbook (*.xlsx)'",
        )
    _check_strings(source, archive, entries, limits)
    if (part := part_declaring_dtd(archive)) is not None:
        raise file_problem(
            source.name,
            _DAMAGED.format(
                detail=f"its part {part} declares XML entities (<!DOCTYPE ...>), which Excel "
                "never writes; they are not expanded"
            ),
        )


_BINARY_WORKBOOK = b"sheet.binary.macroEnabled.main"
_STRICT = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


def _other_excel_format(archive: zipfile.ZipFile, names: list[str]) -> str | None:
    """Name the Excel formats in a zip like a workbook's that openpyxl cannot read, or None.

    An .xlsb renamed .xlsx was "damaged" (a part missing), and a workbook saved as Strict Open
    XML had "no sheet named 'reports'" beside its reports sheet: its cells are under other names.
    """
    with archive.open("[Content_Types].xml") as part:
        types = part.read(65_536)
    if _BINARY_WORKBOOK in types:
        return "this is an Excel Binary Workbook (.xlsb)"
    if "xl/workbook.xml" in names:
        with archive.open("xl/workbook.xml") as part:
            if _STRICT in part.read(4096):
                return "the workbook is saved as 'Strict Open XML Spreadsheet'"
    return None


def _check_strings(
    source: Source, archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], limits: Limits
) -> None:
    """Refuse shared strings of more texts than the reports an upload takes could need."""
    if limits.max_reports is None:
        return
    most = limits.max_reports * STRING_TAGS_PER_REPORT
    for entry in entries:
        if not entry.filename.lower().endswith("sharedstrings.xml"):
            continue
        # A part of fewer bytes holds fewer tags: "<" opens each.
        if entry.file_size <= most:
            continue
        with archive.open(entry) as part:
            if elements_past(part, most) is None:
                continue
        raise file_problem(
            source.name,
            f"its shared strings (the texts of every sheet's cells, in {entry.filename}) "
            f"hold more than {most:,} texts and tags, while one upload takes at most "
            f"{limits.max_reports:,} reports, which need far fewer. Delete the sheets that are "
            "not reports, identifiers, parties or places, split the workbook into smaller "
            "ones, or ask an administrator to import it with the CLI",
        )


def _packed_part(entries: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    """Return a large part packed tighter than a workbook's data packs, or None.

    Parsing costs time per element, not per byte: 100 MB of empty shared strings packed into
    146 KB took a server two minutes to read. Sheets Excel saves pack about 10 times; small
    parts (styles, a theme) may pack tighter, and cost little to read.
    """
    for entry in entries:
        if entry.file_size > RATIO_FROM_BYTES and entry.file_size > MAX_RATIO * max(
            entry.compress_size, 1
        ):
            return entry
    return None


def _not_a_workbook(source: Source, detail: str) -> FileProblem:
    """Say what a file with an .xlsx name that is not a zip holds, so the fix is clear."""
    head = source.head(4096)
    if not head:
        return file_problem(source.name, "the file is empty (0 bytes); export the workbook again")
    if b"\x00" not in head and not head.startswith(b"PK"):
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = exc.start >= len(head) - 4  # a character cut at the end of the sample
        else:
            text = True
        if text:
            return file_problem(
                source.name,
                "this is a text file (CSV or JSON) with an .xlsx name; give it its own name "
                "(.csv or .json), or save it from Excel as an .xlsx workbook",
            )
    if head.startswith(OLE_START) and _encrypted(source):
        return file_problem(
            source.name,
            "the workbook is protected with a password (encrypted), so it cannot be read; "
            "open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt "
            "with Password, empty) and save it again as .xlsx",
        )
    if head.startswith(OLE_START):
        return file_problem(
            source.name,
            "this is an old Excel 97-2003 (.xls) workbook; save it again as .xlsx",
        )
    return file_problem(source.name, _DAMAGED.format(detail=detail))


def _encrypted(source: Source) -> bool:
    """Tell an encrypted .xlsx: an OLE container like an .xls, holding an EncryptedPackage."""
    data = source.content if source.content is not None else source.path.read_bytes()  # type: ignore[union-attr]
    return "EncryptedPackage".encode("utf-16-le") in data


# Excel keeps 15 significant digits of a number: a longer account or ID number typed into a
# cell not formatted as Text has lost its last digits. Amounts and coordinates are numbers.
# Excel writes such a number without a decimal point (a 16-digit NIK 3201234567890123 is
# saved as 3201234567890120), which is read as a whole number: both forms are refused. A whole
# number whose digits after the fifteenth are not all zeros was written by a program that kept
# them (a case system's export), not by Excel: it is read.
EXCEL_DIGITS = 1e15
_NUMBER_COLUMNS = frozenset({"loss_amount", "latitude", "longitude"})


def _kept_whole(cell: int | float) -> bool:
    return isinstance(cell, int) and len(str(abs(cell)).rstrip("0")) > 15


def _lost_digits(label: str, row: int, names: list[str], cells: list[Any]) -> list[RowError]:
    return [
        RowError(
            label,
            row,
            name,
            f"{cell:.15g}",  # as Excel shows it
            "the cell is a number of more than 15 digits, and Excel keeps only 15: its last "
            "digits are lost. Format the column as Text, type the value again and save",
            explains=(name,),  # what else the column's check says is about the lost digits
        )
        for name, cell in zip(names, cells, strict=False)
        if isinstance(cell, (int, float))
        and not isinstance(cell, bool)
        and abs(cell) >= EXCEL_DIGITS
        and not _kept_whole(cell)
        and name not in _NUMBER_COLUMNS
    ]


def _sheet_table(
    ws: Any,
    kind: str,
    limits: Limits,
    merged: Sequence[str] = (),
    *,
    hidden: Sequence[int] = (),
    last: int | None = None,
) -> Table | None:
    """Return a sheet as a table; None for a blank linked sheet, read as not given.

    ``hidden`` are the numbers of the rows the sheet hides; one holding values is refused.
    ``last`` is the number of the last row holding a value (``xml_parts.SheetSize``), when
    known: the blank rows after it are not parsed.
    """
    label = str(ws.title)
    hidden_rows = frozenset(hidden)
    unseen: list[int] = []
    rows: list[tuple[int, dict[str, Any], list[RowError]]] = []
    names: list[str] = []
    dates: list[int] = []
    ref_at: int | None = None
    # The read-only reader trusts the sheet's <dimension> element for its size, and other
    # writers leave it stale ("A1", or the size of an earlier draft): rows and columns past
    # it were dropped without a word. Without it, every row is read as far as its last cell.
    ws.reset_dimensions()
    strings = guard_strings(ws)
    mark_formulas(ws)
    read_by_reference(ws, label)
    # Blank rows past the last value (a template formatted down the whole sheet) are not
    # parsed: they would be skipped as blank one by one, at about 15 microseconds a row.
    through = None if last is None else max(last, 1)
    try:
        for number, values in enumerate(ws.iter_rows(values_only=True, max_row=through), start=1):
            if not values and number > 1:
                # A row the sheet does not hold, handed out empty to fill the gap before the next
                # one: a report in row 1,048,576 under the header took 40 s of such rows.
                continue
            strings.check_row(label, number, values, names)
            if number == 1:
                names = [column_name(v) for v in values]
                while names and not names[-1]:
                    names.pop()
                check_header(names, kind, label, values)
                dates = [i for i, name in enumerate(names) if name in _DATE_COLUMNS]
                ref_at = names.index("external_ref") if "external_ref" in names else None
                continue
            if number > limits.max_sheet_rows:
                raise too_many_rows(label, limits.max_sheet_rows, number)
            # Only the named columns are converted: a hostile row with a cell in column XFD
            # would otherwise cost 16,384 conversions, times a million rows.
            cells = [_cell(v) for v in values[: len(names)]]
            for at in dates:
                if at < len(cells):
                    cells[at] = _serial_day(cells[at], ws.parent.epoch)
            beyond = len(values) > len(names) and _filled(values, len(names))
            if not beyond and not any(c not in (None, "") for c in cells):
                continue
            if header_again(label, number, values, names):
                continue  # a second sheet's rows pasted below, header and all
            if number in hidden_rows:
                unseen.append(number)
            problems = _lost_digits(label, number, names, cells)
            problems.extend(_unstorable(label, number, names, cells))
            problems.extend(formula_cells(label, number, names, values, skip="external_ref"))
            if ref_at is not None and ref_at < len(cells) and _formula(cells[ref_at]):
                problems.append(_formula_reference(label, number, cells[ref_at]))
            if beyond:
                problems.append(_beyond(label, number, values, len(names)))
            if (
                kind == "reports"
                and limits.max_reports is not None
                and len(rows) >= limits.max_reports
            ):
                # Stop reading here, not after a million more rows, as join would.
                raise too_many_reports(label, limits.max_reports, number)
            # As for reports; join counts the linked sheets together once they are read.
            linked_limit = None if kind == "reports" else limits.max_batch_linked
            if linked_limit is not None and len(rows) >= linked_limit:
                raise too_many_linked_for_batch(label, number, linked_limit)
            cells = (cells + [None] * len(names))[: len(names)]
            rows.append((number, dict(zip(names, cells, strict=True)), problems))
    except ValueError:
        # A value not of its cell's type: openpyxl names neither the sheet nor the cell.
        with ws._get_source() as part:
            bad = bad_value(part, label, names)
        if bad is None:
            raise
        raise bad from None
    if not names:
        if kind != "reports":
            # A blank identifiers, parties or places sheet (writers add all four sheets
            # whether or not a batch has any parties) holds nothing, and says nothing either:
            # as a sheet left out, it keeps a resubmitted report's stored rows of its kind.
            return None
        raise file_problem(label, "the sheet is empty; it needs a header row", row=1)
    if unseen:
        raise _hidden_rows(label, unseen)
    if merged:
        _refuse_merged(label, names, rows, merged)

    def open_rows() -> Rows:
        return iter(rows)

    return Table(kind=kind, label=label, open_rows=open_rows)


def _hidden_rows(label: str, numbers: list[int]) -> FileProblem:
    """Refuse rows hidden by Hide or by a filter: as a hidden sheet's, they would be imported
    although no one sending the workbook sees them (a filter on one country's reports, the
    others sent unawares)."""
    shown_rows = ", ".join(f"{n:,}" for n in numbers[:_HIDDEN_NAMED])
    if len(numbers) > _HIDDEN_NAMED:
        shown_rows += f" and {len(numbers) - _HIDDEN_NAMED:,} more"
    one = len(numbers) == 1
    return file_problem(
        label,
        f"{'row' if one else 'rows'} {shown_rows} of the sheet {label!r} "
        f"{'is' if one else 'are'} hidden (by Hide or by a filter), so "
        f"{'it' if one else 'they'} would be imported unseen; clear the filter "
        "(Data > Clear) and unhide the rows (select them, right-click > Unhide), check them, "
        "and delete those that are not to be imported",
        row=numbers[0],
    )


_HIDDEN_NAMED = 10


# Rows of data the merged ranges of a sheet may cover, counted once for each range: a sheet
# of 10,000 reports with every column merged in pairs covers 130,000.
_MERGED_ROWS = 1_000_000


@dataclass(frozen=True)
class MergedRange:
    """A range of merged cells, by its bounds (numbered from 1), clipped to the named columns.

    Excel shows the value of a merged range in every cell of it, but stores it in the first
    cell alone: the others are read as empty.
    """

    ref: str
    first_col: int
    first_row: int
    last_col: int
    last_row: int

    def reason(self) -> str:
        """Say what the merge hides and how to fix it, naming the range."""
        from openpyxl.utils.cell import get_column_letter

        cell = f"{get_column_letter(self.first_col)}{self.first_row}"
        return (
            f"cells {self.ref} are merged: the spreadsheet shows the value of {cell} in "
            f"each of them, but stores it in {cell} alone, so the others are read as empty; "
            "unmerge the cells (Home > Merge & Center) and type the value into each one"
        )


def merged_ranges(label: str, merged: Sequence[str], *, columns: int) -> list[MergedRange]:
    """Return the merged ranges of more than one cell that start in the first ``columns``.

    ``merged`` are the ranges ``measure_sheet`` found (``A2:A4``). Raises FileProblem for a
    sheet of more than MAX_MERGED ranges.
    """
    from openpyxl.utils.cell import range_boundaries

    if len(merged) > MAX_MERGED:
        raise file_problem(
            label,
            f"the sheet has more than {MAX_MERGED:,} merged ranges; unmerge the cells (select "
            "the sheet, Home > Merge & Center) and save",
        )
    ranges = []
    for ref in merged:
        first_col, first_row, last_col, last_row = range_boundaries(ref)
        last_col = min(last_col, columns)
        if (first_col == last_col and first_row == last_row) or first_col > last_col:
            continue  # one cell, or beyond the named columns
        ranges.append(MergedRange(ref.upper(), first_col, first_row, last_col, last_row))
    return ranges


class MergedCover:
    """The rows of data a sheet's merged ranges cover, counted once for each range."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.left = _MERGED_ROWS

    def take(self, rows: int) -> None:
        """Count ``rows`` more; FileProblem once they pass _MERGED_ROWS."""
        self.left -= rows
        if self.left < 0:
            # Excel merges no range over another: thousands of ranges over the same rows are
            # no sheet Excel saved, and naming each row of each would cost without end.
            raise file_problem(
                self.label,
                f"the sheet's merged cells cover more than {_MERGED_ROWS:,} rows of data; "
                "unmerge the cells (select the sheet, Home > Merge & Center) and save",
            )


def _refuse_merged(
    label: str,
    names: list[str],
    rows: list[tuple[int, dict[str, Any], list[RowError]]],
    merged: Sequence[str],
) -> None:
    """Reject the rows of merged cells that hold a value in the named columns.

    A country or reference merged down three rows was read for the first row only, and the
    other rows were stored without it (or refused as missing a value they show). Merged
    cells without a value are formatting, and are read as empty.
    """
    by_number = {number: (cells, problems) for number, cells, problems in rows}
    numbers = sorted(by_number)
    cover = MergedCover(label)
    for found in merged_ranges(label, merged, columns=len(names)):
        column = names[found.first_col - 1]
        top_left = column if found.first_row == 1 else None
        if found.first_row in by_number:
            top_left = by_number[found.first_row][0].get(column)
        if top_left in (None, ""):
            continue
        reason = found.reason()
        start = bisect_left(numbers, max(found.first_row, 2))
        covered = numbers[start : bisect_right(numbers, found.last_row)]
        cover.take(len(covered))
        for number in covered:
            by_number[number][1].append(RowError(label, number, column, "", reason))


class _MissingString:
    """Stands for the string of a cell whose shared-string number the file holds none for."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index


def guard_strings(ws: Any) -> SharedStrings:
    """Have a read-only sheet read a shared string the file does not hold as a marker.

    Check each row read with ``check_row``.
    """
    strings = SharedStrings(ws._shared_strings)
    ws._shared_strings = strings  # what the read-only sheet hands its parser, row by row
    return strings


class SharedStrings:
    """A workbook's shared strings as its sheets look them up, by the number in each cell.

    openpyxl looks the number up in a Python list: -1 read as the last string, so a damaged
    file was stored with the values of other cells. A number the file holds no string for
    reads as a _MissingString here, the first one kept to name its cell.
    """

    def __init__(self, strings: Sequence[Any]) -> None:
        self.strings = strings
        self.missing: _MissingString | None = None

    def __len__(self) -> int:
        return len(self.strings)

    def __getitem__(self, index: int) -> Any:
        if 0 <= index < len(self.strings):
            return self.strings[index]
        found = _MissingString(index)
        self.missing = self.missing or found
        return found

    def check_row(
        self, label: str, row: int, values: Sequence[Any], names: Sequence[str] = ()
    ) -> None:
        """Raise FileProblem naming the cell of row ``row`` that points to a missing string."""
        # A row is parsed before the empty rows above it are handed out: its missing string
        # is named when the row itself comes.
        if self.missing is not None and self.missing in values:
            raise _missing_string(label, row, values, names, self)


def _missing_string(
    label: str, row: int, values: Sequence[Any], names: Sequence[str], strings: SharedStrings
) -> FileProblem:
    from openpyxl.utils import get_column_letter

    assert strings.missing is not None
    at = values.index(strings.missing)
    return file_problem(
        label,
        f"cell {get_column_letter(at + 1)}{row} points to shared string "
        f"{strings.missing.index}, which does not exist (the file holds {len(strings):,}); "
        "the file is damaged. Re-save the file from your spreadsheet program (Excel or "
        "LibreOffice) and send it again",
        row=row,
        column=names[at] if row > 1 and at < len(names) else "",
    )


# A number in a date column is the day number Excel stores a date as, when the cell was not
# given a date format (some writers leave it out). Below 2200 it is more likely a year typed
# alone (1985 would be day 1985, in 1905): left as a number, it is refused with the reason.
_DATE_COLUMNS = frozenset({"reported_at", "incident_at", "birth_date"})
_FIRST_SERIAL = 2200
_LAST_SERIAL = 2958465  # 9999-12-31


def _serial_day(value: Any, epoch: datetime) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if not _FIRST_SERIAL <= value <= _LAST_SERIAL:
        return value
    from openpyxl.utils.datetime import from_excel

    return from_excel(value, epoch=epoch)


def _formula(cell: Any) -> bool:
    return isinstance(cell, str) and cell.startswith("=") and len(cell) > 1


def _formula_reference(label: str, row: int, cell: str) -> RowError:
    # Formulas are never run, so the reader gets the formula, not what Excel shows: a
    # reference built by one (="MY-"&B2, or =reports!A2 in a linked sheet) was stored as its
    # formula text, which changes when rows move, so a resubmission duplicated the report.
    return RowError(
        label,
        row,
        "external_ref",
        cell,
        "the cell holds a formula, and formulas are never run, so the reference it shows is "
        "not known here; replace the formulas with their values (copy the column, then "
        "Paste Special > Values) and save",
    )


def _beyond(label: str, row: int, values: Sequence[Any], named: int) -> RowError:
    """Return the error of a row with a value past the named columns, naming its cell."""
    # "this row has values beyond the 7 named columns" said neither which cell nor what to
    # do, in a row of 16,384 cells.
    from openpyxl.utils import get_column_letter

    at = next(i for i in range(named, len(values)) if _holds(values[i]))
    cell = f"{get_column_letter(at + 1)}{row}"
    last = get_column_letter(named) if named else "A"
    return RowError(
        label,
        row,
        f"column {get_column_letter(at + 1)}",
        text_of(_cell(values[at])),
        f"cell {cell} holds a value, but the sheet's named columns end at column {last}: "
        "give its column a heading from the template, move the value into the column it "
        "belongs to, or delete it (and any other value right of the headings)",
    )


def _holds(value: Any) -> bool:
    """Tell whether a cell holds a value: neither empty nor only spaces."""
    return value is not None and not (isinstance(value, str) and not value.strip())


def _filled(values: Sequence[Any], start: int) -> bool:
    """Tell whether any of ``values`` from ``start`` holds something, cheaply on wide rows."""
    # A row ends at its last cell, which usually holds a value: no need to look further.
    if _holds(values[-1]):
        return True
    tail = values[start:]
    if tail.count(None) == len(tail):  # counted in C, not cell by cell
        return False
    return any(_holds(v) for v in tail)


def _unstorable(label: str, row: int, names: list[str], cells: list[Any]) -> list[RowError]:
    # XML cannot hold a NUL, but Excel's escape of one (_x0000_) decodes to it.
    return [
        RowError(label, row, name, cell, reason)
        for name, cell in zip(names, cells, strict=False)
        if isinstance(cell, str) and (reason := unstorable(cell))
    ]


# Excel writes a control character in a cell as _xHHHH_ (a carriage return as _x000D_), and
# the "_" of text that would read as such an escape as _x005F_; openpyxl leaves both as they
# are. Its shared-string reader already drops the "x005F_" of the second, so there a typed
# "_x000D_" cannot be told from the escape; no one types that.
_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), text)


def _cell(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (datetime, date)):
        return value
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, str):
        return _unescape(value).strip()
    return value
