"""What a spreadsheet leaves in a file besides reports: a totals row, a column given twice."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from tests.intake.test_files import reports_count, upload
from tests.workbooks import workbook

HEADER = "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,mark"
ROWS = (
    "MY-1,2026-03-01,investment,sms,1000,MYR,green\nMY-2,2026-03-02,investment,sms,500,MYR,green\n"
)


@pytest.mark.parametrize("first", ["Total", "JUMLAH:", "Tổng cộng", "รวม", ""])
def test_a_totals_row_in_a_csv_file_says_to_delete_it(
    session: Session, agencies: dict[str, Caller], first: str
) -> None:
    # It was refused with "required; fill in this column" for reported_at, scam_type, channel
    # and mark: the officer was asked to make a report of the sum.
    text = f"{HEADER}\n{ROWS}{first},,,,1500,,\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()}, keep_valid=True)
    assert (result.created, result.rejected) == (2, 1)
    (error,) = result.errors
    assert (error.row, error.column, error.value) == (4, "", "1500")
    assert "looks like a totals row" in error.reason and "delete the totals row" in error.reason


def test_a_totals_row_of_a_sheet_says_to_delete_it(
    session: Session, agencies: dict[str, Caller]
) -> None:
    rows = [line.split(",") for line in f"{HEADER}\n{ROWS}".strip().split("\n")]
    book = workbook({"reports": [*rows, ["Total", None, None, None, 1500]]})
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.file, e.row, e.column) for e in result.errors] == [("reports", 4, "")]
    assert "looks like a totals row" in result.errors[0].reason


def test_a_report_missing_its_values_is_still_told_each_one(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A reference that is no totals word makes a report with values left out, not a total.
    text = f"{HEADER}\n{ROWS}MY-3,,,,1500,MYR,\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()}, keep_valid=True)
    assert {e.column for e in result.errors} == {"reported_at", "scam_type", "channel", "mark"}


def test_a_column_given_twice_names_both_and_says_which_to_delete(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # "this column appears twice" said neither where the other one was nor what to do.
    text = f"{HEADER},Narrative,narrative\nMY-1,2026-03-01,investment,sms,1000,MYR,green,a,b\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.row, error.column) == (1, "narrative")
    assert error.reason == (
        "this column appears twice (columns H and I), and only one can be read; delete one of "
        "them, or rename it to the column it holds"
    )
