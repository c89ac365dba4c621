"""XLSX files built in code for tests, and the damage other writers leave in them."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
    b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def workbook(
    sheets: dict[str, list[list[Any]]],
    change: Callable[[dict[str, Worksheet]], None] | None = None,
) -> bytes:
    """Return a workbook of the named sheets, in order, holding the rows given; ``change``
    may then alter the sheets as a user would (merge cells, hide a sheet)."""
    book = Workbook()
    book.remove(book.active)
    made = {}
    for name, rows in sheets.items():
        made[name] = sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    if change is not None:
        change(made)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def changed(book: bytes, changes: dict[str, Callable[[bytes], bytes]]) -> bytes:
    """Return the workbook with some parts rewritten (or added, from b"")."""
    source = zipfile.ZipFile(io.BytesIO(book))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for name in names:
            data = source.read(name)
            target.writestr(name, changes[name](data) if name in changes else data)
        for name in set(changes) - set(names):
            target.writestr(name, changes[name](b""))
    return out.getvalue()


def padded(book: bytes, sheet: int, rows: bytes) -> bytes:
    """Return the workbook with ``rows`` (XML) added after the rows of its ``sheet``-th sheet."""
    return changed(
        book,
        {
            f"xl/worksheets/sheet{sheet}.xml": lambda x: x.replace(
                b"</sheetData>", rows + b"</sheetData>"
            )
        },
    )


def with_shared_strings(book: bytes, cells: dict[str, int], strings: Sequence[str]) -> bytes:
    """Point ``cells`` of the first sheet at indexes (in range or not) of shared ``strings``,
    as writers other than openpyxl store text."""

    def sheet(xml: bytes) -> bytes:
        for ref, index in cells.items():
            xml = re.sub(
                rb'<c r="%s"[^>]*>.*?</c>' % ref.encode(),
                b'<c r="%s" t="s"><v>%d</v></c>' % (ref.encode(), index),
                xml,
            )
        return xml

    table = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" '
        b'uniqueCount="%d">'
        % (len(strings), len(strings))
        + b"".join(b"<si><t>%s</t></si>" % s.encode() for s in strings)
        + b"</sst>"
    )
    return changed(
        book,
        {
            "xl/worksheets/sheet1.xml": sheet,
            "xl/sharedStrings.xml": lambda _: table,
            "[Content_Types].xml": lambda x: x.replace(b"</Types>", _STRINGS_TYPE),
        },
    )
