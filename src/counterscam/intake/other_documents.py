"""Files sent in place of report data: a PDF, a Word document, a LibreOffice spreadsheet.

Each was refused for what it seemed, not what it is: a PDF as "not UTF-8 ... column %pdf_1.4",
a Word document as a damaged workbook, an .ods spreadsheet as a zip archive to unzip.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from counterscam.intake.records import file_problem
from counterscam.intake.tables import ZIP_START, Source

PDF_START = b"%PDF-"
_TEMPLATE = (
    "put the reports in the template (from the upload page, or "
    "{root_path}/api/v1/templates/reports.xlsx) and submit that"
)
# The mimetype part an OpenDocument file begins with, and what to call it.
_OPEN_DOCUMENT = {
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (.ods)",
    "application/vnd.oasis.opendocument.text": "an OpenDocument text document (.odt)",
}
# Where an Office file other than a workbook keeps its content.
_OFFICE = {"word/": "a Word document (.docx)", "ppt/": "a PowerPoint presentation (.pptx)"}


def refuse_other_documents(source: Source, root_path: str = "") -> None:
    """Raise FileProblem naming the kind of document ``source`` is, when it holds no data;
    ``root_path`` is the prefix a proxy serves the API under (api/prefix.py)."""
    template = _TEMPLATE.format(root_path=root_path)
    head = source.head(len(PDF_START))
    if head.startswith(PDF_START):
        raise file_problem(source.name, f"this is a PDF document, not a data file; {template}")
    if not head.startswith(ZIP_START):
        return
    kind = _zipped_kind(source)
    if kind == _OPEN_DOCUMENT["application/vnd.oasis.opendocument.spreadsheet"]:
        raise file_problem(
            source.name,
            f"this is {kind}, LibreOffice's own format; open it in LibreOffice Calc and save it "
            "as .xlsx (File > Save As, type 'Excel 2007-365 (.xlsx)'), then submit that",
        )
    if kind is not None:
        raise file_problem(source.name, f"this is {kind}, not a data file; {template}")


def _zipped_kind(source: Source) -> str | None:
    handle: Any = source.path if source.content is None else io.BytesIO(source.content)
    try:
        with zipfile.ZipFile(handle) as archive:
            names = archive.namelist()
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
                kind = archive.read("mimetype").decode("ascii", "replace").strip()
                return _OPEN_DOCUMENT.get(kind)
    except (
        zipfile.BadZipFile,
        OSError,
        ValueError,
        EOFError,
        RuntimeError,
        NotImplementedError,
        zlib.error,
    ):
        return None  # the readers say what is wrong with a damaged archive
    if "[Content_Types].xml" not in names or any(n.startswith("xl/") for n in names):
        return None
    return next(
        (kind for top, kind in _OFFICE.items() if any(n.startswith(top) for n in names)), None
    )
