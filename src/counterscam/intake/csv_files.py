"""CSV files: UTF-8 (with or without BOM), comma-separated, recognised by their header row."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TextIO, TypeVar

from counterscam.intake import code_pages, columns, shifts
from counterscam.intake.chars import unstorable
from counterscam.intake.records import FileProblem, RowError, file_problem, ref_of
from counterscam.intake.tables import (
    OLE_START,
    ZIP_START,
    Refs,
    Rows,
    Shifted,
    Source,
    Table,
    column_name,
    header_again,
    recognise,
)

_T = TypeVar("_T")

NARRATIVE_LIMIT = 20_000  # schema.ReportIn.narrative
MAX_COLUMNS = 16_384  # Excel's widest sheet; a CSV it exports has no wider header
# Excel's own words: its plain "CSV (Comma delimited)" writes the computer's code page.
SAVE_AS = (
    "save it as UTF-8: in Excel, File > Save As with the type 'CSV UTF-8 (Comma delimited) "
    "(*.csv)', not 'CSV (Comma delimited)'; or re-encode it as UTF-8"
)


def csv_table(source: Source) -> Table:
    """Read the header row of a CSV file and return it as a table of its kind."""
    stamp = _stamp(source)
    padding = _nul_padding(source)
    _refuse_non_text(source, padding)
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
    _refuse_nul_padding(source, padding)
    _refuse_nul_heading(source, header)
    kind, names = recognise(header, source.name)
    widths = _Widths(header=len(header), kind=kind)
    spaced = _spaced_quotes(header)
    return Table(
        kind=kind,
        label=source.name,
        open_rows=lambda: _unchanged(source, stamp, _rows(source, names, widths, spaced)),
        open_refs=lambda: _unchanged(source, stamp, _refs(source, names, widths, spaced)),
        open_shifted=lambda: _unchanged(source, stamp, _shifted(source, names, widths, spaced)),
    )


def _stamp(source: Source) -> tuple[int, int] | None:
    """Return the size and time of last change of a file on disk; None for an upload."""
    if source.path is None:
        return None
    status = source.path.stat()
    return status.st_size, status.st_mtime_ns


def _unchanged(source: Source, stamp: tuple[int, int] | None, items: Iterator[_T]) -> Iterator[_T]:
    """Yield ``items``, a pass over the file, refusing it when it changed since ``stamp``.

    A file is read more than once (its references, then its rows): one still being written
    or copied (an export that has not finished) gave each pass other rows, and rows were
    linked to reports the first pass had not seen. Checked once a pass, not once a row.
    """
    _same(source, stamp)
    yield from items
    _same(source, stamp)


def _same(source: Source, stamp: tuple[int, int] | None) -> None:
    if stamp is not None and _stamp(source) != stamp:
        raise file_problem(
            source.name,
            "the file changed while it was read (it is still being written or copied, or "
            "another program saved it meanwhile); wait until it is complete, then import it "
            "again",
        )


def _spaced_quotes(header: list[str]) -> bool:
    """Tell a file that writes a space after each comma and quotes every value after it.

    Hand-made exporters join quoted values with ", " ("S-1", "2026-03-01"): a CSV reader
    keeps the space and the quotes as part of the value, so every value was refused as
    '"2026-03-01"' is not a date, without a word of the cause. The header row shows it.
    """
    rest = [heading for heading in header[1:] if heading]
    return bool(rest) and all(_SPACED_QUOTED.fullmatch(heading) for heading in rest)


_SPACED_QUOTED = re.compile(r' +"[^"]*"')


@dataclass
class _Widths:
    """How many values a row may have: learnt by the first pass over the file (``_refs``).

    A row wider than the header with empty values past it was cut to the header's width,
    which suits an exporter that ends every line with a comma, or Excel's empty headings past
    the columns. But an unquoted comma in a value ("Tan, Ah Kow") gives a row one value more,
    empty when its last column was, and every value after that comma was stored one column to
    the right. So a row may be as wide as the header row, or as the narrowest data row when
    every data row is wider (the exporter's extra commas) and the narrowest shows no value
    split by a comma, neither by a space after it nor by its code columns (``shifts``); a row
    wider than that is refused.
    """

    header: int  # values in the header row, its empty headings past the columns included
    kind: str  # reports, identifiers, parties or places: which codes its columns hold
    wide: int | None = None  # the most values a row may have; None until the first pass ends
    # A data row no wider than the header row, in a file whose first rows are wider: it tells
    # that the file does not end every row with an extra comma. 0 when there is none.
    plain: int = 0


def _refuse_non_text(source: Source, padding: int) -> None:
    """Refuse a file that is no text CSV; ``padding``: the NUL bytes it ends in."""
    head = source.head(4096)
    if padding:
        # A small file padded out with NULs looked like UTF-16 (every other byte zero); what
        # the padding is is said once the text before it is known to be text.
        head = head.rstrip(b"\x00")
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
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or _utf32(head):
        # Its byte-order mark starts as UTF-16's: it was named UTF-16, which it is not.
        raise file_problem(source.name, f"the file is UTF-32; {SAVE_AS}")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        raise file_problem(source.name, f"the file is UTF-16 (Excel 'Unicode Text'){_tabs(head)}")
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


def _nul_padding(source: Source) -> int:
    """Return how many NUL bytes the file ends in (0 for none), as a cut-off save leaves it.

    A program that crashes (or finds the disk full) while saving leaves the file at its
    reserved size, the bytes it never wrote as zeros. Read as text, the NULs became a last
    row refused as cut short, as binary data and as missing every column.
    """
    if source.content is not None:
        data = source.content
        if not data.endswith(b"\x00"):  # the common path: no copy of the upload made
            return 0
        return len(data) - len(data.rstrip(b"\x00"))
    assert source.path is not None
    size = source.size()
    with source.path.open("rb") as f:
        f.seek(max(size - 1, 0))
        if f.read(1) != b"\x00":  # the common path: one byte read
            return 0
        run, end = 0, size
        while end > 0:
            start = max(end - _PADDING_BLOCK, 0)
            f.seek(start)
            block = f.read(end - start)
            kept = len(block.rstrip(b"\x00"))
            run += len(block) - kept
            if kept:
                break
            end = start
        return run


_PADDING_BLOCK = 64 * 1024


def _refuse_nul_padding(source: Source, run: int) -> None:
    """Refuse a file that ends in ``run`` NUL bytes, naming the row they start in."""
    if not run:
        return
    row, cut = _padded_row(source)
    if not row:
        where = "and holds nothing else"
    elif cut:
        where = f"from row {row:,} on, cutting that row off"
    else:
        where = f"after row {row:,}"
    raise file_problem(
        source.name,
        f"the file ends in {run:,} NUL (zero) bytes {where}, as a save cut off by a crash "
        "or a full disk leaves a file: the rest of its rows were never written. Export the "
        "file again (or copy it again from where it was saved) and send it again",
        row=row,
    )


def _padded_row(source: Source) -> tuple[int, bool]:
    """Return the row the NULs at the end of a file start in, and whether they cut it off.

    Read on this error path only; a quote left open by the cut is the cut, not the cause.
    """
    row, cut = 0, False
    try:
        for row, record in _records(source):  # noqa: B007 - row used after loop
            cut = bool("".join(record).strip("\x00").strip())
    except FileProblem as problem:
        return problem.errors[0].row, True
    if not cut:  # the NULs are a line of their own: the last row holding text ended before
        row -= 1
    return max(row, 0), cut


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


def _tabs(head: bytes) -> str:
    """Say how to save UTF-16 text as CSV UTF-8, and that its tabs must go too when it has them.

    Excel's "Unicode Text" separates its values with tabs: re-encoded as UTF-8 alone, the
    file was refused again, then for its tabs.
    """
    order = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-16-le"
    if head[:1] == b"\x00":
        order = "utf-16-be"
    line = head[: len(head) // 2 * 2].decode(order, errors="ignore").split("\n", 1)[0]
    if "\t" not in line or "," in line:
        return f"; {SAVE_AS}"
    return (
        ", its values separated by tabs, so re-encoding it as UTF-8 is not enough: in Excel, "
        "File > Save As with the type 'CSV UTF-8 (Comma delimited) (*.csv)', or upload the "
        "workbook itself (.xlsx)"
    )


def _utf16_without_bom(head: bytes) -> bool:
    """Tell UTF-16 text without its byte-order mark: every other byte of ASCII text is 0."""
    if len(head) < 16:
        return False
    for zeros in (head[1::2], head[0::2]):
        if zeros.count(0) >= 0.9 * len(zeros):
            return True
    # Thai or Vietnamese values take no zero bytes, and in a short file outweighed those of
    # the header, which was then "binary data": the header row alone is ASCII.
    start = head[:32]
    for zeros, text in ((start[1::2], start[0::2]), (start[0::2], start[1::2])):
        if not zeros.strip(b"\x00") and _ASCII_TEXT.fullmatch(text):
            return True
    return False


_ASCII_TEXT = re.compile(rb"[\t\n\r\x20-\x7e]+")


def _utf32(head: bytes) -> bool:
    """Tell UTF-32 text without its byte-order mark: three of every four bytes of ASCII are 0."""
    start = head[:32]
    if len(start) < 32:
        return False
    for at in (0, 3):
        text = start[at::4]
        rest = bytes(b for i, b in enumerate(start) if i % 4 != at)
        if not rest.strip(b"\x00") and _ASCII_TEXT.fullmatch(text):
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


def _records(source: Source, spaced: bool = False) -> Iterator[tuple[int, list[str]]]:
    row = 0
    with _open(source) as f:
        reader = csv.reader(_bounded_lines(f), strict=True, skipinitialspace=spaced)
        try:
            for row, record in enumerate(reader, start=1):  # noqa: B007 - row used after loop
                yield row, record
        except UnicodeDecodeError:
            raise _encoding_problem(source) from None
        except _TooManyCommas:
            raise file_problem(
                source.name,
                f"row {row + 1:,} holds more than {MAX_LINE_COMMAS:,} commas, and a row holds "
                f"at most {MAX_COLUMNS:,} values (a spreadsheet's widest row); it is not a "
                "file of reports. Export the data again as CSV, or use the template",
                row=row + 1,
            ) from None
        except csv.Error as exc:
            raise file_problem(
                source.name,
                f"row {row + 1} is not valid CSV ({exc}); {_csv_fix(exc)}",
                row=row + 1,
            ) from None


# Commas on one line of the file past which it is refused before it is split: each value costs
# the list of a row 8 bytes however short, so a 50 MB upload of commas took 450 MB to read, and
# a CLI import of a larger one all the memory there was. No row of the template comes near it.
MAX_LINE_COMMAS = 1_000_000
_LONG_LINE = 1_000_000  # characters: a shorter line cannot hold that many commas


class _TooManyCommas(Exception):
    """A line of more than MAX_LINE_COMMAS commas, found before it was split."""


def _bounded_lines(lines: TextIO) -> Iterator[str]:
    """Yield the lines of ``lines``, refusing one of more than MAX_LINE_COMMAS commas."""
    for line in lines:
        if len(line) > _LONG_LINE and line.count(",") > MAX_LINE_COMMAS:
            raise _TooManyCommas
        yield line


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


def _cut_short(source: Source, row: int, values: int, names: list[str]) -> RowError:
    # The file ends inside this row: an interrupted download or copy. Read as a row whose
    # last cells are empty, a value cut in the middle (an address, a phone number) was stored
    # as its beginning, and the others were refused as missing, with no word of the cause.
    # This error explains the errors of the cells it cut (the last one read, cut perhaps in
    # the middle, and those missing): they were listed beside it ("mark: required; fill in
    # this column"), asking to fill in cells the file does hold.
    width = len(names)
    return RowError(
        source.name,
        row,
        "",
        "",
        f"the file ends in this row, after {values} of the header's {width} columns and "
        "without a line break: it looks cut short (an interrupted download or copy); send "
        "the whole file again. A row whose last cells are empty keeps their commas "
        "(MY-1,...,green,,)",
        explains=tuple(names[max(values - 1, 0) :]),
    )


def _rows(source: Source, names: list[str], widths: _Widths, spaced: bool = False) -> Rows:
    width = len(names)
    if widths.wide is None:  # the first pass was not made: make it now, for the widths
        for _ in _refs(source, names, widths, spaced):
            pass
    assert widths.wide is not None
    wide = widths.wide
    records = _records(source, spaced)
    next(records, None)  # the header
    ends_open = _ends_open(source)
    for row, record, last in _with_last(records):
        problems: list[RowError] = []
        if last and record and record[-1].endswith("\x1a"):
            # A DOS end-of-file mark right after the last value, with no line break between:
            # read into the last cell, it was a share_with code or a country no one wrote.
            record[-1] = record[-1].rstrip("\x1a")
        if len(record) > width:
            if not record[0].strip().strip("\x1a") and _blank("".join(record)):
                # ",,,,,,": Excel writes a row of empty cells for every row that was once
                # formatted or cleared, as wide as its widest row, past the header's width.
                continue
            if len(record) > wide or "".join(record[width:]).strip():
                if not header_again(source.name, row, record, names):
                    problems.append(_too_wide(source, row, record, names, widths))
            record = record[:width]
        elif len(record) < width:
            if _blank("".join(record)):
                continue
            if last and ends_open:
                problems.append(_cut_short(source, row, len(record), names))
            record = record + [""] * (width - len(record))
        elif not record[0].strip().strip("\x1a") and _blank("".join(record)):
            continue  # a blank line (checked cheaply: the first cell is the external_ref)
        if header_again(source.name, row, record, names):
            continue
        if "\x00" in "".join(record):  # rare: the cells are only searched when it is there
            # Only the file's head was checked for binary data; a NUL further on is named here.
            problems.extend(
                RowError(source.name, row, name, cell, unstorable(cell) or "")
                for name, cell in zip(names, record, strict=True)
                if "\x00" in cell
            )
        yield row, dict(zip(names, record, strict=True)), problems


def _refs(source: Source, names: list[str], widths: _Widths, spaced: bool = False) -> Refs:
    """Yield (row, external_ref) of the rows ``_rows`` yields, without building them.

    Reading the file to its end also learns ``widths.wide``, which ``_rows`` needs.
    """
    width = len(names)
    at = names.index("external_ref") if "external_ref" in names else width
    least = began = _UNSEEN  # the narrowest data row at least as wide as the header; the first
    first = plain = 0  # the rows of those two
    narrowest: list[str] = []
    records = _records(source, spaced)
    next(records, None)  # the header
    for row, record in records:
        if not (record and record[0].strip().strip("\x1a")) and _blank("".join(record)):
            continue  # a blank line, however many empty cells it has (as _rows skips it)
        if header_again(source.name, row, record, names):
            continue
        # A shorter row is a row whose last cells were left out, which tells nothing of
        # extra commas. One comparison a row: the import benchmark reads millions of them.
        if width <= len(record) < least:
            if least == _UNSEEN:
                began, first = len(record), row
            least, plain, narrowest = len(record), row, record
        yield row, ref_of(record[at]) if at < len(record) else ""
    allowed = max(widths.header, width)
    # Data rows all wider than the header row tell an exporter's extra comma, unless the
    # narrowest shows a value split by an unquoted comma and a space ("Tan, Ah Kow"): a file of
    # one such row, or of rows that each write a name "Family, Given", would be read shifted.
    # The same split in every row ("Victim paid,then blocked" in each narrative) looks like the
    # extra comma too, but reads codes one column right of their headings: a mark "then
    # blocked", a share_with "green".
    extra = least - allowed
    if (
        allowed < least < _UNSEEN
        and shifts.spaced_split(narrowest, width, extra) is None
        and shifts.split_by_codes(widths.kind, names, narrowest, extra) is None
    ):
        widths.wide = least
    else:
        widths.wide = allowed
    # Rows ended with an extra comma, two or more of them before a row that does not: the
    # refused rows name that row too, typed in by hand below an export perhaps. (A single
    # row before it is more likely a row with a comma in a value.)
    widths.plain = plain if least <= allowed < began < _UNSEEN and plain - first >= 2 else 0


_UNSEEN = MAX_COLUMNS * 2  # wider than any row a header is read with


def _too_wide(
    source: Source, row: int, record: list[str], names: list[str], widths: _Widths
) -> RowError:
    return shifts.too_wide(
        source.name, row, record, names, wide=widths.wide, plain=widths.plain, kind=widths.kind
    )


def _shifted(source: Source, names: list[str], widths: _Widths, spaced: bool) -> Shifted:
    """Yield the rows ``_rows`` refuses as shifted: row, external_refs as written, the error.

    Read again only when linked rows point at references the batch lacks (an error path).
    """
    width = len(names)
    if widths.wide is None:
        for _ in _refs(source, names, widths, spaced):
            pass
    wide = widths.wide or width
    records = _records(source, spaced)
    next(records, None)  # the header
    for row, record in records:
        if len(record) <= wide and not "".join(record[width:]).strip():
            continue
        if _blank("".join(record)) or header_again(source.name, row, record, names):
            continue
        extra = shifts.extra_values(record, width, wide)
        split = shifts.split_at(record, names, extra, widths.kind)
        refs = {ref_of(ref) for ref in shifts.meant_refs(record, names, extra, split)}
        yield row, refs, _too_wide(source, row, record, names, widths)
