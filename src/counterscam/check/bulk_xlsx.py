"""The answers of a bulk check as an XLSX workbook: identifiers stay text when opened in Excel.

Excel opens a CSV file by guessing each cell's type: ``0123456789`` loses its leading zero,
``+6281234567890`` its plus and shows as ``6.28123E+12``, and a 16-digit account its last
digit. A workbook says which cells are text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any

from counterscam.check.bulk_csv import COLUMNS

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Characters a workbook's XML cannot hold: control characters other than tab and line breaks
# (a vertical tab or an escape pasted with a list), lone surrogates, U+FFFE and U+FFFF. openpyxl
# refused the whole workbook for one of them; each is shown as U+FFFD, as errors echo them.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NUMBERS = {"line": int, "reports": int, "loss_usd": float, "reports_with_loss": int}
_WIDTHS = {
    "value": 28,
    "canonical": 28,
    "held_elsewhere": 30,
    "error": 60,
    "note": 60,
    "stop_list": 40,
}


def answers_xlsx(rows: Iterable[list[str]]) -> bytes:
    """Return the answer rows (from ``bulk_csv.answer_row``) as an XLSX workbook's bytes."""
    from openpyxl import Workbook  # slow to import, only needed here
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet("answers")
    for at, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(at)].width = _WIDTHS.get(name, 12)
    sheet.append(list(COLUMNS))
    for row in rows:
        cells = []
        for name, text in zip(COLUMNS, row, strict=True):
            number = _NUMBERS.get(name)
            if number is not None and text:
                cells.append(number(text))
                continue
            cell = WriteOnlyCell(sheet, value=_NOT_IN_XML.sub("\ufffd", text))
            cell.data_type = "s"  # openpyxl would store "=..." as a formula
            cell.number_format = "@"  # and Excel would retype a value edited in the cell
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
