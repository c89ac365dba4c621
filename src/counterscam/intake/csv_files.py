"""CSV files: UTF-8 (with or without BOM), comma-separated, recognised by their header row."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any, TextIO

from counterscam.intake import code_pages, columns
from counterscam.intake.chars import unstorable
from counterscam.intake.records import FileProblem, RowError, file_problem, ref_of
from counterscam.intake.tables import (
    OLE_START,
    ZIP_START,
    Refs,
    Rows,
    Source,
    Table,
    column_name,
    recognise,
)

NARRATIVE_LIMIT = 20_000  # schema.ReportIn.narrative
MAX_COLUMNS = 16_384  # Excel's widest sheet; a CSV it exports has no wider header
# Excel's own words: its plain "CSV (Comma delimited)" writes the computer's code page.
SAVE_AS = (
    "save it as UTF-8: in Excel, File > Save As with the type 'CSV UTF-8 (Comma delimited) "
    "(*.csv)', not 'CSV (Comma delimited)'; or re-encode it as UTF-8"
)


def csv_table(source: Source) -> Table:
    """Read the header row of a CSV file and return it as a table of its kind."""
    _refuse_non_text(source)
    header: list[str] | None = None
    for _row, record in _records(source):
        header = record
        break
    if header is None:
        raise file_problem(source.name, "the file is empty; it needs a header row and data rows")
    if len(header) > MAX_COLUMNS:
        raise file_problem(
            source.name,
            f"the header row (row 1) has {len(header):,} columns, more than a spreadsheet "
            f"holds ({MAX_COLUMNS:,}); an intake file has at most "
            f"{max(len(c) for c in columns.FILES.values())}. Use the template's header row",
            row=1,
        )
    if (line := ",".join(header).strip()).lower().startswith("sep="):
        raise file_problem(
            source.name,
            f"row 1 ({line!r}) tells Excel the separator and is not the header "
            "row; delete it, so the header row is row 1 (values separated by commas)",
            row=1,
        )
    _refuse_other_delimiter(source, header)
    _refuse_nul_heading(source, header)
    kind, names = recognise(header, source.name)
    return Table(
        kind=kind,
        label=source.name,
        open_rows=lambda: _rows(source, names),
        open_refs=lambda: _refs(source, names),
    )


def _refuse_non_text(source: Source) -> None:
    head = source.head(4096)
    if head.startswith(ZIP_START):
        if not _workbook(source):
            raise file_problem(
                source.name,
                "this is a zip archive, not a CSV file; unzip it and give the CSV, XLSX or "
                "JSON files inside it",
            )
        raise file_problem(
            source.name, "this is an XLSX (zip) file, not CSV; upload it with its .xlsx name"
        )
    if head.startswith(OLE_START):
        # The OLE container of Excel 97-2003; systems that "export to Excel" often name it .csv.
        raise file_problem(
            source.name,
            "this is an old Excel 97-2003 (.xls) workbook, not CSV; open it in Excel and save "
            "it as .xlsx (or as 'CSV UTF-8 (Comma delimited) (*.csv)')",
        )
    if _JSON_START.match(head):
        # A header row never starts with "{" or "[{" ("[external_ref]" is SQL Server's).
        raise file_problem(
            source.name, "this is a JSON file, not CSV; give it a .json name and import it again"
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise file_problem(source.name, f"the file is UTF-16 (Excel 'Unicode Text'); {SAVE_AS}")
    if _utf16_without_bom(head):
        raise file_problem(source.name, f"the file is UTF-16 (Excel 'Unicode Text'); {SAVE_AS}")
    if b"\x00" in head and _binary(head):
        raise file_problem(
            source.name,
            "this is not a text CSV file (it holds binary data); export the "
            "data as CSV UTF-8 or use the template",
        )


def _binary(head: bytes) -> bool:
    """Tell binary data from text with NULs in it, such as a database export's padded fields.

    Text keeps its NULs for the rows to name (a NUL in row 2 was "not a text CSV file",
    while one in row 200 was named by its row and column); binary data holds other control
    bytes, or bytes that are not UTF-8, besides its NULs.
    """
    rest = head.replace(b"\x00", b"")
    try:
        text = rest.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(rest) - 4:  # not a character cut at the end of the sample
            return True
        text = rest[: exc.start].decode("utf-8")
    return _CONTROL.search(text) is not None


_JSON_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:\{|\[\s*[{\]])")
_CONTROL = re.compile("[\x01-\x08\x0b\x0e-\x19\x1b-\x1f\x7f]")  # not tab, CR, LF, FF, Ctrl-Z


def _refuse_nul_heading(source: Source, header: list[str]) -> None:
    for i, heading in enumerate(header):
        if "\x00" in heading:
            raise file_problem(
                source.name,
                f"the heading of column {i + 1} ({heading.replace(chr(0), '')!r} with a NUL "
                "character, binary data) is not text; write the heading again, or export the "
                "file again as CSV UTF-8",
                row=1,
            )


def _workbook(source: Source) -> bool:
    """Tell an XLSX workbook from another zip archive (CSV files zipped to send them)."""
    handle: Any = source.path if source.content is None else io.BytesIO(source.content)
    try:
        with zipfile.ZipFile(handle) as archive:
            return "[Content_Types].xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return True  # a damaged zip: most likely a workbook, as the message says


def _utf16_without_bom(head: bytes) -> bool:
    """Tell UTF-16 text without its byte-order mark: every other byte of ASCII text is 0."""
    if len(head) < 16:
        return False
    for zeros in (head[1::2], head[0::2]):
        if zeros.count(0) >= 0.9 * len(zeros):
            return True
    return False


def _refuse_other_delimiter(source: Source, header: list[str]) -> None:
    if len(header) != 1:
        return
    for mark, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "bars")):
        if header[0].count(mark) >= 2:
            raise file_problem(
                source.name,
                f"the values are separated by {name}, not commas. Excel writes CSV so "
                "wherever the regional settings use ',' as the decimal mark (Indonesia, Viet "
                "Nam), even as 'CSV UTF-8 (comma delimited)', and its numbers are then written "
                "with decimal commas too; upload the workbook itself instead (Save As > Excel "
                "Workbook, .xlsx), which keeps numbers and dates as they are",
                row=1,
            )


def _open(source: Source, errors: str = "strict") -> TextIO:
    if source.content is not None:
        return io.TextIOWrapper(
            io.BytesIO(source.content), encoding="utf-8-sig", errors=errors, newline=""
        )
    assert source.path is not None
    return source.path.open(encoding="utf-8-sig", errors=errors, newline="")


def _records(source: Source) -> Iterator[tuple[int, list[str]]]:
    row = 0
    with _open(source) as f:
        reader = csv.reader(f, strict=True)
        try:
            for row, record in enumerate(reader, start=1):  # noqa: B007 - row used after loop
                yield row, record
        except UnicodeDecodeError:
            raise _encoding_problem(source) from None
        except csv.Error as exc:
            raise file_problem(
                source.name,
                f"row {row + 1} is not valid CSV ({exc}); {_csv_fix(exc)}",
                row=row + 1,
            ) from None


def _csv_fix(exc: csv.Error) -> str:
    if "field limit" in str(exc):
        # Either a cell really is that long (a pasted document) or a quote opened and never
        # closed swallowed the rows after it; the reader cannot tell which, so name both.
        return (
            f"a value in it is longer than {csv.field_size_limit():,} characters. No column "
            f"takes that much (narrative, the longest, takes at most {NARRATIVE_LIMIT:,}): "
            'shorten it. If no value is that long, a quote (") opened in this row is never '
            "closed: close it, or export the file again as CSV"
        )
    if "unexpected end of data" in str(exc):
        return (
            'a quote (") opened in it is never closed before the file ends: close it; or, if '
            "the file was cut short (an interrupted download or copy), send the whole file again"
        )
    return "check its quotes, or export the file again as CSV"


def _encoding_problem(source: Source) -> FileProblem:
    """Name the row and column of the first byte that is not UTF-8, and the likely code page.

    The file is read again with each such byte kept as a stand-in character (surrogateescape),
    so rows are counted as the CSV reader counts them (a quoted value may span lines), and the
    unreadable cells, as bytes, are the sample the code page is told from.
    """
    first: tuple[int, int, bytes] | None = None
    sample = bytearray()
    header: list[str] = []
    try:
        with _open(source, errors="surrogateescape") as f:
            for row, record in enumerate(csv.reader(f), start=1):
                header = header or record
                for i, cell in enumerate(record):
                    if cell.isascii() or not _ESCAPED.search(cell):
                        continue
                    raw = cell.encode("utf-8", "surrogateescape")
                    first = first or (row, i, raw)
                    sample += raw + b"\n"
                if first is not None and (len(sample) > _SAMPLE or row > first[0] + 1_000):
                    break
    except csv.Error:
        pass  # the sample so far tells the code page; the CSV error is named once it is UTF-8
    if first is None:
        return file_problem(source.name, f"the file is not UTF-8; {SAVE_AS}")
    row, index, raw = first
    column = column_name(header[index]) if row > 1 and index < len(header) else ""
    try:
        raw.decode("utf-8")
        bad = raw[-1]  # not reached: the cell held a byte that is not UTF-8
    except UnicodeDecodeError as exc:
        bad = raw[exc.start]
    where = f"byte 0x{bad:02X} on row {row}, " + (
        f"column {column}" if column else f"column {index + 1}"
    )
    page = code_pages.likely(bytes(sample))
    if page is None:
        guess = "It was saved in a code page that could not be told"
        fix = SAVE_AS
    else:
        guess = (
            f"It was probably saved as {page.label} (read so, the value is "
            f"{code_pages.read_as(raw, page)!r})"
        )
        fix = (
            f"{SAVE_AS}. If the text shows garbled in Excel, open the file with Data > From "
            f"Text/CSV, File Origin '{page.origin}', and save it from there"
        )
    return file_problem(
        source.name,
        f"the file is not UTF-8: {where}, cannot be read. {guess}; {fix}",
        row=row,
        column=column,
    )


_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape keeps it
_SAMPLE = 16_384  # bytes of unreadable cells, plenty to tell a code page by


def _blank(text: str) -> bool:
    # A DOS end-of-file mark (Ctrl-Z) ends files some older systems export: a line of it
    # alone is no report.
    return not text.strip().strip("\x1a").strip()


def _ends_open(source: Source) -> bool:
    """Tell whether the file's last line has no line break at its end (past any Ctrl-Z)."""
    if source.content is not None:
        tail = source.content[-64:]
    else:
        assert source.path is not None
        with source.path.open("rb") as f:
            f.seek(max(source.size() - 64, 0))
            tail = f.read()
    return not tail.rstrip(b"\x1a").endswith((b"\n", b"\r"))


