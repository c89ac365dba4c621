"""Submitted files, their limits, and how a header row tells which intake file it is."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counterscam.intake import columns
from counterscam.intake.chars import printable
from counterscam.intake.local_headings import local_header, local_hint
from counterscam.intake.records import (
    FileProblem,
    RowError,
    TooLarge,
    file_problem,
    ref_of,
    text_of,
    with_article,
)

if TYPE_CHECKING:
    from counterscam.config import Settings

# (row number, values, what is wrong with the row as read, before its values are checked)
Rows = Iterator[tuple[int, dict[str, Any], list[RowError]]]
Refs = Iterator[tuple[int, str]]  # (row number, external_ref) of the rows open_rows yields
# (row number, what its external_ref may have been as written, the error) of the rows refused
# as shifted by an unquoted comma: there the external_ref column may hold another's value.
Shifted = Iterator[tuple[int, set[str], RowError]]

# Distinctive columns say which file a header row belongs to (external_ref, kind, country and
# role appear in several).
_SHARED = {"external_ref", "kind", "country", "role"}
MAX_HEADER_ERRORS = 20  # header problems listed one by one; the rest are counted
# The first bytes of a zip archive (an XLSX workbook is one) and of an OLE file (an Excel
# 97-2003 workbook): what systems that "export to Excel" often name .csv.
ZIP_START = b"PK\x03\x04"
OLE_START = b"\xd0\xcf\x11\xe0"


@dataclass(frozen=True)
class Source:
    """One submitted file: a path on disk (CLI) or the bytes of an upload."""

    name: str
    path: Path | None = None
    content: bytes | None = None

    def __post_init__(self) -> None:
        # The name is echoed in errors and stored with the batch: a NUL, or a lone surrogate
        # (a file name that is not UTF-8 on disk), would fail that write (intake.chars).
        object.__setattr__(self, "name", printable(self.name))

    def size(self) -> int:
        """Return the file's size in bytes."""
        if self.content is not None:
            return len(self.content)
        assert self.path is not None
        return self.path.stat().st_size

    def head(self, n: int = 8) -> bytes:
        """Return the first bytes of the file."""
        if self.content is not None:
            return self.content[:n]
        assert self.path is not None
        with self.path.open("rb") as f:
            return f.read(n)

    @property
    def format(self) -> str:
        """Return csv, xlsx or json, from the extension or else the first bytes."""
        suffix = Path(self.name).suffix.lower()
        if suffix in (".csv", ".xlsx", ".json"):
            return suffix[1:]
        head = self.head().lstrip()
        if head.startswith(b"PK"):
            return "xlsx"
        if head[:1] in (b"{", b"["):
            return "json"
        return "csv"


@dataclass(frozen=True)
class Limits:
    """How much one batch may hold; None means no limit (the CLI streams large CSV files).

    ``max_report_linked`` and ``max_batch_linked`` count identifier, party and place rows
    (the linked files, sheets or JSON lists together): every such row is held in memory until
    its batch commits, so they are refused before their rows are built.
    """

    max_bytes: int | None = None
    max_reports: int | None = None
    max_unzipped_bytes: int = 300 * 1024 * 1024
    max_sheet_rows: int = 1_048_576
    max_report_linked: int | None = None
    max_batch_linked: int | None = None


def upload_limits(settings: Settings) -> Limits:
    """Return the limits of an upload or API batch, held whole until it commits."""
    return Limits(
        max_bytes=settings.max_upload_bytes,
        max_reports=settings.max_batch_reports,
        max_report_linked=settings.max_report_linked_rows,
        max_batch_linked=settings.max_batch_linked_rows,
    )


