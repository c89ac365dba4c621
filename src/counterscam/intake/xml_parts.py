"""The XML parts of a workbook, checked before openpyxl parses them.

Excel writes no document type declaration (``<!DOCTYPE ...>``); one in a part is there to
declare entities, and the XML parser expands them: internal ones silently (an
``<!ENTITY r "MY-1">`` used as ``&r;`` was stored as the reference ``MY-1``, which no cell
shows), nested ones up to expat's amplification limit. So a part that declares one is refused
before it is parsed, whatever its entities are.

A sheet's rows and cells are counted before it is parsed too (``sheet_size``), so a sheet of
millions of elements is refused at the speed of the decompressor, not after minutes of parsing.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from typing import IO

# Excel's prolog is the XML declaration alone; this is room for any comment a tool adds.
_PROLOG_BYTES = 64 * 1024
_SPACE = re.compile(r"[ \t\r\n]*")


def part_declaring_dtd(archive: zipfile.ZipFile) -> str | None:
    """Return the name of the first part that declares a DTD, or None when none does."""
    for info in archive.infolist():
        if info.is_dir():
            continue
        with archive.open(info) as part:
            head = part.read(_PROLOG_BYTES)
        if _declares_dtd(head, complete=len(head) < _PROLOG_BYTES):
            return info.filename
    return None


def _declares_dtd(head: bytes, complete: bool) -> bool:
    """Tell whether the prolog of an XML part holds a markup declaration (<!DOCTYPE ...).

    Only the prolog can hold one: the scan ends at the root element, or at anything that
    is not markup (an image part). A prolog that does not end within the bytes read is
    counted as declaring one, so a padded prolog cannot hide it.
    """
    text = _prolog_text(head)
    at = 0
    while True:
        at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
        for opening, closing in (("<?", "?>"), ("<!--", "-->")):
            if text.startswith(opening, at):
                end = text.find(closing, at + len(opening))
                if end < 0:
                    return not complete
                at = end + len(closing)
                break
        else:
            if text.startswith("<!", at):
                return True
            return at >= len(text) and not complete


def _prolog_text(head: bytes) -> str:
    """Decode the head of a part as far as its markup goes: UTF-16 by its marks, else bytes."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return head.decode("utf-16-le", errors="replace").lstrip("\ufeff")
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return head.decode("utf-16-be", errors="replace").lstrip("\ufeff")
    # Markup is ASCII in UTF-8 and in the single-byte code pages the parser knows.
    return head.decode("latin-1")


# Row tags and the end of the rows, with the prefix some writers put on every tag (<x:row>).
_ROW_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_ROWS_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?sheetData\s*>")
_ROW_NUMBER = re.compile(rb"""\sr\s*=\s*["']\s*(\d+)""")
# A row hidden by Hide or by an AutoFilter: <row r="5" hidden="1">.
_HIDDEN = re.compile(rb"""\shidden\s*=\s*["']\s*(?:1|true)\s*["']""")
# What gives a cell a value: its value, inline string or formula (<c><v>5</v></c>). A cell of
# formatting alone (<c r="A5" s="1"/>) has none of them.
_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:v|is|f)[\s/>]")
# Merged ranges kept of a sheet: more are kept only to tell that there are more (a sheet of
# 10,000 reports with every cell merged in pairs has 65,000).
MAX_MERGED = 100_000
# A merged range, listed after the rows: <mergeCell ref="A2:A4"/>.
_MERGE_CELL = re.compile(
    rb"""<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^<>]*?\bref\s*=\s*["']\s*([A-Za-z]{1,3}\d{1,7}"""
    rb"""(?::[A-Za-z]{1,3}\d{1,7})?)"""
)
_CHUNK = 1024 * 1024
_TAG_KEPT = 256  # bytes of a tag cut at a chunk's end kept to read its name and row number


@dataclass(frozen=True)
class SheetSize:
    """What a sheet part holds, counted up to the first limit it passes.

    ``passed`` names that limit: "elements", "rows" or "row" (one row too wide), or None;
    ``row`` is the row the count stopped in, by its number (r="...") or else its place;
    ``merged`` the merged ranges listed after the rows (``A2:A4``), when none was passed;
    ``hidden`` the numbers of the rows hidden (by Hide or by a filter), with or without cells;
    ``last`` the number of the last row holding a value, when the rows are in order (as every
    writer puts them), else None: the rows after it are blank, to be left unparsed.
    """

    elements: int
    rows: int
    passed: str | None = None
    row: int = 0
    merged: tuple[str, ...] = ()
    hidden: tuple[int, ...] = ()
    last: int | None = None


