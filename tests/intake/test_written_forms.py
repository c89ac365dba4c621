"""Files and values as other offices' software writes them: a reason that says how to fix it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.intake.schema import amount_of, birth_date_of, moment
from tests.intake.conftest import REPORTS_CSV
from tests.intake.test_files import reports_count, upload


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12,500.50", "12500.50"), ("1,234", "1234.00"), ("0.125", "0.12"), ("12 500", "12500.00")],
)
def test_amounts_with_comma_thousands(text: str, expected: str) -> None:
    assert amount_of(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("1.234,56", "',' as the decimal mark"),
        ("12,50", "',' as the decimal mark"),
        ("1,2345", "',' as the decimal mark"),
        ("12.500", "ambiguous"),
        ("1.234.567", "ambiguous"),
        ("฿1,200", "no currency sign"),
    ],
)
def test_amounts_in_other_conventions_are_refused_not_misread(text: str, fragment: str) -> None:
    # Dropping the comma of "1.234,56" used to store 1.23.
    with pytest.raises(ValueError, match=fragment):
        amount_of(text)


def test_a_number_cell_is_not_a_separator_question() -> None:
    assert amount_of(1.234) == Decimal("1.23")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2569-03-01", "subtract 543 (2569 is 2026)"),
        ("46082", "spreadsheet date number (46082 is 2026-03-01)"),
        ("01/03/2026", "write the year first, like 2026-03-01"),
        ("1/3/2569", "subtract 543"),
        # Only one reading is a date: it used to be told to write "2025-31-12".
        ("12/31/2025", "Write the year first: 2025-12-31"),
        ("31/12/2025", "Write the year first: 2025-12-31"),
        ("2026/03/01", "2026-03-01"),
        ("2026-3-1", "2026-03-01"),
    ],
)
def test_dates_written_other_ways_get_a_hint(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=r".*") as caught:
        moment(text, "TH")
    assert fragment in str(caught.value)


def test_a_far_future_year_is_not_called_buddhist_era() -> None:
    with pytest.raises(ValueError) as caught:
        moment("9999-12-31", "TH")
    assert "in the future" in str(caught.value) and "Buddhist" not in str(caught.value)


def test_buddhist_era_birth_dates_get_the_hint() -> None:
    with pytest.raises(ValueError, match="subtract 543"):
        birth_date_of("2533-05-17")


FILES = {
    "semicolons": (
        "r.csv",
        REPORTS_CSV.replace(",", ";").replace('"12;500.50"', "12500").encode(),
        "separated by semicolons",
    ),
    "tabs": ("r.csv", REPORTS_CSV.replace(",", "\t").encode(), "separated by tabs"),
    "utf-16 without BOM": ("r.csv", REPORTS_CSV.encode("utf-16-le"), "UTF-16"),
    "thai code page": (
        "r.csv",
        REPORTS_CSV.replace("First", "โทรมาหลอก").encode("cp874"),
        "Windows-874 (Thai",
    ),
    "csv named xlsx": ("r.xlsx", REPORTS_CSV.encode(), "text file (CSV or JSON) with an .xlsx"),
    "0-byte xlsx": ("r.xlsx", b"", "empty (0 bytes)"),
    "xls named xlsx": ("r.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "97-2003"),
}


@pytest.mark.parametrize("case", sorted(FILES))
def test_files_from_other_software_say_how_to_fix_them(
    session: Session, agencies: dict[str, Caller], case: str
) -> None:
    name, content, fragment = FILES[case]
    result = upload(session, agencies["MY-NSRC"], {name: content})
    assert result.status == "rejected", result
    assert any(fragment in e.reason for e in result.errors), result.errors
    assert reports_count(session) == 0


def test_latin_1_keeps_its_guess(session: Session, agencies: dict[str, Caller]) -> None:
    content = REPORTS_CSV.replace("First", "Café").encode("latin-1")
    result = upload(session, agencies["MY-NSRC"], {"r.csv": content})
    assert "Latin-1/Windows-1252" in result.errors[0].reason


def test_a_european_amount_rejects_its_report(
    session: Session, agencies: dict[str, Caller]
) -> None:
    reports = REPORTS_CSV.replace('"12,500.50"', '"12.500,50"')
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert (result.accepted, result.rejected) == (1, 1) or result.status == "rejected"
    assert [(e.row, e.column) for e in result.errors] == [(2, "loss_amount")]
