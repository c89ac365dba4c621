"""Spreadsheet error values (#REF!, #VALUE!, ...) are refused where they stand, never stored."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.config import Settings
from counterscam.db.models import Party, Report
from counterscam.intake.files import read_batch
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import BatchResult, submit
from counterscam.intake.tables import Limits, Source
from tests.intake.conftest import doc_report
from tests.workbooks import changed, workbook

REPORTS = "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,mark,narrative\n"
PARTIES = "external_ref,role,full_name,nationality,id_number\n"


def _submit(session: Session, caller: Caller, sources: list[Source]) -> BatchResult:
    return submit(
        session,
        caller,
        reports=read_batch(sources, Limits()),
        source="csv",
        settings=Settings(),
        keep_valid=True,
    )


def _count(session: Session, model: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_csv_error_values_reject_their_reports_naming_each_cell(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Excel saves the error a cell shows as its text: the report was stored under the
    # reference "#REF!", its narrative "#VALUE!", and a suspect named "#NAME?".
    reports = (
        REPORTS
        + "#REF!,2026-03-01,investment,sms,100,MYR,amber,#VALUE!\n"
        + "MY-2,2026-03-01,investment,sms,#DIV/0!,MYR,amber,ok\n"
        + "MY-3,2026-03-01,investment,sms,100,MYR,amber,ok\n"
        + "MY-4,2026-03-01,investment,sms,100,MYR,amber,ok\n"
    )
    parties = PARTIES + "MY-3,suspect,#NAME?,MY,Err:502\nMY-4,suspect,Ahmad,MY,A1234567\n"
    result = _submit(
        session,
        agencies["MY-NSRC"],
        [
            Source(name="reports.csv", content=reports.encode()),
            Source(name="parties.csv", content=parties.encode()),
        ],
    )
    assert (result.accepted, result.rejected) == (1, 3)
    found = [(e.file, e.row, e.column, e.value) for e in result.errors]
    assert found == [
        ("reports.csv", 2, "external_ref", "#REF!"),
        ("reports.csv", 2, "narrative", "#VALUE!"),
        ("reports.csv", 3, "loss_amount", "#DIV/0!"),
        ("parties.csv", 2, "full_name", "#NAME?"),
        ("parties.csv", 2, "id_number", "Err:502"),
    ]
    first = result.errors[0].reason
    assert first.startswith("'#REF!' is a spreadsheet error (a formula pointing to a cell")
    assert "correct the formula, or type the value in its place" in first
    assert "LibreOffice's error number 502" in result.errors[-1].reason
    stored = session.scalars(select(Report.external_ref)).all()
    assert stored == ["MY-4"]
    assert session.scalars(select(Party.full_name)).all() == ["Ahmad"]


def test_an_error_value_is_listed_beside_the_rows_other_errors(
    session: Session, agencies: dict[str, Caller]
) -> None:
    reports = REPORTS + "MY-1,2026-03-01,investment,sms,#N/A,,blue,#REF!\n"
    result = _submit(session, agencies["MY-NSRC"], [Source("r.csv", content=reports.encode())])
    columns = [e.column for e in result.errors]
    assert columns == ["narrative", "loss_amount", "mark"]
    assert _count(session, Report) == 0


def test_an_xlsx_error_cell_is_refused_naming_its_sheet_row_and_column(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A cell pasted as a value keeps its error: <c t="e"><v>#DIV/0!</v></c>.
    header = ["external_ref", "reported_at", "scam_type", "channel", "loss_amount", "mark"]
    book = workbook({"reports": [header, ["MY-1", "2026-03-01", "investment", "sms", 1, "red"]]})
    book = changed(
        book,
        {
            "xl/worksheets/sheet1.xml": lambda x: x.replace(
                b'<c r="E2" t="n"><v>1</v></c>', b'<c r="E2" t="e"><v>#DIV/0!</v></c>'
            )
        },
    )
    result = _submit(session, agencies["MY-NSRC"], [Source("cases.xlsx", content=book)])
    assert [(e.file, e.row, e.column, e.value) for e in result.errors] == [
        ("reports", 2, "loss_amount", "#DIV/0!")
    ]
    assert "a formula dividing by zero" in result.errors[0].reason
    assert _count(session, Report) == 0


def test_a_json_error_value_names_its_path(session: Session, agencies: dict[str, Caller]) -> None:
    report = doc_report(
        identifiers=[{"kind": "phone", "value": "#VALUE!", "role": "caller"}],
    )
    result = submit(
        session,
        agencies["MY-NSRC"],
        reports=reports_of([report], file="request", limits=Limits()),
        source="api",
        settings=Settings(),
    )
    assert [(e.row, e.column, e.value) for e in result.errors] == [
        (1, "identifiers[0].value", "#VALUE!")
    ]
    assert _count(session, Report) == 0


@pytest.mark.parametrize("text", ["#N/A", "Err:50", "#REF", "see #REF! above", "#hashtag!"])
def test_other_text_is_read_as_before(
    session: Session, agencies: dict[str, Caller], text: str
) -> None:
    # "#N/A" is an empty cell in an optional column, and kept in free text as written.
    result = submit(
        session,
        agencies["MY-NSRC"],
        reports=reports_of([doc_report(narrative=text)], file="request", limits=Limits()),
        source="api",
        settings=Settings(),
    )
    assert result.status == "committed", result.errors
    assert session.scalars(select(Report.narrative)).all() == [text]
