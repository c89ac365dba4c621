"""Names in the region's languages for the intake templates' columns and workbook sheets
(column_headings.yaml).

They are told, never read: intake refuses a heading it does not know, and names the template
column a known local heading stands for (intake/local_headings.py); a workbook whose sheets
bear known local names is told which sheet to rename to what (intake/sheet_names.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from counterscam.intake import columns
from counterscam.reference._files import Fields, entries, read_file
from counterscam.reference._files import normalize_name as _normalize

FILE = "column_headings.yaml"
LONGEST = 60  # characters of a heading; a longer cell is none of the file's headings
SHEET_LONGEST = 31  # characters of a sheet's name, the most Excel lets one have
# A unit or note after the heading: "Jumlah Kerugian (RM)", "Tarikh Laporan [dd/mm/yyyy]".
_NOTE_AFTER = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*$")


@dataclass(frozen=True)
class LocalHeading:
    """Template columns a heading written in one of the region's languages stands for.

    ``columns`` in order of preference (a name is a party's full_name, a place's name);
    ``identifier`` the identifier kind of a heading such as "Nombor Telefon", whose values
    belong in the identifiers file as that kind.
    """

    written: str
    columns: tuple[str, ...]
    identifier: str | None = None


@dataclass(frozen=True)
class LocalSheetName:
    """The template sheet (``reports``, ``identifiers``...) a sheet name ``written`` in one of
    the region's languages stands for."""

    written: str
    sheet: str


def heading_key(heading: str) -> str:
    """Return a heading as matched: any case, without a unit after it, spaces or marks."""
    return _normalize(_NOTE_AFTER.sub("", heading))


def parse_headings(doc: dict[str, Any], name: str = FILE) -> dict[str, LocalHeading]:
    """Validate a column headings file; return its headings by ``heading_key``."""
    from counterscam.identifiers import KINDS  # identifiers read reference data: not at import

    own = {c for kind in columns.FILES for c in columns.names(kind)}
    keys = _Keys(own, "heading", "a template column's own name", LONGEST)
    found: dict[str, LocalHeading] = {}
    for f in entries(doc, "headings", name):
        named = f.texts("columns")
        if unknown := [c for c in named if c not in own]:
            raise f.fail(
                f"{unknown[0]!r} is not a column of the intake templates; use one of "
                f"{', '.join(sorted(own))}"
            )
        identifier = f.optional_text("identifier")
        if identifier is not None and identifier not in KINDS:
            raise f.fail(f"identifier {identifier!r} is not a kind; use one of {', '.join(KINDS)}")
        for written in f.texts("written"):
            found[keys.add(f, written)] = LocalHeading(written, named, identifier)
    return found


def parse_sheet_names(doc: dict[str, Any], name: str = FILE) -> dict[str, LocalSheetName]:
    """Validate the sheet names of a column headings file; return them by ``heading_key``."""
    keys = _Keys(set(columns.FILES), "sheet name", "a template sheet's own name", SHEET_LONGEST)
    found: dict[str, LocalSheetName] = {}
    for f in entries(doc, "sheets", name):
        sheet = f.text("sheet")
        if sheet not in columns.FILES:
            raise f.fail(
                f"{sheet!r} is not a sheet of the intake workbook; use one of "
                f"{', '.join(columns.FILES)}"
            )
        for written in f.texts("written"):
            found[keys.add(f, written)] = LocalSheetName(written, sheet)
    return found


class _Keys:
    """The keys of the names of one list of a headings file, each refused when it is too
    long, empty, the key of a name listed before, or that of a template's own name."""

    def __init__(self, own: set[str], what: str, own_said: str, longest: int) -> None:
        self.own = {_normalize(n) for n in own}
        self.what = what
        self.own_said = own_said
        self.longest = longest
        self.written: dict[str, str] = {}

    def add(self, f: Fields, written: str) -> str:
        """Return the key of ``written``, listed in ``f``; ReferenceDataError if it is none."""
        key = heading_key(written)
        if len(written) > self.longest:
            raise f.fail(f"{self.what} {written!r} is longer than {self.longest} characters")
        if not key:
            raise f.fail(f"{self.what} {written!r} has no letters or digits")
        if key in self.written:
            raise f.fail(
                f"{self.what} {written!r} is matched as {self.written[key]!r}, listed before; "
                "keep one of them"
            )
        if key in self.own:
            raise f.fail(f"{self.what} {written!r} is {self.own_said}")
        self.written[key] = written
        return key


@cache
def local_headings(data_dir: Path | None = None) -> dict[str, LocalHeading]:
    """Return the packaged local headings by ``heading_key``, read once per process."""
    return parse_headings(read_file(FILE, data_dir))


@cache
def local_sheet_names(data_dir: Path | None = None) -> dict[str, LocalSheetName]:
    """Return the packaged local sheet names by ``heading_key``, read once per process."""
    return parse_sheet_names(read_file(FILE, data_dir))
