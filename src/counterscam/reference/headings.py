"""Headings in the region's languages for the intake templates' columns (column_headings.yaml).

They are told, never read: intake refuses a heading it does not know, and names the template
column a known local heading stands for (intake/local_headings.py).
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


def heading_key(heading: str) -> str:
    """Return a heading as matched: any case, without a unit after it, spaces or marks."""
    return _normalize(_NOTE_AFTER.sub("", heading))


def parse_headings(doc: dict[str, Any], name: str = FILE) -> dict[str, LocalHeading]:
    """Validate a column headings file; return its headings by ``heading_key``."""
    from counterscam.identifiers import KINDS  # identifiers read reference data: not at import

    known = {c for kind in columns.FILES for c in columns.names(kind)}
    found: dict[str, LocalHeading] = {}
    for f in entries(doc, "headings", name):
        named = f.texts("columns")
        if unknown := [c for c in named if c not in known]:
            raise f.fail(
                f"{unknown[0]!r} is not a column of the intake templates; use one of "
                f"{', '.join(sorted(known))}"
            )
        identifier = f.optional_text("identifier")
        if identifier is not None and identifier not in KINDS:
            raise f.fail(f"identifier {identifier!r} is not a kind; use one of {', '.join(KINDS)}")
        for written in f.texts("written"):
            found[_key(f, written, found)] = LocalHeading(written, named, identifier)
    return found


def _key(f: Fields, written: str, found: dict[str, LocalHeading]) -> str:
    key = heading_key(written)
    if len(written) > LONGEST:
        raise f.fail(f"heading {written!r} is longer than {LONGEST} characters")
    if not key:
        raise f.fail(f"heading {written!r} has no letters or digits")
    if key in found:
        raise f.fail(
            f"heading {written!r} is matched as {found[key].written!r}, listed before; "
            "keep one of them"
        )
    if key in {_normalize(c) for kind in columns.FILES for c in columns.names(kind)}:
        raise f.fail(f"heading {written!r} is a template column's own name")
    return key


@cache
def local_headings(data_dir: Path | None = None) -> dict[str, LocalHeading]:
    """Return the packaged local headings by ``heading_key``, read once per process."""
    return parse_headings(read_file(FILE, data_dir))