@dataclass(frozen=True)
class Table:
    """One file (or sheet) of a kind; ``open_rows`` reads it from the start each time.

    ``open_refs``, when given, reads only the external_ref of the same rows, cheaper than
    ``open_rows`` for the first pass over a file. ``open_shifted``, when given, reads the rows
    refused as shifted by an unquoted comma (CSV files only).
    """

    kind: str
    label: str
    open_rows: Callable[[], Rows]
    open_refs: Callable[[], Refs] | None = None
    open_shifted: Callable[[], Shifted] | None = None

    def refs(self) -> Refs:
        """Yield (row, external_ref) of every row ``open_rows`` yields."""
        if self.open_refs is not None:
            return self.open_refs()
        return ((row, ref_of(values.get("external_ref"))) for row, values, _ in self.open_rows())


_SEPARATORS = re.compile(r"[\s\-]+")
# Systems written in JavaScript, Java or C# name fields in camelCase (externalRef, lossAmount):
# a capital after a small letter starts a word, as a space does in "Loss Amount".
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


# Zero-width spaces, byte-order marks and direction marks: pasted headings bring them along,
# and "\u200bmark" was refused as an unknown column shown as "mark".
_FORMAT_CHARS = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


# Database tools quote the names they export: SQL Server as [name], MySQL as `name`, others
# as "name" or 'name' (left in the cell when the CSV was quoted twice).
_QUOTES = {"[": "]", '"': '"', "'": "'", "`": "`"}


def column_name(heading: Any) -> str:
    """Return the column a heading names: case, spaces and hyphens aside ("Loss Amount",
    "lossAmount").

    Full-width letters (an East Asian keyboard's ｍａｒｋ) read as their ASCII forms,
    invisible characters are dropped, and one pair of quotes around the name is taken off.
    """
    text = _FORMAT_CHARS.sub("", str(heading or ""))
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = text.strip()
    if len(text) >= 2 and _QUOTES.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    return _SEPARATORS.sub("_", _CAMEL.sub("_", text).lower())


def _empty_header(label: str) -> FileProblem:
    # Rows are numbered as a spreadsheet shows them, so the header cannot move down.
    return file_problem(
        label,
        "row 1 is empty; the header row (external_ref, ... as in the template) must be "
        "row 1: delete the empty rows above it",
        row=1,
    )


def recognise(header: list[str], label: str) -> tuple[str, list[str]]:
    """Return the file kind of a header row and the column names; FileProblem if unclear."""
    names = [column_name(h) for h in header]
    while names and not names[-1]:
        names.pop()
    if not names:
        raise _empty_header(label)
    scores = {
        kind: len((set(names) - _SHARED) & set(columns.names(kind))) for kind in columns.FILES
    }
    kind = max(scores, key=lambda k: scores[k])
    if scores[kind] == 0:
        _refuse_local_header(header, None, label, names)
        raise file_problem(
            label,
            "the header row (row 1) is not one of the intake files; it must hold the "
            "columns of reports, identifiers, parties or places as in the templates "
            f"(reports: {', '.join(columns.names('reports'))}); {_TITLE_ROWS}",
            row=1,
            value=",".join(names)[:200],
        )
    known = {n for k in columns.FILES for n in columns.names(k)}
    foreign = [n for n in names if n and n not in known]
    if "external_ref" not in names and foreign:
        _refuse_local_header(header, None, label, names)
        # An agencies list or another system's export beside the reports: a few of its columns
        # (name, country, kind) are also a places file's, which it is not.
        raise file_problem(
            label,
            "this is not one of the intake files (reports, identifiers, parties or places): "
            "every one of them has an external_ref column, and this header has none, but "
            f"columns none of them has ({', '.join(foreign[:5])}); leave the file out, or "
            f"make its header that of a template{_reference_hint(foreign)}",
            row=1,
            value=",".join(names)[:200],
        )
    check_header(names, kind, label, header)
    return kind, names


def _reference_hint(foreign: list[str]) -> str:
    # "External Ref." is external_ref with a full stop: say so, as it is easily not seen.
    near = next((n for n in foreign if columns.written_as(n) == "external_ref"), None)
    return "" if near is None else f" ({near!r}: rename it to external_ref)"


_TITLE_ROWS = (
    "the header row must be row 1: delete any title or empty rows above it, or start from "
    "the template"
)


