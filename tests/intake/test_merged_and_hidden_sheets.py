"""Workbooks as analysts lay them out: merged cells and hidden sheets, which Excel shows
otherwise than it stores."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Identifier, Report
from counterscam.intake import xlsx_files
from counterscam.intake.xml_parts import MAX_MERGED
from tests.intake.test_files import reports_count, upload
from tests.workbooks import changed, workbook

REPORTS = ["external_ref", "reported_at", "scam_type", "channel", "victim_country", "mark"]
IDENTIFIERS = ["external_ref", "kind", "value", "role", "country"]


def _report(ref: str, country: str | None = "MY") -> list[Any]:
    return [ref, "2026-03-01", "investment", "whatsapp", country, "green"]


def test_a_value_merged_down_several_rows_is_refused_not_kept_for_the_first_row_only(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # An analyst merges the country of two reports from the same victim country: Excel
    # shows MY on both rows but stores it in J2 alone. The second report was stored with
    # no victim country at all, without a word.
    rows = [REPORTS, _report("MY-1"), _report("MY-2", country=None)]
    book = workbook({"reports": rows}, lambda s: s["reports"].merge_cells("E2:E3"))
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.file, e.row, e.column) for e in result.errors] == [
        ("reports", 2, "victim_country"),
        ("reports", 3, "victim_country"),
    ]
    assert "cells E2:E3 are merged" in result.errors[1].reason
    assert "unmerge the cells" in result.errors[1].reason


def test_a_reference_merged_over_a_report_s_identifiers_says_why_the_rows_lack_it(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # One report's three identifiers, its reference merged down their rows: the lower rows
    # were "required; fill in this column", a cell that shows the reference.
    identifiers = [
        IDENTIFIERS,
        ["MY-1", "phone", "012-345 6789", "caller", None],
        [None, "phone", "012-345 6790", "caller", None],
        [None, "url", "https://invest-now.example.com", "website", None],
    ]
    book = workbook(
        {"reports": [REPORTS, _report("MY-1")], "identifiers": identifiers},
        lambda s: s["identifiers"].merge_cells("A2:A4"),
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book}, keep_valid=True)
    assert result.accepted == 0 and reports_count(session) == 0
    merged = [e for e in result.errors if "merged" in e.reason]
    # Each row of the range says so (the lower ones were still "required" beside row 2's).
    assert sorted((e.file, e.row, e.column) for e in merged) == [
        ("identifiers", row, "external_ref") for row in (2, 3, 4)
    ]
    assert not [e for e in result.errors if "required" in e.reason]
    assert "cells A2:A4 are merged: the spreadsheet shows the value of A2" in merged[0].reason


def test_merged_cells_across_columns_name_the_first_cell(
    session: Session, agencies: dict[str, Caller]
) -> None:
    rows = [REPORTS, ["MY-1", "2026-03-01", "investment", "whatsapp", "MY", None]]
    book = workbook({"reports": rows}, lambda s: s["reports"].merge_cells("E2:F2"))
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert ("reports", 2, "victim_country") in [(e.file, e.row, e.column) for e in result.errors]
    assert reports_count(session) == 0


def test_merged_cells_without_a_value_or_past_the_columns_are_formatting(
    session: Session, agencies: dict[str, Caller]
) -> None:
    rows = [REPORTS, _report("MY-1", country=None), _report("MY-2", country=None)]

    def merge(sheets: dict[str, Worksheet]) -> None:
        sheets["reports"].merge_cells("E2:E3")  # empty: a layout left from a template
        sheets["reports"]["H2"] = "note"
        sheets["reports"].merge_cells("H2:I3")  # beyond the named columns, read as nothing
        sheets["reports"].merge_cells("B2:B2")  # one cell

    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": workbook({"reports": rows}, merge)})
    assert result.status == "rejected"  # H2's value is beyond the named columns, as before
    assert all("merged" not in e.reason for e in result.errors)
    rows = [REPORTS, _report("MY-1", country=None), _report("MY-2", country=None)]
    book = workbook({"reports": rows}, lambda s: s["reports"].merge_cells("E2:E3"))
    assert upload(session, agencies["MY-NSRC"], {"r.xlsx": book}).created == 2


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_intake_sheet_is_refused_not_imported_unseen(
    session: Session, agencies: dict[str, Caller], state: str
) -> None:
    # A stale identifiers sheet hidden rather than deleted replaced the report's identifiers
    # with rows the sender never saw.
    sheets = {
        "reports": [REPORTS, _report("MY-1")],
        "identifiers": [IDENTIFIERS, ["MY-1", "phone", "012-345 6789", "caller", None]],
    }

    def hide(made: dict[str, Worksheet]) -> None:
        made["identifiers"].sheet_state = state

    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": workbook(sheets, hide)})
    assert result.status == "rejected" and reports_count(session) == 0
    assert [e.file for e in result.errors] == ["identifiers"]
    assert "the sheet 'identifiers' is hidden" in result.errors[0].reason
    assert session.scalars(select(Identifier)).first() is None


def test_other_hidden_sheets_are_left_alone(session: Session, agencies: dict[str, Caller]) -> None:
    # Lists behind a template's drop-downs are kept on a hidden sheet: not an intake sheet.
    sheets = {"reports": [REPORTS, _report("MY-1")], "lists": [["investment"], ["romance"]]}

    def hide(made: dict[str, Worksheet]) -> None:
        made["lists"].sheet_state = "hidden"

    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": workbook(sheets, hide)})
    assert result.created == 1
    assert session.scalars(select(Report.external_ref)).all() == ["MY-1"]


def test_merged_ranges_are_found_in_a_sheet_read_in_chunks() -> None:
    from counterscam.intake.xml_parts import sheet_size

    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(1, 3000))
    merges = b"".join(b'<x:mergeCell ref="A%d:A%d"/>' % (i, i + 1) for i in range(1, 60_000, 2))
    part = (
        b'<x:worksheet xmlns:x="s"><x:sheetData>'
        + rows
        + b"</x:sheetData><x:mergeCells>"
        + merges
        + b"</x:mergeCells></x:worksheet>"
    )
    size = sheet_size(io.BytesIO(part), max_elements=None, max_rows=10_000, row_elements=100)
    assert len(size.merged) == 30_000 and size.merged[-1] == "A59999:A60000"


def _with_merges(book: bytes, refs: list[str]) -> bytes:
    cells = "".join(f'<mergeCell ref="{ref}"/>' for ref in refs).encode()
    tag = b'<mergeCells count="%d">' % len(refs) + cells + b"</mergeCells>"
    end = b"</sheetData>"
    return changed(book, {"xl/worksheets/sheet1.xml": lambda x: x.replace(end, end + tag)})


def test_a_sheet_of_merged_ranges_past_counting_is_refused(
    session: Session, agencies: dict[str, Caller], monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [REPORTS, _report("MY-1"), _report("MY-2")]
    book = workbook({"reports": rows}, lambda s: None)
    many = _with_merges(book, [f"J{i}:K{i}" for i in range(2, MAX_MERGED + 3)])
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": many})
    assert result.status == "rejected" and reports_count(session) == 0
    assert f"more than {MAX_MERGED:,} merged ranges" in result.errors[0].reason
    # Ranges laid over the same rows again and again (Excel merges no range twice).
    monkeypatch.setattr(xlsx_files, "_MERGED_ROWS", 5)
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": _with_merges(book, ["A2:A3"] * 3)})
    assert "merged cells cover more than 5 rows of data" in result.errors[0].reason
    assert reports_count(session) == 0