def _with_last(records: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str], bool]]:
    """Yield the records, each with whether it is the file's last."""
    held = next(records, None)
    for following in records:
        assert held is not None
        yield *held, False
        held = following
    if held is not None:
        yield *held, True


def _cut_short(source: Source, row: int, values: int, width: int) -> RowError:
    # The file ends inside this row: an interrupted download or copy. Read as a row whose
    # last cells are empty, a value cut in the middle (an address, a phone number) was stored
    # as its beginning, and the others were refused as missing, with no word of the cause.
    return RowError(
        source.name,
        row,
        "",
        "",
        f"the file ends in this row, after {values} of the header's {width} columns and "
        "without a line break: it looks cut short (an interrupted download or copy); send "
        "the whole file again. A row whose last cells are empty keeps their commas "
        "(MY-1,...,green,,)",
    )


def _header_again(source: Source, row: int, record: list[str], names: list[str]) -> bool:
    """Tell a row that repeats the header row, as two exports joined one after the other give.

    The same header again is no report, and is skipped. A header with the columns in another
    order is refused: the rows under it would be read in the first header's columns, a
    reported_at as an incident_at or a latitude as a longitude.
    """
    first = record[0] if record else ""
    # Cheap first, as every row is asked: a reference seldom ends as its column's name does.
    if not first.rstrip("]\"'` ").lower().endswith(names[0][-3:]):
        return False
    if column_name(first) != names[0]:
        return False
    heads = [column_name(cell) for cell in record]
    while heads and not heads[-1]:
        heads.pop()
    if heads == [name for name in names if name] or heads == names:
        return True
    if "external_ref" in heads and len(set(heads) & set(names)) * 2 >= len(names):
        raise file_problem(
            source.name,
            f"row {row} is a header row again, with other columns or in another order than "
            "row 1, as when two exports are joined one after the other; the rows under it "
            "would be read in the wrong columns. Import the files as they were, or put the "
            "columns in the same order and delete the second header row",
            row=row,
        )
    return False