# pandas writes its row index as a first column without a heading unless told index=False.
_INDEX = (
    " (a first column without a heading most often holds row numbers, as pandas' to_csv and "
    "to_excel write their index unless given index=False): delete the column"
)


def _refuse_local_header(
    header: Sequence[Any], kind: str | None, label: str, names: list[str]
) -> None:
    """Raise FileProblem naming the template columns of a header written in a local language."""
    reason = local_header(header, names, kind)
    if reason is not None:
        raise file_problem(label, reason, row=1, value=",".join(names)[:200])


def check_header(names: list[str], kind: str, label: str, written: Sequence[Any] = ()) -> None:
    """Raise FileProblem naming unknown, duplicate or missing columns and the expected ones.

    ``written`` is the header row as written (``names`` are its columns as matched), to name a
    heading written in one of the region's languages as the reason quotes it.
    """
    expected = columns.names(kind)
    if not names:
        raise _empty_header(label)
    if not set(names) & set(expected):
        _refuse_local_header(written, kind, label, names)
        # A title above the header ("Laporan Penipuan 2026") was told it is an unknown column
        # and that every required column is missing, never that row 1 is not the header.
        shown = ", ".join(n for n in names if n)[:200]
        raise file_problem(
            label,
            f"row 1 holds none of the columns of {with_article(kind)} sheet (it reads "
            f"{shown!r}); {_TITLE_ROWS}; {with_article(kind)} sheet has the columns: "
            f"{', '.join(expected)}",
            row=1,
            value=shown,
        )
    errors: list[RowError] = []
    hint = f"{with_article(kind)} file has the columns: {', '.join(expected)}"
    seen: dict[str, int] = {}
    wrong = 0
    for i, name in enumerate(names):
        if name and name not in expected:
            told = columns.rename_hint(name, kind)
            if not told and wrong < MAX_HEADER_ERRORS:  # only the errors listed are told
                told = local_hint(written[i] if i < len(written) else name, kind)
            why = f"unknown column{told}; {hint}"
            error = RowError(label, 1, name, name, why)
        elif name in seen:
            error = RowError(label, 1, name, name, _twice(seen[name], i))
        elif not name:
            error = RowError(
                label, 1, f"column {i + 1}", "", f"empty column name{_INDEX * (i == 0)}; {hint}"
            )
        else:
            seen[name] = i
            continue
        wrong += 1
        # A hostile header of a million commas would otherwise be a million errors.
        if wrong <= MAX_HEADER_ERRORS:
            errors.append(error)
    if wrong > MAX_HEADER_ERRORS:
        errors.append(
            RowError(
                label,
                1,
                "",
                "",
                f"and {wrong - MAX_HEADER_ERRORS:,} more columns that are unknown, empty or "
                f"repeated; {hint}",
            )
        )
    for name in columns.required(kind):
        if name not in seen:
            errors.append(RowError(label, 1, name, "", f"required column missing; {hint}"))
    if errors:
        raise FileProblem(errors)


# The last three letters of every column's name, for header_again's first look at a row.
_NAME_ENDS = frozenset(name[-3:] for kind in columns.FILES for name in columns.names(kind))


def header_again(label: str, row: int, record: Sequence[Any], names: list[str]) -> bool:
    """Tell a row that repeats the header row, as two exports joined one after the other give.

    The same header again is no report, and is skipped (in a sheet too, where a second one's
    rows were pasted below, header and all). A header with the columns in another order is
    refused: the rows under it would be read in the first header's columns, a reported_at as
    an incident_at or a latitude as a longitude.
    """
    first = record[0] if record else ""
    # Cheap first, as every row is asked: a reference seldom ends as a column's name does.
    if not isinstance(first, str) or first.rstrip("]\"'` ").lower()[-3:] not in _NAME_ENDS:
        return False
    # Any column may lead the second header: one led by share_with was read as a report, each
    # of its headings refused as its first header's column's value.
    if column_name(first) not in names:
        return False
    heads = [column_name(cell) for cell in record]
    while heads and not heads[-1]:
        heads.pop()
    if heads == [name for name in names if name] or heads == names:
        return True
    if "external_ref" in heads and len(set(heads) & set(names)) * 2 >= len(names):
        raise file_problem(
            label,
            f"row {row} is a header row again, with other columns or in another order than "
            "row 1, as when two exports are joined or pasted one below the other; the rows "
            "under it would be read in the wrong columns. Import the files as they were, or "
            "put the columns in the same order and delete the second header row",
            row=row,
        )
    return False


