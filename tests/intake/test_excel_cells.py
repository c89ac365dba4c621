"""XLSX cells Excel changed or computed: numbers past 15 digits, and formulas in any column."""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Party, Report
from tests.intake.test_files import reports_count, upload
from tests.workbooks import workbook

REPORTS = [
    ["external_ref", "reported_at", "scam_type", "channel", "mark", "narrative"],
    ["ID-1", "2026-03-01", "investment", "whatsapp", "amber", "first"],
    ["ID-2", "2026-03-02", "investment", "whatsapp", "amber", "second"],
]
PARTIES = ["external_ref", "role", "full_name", "given_name", "family_name", "id_number", "id_kind"]


def _errors(result: Any) -> dict[tuple[str, int, str], list[str]]:
    found: dict[tuple[str, int, str], list[str]] = {}
    for e in result.errors:
        found.setdefault((e.file, e.row, e.column), []).append(e.reason)
    return found


def test_a_16_digit_id_number_excel_saved_as_a_whole_number_is_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # An Indonesian NIK has 16 digits; typed into a General cell, Excel keeps 15 and saves
    # 3201234567890123 as 3201234567890120, a whole number: it was stored so, another person's.
    book = workbook(
        {
            "reports": REPORTS,
            "parties": [
                PARTIES,
                ["ID-1", "mule", "Budi Santoso", None, None, 3201234567890120, "national_id"],
                ["ID-2", "mule", "Siti Aminah", None, None, "3201234567890123", "national_id"],
            ],
        }
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book}, keep_valid=True)
    assert (result.created, result.rejected) == (1, 1)
    (reason,) = _errors(result)[("parties", 2, "id_number")]
    assert "Excel keeps only 15" in reason and "Format the column as Text" in reason
    assert session.scalars(select(Party.id_number)).one() == "3201234567890123"


def test_a_16_digit_whole_number_a_program_wrote_with_every_digit_is_read(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A case system's export can write a NIK as the number 3201234567890123: its sixteenth
    # digit is there, so nothing was lost (Excel would have saved ...120).
    book = workbook(
        {
            "reports": REPORTS[:2],
            "parties": [
                PARTIES,
                ["ID-1", "mule", "Budi Santoso", None, None, 3201234567890123, "national_id"],
            ],
        }
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.errors == [] and result.created == 1
    assert session.scalars(select(Party.id_number)).one() == "3201234567890123"


def test_a_16_digit_account_cell_is_refused_once_for_its_lost_digits(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Beside the lost digits, the account's own check ("does not say which bank") told the
    # officer to fix something else, which would not have brought the digits back.
    book = workbook(
        {
            "reports": REPORTS[:2],
            "identifiers": [
                ["external_ref", "kind", "value", "role"],
                ["ID-1", "bank_account", 4111111111111110, "beneficiary_account"],
            ],
        }
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and reports_count(session) == 0
    assert list(_errors(result)) == [("identifiers", 2, "value")]
    (reason,) = _errors(result)[("identifiers", 2, "value")]
    assert "its last digits are lost" in reason


def test_a_formula_in_a_text_column_is_refused_not_stored_as_its_text(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A full name joined by =C2&" "&D2, or an ID number kept with =TEXT(...), was stored as
    # the formula itself: the officer saw "Budi Santoso", the database held =D2&" "&E2.
    book = workbook(
        {
            "reports": REPORTS,
            "parties": [
                PARTIES,
                ["ID-1", "mule", '=D2&" "&E2', "Budi", "Santoso", "A1234567", "passport"],
                ["ID-2", "mule", "Siti", None, None, '=TEXT(1234567,"A0000000")', "passport"],
            ],
            "identifiers": [
                ["external_ref", "kind", "value", "role"],
                ["ID-2", "phone", '=TEXT(123456789,"0000000000")', "caller"],
            ],
        }
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book}, keep_valid=True)
    assert (result.created, result.rejected) == (0, 2) and reports_count(session) == 0
    errors = _errors(result)
    for where in (
        ("parties", 2, "full_name"),
        ("parties", 3, "id_number"),
        ("identifiers", 2, "value"),
    ):
        (reason,) = errors[where]  # one error: not also "holds more than one phone number"
        assert "It is a spreadsheet formula, and formulas are never run" in reason
        assert "Paste Special > Values" in reason
    assert errors[("parties", 2, "full_name")][0].startswith("the cell holds '=D2&\" \"&E2'")


def test_text_typed_with_a_leading_equals_sign_is_kept(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A Text cell that starts with "=" holds no formula: it is the narrative as typed.
    def as_text(sheets: dict[str, Worksheet]) -> None:
        sheets["reports"]["F2"].data_type = "s"

    rows = [REPORTS[0], [*REPORTS[1][:5], "=== urgent: victim still paying ==="]]
    book = workbook({"reports": rows}, as_text)
    assert upload(session, agencies["MY-NSRC"], {"r.xlsx": book}).created == 1
    assert session.scalars(select(Report.narrative)).one() == "=== urgent: victim still paying ==="
