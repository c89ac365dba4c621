"""The part a workbook lacks when openpyxl cannot open it, to say so in plain words.

openpyxl reads every chart sheet's chart as it opens a workbook, even read-only, and a chart
sheet whose relationships part (or drawing, or chart) is missing made it fail inside its own
code: the workbook was refused as "damaged (AttributeError)", naming neither the sheet nor a
fix. Looked for only once opening has failed, so a workbook that opens costs nothing more.

A sheet whose own part (the cells, ``xl/worksheets/sheet1.xml``) is missing is skipped by
openpyxl without a word, and its workbook was refused as having "no sheet named 'reports'" (or
its linked sheet's rows were left out): ``lost_sheets`` names it, looked for only when a sheet
intake reads is not among those openpyxl opened.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

from counterscam.intake.other_documents import ZIP_UNREADABLE
from counterscam.intake.tables import Source

# The parts read here are a few kB; a larger one is not parsed, only to tell what is missing.
_MOST_BYTES = 4 * 1024 * 1024
_WORKBOOK = "xl/workbook.xml"  # where every writer puts it, when the package does not say


@dataclass(frozen=True)
class LostPart:
    """A part the workbook names but does not hold; ``sheet`` names the chart sheet it is of."""

    part: str
    sheet: str | None = None

    def reason(self) -> str | None:
        """Say what is wrong and how to fix it, for a chart sheet's part; None for another."""
        if self.sheet is None:
            return None
        return (
            f"the chart sheet {self.sheet!r} has lost a part of its chart ({self.part}), so the "
            "workbook cannot be read, although a spreadsheet program may open it. Open it in "
            "Excel or LibreOffice and save it again as .xlsx (the program repairs the chart or "
            "drops it), or delete the chart sheet (right-click its tab > Delete) and save: "
            "reports are read from the data sheets, never from a chart"
        )


@dataclass(frozen=True)
class LostSheet:
    """A sheet the workbook lists whose own part, holding its cells, it does not hold."""

    name: str
    part: str

    def reason(self) -> str:
        """Say that the sheet's cells are not in the file, and how to send them."""
        return (
            f"the workbook lists the sheet {self.name!r}, but not the part that holds its cells "
            f"({self.part}), so its rows cannot be read: the file is damaged, or was written by "
            "a program that left the part out, and no spreadsheet program can bring the rows "
            "back. Export or save the workbook again from where it was made, or copy the rows "
            "into the template"
        )


_UNREADABLE = (*ZIP_UNREADABLE, KeyError, ElementTree.ParseError)


def lost_part(source: Source) -> LostPart | None:
    """Return the first part a workbook names and lacks (a chart sheet's first), or None."""
    try:
        with zipfile.ZipFile(_handle(source)) as archive:
            return _lost(archive)
    except _UNREADABLE:
        return None  # the reason already given (damaged) stands


def lost_sheets(source: Source) -> list[LostSheet]:
    """Return the sheets a workbook that opened lists without their own part, in its order."""
    try:
        with zipfile.ZipFile(_handle(source)) as archive:
            names = set(archive.namelist())
            book = _book(archive, names)
            targets = {rel_id: target for rel_id, _, target in _links_by_id(archive, book)}
            return [
                LostSheet(name, targets[rel_id])
                for name, rel_id in _sheets(archive, book)
                if rel_id in targets and targets[rel_id] not in names
            ]
    except _UNREADABLE:
        return []  # it opened: what openpyxl read is read, as before


def _handle(source: Source) -> Any:
    return source.path if source.content is None else io.BytesIO(source.content)


def _book(archive: zipfile.ZipFile, names: set[str]) -> str:
    """Return the workbook part, as the package names it."""
    return next(
        (t for kind, t in _links(archive, names, "") if kind == "officeDocument"), _WORKBOOK
    )


def _lost(archive: zipfile.ZipFile) -> LostPart | None:
    names = set(archive.namelist())
    book = _book(archive, names)
    if book not in names:
        return LostPart(book)
    if _rels_of(book) not in names:
        return LostPart(_rels_of(book))
    targets = {rel_id: (kind, target) for rel_id, kind, target in _links_by_id(archive, book)}
    for name, rel_id in _sheets(archive, book):
        kind, target = targets.get(rel_id, ("", ""))
        if kind != "chartsheet" or target not in names:
            continue  # openpyxl skips a sheet whose own part is missing
        if (part := _chart_sheet_lost(archive, names, target)) is not None:
            return LostPart(part, name)
    return None


def _chart_sheet_lost(archive: zipfile.ZipFile, names: set[str], sheet: str) -> str | None:
    """Return the first part of a chart sheet's chart that is missing, or None."""
    if _rels_of(sheet) not in names:
        return _rels_of(sheet)
    for kind, drawing in _links(archive, names, sheet):
        if kind != "drawing":
            continue
        if drawing not in names:
            return drawing
        if _rels_of(drawing) not in names:
            return _rels_of(drawing)
        for kind_in, chart in _links(archive, names, drawing):
            if kind_in == "chart" and chart not in names:
                return chart
    return None


def _rels_of(part: str) -> str:
    """Return the relationships part of ``part`` ("" for the package's own)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _links(archive: zipfile.ZipFile, names: set[str], part: str) -> list[tuple[str, str]]:
    """Return (kind, target part) of each internal relationship of ``part`` (kind: the last
    word of its type, "chartsheet", "drawing"), or none when it has no relationships part."""
    if _rels_of(part) not in names:
        return []
    return [(kind, target) for _, kind, target in _links_by_id(archive, part)]


def _links_by_id(archive: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    """Return (id, kind, target part) of each internal relationship of ``part``."""
    folder = posixpath.dirname(part)
    links = []
    for rel in _parsed(archive, _rels_of(part)):
        if not rel.tag.endswith("Relationship") or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        # Relative to the part's folder, or to the package when it starts with "/".
        path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        links.append(
            (rel.get("Id", ""), rel.get("Type", "").rsplit("/", 1)[-1], posixpath.normpath(path))
        )
    return links


def _sheets(archive: zipfile.ZipFile, book: str) -> list[tuple[str, str]]:
    """Return (name, relationship id) of each sheet the workbook part lists."""
    sheets = []
    for element in _parsed(archive, book).iter():
        if not element.tag.endswith("}sheet"):
            continue
        rel_id = next((v for k, v in element.attrib.items() if k.endswith("}id")), "")
        sheets.append((element.get("name", ""), rel_id))
    return sheets


def _parsed(archive: zipfile.ZipFile, part: str) -> ElementTree.Element:
    """Parse a small XML part; its DTD was refused before opening (xml_parts)."""
    if archive.getinfo(part).file_size > _MOST_BYTES:
        raise ValueError(f"{part} is too large to look into")
    return ElementTree.fromstring(archive.read(part))