def _rows(source: Source, names: list[str]) -> Rows:
    width = len(names)
    records = _records(source)
    next(records, None)  # the header
    ends_open = _ends_open(source)
    for row, record, last in _with_last(records):
        problems: list[RowError] = []
        if last and record and record[-1].endswith("\x1a"):
            # A DOS end-of-file mark right after the last value, with no line break between:
            # read into the last cell, it was a share_with code or a country no one wrote.
            record[-1] = record[-1].rstrip("\x1a")
        if len(record) > width:
            if "".join(record[width:]).strip():
                problems.append(
                    RowError(
                        source.name,
                        row,
                        "",
                        "",
                        f"this row has {len(record)} values but the header has {width} "
                        "columns; quote values that contain commas",
                    )
                )
            elif _blank("".join(record)):
                # ",,,,,,": Excel writes a row of empty cells for every row that was once
                # formatted or cleared, as wide as its widest row, past the header's width.
                continue
            record = record[:width]
        elif len(record) < width:
            if _blank("".join(record)):
                continue
            if last and ends_open:
                problems.append(_cut_short(source, row, len(record), width))
            record = record + [""] * (width - len(record))
        elif not record[0].strip().strip("\x1a") and _blank("".join(record)):
            continue  # a blank line (checked cheaply: the first cell is the external_ref)
        if _header_again(source, row, record, names):
            continue
        if "\x00" in "".join(record):  # rare: the cells are only searched when it is there
            # Only the file's head was checked for binary data; a NUL further on is named here.
            problems.extend(
                RowError(source.name, row, name, cell, unstorable(cell) or "")
                for name, cell in zip(names, record, strict=True)
                if "\x00" in cell
            )
        yield row, dict(zip(names, record, strict=True)), problems


def _refs(source: Source, names: list[str]) -> Refs:
    """Yield (row, external_ref) of the rows ``_rows`` yields, without building them."""
    width = len(names)
    at = names.index("external_ref") if "external_ref" in names else width
    records = _records(source)
    next(records, None)  # the header
    for row, record in records:
        if not (record and record[0].strip().strip("\x1a")) and _blank("".join(record)):
            continue  # a blank line, however many empty cells it has (as _rows skips it)
        if _header_again(source, row, record, names):
            continue
        yield row, ref_of(record[at]) if at < len(record) else ""
