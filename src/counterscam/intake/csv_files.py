"""CSV files: UTF-8 (with or without BOM), comma-separated, recognised by their header row."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from typing import Any, TextIO

from counterscam.intake import columns
from counterscam.intake.chars import unstorable
from counterscam.intake.records import FileProblem, RowError, file_problem, ref_of
from counterscam.intake.tables import Refs, Rows, Source, Table, recognise

NARRATIVE_LIMIT = 20_000  # schema.ReportIn.narrative
MAX_COLUMNS = 16_384  # Excel's widest sheet; a CSV it exports has no wider header
_SAVE_AS = "save it again as 'CSV UTF-8 (comma delimited)' or re-encode it as UTF-8"


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
    kind, names = recognise(header, source.name)
    return Table(
        kind=kind,
        label=source.name,
        open_rows=lambda: _rows(source, names),
        open_refs=lambda: _refs(source, names),
    )


def _refuse_non_text(source: Source) -> None:
    head = source.head(4096)
    if head.startswith(b"PK\x03\x04"):
        if not _workbook(source):
            raise file_problem(
                source.name,
                "this is a zip archive, not a CSV file; unzip it and give the CSV, XLSX or "
                "JSON files inside it",
            )
        raise file_problem(
            source.name, "this is an XLSX (zip) file, not CSV; upload it with its .xlsx name"
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise file_problem(source.name, f"the file is UTF-16 (Excel 'Unicode Text'); {_SAVE_AS}")
    if _utf16_without_bom(head):
        raise file_problem(source.name, f"the file is UTF-16 (Excel 'Unicode Text'); {_SAVE_AS}")
    if b"\x00" in head:
        raise file_problem(
            source.name,
            "this is not a text CSV file (it holds binary data); export the "
            "data as CSV UTF-8 or use the template",
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


def _open(source: Source) -> TextIO:
    if source.content is not None:
        return io.TextIOWrapper(io.BytesIO(source.content), encoding="utf-8-sig", newline="")
    assert source.path is not None
    return source.path.open(encoding="utf-8-sig", newline="")


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
    return "check its quotes, or export the file again as CSV"


def _encoding_problem(source: Source) -> FileProblem:
    # The decoder works in blocks, so find the first line that is not UTF-8 to name its row.
    data = source.content if source.content is not None else source.path.read_bytes()  # type: ignore[union-attr]
    for line_no, line in enumerate(data.splitlines(), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = line[exc.start : exc.start + 1].hex().upper()
            codec, label = legacy_codec(line)
            # Windows-1258 keeps tones apart from their letters: show them joined.
            guess = unicodedata.normalize("NFC", line.decode(codec, errors="replace"))
            return file_problem(
                source.name,
                f"the file is not UTF-8: byte 0x{bad} on row {line_no} cannot be "
                f"read. It was probably saved as {label} (it would read "
                f"{guess[max(exc.start - 10, 0) : exc.start + 10]!r}); {_SAVE_AS}",
                row=line_no,
            )
    return file_problem(source.name, f"the file is not UTF-8; {_SAVE_AS}")


# Thai text in Windows-874 is runs of bytes from 0xA1 up; Western text in Windows-1252 has
# one accented letter between ASCII ones.
_THAI_RUN = re.compile(rb"[\xa1-\xfb]{3,}")
# Windows-1258 writes most Vietnamese tones as combining marks after the vowel, and has the
# letters ă, đ, ơ and ư (read as Latin-1 they are Ã, Ð, Õ, Ý, and the marks Ì, Ò, Þ, ì, ò).
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VIETNAMESE_LETTERS = frozenset("ăĂđĐơƠưƯ")
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")


def _vietnamese(line: bytes) -> bool:
    # A Vietnamese syllable has at most four bytes above ASCII in a row ("đượ") and most have
    # an ASCII letter beside them; Thai words and phrases are runs of such bytes alone.
    runs = [(m.start(), m.end()) for m in _HIGH_RUN.finditer(line)]
    if not runs or any(end - start > 4 for start, end in runs):
        return False
    beside = sum(
        line[start - 1 : start].isalpha() or line[end : end + 1].isalpha() for start, end in runs
    )
    if 2 * beside < len(runs):
        return False
    text = line.decode("cp1258", errors="replace")
    # Every tone of Vietnamese text sits on a vowel it composes with.
    if any(ch in _TONES for ch in unicodedata.normalize("NFC", text)):
        return False
    tones = sum(ch in _TONES for ch in text)
    return tones >= 1 or sum(ch in _VIETNAMESE_LETTERS for ch in text) >= 2


def legacy_codec(line: bytes) -> tuple[str, str]:
    """Return the likely legacy code page of a line that is not UTF-8, and its name."""
    # Vietnamese first: "đầu" is three bytes from 0xA1 up, which read as Thai too.
    if _vietnamese(line):
        return "cp1258", "Windows-1258 (Vietnamese)"
    if _THAI_RUN.search(line):
        thai = line.decode("cp874", errors="replace")
        if sum("\u0e00" <= ch <= "\u0e7f" for ch in thai) >= 3:
            return "cp874", "Windows-874 (Thai, TIS-620)"
    return "cp1252", "Latin-1/Windows-1252"


def _blank(text: str) -> bool:
    # A DOS end-of-file mark (Ctrl-Z) ends files some older systems export: a line of it
    # alone is no report.
    return not text.strip().strip("\x1a").strip()


def _rows(source: Source, names: list[str]) -> Rows:
    width = len(names)
    records = _records(source)
    next(records, None)  # the header
    for row, record in records:
        problems: list[RowError] = []
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
            record = record + [""] * (width - len(record))
        elif not record[0].strip().strip("\x1a") and _blank("".join(record)):
            continue  # a blank line (checked cheaply: the first cell is the external_ref)
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
        yield row, ref_of(record[at]) if at < len(record) else ""
