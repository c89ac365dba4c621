"""Formula cells of an XLSX sheet, told from text that merely starts with "=".

Formulas are never run. openpyxl reads a formula cell as its text ("=TEXT(B2,...)"), the same
value as a Text cell typed so: a full name built by =B2&" "&C2, or an ID number kept with
=TEXT(...), was stored as the formula itself. Marking the cells that hold a formula lets the
reader refuse those, naming them, and keep typed text as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from counterscam.identifiers._types import shown
from counterscam.intake.records import RowError, formula_hint


class Formula(str):
    """The text of a cell that holds a formula ("=" and the formula)."""

    __slots__ = ()


def mark_formulas(ws: Any) -> None:
    """Have a read-only sheet read each formula cell as a ``Formula``."""
    read_row = ws._get_row  # what the read-only sheet builds each row's values with

    def get_row(
        row: list[dict[str, Any]],
        min_col: int = 1,
        max_col: int | None = None,
        values_only: bool = False,
    ) -> tuple[Any, ...]:
        for cell in row:
            if cell["data_type"] == "f":
                value = cell["value"]
                # An array formula is an object holding its text; a data table's holds none.
                text = value if isinstance(value, str) else getattr(value, "text", None)
                cell["value"] = Formula(text or "=TABLE()")  # as Excel shows a data table
        return read_row(row, min_col, max_col, values_only)  # type: ignore[no-any-return]

    ws._get_row = get_row


def formula_cells(
    label: str, row: int, names: Sequence[str], values: Sequence[Any], skip: str
) -> list[RowError]:
    """Refuse the formula cells of a row in the named columns but ``skip``, naming each.

    Each error explains the column's other errors ("'=D2*1000' is not an amount"), which only
    say that the formula's text is no value of that column.
    """
    return [
        RowError(
            label,
            row,
            name,
            value,
            f"the cell holds {shown(value)}{formula_hint(value)}",
            explains=(name,),
        )
        for name, value in zip(names, values, strict=False)
        if isinstance(value, Formula) and name != skip
    ]
