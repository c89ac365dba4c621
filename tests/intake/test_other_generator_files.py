"""Files as a generator written from docs/formats.md alone makes them (not `counterscam synth`)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Report
from tests.intake.conftest import REPORTS_CSV, doc_report
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