def sheet_size(
    part: IO[bytes], *, max_elements: int | None, max_rows: int, row_elements: int
) -> SheetSize:
    """Count the elements (tags) and rows of a sheet part without parsing it.

    Parsing costs time per element, whatever the bytes: millions of empty cells (<c/>) pack
    well under the zip-bomb ratio and took minutes to read. Counting tags runs at the speed of
    the decompressor, and stops at the first limit passed.
    """
    elements = rows = in_row = 0
    merged: list[str] = []
    hidden: list[int] = []
    row_tag = b""
    # The number of the row being counted, of the last row found to hold a value, and whether
    # the current row holds one: a template formatted down a million rows, sent with a few
    # reports, took half a minute to parse for rows that hold nothing.
    number = last = 0
    filled, in_order = False, True
    carry = b""
    in_rows = True  # before </sheetData>: what follows (hyperlinks, merged cells) is no row's
    while chunk := part.read(_CHUNK):
        data = carry + chunk
        # Cut at the last "<": a tag's name ends before the next "<", so every tag counted
        # here is whole. The rest, which holds no "<", is kept short for the next chunk.
        cut = data.rfind(b"<")
        if cut < 0:
            carry = b""
            continue
        data, carry = data[:cut], data[cut : cut + _TAG_KEPT]
        end = len(data)
        if in_rows and (closing := _ROWS_END.search(data)) is not None:
            end = closing.start()
        at = 0
        for found in _ROW_START.finditer(data, 0, end) if in_rows else ():
            if rows:
                in_row += _starts(data, at, found.start())
                if in_row > row_elements:
                    return SheetSize(elements, rows, "row", _row_number(row_tag, rows))
                filled = filled or _VALUE.search(data, at, found.start()) is not None
                if filled:
                    last = number
            at = found.start()
            rows += 1
            row_tag = data[at : at + _TAG_KEPT]
            # A row without its number follows the one before, as openpyxl counts it.
            previous, number = number, _row_number(row_tag, number + 1)
            in_order = in_order and number > previous
            filled = False
            if b"hidden" in row_tag and _row_hidden(row_tag):
                # Read here, where every row tag passes anyway: openpyxl's read-only reader
                # does not say which rows are hidden, and a second pass would double the cost.
                hidden.append(_row_number(row_tag, rows))
            in_row = 0
            if rows > max_rows:
                return SheetSize(elements, rows, "rows", _row_number(row_tag, rows))
        if in_rows and rows:
            in_row += _starts(data, at, end)
            if in_row > row_elements:
                return SheetSize(elements, rows, "row", _row_number(row_tag, rows))
            filled = filled or _VALUE.search(data, at, end) is not None
        after = end if in_rows else 0  # past </sheetData>, where merged ranges are listed
        if after < len(data) and len(merged) <= MAX_MERGED:
            merged.extend(m[1].decode("ascii") for m in _MERGE_CELL.finditer(data, after))
        in_rows = in_rows and end == len(data)
        elements += _starts(data, 0, len(data))
        if max_elements is not None and elements > max_elements:
            return SheetSize(elements, rows, "elements", _row_number(row_tag, rows))
    if rows and filled:
        last = number
    return SheetSize(
        elements,
        rows,
        merged=tuple(merged),
        hidden=tuple(hidden),
        last=last if in_order else None,
    )


def _starts(data: bytes, start: int, end: int) -> int:
    """Count the start tags between two offsets (and declarations and comments, which are few)."""
    return data.count(b"<", start, end) - data.count(b"</", start, end)


def _row_hidden(tag: bytes) -> bool:
    end = tag.find(b">")
    return _HIDDEN.search(tag if end < 0 else tag[:end]) is not None


def _row_number(tag: bytes, place: int) -> int:
    if tag.startswith(b'<row r="'):  # as Excel and most writers put it: read without a search
        close = tag.find(b'"', 8, 20)
        if close > 8 and tag[8:close].isdigit():
            return int(tag[8:close])
    end = tag.find(b">")
    found = _ROW_NUMBER.search(tag if end < 0 else tag[:end])
    return int(found.group(1)) if found else place


def elements_past(part: IO[bytes], most: int) -> int | None:
    """Count the elements (tags) of a part without parsing it; None when they are ``most`` or
    fewer, else the count at which it passed."""
    elements = 0
    carry = b""
    while chunk := part.read(_CHUNK):
        data = carry + chunk
        cut = data.rfind(b"<")  # as in sheet_size: every tag counted is whole
        if cut < 0:
            carry = b""
            continue
        data, carry = data[:cut], data[cut : cut + _TAG_KEPT]
        elements += _starts(data, 0, len(data))
        if elements > most:
            return elements
    elements += _starts(carry, 0, len(carry))
    return elements if elements > most else None
