"""Headings written in the region's languages, told as the template column to write instead.

A header of "Tarikh Laporan", "Nombor Telefon", "วันที่แจ้ง" was refused as "not one of the
intake files ... delete any title rows", which sent the analyst looking for a title row. Such a
heading is never read as its column (a guess could put a report's dates or amounts in the wrong
column without a word): the reason names the column to write instead, from the vocabulary of
reference/data/column_headings.yaml. The vocabulary is read only when a heading is unknown.
A JSON report's field named so ("tarikh_laporan") is told the same way, in JSON's words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from counterscam.intake import columns
from counterscam.intake.chars import printable
from counterscam.reference.headings import LONGEST, LocalHeading, heading_key, local_headings

_ENGLISH = "English column names"
_TEMPLATES = (
    "whatever language the reports are in (the templates are on the Upload page, under "
    "Templates, and docs/formats.md lists the columns)"
)
_MOST_SHOWN = 20  # headings named one by one; the rest are counted
_FIELDS = "field names are the English column names, whatever language the reports are in"


def local_hint(heading: Any, kind: str) -> str:
    """Say, for an unknown heading of a ``kind`` file, that headings are in English and which
    column a known local heading stands for; "" for a heading in English letters."""
    shown = _shown(heading)
    found = _known(heading)
    if found is not None:
        return f"; the template's headings are {_ENGLISH}: {_instead(found, shown, kind)}"
    if shown.isascii():
        return ""
    return f"; the template's headings are {_ENGLISH}, {_TEMPLATES}"


def local_field_hint(field: Any, kind: str) -> str:
    """Say, for an unknown field of a JSON report (``kind`` "reports") or of an object of one of
    its lists (``kind`` that list), which field a known local name stands for; "" for a name
    in English letters."""
    shown = _shown(field)
    found = _known(field)  # "tarikh_laporan" is "Tarikh Laporan": an underscore is no letter
    if found is not None:
        return f"; {_FIELDS}: {_instead(found, shown, kind, json=True)}"
    return "" if shown.isascii() else f"; {_FIELDS}"


def local_header(header: Sequence[Any], names: Sequence[str], kind: str | None) -> str | None:
    """Return the reason for a header row that is not the template's when it holds a known
    local heading; None when it holds none (a title row, say).

    ``names`` are the headings as matched (``tables.column_name``), those of template columns
    left as they are. ``kind`` is the file's kind when known (a workbook's sheet name), else it
    is the kind most of the local headings belong to.
    """
    template = {c for k in columns.FILES for c in columns.names(k)}
    read = [
        (_shown(heading), _known(heading))
        for heading, name in zip(header, names, strict=False)
        if name and name not in template
    ]
    found = [(shown, local) for shown, local in read if local is not None]
    unknown = [shown for shown, local in read if local is None]
    if not found and (len(unknown) < 2 or all(shown.isascii() for shown in unknown)):
        return None  # a title row, or another system's export: the reason stays general
    kind = kind or _likely_kind([local for _, local in found])
    reason = f"the headings of row 1 are not the template's, which are {_ENGLISH} {_TEMPLATES}"
    if found:
        told = [_instead(local, shown, kind) for shown, local in found]
        reason += f". Rename them: {_listed(told)}"
    if unknown:
        quoted = _listed([f'"{shown}"' for shown in unknown])
        reason += (
            f"{'; not' if found else '. Not'} known: {quoted} (rename each to the template "
            "column it holds, or delete the column)"
        )
    return f"{reason}. The {kind} template's columns are: {', '.join(columns.names(kind))}"


def _known(heading: Any) -> LocalHeading | None:
    text = str(heading or "").strip()
    if not text or len(text) > LONGEST:  # a cheap way out for a long cell
        return None
    return local_headings().get(heading_key(text))


def _shown(heading: Any) -> str:
    """Return a heading as echoed in a reason: trimmed, shortened, storable."""
    text = " ".join(printable(str(heading or "")).split())
    return text if len(text) <= LONGEST else f"{text[: LONGEST - 1]}…"


def _likely_kind(found: list[LocalHeading]) -> str:
    """Return the file kind most of the headings' columns belong to (reports on a tie)."""
    votes = {
        kind: sum(
            any(c in columns.names(kind) for c in local.columns)
            or (local.identifier is not None and kind == "identifiers")
            for local in found
        )
        for kind in columns.FILES
    }
    return max(columns.FILES, key=lambda k: votes[k])


def _instead(local: LocalHeading, shown: str, kind: str, *, json: bool = False) -> str:
    """Say what to write for one local heading in a ``kind`` file, or for a field of a JSON
    report (``kind`` "reports") or of an object of one of its lists."""
    own = next((c for c in local.columns if c in columns.names(kind)), None)
    if own is not None and not (local.identifier is not None and own == "value"):
        return f'write {own} for "{shown}"'
    if local.identifier is not None:
        if kind == "identifiers":
            if json:
                return f'write value for "{shown}" (with "kind": "{local.identifier}")'
            return f'write value for "{shown}" (with {local.identifier} in the kind column)'
        if json:
            return (
                f'give the values of "{shown}" in the report\'s identifiers list instead, each '
                f'an object with the kind "{local.identifier}", the value and its role'
            )
        return (
            f'give the values of "{shown}" in the identifiers file or sheet instead, one a row '
            f"with the report's external_ref, the kind {local.identifier} and the value"
        )
    column = local.columns[0]
    other = next(k for k in columns.FILES if column in columns.names(k))
    if not json:
        return f'"{shown}" is the {column} column of the {other} file or sheet, not of this one'
    if other == "reports":
        return f'"{shown}" is the {column} field of the report itself, not of its {kind}'
    return f'"{shown}" is the {column} field of the objects of a report\'s {other} list'


def _listed(items: list[str]) -> str:
    shown = "; ".join(items[:_MOST_SHOWN])
    more = len(items) - _MOST_SHOWN
    return f"{shown}; and {more:,} more" if more > 0 else shown
