"""What the thirteenth probe left: workbook sheets and JSON fields named in the region's
languages, "a identifiers file", and a sheet that lost the part holding its cells."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.intake import columns
from counterscam.intake.records import FileProblem
from counterscam.intake.tables import recognise
from counterscam.reference import ReferenceDataError
from counterscam.reference.headings import local_sheet_names, parse_sheet_names
from tests.intake.conftest import REPORTS_CSV, doc_report
from tests.intake.test_api import auth
from tests.intake.test_files import reports_count, upload
from tests.workbooks import workbook

_HEADER = REPORTS_CSV.splitlines()[0].split(",")
_ROW = REPORTS_CSV.splitlines()[1].replace('"12,500.50"', "12500.50").split(",")
_IDENTIFIERS = [columns.names("identifiers"), ["MY-1", "phone", "012-345 6789", "caller", "", ""]]
_ENGLISH = (
    "sheets are read by the template's English names (reports, identifiers, parties, places), "
    "whatever language the reports are in"
)
_THAI_REPORTS = "\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19"
_VIETNAMESE = "B\u00e1o c\u00e1o"


def _refused(session: Session, caller: Caller, files: dict[str, bytes]) -> list[Any]:
    result = upload(session, caller, files)
    assert result.status == "rejected"
    assert reports_count(session) == 0  # never read by a guess
    return list(result.errors)


def _reason(session: Session, caller: Caller, book: bytes) -> str:
    (error,) = _refused(session, caller, {"r.xlsx": book})
    return str(error.reason)


@pytest.mark.parametrize(
    ("sheets", "told"),
    [
        # Malay, as a Malaysian centre names its own workbook's sheets.
        (
            {"Laporan": [_HEADER, _ROW], "Pengenal": _IDENTIFIERS},
            "rename the sheet 'Laporan' to 'reports' and the sheet 'Pengenal' to 'identifiers'",
        ),
        ({_THAI_REPORTS: [_HEADER, _ROW]}, f"rename the sheet '{_THAI_REPORTS}' to 'reports'"),
        (
            {"B\u00e1o c\u00e1o": [_HEADER, _ROW]},
            "rename the sheet 'B\u00e1o c\u00e1o' to 'reports'",
        ),
        ({"BAO CAO ": [_HEADER, _ROW]}, "rename the sheet 'BAO CAO ' to 'reports'"),  # no marks
        ({"Laporan (2026)": [_HEADER, _ROW]}, "rename the sheet 'Laporan (2026)' to 'reports'"),
    ],
)
def test_sheets_named_in_a_region_language_are_named_with_the_sheet_to_rename_them_to(
    session: Session, agencies: dict[str, Caller], sheets: dict[str, list[list[Any]]], told: str
) -> None:
    # It was only "no sheet named 'reports'": the analyst did not know the names are English.
    reason = _reason(session, agencies["MY-NSRC"], workbook(sheets))
    listed = ", ".join(repr(name) for name in sheets)
    assert reason.startswith(f"the workbook has no sheet named 'reports'; its sheets are {listed}")
    assert f"The {_ENGLISH}: {told}" in reason
    assert "name the sheet that holds the reports" not in reason


def test_a_linked_sheet_named_in_a_region_language_beside_other_sheets_says_which_it_is(
    session: Session, agencies: dict[str, Caller]
) -> None:
    reason = _reason(
        session, agencies["MY-NSRC"], workbook({"Sheet1": [_HEADER, _ROW], "Pihak": [["x"]]})
    )
    assert "its sheets are 'Sheet1', 'Pihak'" in reason
    assert reason.endswith(
        "rename the sheet 'Pihak' to 'parties', and name the sheet that holds the reports 'reports'"
    )


def test_a_linked_sheet_named_in_a_region_language_beside_reports_is_not_left_out_silently(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Its rows were dropped without a word while the reports were stored.
    book = workbook({"reports": [_HEADER, _ROW], "Pengenal": _IDENTIFIERS})
    (error,) = _refused(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert error.file == "Pengenal"
    assert error.reason == (
        f"the sheet 'Pengenal' would not be read: {_ENGLISH}, and 'Pengenal' is the identifiers "
        "sheet's name in a language of the region. Rename the sheet to 'identifiers' (or "
        "delete it, if its rows are not to be imported)"
    )
    both = workbook({"reports": [_HEADER, _ROW], "Pihak": [["x"]], "Lokasi": [["y"]]})
    reason = _reason(session, agencies["MY-NSRC"], both)
    assert "the sheets 'Pihak' and 'Lokasi' would not be read" in reason
    assert "Rename the sheet 'Pihak' to 'parties' and the sheet 'Lokasi' to 'places'" in reason


def test_two_sheets_named_for_the_same_template_sheet_are_told_to_be_joined(
    session: Session, agencies: dict[str, Caller]
) -> None:
    book = workbook({"Laporan": [_HEADER, _ROW], "Aduan": [_HEADER]})
    reason = _reason(session, agencies["MY-NSRC"], book)
    assert "put the rows of the sheets 'Laporan' and 'Aduan' in one sheet named 'reports'" in (
        reason
    )


@pytest.mark.parametrize("extra", ["Laporan", "Notes", "Sheet2"])
def test_other_sheets_beside_the_templates_are_still_left_alone(
    session: Session, agencies: dict[str, Caller], extra: str
) -> None:
    # 'Laporan' beside 'reports' stands for a sheet the workbook has: a summary, say.
    book = workbook({"reports": [_HEADER, _ROW], extra: [["x"]]})
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert (result.status, result.accepted) == ("committed", 1)


def test_the_sheet_names_are_in_the_headings_file_for_every_sheet() -> None:
    names = local_sheet_names()
    by_sheet = {
        kind: [n.written for n in names.values() if n.sheet == kind] for kind in columns.FILES
    }
    assert all(by_sheet.values()), by_sheet
    assert "Laporan" in by_sheet["reports"] and "Pihak" in by_sheet["parties"]
    assert _THAI_REPORTS in by_sheet["reports"] and "Pengenal" in by_sheet["identifiers"]


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ({"sheet": "report", "written": ["Aduan"]}, "'report' is not a sheet of the intake"),
        ({"sheet": "places", "written": ["LAPORAN"]}, "is matched as 'Laporan', listed before"),
        ({"sheet": "places", "written": ["Places"]}, "a template sheet's own name"),
        ({"sheet": "places", "written": ["T" * 32]}, "longer than 31 characters"),
    ],
)
def test_a_broken_sheet_names_list_is_refused_naming_the_entry(
    entry: dict[str, Any], said: str
) -> None:
    doc = {"version": 2, "sheets": [{"sheet": "reports", "written": ["Laporan"]}, entry]}
    with pytest.raises(ReferenceDataError, match=re.escape(said)) as refused:
        parse_sheet_names(doc)
    assert "column_headings.yaml: sheets[1]" in str(refused.value)


def _json(*reports: dict[str, Any]) -> dict[str, bytes]:
    return {"r.json": json.dumps({"reports": list(reports)}).encode()}


def _renamed(report: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    return {new if key == old else key: value for key, value in report.items()}


_FIELDS = "field names are the English column names, whatever language the reports are in"


@pytest.mark.parametrize("field", ["tarikh_laporan", "Tanggal Laporan", "tarikhLaporan"])
def test_a_json_field_named_in_a_region_language_is_named_with_the_field_to_write(
    session: Session, agencies: dict[str, Caller], field: str
) -> None:
    # It was "unknown field; the fields are: ...", with reported_at said missing beside it.
    report = _renamed(doc_report(), "reported_at", field)
    errors = _refused(session, agencies["MY-NSRC"], _json(report))
    unknown = next(e for e in errors if e.column == field)
    assert unknown.reason.startswith(
        f'unknown field; {_FIELDS}: write reported_at for "{field}"; the fields are: '
    )


def test_json_fields_of_a_reports_lists_are_named_in_json_words(
    session: Session, agencies: dict[str, Caller]
) -> None:
    report = doc_report(nombor_telefon="012-345 6789", nama="Ahmad")
    report["identifiers"][1] = _renamed(report["identifiers"][1], "value", "nombor_akaun")
    report["places"][0] = _renamed(report["places"][0], "name", "Nama")
    report["parties"][0]["tarikh_laporan"] = "2026-03-01"
    report["parties"][0]["\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e25\u0e48\u0e19"] = "x"  # Thai, unknown
    errors = {e.column: e.reason for e in _refused(session, agencies["MY-NSRC"], _json(report))}
    assert (
        f'{_FIELDS}: give the values of "nombor_telefon" in the report\'s identifiers list '
        'instead, each an object with the kind "phone", the value and its role'
    ) in errors["nombor_telefon"]
    assert (
        '"nama" is the full_name field of the objects of a report\'s parties list'
        in (errors["nama"])
    )
    assert (
        f'{_FIELDS}: write value for "nombor_akaun" (with "kind": "bank_account")'
        in (errors["identifiers[1].nombor_akaun"])
    )
    assert f'{_FIELDS}: write name for "Nama"' in errors["places[0].Nama"]
    assert (
        '"tarikh_laporan" is the reported_at field of the report itself, not of its parties'
        in (errors["parties[0].tarikh_laporan"])
    )
    thai = errors["parties[0].\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e25\u0e48\u0e19"]
    assert thai.startswith(f"unknown field; {_FIELDS}; the fields are: role, full_name")


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as c:
        yield c


def test_the_api_names_the_field_to_write_for_a_local_field(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    report = _renamed(doc_report(), "reported_at", "Tanggal Laporan")
    answer = client.post("/api/v1/reports", json=report, headers=auth(session, "MY-NSRC"))
    assert answer.status_code == 422, answer.text
    reasons = [error["reason"] for error in answer.json()["errors"]]
    assert any(f'{_FIELDS}: write reported_at for "Tanggal Laporan"' in r for r in reasons)


def test_an_identifiers_header_is_told_with_an_not_a() -> None:
    # "a identifiers file has the columns: ..."
    with pytest.raises(FileProblem) as refused:
        recognise(["external_ref", "kind", "value", "role", "nilai"], "i.csv")
    reason = refused.value.errors[0].reason
    assert "; an identifiers file has the columns: external_ref, kind" in reason
    assert "a identifiers" not in reason


def test_an_identifiers_sheet_under_a_title_is_told_with_an_not_a(
    session: Session, agencies: dict[str, Caller]
) -> None:
    book = workbook({"reports": [_HEADER, _ROW], "identifiers": [["Pengecam 2026"]]})
    (error,) = _refused(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert "row 1 holds none of the columns of an identifiers sheet" in error.reason
    assert "; an identifiers sheet has the columns: external_ref, kind" in error.reason


def _without(book: bytes, part: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if name != part:
                target.writestr(name, source.read(name))
    return out.getvalue()


def test_a_reports_sheet_that_lost_its_part_is_named_with_the_part(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # It was "no sheet named 'reports'; its sheets are . Name the sheet ...".
    book = _without(workbook({"reports": [_HEADER, _ROW]}), "xl/worksheets/sheet1.xml")
    (error,) = _refused(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert error.file == "reports"
    assert error.reason.startswith(
        "the workbook lists the sheet 'reports', but not the part that holds its cells "
        "(xl/worksheets/sheet1.xml), so its rows cannot be read"
    )
    assert "Export or save the workbook again from where it was made" in error.reason
    assert "no sheet named" not in error.reason


def test_a_linked_sheet_that_lost_its_part_is_not_left_out_silently(
    session: Session, agencies: dict[str, Caller]
) -> None:
    whole = workbook({"reports": [_HEADER, _ROW], "identifiers": _IDENTIFIERS})
    book = _without(whole, "xl/worksheets/sheet2.xml")
    (error,) = _refused(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert error.file == "identifiers"
    assert "lists the sheet 'identifiers', but not the part that holds its cells" in error.reason


def test_another_sheet_that_lost_its_part_is_named_beside_the_missing_reports(
    session: Session, agencies: dict[str, Caller]
) -> None:
    book = _without(
        workbook({"Sheet1": [_HEADER, _ROW], "Notes": [["x"]]}), "xl/worksheets/sheet1.xml"
    )
    reason = _reason(session, agencies["MY-NSRC"], book)
    assert reason.startswith("the workbook has no sheet named 'reports'; its sheets are 'Notes'.")
    assert (
        "The workbook also lists sheets without the part that holds their cells: 'Sheet1' "
        "(xl/worksheets/sheet1.xml)"
    ) in reason


def test_a_sheet_intake_does_not_read_may_lose_its_part(
    session: Session, agencies: dict[str, Caller]
) -> None:
    book = _without(
        workbook({"reports": [_HEADER, _ROW], "Notes": [["x"]]}), "xl/worksheets/sheet2.xml"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert (result.status, result.accepted) == ("committed", 1)
