"""Files as a generator written from docs/formats.md alone makes them (not `counterscam synth`)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.cli.main import app
from counterscam.db.models import Report
from counterscam.intake.tables import FileProblem, recognise
from tests.intake.conftest import IDENTIFIERS_CSV, REPORTS_CSV, doc_report
from tests.intake.test_files import reports_count, upload
from tests.intake.test_service import send

HEADER = REPORTS_CSV.splitlines()[0]
ROW = "G-1,2026-03-01,,investment,sms,100,MYR,,,,x,green,"


def _book(blank: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "reports"
    sheet.append(HEADER.split(","))
    sheet.append(ROW.split(","))
    identifiers = book.create_sheet("identifiers")
    identifiers.append(["external_ref", "kind", "value", "role"])
    identifiers.append(["G-1", "phone", "012-345 6789", "caller"])
    book.create_sheet(blank)  # nothing in it, not even a header
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("blank", ["parties", "places"])
def test_a_blank_linked_sheet_is_no_rows(
    session: Session, agencies: dict[str, Caller], blank: str
) -> None:
    # A workbook written with all four sheets, parties or places left blank in a batch that
    # has none: the whole batch was refused ("the sheet is empty; it needs a header row").
    result = upload(session, agencies["MY-NSRC"], {"region.xlsx": _book(blank)})
    assert (result.status, result.created, result.errors) == ("committed", 1, [])
    assert reports_count(session) == 1


def test_a_blank_reports_sheet_is_still_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "reports"
    out = io.BytesIO()
    book.save(out)
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": out.getvalue()})
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.file, e.row) for e in result.errors] == [("reports", 1)]
    assert "the sheet is empty" in result.errors[0].reason


def test_an_external_ref_in_a_json_report_s_list_says_to_leave_it_out(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Copied from the CSV columns, it was "unknown field; the fields are: kind, value, ...",
    # as if the column did not exist.
    identifier = {"external_ref": "G-2", "kind": "phone", "value": "012-345 6789", "role": "caller"}
    result = send(
        session, agencies["MY-NSRC"], [doc_report(external_ref="G-2", identifiers=[identifier])]
    )
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert error.column == "identifiers[0].external_ref"
    assert "take no external_ref" in error.reason and "leave it out" in error.reason


@pytest.mark.parametrize("written", ["TLP: AMBER", "tlp:  amber+strict"])
def test_a_tlp_label_with_a_space_is_the_mark(
    session: Session, agencies: dict[str, Caller], written: str
) -> None:
    # "TLP:AMBER" was read but "TLP: AMBER", as mails and reports write it, was refused.
    result = send(session, agencies["MY-NSRC"], [doc_report(mark=written)])
    assert (result.status, result.errors) == ("committed", [])
    assert session.scalars(select(Report.mark)).all() == [written.split(":")[1].strip().lower()]


def _excel_padded(text: str, extra: int = 2) -> str:
    """Return CSV text as Excel writes a sheet once formatted wider and longer than its data:
    empty headings past the columns, and rows of commas only below the data."""
    lines = text.strip("\n").split("\n")
    width = lines[0].count(",") + 1 + extra
    padded = [line + "," * extra for line in lines] + ["," * (width - 1)] * 3
    return "\r\n".join(padded) + "\r\n"


def test_rows_of_commas_only_past_the_header_s_width_are_blank_lines(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A foreign centre's Excel export: two empty headings after `share_with` and three
    # ",,,,..." rows below the data. Each such row was refused as a report missing its
    # external_ref, reported_at, scam_type, channel and mark.
    data = _excel_padded(REPORTS_CSV).encode()
    result = upload(session, agencies["MY-NSRC"], {"reports.csv": data})
    assert (result.status, result.created, result.errors) == ("committed", 2, [])


def test_the_cli_import_skips_rows_of_commas_only_too(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    (tmp_path / "reports.csv").write_text(_excel_padded(REPORTS_CSV), newline="")
    (tmp_path / "identifiers.csv").write_text(_excel_padded(IDENTIFIERS_CSV), newline="")
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    assert "2 accepted, 0 rejected, 2 created" in result.output
    assert reports_count(session) == 2


def test_an_amount_without_its_currency_names_the_reporting_country_s_currency(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A Singapore (or Vietnamese) centre told "like MYR" wonders what Malaysia has to do
    # with it; a JSON number carries no currency sign to take it from.
    report = doc_report(loss_amount=2500, loss_currency="", identifiers=[], parties=[])
    result = send(session, agencies["SG-ASCOM"], [report])
    assert [(e.column, e.reason) for e in result.errors] == [
        ("loss_currency", "give the currency of the loss_amount, like SGD")
    ]


def test_an_agencies_list_beside_the_reports_is_named_as_no_intake_file() -> None:
    # Its name, country and kind columns are a places file's too: it was told to add
    # external_ref and drop "code" and "contact", as if it were a places file gone wrong.
    with pytest.raises(FileProblem) as caught:
        recognise(["code", "name", "country", "kind", "contact"], "agencies.csv")
    (error,) = caught.value.errors
    assert error.row == 1 and "is not one of the intake files" in error.reason
    assert "(code, contact)" in error.reason
    # A places file that only forgot external_ref is still told what is missing.
    with pytest.raises(FileProblem) as forgot:
        recognise(["kind", "name", "country"], "places.csv")
    assert [e.reason.split(";")[0] for e in forgot.value.errors] == ["required column missing"]
