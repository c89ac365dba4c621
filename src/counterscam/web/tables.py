"""A table of a page: one data object rendered as HTML (macro) or as CSV (here)."""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from fastapi.responses import Response

from counterscam.spreadsheet import safe_cell
from counterscam.web.forms import FormErrors

# Cell formats: how the HTML renderer shows a value; CSV always gets the raw value.
# "plus" is a count the row already writes as text ("+35"), right-aligned as the counts are.
# "loss" is a USD sum over the row's ``reports`` of which ``reports_with_loss`` gave a loss:
# from none of them it says no loss was given, not 0.00 (formatting.loss_text); the heading
# names the currency, as "usd" columns do. "identifier" is a canonical value, which ends a line
# only after its separators (value_breaks.py) in a column wide enough for a wallet from 1280 px.
FORMATS = (
    "text",
    "count",
    "plus",
    "usd",
    "loss",
    "money",
    "date",
    "moment",
    "mark",
    "code",
    "identifier",
)


@dataclass(frozen=True)
class Column:
    """A column: the row key it reads, its header, and how its cells are shown."""

    key: str
    label: str
    format: str = "text"
    link: str | None = None  # row key holding the href of the cell's link
    vocabulary: str | None = None  # show reference labels for codes (HTML only)
    html: bool = True  # False: in the CSV download only (codes a spreadsheet needs)
    # Row key of the reporting country (or countries) whose local date a "date" or "moment"
    # cell shows on the page (formatting.local_day); the CSV keeps the UTC value.
    zone: str | None = None
    # Name of the server-side sort by this column (``sorting.either_way``); its header then
    # links to the list sorted by it, when the page passes a ``Sorting``.
    sort: str | None = None
    # Cells kept on one line: a short code that would break at its hyphen ("SG-" / "ASCOM").
    whole: bool = False
    # Left out of the page in a window narrower than 1024 px (a tablet, a split screen), where
    # the table would otherwise scroll sideways: a column whose value the row says another
    # way (the agency's country) or its record's page gives. The CSV keeps it.
    wide_only: bool = False

    @property
    def numeric(self) -> bool:
        """Tell whether the column holds numbers (right-aligned)."""
        return self.format in ("count", "usd", "loss", "money", "plus")


@dataclass(frozen=True)
class Table:
    """Rows of raw values under named columns, with a CSV file name."""

    caption: str
    columns: tuple[Column, ...]
    rows: Sequence[Mapping[str, Any]]
    csv_name: str
    totals: Mapping[str, Any] = field(default_factory=dict)

    @property
    def html_columns(self) -> tuple[Column, ...]:
        """Return the columns shown on the page."""
        return tuple(c for c in self.columns if c.html)

    @property
    def local_times(self) -> bool:
        """Tell whether the page shows some of its times in each reporting country's zone."""
        return any(c.zone for c in self.html_columns)


@dataclass(frozen=True)
class Sorting:
    """The sort of a paged list as its column headers show it; the rows come sorted by SQL.

    ``url`` is the list's address with its filters but no sort and no page, so a header link
    sorts the whole list and starts again at page 1.
    """

    current: str
    url: str

    def href(self, name: str) -> str:
        """Return the address sorting by ``name``: ascending first, then the other way."""
        sort = f"-{name}" if self.current == name else name
        return f"{self.url}{'&' if '?' in self.url else '?'}{urlencode({'sort': sort})}"

    def state(self, name: str) -> str:
        """Return the header's ``aria-sort``: ascending, descending or none."""
        if self.current == name:
            return "ascending"
        return "descending" if self.current == f"-{name}" else "none"


# Words people add to an address to give a direction apart from the sort ("order=desc"). These
# lists take the direction in the sort itself ("-reported"), so one is reported, not dropped.
DIRECTION_PARAMETERS = ("order", "direction", "dir")
_SHOWN_CHARACTERS = 40


def chosen_sort(
    sort: str,
    orders: Collection[str],
    default: str,
    errors: FormErrors,
    offered: Sequence[str],
    *,
    query: Mapping[str, str],
    message: str = "Choose how to sort the list by a column heading, and again for the other way",
) -> str:
    """Return the sort asked for when the list offers it, else ``default`` with an error.

    The page then shows the list in its usual order under "There is a problem" (status 400),
    as a form does with a value that is not one of its choices. The error quotes what the
    address said that is not recognised, a sort or a direction given apart (``query``, the
    page's address), and names the sorts the list offers (``offered``, as the page shows them).
    """
    unknown = [] if sort in orders else [("sort", sort)]
    unknown += [(k, query[k]) for k in DIRECTION_PARAMETERS if query.get(k, "").strip()]
    if unknown:
        quoted = " and ".join(address_part(name, value) for name, value in unknown)
        verb = "is" if len(unknown) == 1 else "are"
        errors.add(
            "sort",
            f"{quoted} in the address {verb} not recognised. {message}: {spoken_list(offered)}.",
        )
    return sort if sort in orders else default


def spoken_list(names: Sequence[str]) -> str:
    """Return names as a sentence lists them: "A, B or C"."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} or {names[-1]}"


def address_part(name: str, value: str) -> str:
    """Return ``name=value`` of a page's address as a message quotes it, a long value cut."""
    shown = value if len(value) <= _SHOWN_CHARACTERS else f"{value[:_SHOWN_CHARACTERS]}…"
    return f"“{name}={shown}”"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | Decimal):
        return str(value)
    return safe_cell(str(value))


def csv_text(table: Table) -> str:
    """Return the table as CSV text: header labels, raw values, no thousands separators."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.label for c in table.columns])
    for row in table.rows:
        writer.writerow([_cell(row.get(c.key)) for c in table.columns])
    return out.getvalue()


def csv_response(table: Table) -> Response:
    """Return the table as a CSV download."""
    return csv_download(csv_text(table), table.csv_name)


def csv_download(text: str, filename: str) -> Response:
    """Return CSV text as a download named ``filename`` (UTF-8 with BOM, for spreadsheets)."""
    return Response(
        content="\ufeff" + text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def rows_of(items: Iterable[Any], keys: Iterable[str]) -> list[dict[str, Any]]:
    """Return dict rows of the named attributes of ``items``."""
    wanted = list(keys)
    return [{k: getattr(item, k) for k in wanted} for item in items]
