"""Tables on a terminal too narrow for them: one block of "header  value" lines per row."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

# A word longer than this (a URL, a name in a script written without spaces) folds in any
# layout; shorter ones (a report reference, a date, an agency code) must stay whole to be read.
LONGEST_WORD = 20


def _text(cell: RenderableType) -> str | None:
    if isinstance(cell, Text):
        return cell.plain
    if isinstance(cell, str):  # the CLI's consoles read no markup (context.py)
        return cell
    return None


def _narrowest(column_cells: list[RenderableType], *, whole: bool) -> int:
    """The width a column needs so that no short word in it is split."""
    # Imported here: measuring cells is only needed for a table being laid out.
    from rich.cells import cell_len

    widest = 0
    for cell in column_cells:
        text = _text(cell)
        if text is None:
            continue
        pieces = text.splitlines() if whole else text.split()
        widest = max([widest, *(min(cell_len(p), LONGEST_WORD) for p in pieces)])
    return widest


def fits_whole_words(table: Table, width: int) -> bool:
    """Whether ``table`` can be laid out in ``width`` columns without splitting a short word.

    At 60 columns the check's matches table split "country" into "count/ry" and every date
    into "2024-1/1-09", and the token list, whose columns have minimum widths, came out 76
    columns wide, so the terminal wrapped every line of it.
    """
    needed = 0
    for column in table.columns:
        cells = [column.header, *column.cells] if table.show_header else list(column.cells)
        needed += max(column.min_width or 0, _narrowest(cells, whole=column.no_wrap))
    left, right = table.padding[3], table.padding[1]
    needed += len(table.columns) * (left + right)
    if table.box is not None:
        needed += len(table.columns) - 1 + (2 if table.show_edge else 0)
    return needed <= width


def stacked(table: Table) -> list[RenderableType]:
    """Return ``table`` as one block per row, each cell on a line after its header.

    As psql's expanded display: every value is read whole beside its name, whatever the width.
    """
    headers = [column.header for column in table.columns]
    rows = list(zip(*(list(column.cells) for column in table.columns), strict=True))
    blocks: list[RenderableType] = []
    if table.title is not None:
        blocks.append(table.title)
    for row in rows:
        block = Table.grid(padding=(0, 2))
        block.add_column(style="bold", no_wrap=True)
        block.add_column(overflow="fold")
        for header, cell in zip(headers, row, strict=True):
            block.add_row(header, cell)
        blocks.extend(["", block])
    return blocks
