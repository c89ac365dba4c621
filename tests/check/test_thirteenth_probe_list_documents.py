"""A picture, a PDF, a web page, an RTF document or an archive chosen as the list to check is
named as what it is, as the report upload names it (intake/other_documents.py)."""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from typer.testing import CliRunner

from counterscam.api.app import create_app
from counterscam.check.lists import UnreadableList, read_file
from counterscam.cli.main import app
from counterscam.config import Settings
from tests.check.conftest import CheckRegion
from tests.web.conftest import csrf_of, sign_in

_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
_WEB_PAGE = b"<html><body><table><tr><td>value</td></tr><tr><td>+60123456789</td></tr></table>"
_PASTE_INSTEAD = "copy the values into a CSV or XLSX file"


def _zipped(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


_ODS = _zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": ""})
_DOCX = _zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})


@pytest.mark.parametrize(
    ("content", "said", "then"),
    [
        # Each was "not UTF-8 text", a header "holding %PDF-1.4", a damaged workbook, or
        # "a text file (CSV or JSON) with an .xlsx name".
        (_PNG, "this is a PNG image, not a data file", "values cannot be read from a picture"),
        (b"%PDF-1.7\n" + b"\x00" * 40, "this is a PDF document", _PASTE_INSTEAD),
        (_WEB_PAGE, "this is a web page (HTML), not a CSV or XLSX file", "then check that"),
        (b"{\\rtf1\\ansi value}", "this is a Rich Text (RTF) document", _PASTE_INSTEAD),
        (b"7z\xbc\xaf\x27\x1c" + b"\x00" * 40, "this is a 7-Zip archive", "give the CSV or XLSX"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 40, "this is a gzip archive", "unpack it"),
        (_ODS, "this is an OpenDocument spreadsheet (.ods)", "save it as .xlsx"),
        (_DOCX, "this is a Word document (.docx)", _PASTE_INSTEAD),
    ],
)
@pytest.mark.parametrize("name", ["list.csv", "list.xlsx", "list.txt"])
def test_a_document_chosen_as_the_list_is_named_as_what_it_is(
    name: str, content: bytes, said: str, then: str
) -> None:
    with pytest.raises(UnreadableList) as refused:
        read_file(name, content, kind=None)
    reason = str(refused.value)
    assert reason.startswith(f"{name}: {said}"), reason
    assert then in reason
    # What the report upload says of it would send the analyst to the reports template.
    assert "template" not in reason and "JSON" not in reason


def test_a_csv_or_xlsx_list_is_still_read_beside_those() -> None:
    listed = read_file("list.csv", b"value\n+60123456789\n", kind=None)
    assert [entry.item.value for entry in listed] == ["+60123456789"]


def test_the_check_a_list_page_names_a_screenshot_chosen_as_the_list(
    engine: Engine, region: CheckRegion
) -> None:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, region.policy.users["MY-NSRC"].username)
        token = csrf_of(client.get("/check/bulk").text)
        response = client.post(
            "/check/bulk",
            data={"csrf_token": token, "kind": "", "country": ""},
            files={"file": ("numbers.csv", _PNG, "image/png")},
        )
    assert response.status_code == 400
    page = html.unescape(response.text)
    assert "There is a problem" in page and 'href="#file"' in page
    assert "numbers.csv: this is a PNG image, not a data file" in page
    assert "answer-row" not in page  # nothing was checked


def test_check_bulk_names_a_pdf_given_as_the_list(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    path = tmp_path / "numbers.csv"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    result = runner.invoke(app, ["check-bulk", str(path)])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "numbers.csv: this is a PDF document, not a data file" in said
    assert "holds %PDF" not in said  # it was read as a header row
