"""Rows hidden in an intake sheet, by Hide or by an AutoFilter, are refused as hidden sheets
are: their rows were imported although no one sending the workbook saw them."""

from __future__ import annotations

import io

from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Identifier
from counterscam.intake.xml_parts import sheet_size
from tests.intake.test_files import reports_count, upload
from tests.intake.test_merged_and_hidden_sheets import IDENTIFIERS, REPORTS, _report
from tests.workbooks import workbook


def test_a_row_hidden_by_a_filter_is_refused_naming_it(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # An analyst filtered the sheet to Malaysia's reports and sent it: the Thai report
    # filtered out of sight was imported with them.
    rows = [REPORTS, _report("MY-1"), _report("TH-1", country="TH"), _report("MY-2")]

    def filter_out(made: dict[str, Worksheet]) -> None:
        made["reports"].auto_filter.ref = "A1:F4"
        made["reports"].row_dimensions[3].hidden = True

    book = workbook({"reports": rows}, filter_out)
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.file, e.row) for e in result.errors] == [("reports", 3)]
    assert "row 3 of the sheet 'reports' is hidden (by Hide or by a filter)" in (
        result.errors[0].reason
    )
    assert "clear the filter" in result.errors[0].reason


def test_hidden_identifier_rows_are_named_and_nothing_is_stored(
    session: Session, agencies: dict[str, Caller]
) -> None:
    identifiers = [IDENTIFIERS] + [
        ["MY-1", "phone", f"012-345 67{n:02d}", "caller", None] for n in range(14)
    ]

    def hide(made: dict[str, Worksheet]) -> None:
        for number in range(3, 15):
            made["identifiers"].row_dimensions[number].hidden = True

    sheets = {"reports": [REPORTS, _report("MY-1")], "identifiers": identifiers}
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": workbook(sheets, hide)})
    assert result.status == "rejected"
    reason = result.errors[0].reason
    assert "rows 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 2 more of the sheet 'identifiers'" in reason
    assert session.scalars(select(Identifier)).first() is None


def test_a_hidden_row_without_values_is_no_reason_to_refuse(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Templates hide the blank rows past the data, formatted but empty.
    def hide(made: dict[str, Worksheet]) -> None:
        made["reports"].row_dimensions[5].hidden = True

    book = workbook({"reports": [REPORTS, _report("MY-1")]}, hide)
    assert upload(session, agencies["MY-NSRC"], {"r.xlsx": book}).created == 1


def test_hidden_rows_are_found_in_the_count_that_reads_every_row_tag_anyway() -> None:
    rows = b"".join(
        b'<row r="%d"%s><c r="A%d"><v>1</v></c></row>'
        % (i, b' spans="1:1" hidden="1"' if i % 1000 == 0 else b"", i)
        for i in range(1, 5000)
    )
    part = b"<worksheet><sheetData>" + rows + b"</sheetData></worksheet>"
    size = sheet_size(io.BytesIO(part), max_elements=None, max_rows=10_000, row_elements=100)
    assert size.hidden == (1000, 2000, 3000, 4000)
