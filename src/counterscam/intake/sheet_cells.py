"""Cells of a hostile sheet that openpyxl's read-only reader drops, overwrites or fails on.

The reader sizes a row by its last cell and puts each cell at its column: a row written out of
order (``Z2`` before ``A2``) lost every cell right of the last one without a word, and a cell
given twice replaced the first one's value. A value not of its cell's type (``<v>abc</v>`` in
a number cell) failed the whole workbook as "damaged (ValueError)", naming nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter, lt
from typing import IO, Any
from xml.etree.ElementTree import iterparse

from counterscam.intake.records import FileProblem, file_problem, text_of

_COLUMN = itemgetter("column")


def read_by_reference(ws: Any, label: str) -> None:
    """Have a read-only sheet place a row's cells by their references, whatever their order.

    A cell given twice is refused naming it: which of its values is meant cannot be told.
    """
    read_row = ws._get_row  # what the read-only sheet builds each row's values with

    def get_row(
        row: list[dict[str, Any]],
        min_col: int = 1,
        max_col: int | None = None,
        values_only: bool = False,
    ) -> tuple[Any, ...]:
        # Checked in C, a comparison a cell: every writer puts cells in order, and reading a
        # workbook is benchmarked.
        if len(row) > 1:
            columns = [*map(_COLUMN, row)]
            if not all(map(lt, columns, columns[1:])):
                row = _in_order(label, row)
        return read_row(row, min_col, max_col, values_only)  # type: ignore[no-any-return]

    ws._get_row = get_row


def _in_order(label: str, row: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ordered = sorted(row, key=_COLUMN)
    for before, cell in zip(ordered, ordered[1:], strict=False):
        if cell["column"] == before["column"]:
            ref = _ref(cell)
            raise file_problem(
                label,
                f"cell {ref} is given twice in the sheet {label!r} (its file lists the cell "
                f"twice, {_shown(before['value'])} and {_shown(cell['value'])}), so which value "
                "it holds cannot be told; no spreadsheet program saves a sheet so. Open the "
                "workbook in Excel or LibreOffice, check the row, and save it again as .xlsx",
                row=int(cell["row"]),
            )
    return ordered


def _ref(cell: dict[str, Any]) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(cell['column'])}{cell['row']}"


def _shown(value: Any) -> str:
    return "empty" if value is None else repr(text_of(str(value)))


# The types of cells (t="...") whose value openpyxl converts, and what they must hold.
_TYPES = {
    "n": "a number",
    "s": "the number of a shared string",
    "b": "0 or 1 (false or true)",
    "d": "an ISO 8601 date",
}


def bad_value(part: IO[bytes], label: str, names: Sequence[str]) -> FileProblem | None:
    """Name the first cell of a sheet part holding a value its type cannot hold, or None.

    Read only once the reader has failed with a ValueError: the part is parsed again, which
    costs as much as reading it. A document type declaration in it was refused before.
    """
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    row = column = 0
    for event, element in iterparse(part, events=("start", "end")):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "row":
            if event == "start":
                number = element.get("r")
                row = int(number) if number and number.isdigit() else row + 1
                column = 0
            else:
                element.clear()  # a sheet of a million rows is not kept whole
            continue
        if tag != "c" or event != "end":
            continue
        ref = element.get("r")
        if ref:
            try:
                letters, row = coordinate_from_string(ref)
                column = column_index_from_string(letters)
            except ValueError:
                return file_problem(
                    label,
                    f"a cell of row {row:,} in the sheet {label!r} has the reference "
                    f"{text_of(ref)!r}, which names no cell; the file is damaged. Open it in "
                    "Excel or LibreOffice and save it again as .xlsx",
                    row=row,
                )
        else:
            column += 1
        kind = element.get("t", "n")
        value = _value_of(element)
        if kind not in _TYPES or value is None or _fits(kind, value):
            continue
        cell = f"{get_column_letter(column)}{row}"
        name = names[column - 1] if row > 1 and column <= len(names) else ""
        where = f"cell {cell}" + (f" (column {name}, row {row:,})" if name else "")
        return file_problem(
            label,
            f"{where} of the sheet {label!r} is stored as {_TYPES[kind]} but holds "
            f"{text_of(value)!r}; the file is damaged, or was written by a program that "
            "writes .xlsx otherwise than Excel. Type the value again in Excel or LibreOffice "
            "and save the workbook again as .xlsx",
            row=row,
            column=name,
            value=value,
        )
    return None


def _value_of(element: Any) -> str | None:
    """Return the text of a cell's value as openpyxl converts it: None for a formula cell."""
    value = None
    for child in element:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "f":
            return None  # read as its formula's text, never converted
        if tag == "v":
            value = child.text or None
    return value


def _fits(kind: str, value: str) -> bool:
    try:
        if kind == "n":
            float(value) if "." in value or "E" in value or "e" in value else int(value)
        elif kind in ("s", "b"):
            int(value)
        else:
            from openpyxl.utils.datetime import from_ISO8601

            from_ISO8601(value)
    except ValueError:
        return False
    return True
