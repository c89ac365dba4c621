"""The intake sheets a workbook does not hold under their names, and why: named in one of the
region's languages, or listed without the part that holds their cells.

A workbook of sheets named `Laporan` and `Pengenal` was refused as having "no sheet named
'reports'", and one whose `reports` sheet had lost its part as having none while listing no
sheet at all; a `Pihak` sheet beside `reports` was left out without a word. Such a sheet is
never read as the template's (a guess could read another table as reports): the reason names
the sheet to rename and what to, from the vocabulary of reference/data/column_headings.yaml,
or the part that is missing. Looked into only when an intake sheet is absent, once a file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from counterscam.intake import columns
from counterscam.intake.records import FileProblem, file_problem
from counterscam.intake.workbook_parts import LostSheet
from counterscam.reference.headings import SHEET_LONGEST, heading_key, local_sheet_names

_ENGLISH = (
    "sheets are read by the template's English names (reports, identifiers, parties, places), "
    "whatever language the reports are in"
)


def unread_sheets(
    workbook: str, titles: Sequence[str], lost: Callable[[], list[LostSheet]]
) -> FileProblem | None:
    """Return the problem of a workbook whose intake sheets are absent under their names, or
    None when every absent one is simply left out.

    ``titles`` are the names of the sheets openpyxl opened; ``lost`` returns those the workbook
    lists without their cells (workbook_parts.lost_sheets), called only when one is absent.
    """
    present = {_intake_name(t) for t in titles}
    absent = [kind for kind in columns.FILES if kind not in present]
    if not absent:
        return None  # the usual template workbook: nothing more is read
    missing = lost()
    for gone in missing:
        if (_intake_name(gone.name) or _local(gone.name)) in absent:
            return file_problem(gone.name, gone.reason())
    local = [(title, kind) for title in titles if (kind := _local(title)) in absent]
    if "reports" in absent:
        return file_problem(workbook, _no_reports(titles, local, missing))
    if not local:
        return None
    if len(local) == 1:
        title, kind = local[0]
        return file_problem(
            title,
            f"the sheet {title!r} would not be read: {_ENGLISH}, and {title!r} is the {kind} "
            f"sheet's name in a language of the region. Rename the sheet to {kind!r} (or delete "
            "it, if its rows are not to be imported)",
        )
    return file_problem(
        workbook,
        f"the sheets {_and([repr(title) for title, _ in local])} would not be read: {_ENGLISH}, "
        f"and these are the names of intake sheets in languages of the region. "
        f"{_first_upper(_renames(local))} (or delete those whose rows are not to be imported)",
    )


def _intake_name(title: str) -> str | None:
    name = str(title).strip().lower()
    return name if name in columns.FILES else None


def _local(title: str) -> str | None:
    """Return the template sheet a sheet's name in one of the region's languages stands for."""
    text = str(title).strip()
    if not text or len(text) > SHEET_LONGEST or _intake_name(text):
        return None
    found = local_sheet_names().get(heading_key(text))
    return None if found is None else found.sheet


def _no_reports(
    titles: Sequence[str], local: list[tuple[str, str]], missing: list[LostSheet]
) -> str:
    reason = "the workbook has no sheet named 'reports'"
    if titles:
        reason += f"; its sheets are {', '.join(repr(str(t)) for t in titles)}"
    if local:
        reason += f". The {_ENGLISH}: {_renames(local)}"
        if all(sheet != "reports" for _, sheet in local):
            reason += ", and name the sheet that holds the reports 'reports'"
    else:
        reason += (
            ". Name the sheet that holds the reports 'reports' (and the others identifiers, "
            "parties, places), or use the template"
        )
    if missing:
        named = ", ".join(f"{s.name!r} ({s.part})" for s in missing)
        reason += (
            f". The workbook also lists sheets without the part that holds their cells: "
            f"{named}; if one held the reports, export or save the workbook again from where "
            "it was made, as no spreadsheet program can bring its rows back"
        )
    return reason


def _renames(local: list[tuple[str, str]]) -> str:
    """Say which sheet to rename to which template sheet (or which sheets to join into one)."""
    renamed, joined = [], []
    for kind in columns.FILES:
        named = [repr(str(title)) for title, sheet in local if sheet == kind]
        if len(named) == 1:
            renamed.append(f"the sheet {named[0]} to {kind!r}")
        elif named:
            joined.append(f"put the rows of the sheets {_and(named)} in one sheet named {kind!r}")
    told = [f"rename {_and(renamed)}"] if renamed else []
    return "; ".join(told + joined)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]
