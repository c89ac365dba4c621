"""Files sent in place of report data (or of a list to check): a PDF, a Word document, a
LibreOffice spreadsheet, a picture, a web page, an archive other than zip.

Each was refused for what it seemed, not what it is: a PDF as "not UTF-8 ... column %pdf_1.4",
a Word document as a damaged workbook, an .ods spreadsheet as a zip archive to unzip, a
screenshot named .json as text "probably saved as Shift-JIS", an RTF file as JSON.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from counterscam.intake.records import file_problem
from counterscam.intake.tables import ZIP_START, Source

# What reading a damaged or hostile zip raises, from zipfile and the decompressors beneath it.
ZIP_UNREADABLE = (
    zipfile.BadZipFile,
    OSError,
    ValueError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
)

PDF_START = b"%PDF-"


@dataclass(frozen=True)
class Wanted:
    """What a file was sent to give, for a refusal to say what to send instead."""

    data: str  # what the file should hold: "reports", "values"
    formats: str  # the files read: "CSV, XLSX or JSON"
    send: str  # the verb of the form or command: "submit", "check"
    instead: str  # how to give the data that a document holds only as text or a picture


def reports_wanted(root_path: str = "") -> Wanted:
    """Return what an intake upload wants; ``root_path`` as for ``refuse_other_documents``."""
    return Wanted(
        data="reports",
        formats="CSV, XLSX or JSON",
        send="submit",
        instead=(
            "put the reports in the template (from the upload page, or "
            f"{root_path}/api/v1/templates/reports.xlsx) and submit that"
        ),
    )


# A list to check (check/lists.py): the web page's file and `counterscam check-bulk`.
LIST_WANTED = Wanted(
    data="values",
    formats="CSV or XLSX",
    send="check",
    instead=(
        "copy the values into a CSV or XLSX file, one a row under the heading 'value' in row 1, "
        "and check that"
    ),
)
# The mimetype part an OpenDocument file begins with, and what to call it.
_OPEN_DOCUMENT = {
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (.ods)",
    "application/vnd.oasis.opendocument.text": "an OpenDocument text document (.odt)",
}
# Where an Office file other than a workbook keeps its content.
_OFFICE = {"word/": "a Word document (.docx)", "ppt/": "a PowerPoint presentation (.pptx)"}


# The first bytes of pictures (a screenshot or a photo of the sheet, sent as the data) and of
# documents and archives no intake reader takes.
_PICTURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)
_ARCHIVES = (
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
)
_HEAD = 1024  # enough for a web page's or an XML spreadsheet's opening tags
_MARKUP = re.compile(rb"(?:\xef\xbb\xbf)?\s*<")
_WEB_PAGE = re.compile(rb"<(?:!doctype\s+html|html|table)[\s>]")
_XML_SPREADSHEET = re.compile(rb"urn:schemas-microsoft-com:office:spreadsheet|progid=.excel\.sheet")


def refuse_other_documents(
    source: Source, root_path: str = "", *, wanted: Wanted | None = None
) -> None:
    """Raise FileProblem naming the kind of document ``source`` is, when it holds no data.

    ``wanted`` is what the file was sent to give (reports when None); ``root_path`` is the
    prefix a proxy serves the API under (api/prefix.py), for the template's address.
    """
    wanted = wanted or reports_wanted(root_path)
    head = source.head(_HEAD)
    if head.startswith(PDF_START):
        raise file_problem(
            source.name, f"this is a PDF document, not a data file; {wanted.instead}"
        )
    if (kind := _first_bytes_kind(head)) is not None:
        raise file_problem(source.name, _refusal(kind, wanted))
    if not head.startswith(ZIP_START):
        return
    kind = _zipped_kind(source)
    if kind == _OPEN_DOCUMENT["application/vnd.oasis.opendocument.spreadsheet"]:
        raise file_problem(
            source.name,
            f"this is {kind}, LibreOffice's own format; open it in LibreOffice Calc and save it "
            f"as .xlsx (File > Save As, type 'Excel 2007-365 (.xlsx)'), then {wanted.send} "
            "that",
        )
    if kind is not None:
        raise file_problem(source.name, f"this is {kind}, not a data file; {wanted.instead}")


def _first_bytes_kind(head: bytes) -> str | None:
    """Name a picture, archive, RTF document, web page or XML spreadsheet by its first bytes."""
    for start, kind in (*_PICTURES, *_ARCHIVES):
        if head.startswith(start):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1"):
        return "a HEIC image"  # an iPhone's photo
    if head[4:8] == b"ftyp" and head[8:12] == b"avif":
        return "an AVIF image"
    if head.startswith(b"{\\rtf"):
        return "a Rich Text (RTF) document"
    if not _MARKUP.match(head):  # every data file but these starts otherwise: cheap to tell
        return None
    lowered = head.lower()
    if _XML_SPREADSHEET.search(lowered):
        return "an Excel 2003 XML spreadsheet"
    if _WEB_PAGE.search(lowered):
        return "a web page (HTML)"
    return None


def _refusal(kind: str, wanted: Wanted) -> str:
    """Say what ``kind`` of file was sent and what to send instead."""
    if kind.endswith("image"):
        return (
            f"this is {kind}, not a data file: {wanted.data} cannot be read from a picture (a "
            f"screenshot or a photo of the sheet); {wanted.instead}"
        )
    if kind.endswith("archive"):
        return (
            f"this is {kind}, not a data file; unpack it and give the {wanted.formats} "
            "files inside it"
        )
    if kind.startswith(("a web page", "an Excel 2003")):
        # Case-management systems' "Export to Excel" writes one under an .xls or .csv name.
        return (
            f"this is {kind}, not a {wanted.formats} file, although spreadsheet programs "
            "open it; open it in Excel or LibreOffice and save it as an Excel Workbook "
            f"(.xlsx), then {wanted.send} that"
        )
    return f"this is {kind}, not a data file; {wanted.instead}"


def _zipped_kind(source: Source) -> str | None:
    handle: Any = source.path if source.content is None else io.BytesIO(source.content)
    try:
        with zipfile.ZipFile(handle) as archive:
            names = archive.namelist()
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
                kind = archive.read("mimetype").decode("ascii", "replace").strip()
                return _OPEN_DOCUMENT.get(kind)
    except ZIP_UNREADABLE:
        return None  # the readers say what is wrong with a damaged archive
    if "[Content_Types].xml" not in names or any(n.startswith("xl/") for n in names):
        return None
    return next(
        (kind for top, kind in _OFFICE.items() if any(n.startswith(top) for n in names)), None
    )