def check_size(sources: list[Source], limits: Limits) -> None:
    """Refuse a batch larger than the upload limit."""
    if limits.max_bytes is None:
        return
    total = sum(s.size() for s in sources)
    if total > limits.max_bytes:
        name = sources[0].name if len(sources) == 1 else "upload"
        raise too_large(name, limits.max_bytes, size=total)


def too_large(name: str, limit: int, *, size: int | None = None) -> TooLarge:
    """Return the error of an upload or request body of more than ``limit`` bytes.

    ``size`` is the whole size when known; an upload read no further than the limit is
    only known to be larger.
    """
    shown = size_text(limit)
    what = f"{size_text(size)}; the limit is {shown}" if size else f"larger than {shown}"
    return TooLarge(
        [
            RowError(
                name,
                0,
                "",
                "",
                f"the upload is {what}. Split it into smaller batches, or ask an administrator "
                "to import it with the CLI",
            )
        ]
    )


def size_text(size: int) -> str:
    """Return a size as people read it: bytes below 100 kB, else MB to one decimal."""
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def too_many_reports(label: str, limit: int, row: int) -> FileProblem:
    """Return the error of a reports file or sheet with more reports than a batch takes."""
    return file_problem(
        label,
        f"more than {limit:,} reports; at most {limit:,} are accepted in one batch. Split the "
        "file, or ask an administrator to import it with the CLI",
        row=row,
    )


LINKED_ROWS = "identifier, party and place rows"
_FIRST_PAST = "the first of them past the limit is on this row"


def too_many_linked_for_report(
    label: str, row: int, ref: str, limit: int, *, where: str = "", count: int | None = None
) -> FileProblem:
    """Return the error of a report with more than ``limit`` linked rows.

    ``where`` says where the report itself is ("row 7 of reports.csv") when ``row`` is the
    first linked row past the limit; ``count`` is how many it has when known (JSON), and then
    ``row`` is the report's.
    """
    shown = text_of(ref)  # a reference of 10,000 characters is not echoed whole
    has = (
        f"has {count:,} {LINKED_ROWS} (identifiers, parties and places)"
        if count is not None
        else f"({where}) has more than {limit:,} {LINKED_ROWS}; {_FIRST_PAST}"
    )
    return file_problem(
        label,
        f"report {shown} {has}. A report names at most {limit:,}: split the case into several "
        "reports (one per suspect or account, say), or ask an administrator to raise "
        "COUNTERSCAM_MAX_REPORT_LINKED_ROWS",
        row=row,
        column="external_ref",
        value=shown,
    )


def too_many_linked_for_batch(
    label: str, row: int, limit: int, *, json: bool = False
) -> FileProblem:
    """Return the error of a batch with more than ``limit`` linked rows, at the first past it
    (for JSON, at the report whose lists pass it)."""
    at = "the report on this row passes it" if json else _FIRST_PAST
    return file_problem(
        label,
        f"the batch has more than {limit:,} {LINKED_ROWS} (its identifiers, parties and "
        f"places together), and one upload takes at most {limit:,}; {at}. Split it into "
        "smaller batches of fewer reports each, or ask an administrator to import it with the "
        "CLI",
        row=row,
    )


def _twice(first: int, again: int) -> str:
    """Say that a heading is given twice, where (as the spreadsheet letters the columns)."""
    from openpyxl.utils.cell import get_column_letter  # slow to import; only on this error

    return (
        f"this column appears twice (columns {get_column_letter(first + 1)} and "
        f"{get_column_letter(again + 1)}), and only one can be read; delete one of them, or "
        "rename it to the column it holds"
    )
