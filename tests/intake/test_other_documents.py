"""Documents sent in place of report data are named for what they are, with what to send."""

from __future__ import annotations

import io
import zipfile

import pytest
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from tests.intake.test_files import reports_count, upload


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
ODS = _zip(
    {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": b"<office:document-content/>",
        "META-INF/manifest.xml": b"<manifest/>",
    }
)
DOCX = _zip(
    {
        "[Content_Types].xml": b"<Types/>",
        "word/document.xml": b"<w:document/>",
        "_rels/.rels": b"<Relationships/>",
    }
)


@pytest.mark.parametrize("name", ["reports.csv", "reports.xlsx", "reports.json", "report.pdf"])
def test_a_pdf_is_named_a_pdf_whatever_its_name(
    session: Session, agencies: dict[str, Caller], name: str
) -> None:
    # It was "not UTF-8: byte 0xE2 on row 2, column %pdf_1.7", a damaged workbook, or a JSON
    # file in another code page.
    result = upload(session, agencies["MY-NSRC"], {name: PDF})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert error.reason.startswith("this is a PDF document, not a data file")
    assert "template" in error.reason


@pytest.mark.parametrize("name", ["reports.ods", "reports.xlsx"])
def test_a_libreoffice_spreadsheet_is_told_to_be_saved_as_xlsx(
    session: Session, agencies: dict[str, Caller], name: str
) -> None:
    # It was "a zip archive ('mimetype', 'content.xml', ...); unzip it".
    result = upload(session, agencies["MY-NSRC"], {name: ODS})
    (error,) = result.errors
    assert "OpenDocument spreadsheet (.ods)" in error.reason
    assert "save it as .xlsx" in error.reason and "unzip" not in error.reason
    assert reports_count(session) == 0


def test_a_word_document_is_not_called_a_damaged_workbook(
    session: Session, agencies: dict[str, Caller]
) -> None:
    result = upload(session, agencies["MY-NSRC"], {"reports.xlsx": DOCX})
    (error,) = result.errors
    assert error.reason.startswith("this is a Word document (.docx), not a data file")
    assert "damaged" not in error.reason
