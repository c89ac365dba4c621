"""Files and values as other offices' software writes them: a reason that says how to fix it."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Report
from counterscam.intake.schema import amount_of, birth_date_of, moment
from tests.intake.conftest import REPORTS_CSV
from tests.intake.test_files import _sheet, reports_count, upload
from tests.workbooks import workbook


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,500.50", "12500.50"),
        ("1,234", "1234.00"),
        ("0.125", "0.12"),
        ("12 500", "12500.00"),
        # Dot thousands with a comma decimal mark (Indonesia, Viet Nam) have one reading.
        ("1.234,56", "1234.56"),
        ("1.234.567", "1234567.00"),
        ("฿1,200", "1200.00"),
    ],
)
def test_amounts_with_comma_thousands(text: str, expected: str) -> None:
    assert amount_of(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("12,50", "',' as the decimal mark"),
        ("1,2345", "',' as the decimal mark"),
        ("12.500", "ambiguous"),
        ("1.234,5.6", "',' as the decimal mark"),
        ("$1,200", "can be AUD, BND, CAD, HKD, NZD, SGD or USD"),
    ],
)
def test_amounts_in_other_conventions_are_refused_not_misread(text: str, fragment: str) -> None:
    # Dropping the comma of "1.234,56" used to store 1.23; "12,50" would be 1250.
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
        # Two separators that differ are no year-first date: told the form to write.
        ("2026/03-01", "Write it with '-' and two-digit month and day: 2026-03-01"),
        ("2026/02/30", "There is no day 2026-02-30"),
        # It was told to write the year 0000 as "0-01-01".
        ("0000-01-01", "There is no year 0000: check the year"),
    ],
)
def test_dates_written_other_ways_get_a_hint(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=r".*") as caught:
        moment(text, "TH")
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The year first is never read another way: other separators, no zeros.
        ("2026/03/01", "2026-02-28T17:00:00+00:00"),  # midnight in Bangkok
        ("2026/3/1", "2026-02-28T17:00:00+00:00"),
        ("2026.03.01", "2026-02-28T17:00:00+00:00"),
        ("2026-3-1", "2026-02-28T17:00:00+00:00"),
        ("2026/3/1 10:00", "2026-03-01T03:00:00+00:00"),
        ("2026/03/01 10:00 WIB", "2026-03-01T03:00:00+00:00"),
        ("2026.03.01 10.30 น.", "2026-03-01T03:30:00+00:00"),
    ],
)
def test_year_first_dates_with_other_separators_are_read(text: str, expected: str) -> None:
    assert moment(text, "TH").isoformat() == expected


def test_year_first_birth_dates_with_other_separators_are_read() -> None:
    assert birth_date_of("1990/5/17").isoformat() == "1990-05-17"
    with pytest.raises(ValueError, match="write it like 1990-05-17"):
        birth_date_of("1990/17/5")


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


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _windows_1258(text: str) -> bytes:
    """Encode as Windows does: a letter it has whole, else the letter and its tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += (letter + "".join(c for c in parts if c in _TONES)).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    "narrative",
    [
        "Lừa đảo qua điện thoại",
        # "đầu" is three bytes from 0xA1 up, which the Thai guess took for Thai.
        "Tiền đầu tư",
    ],
)
def test_vietnamese_in_windows_1258_is_named(
    session: Session, agencies: dict[str, Caller], narrative: str
) -> None:
    content = _windows_1258(REPORTS_CSV.replace("First", narrative))
    result = upload(session, agencies["MY-NSRC"], {"r.csv": content})
    reason = result.errors[0].reason
    assert "probably saved as Windows-1258 (Vietnamese)" in reason, reason
    assert narrative.split()[0] in reason  # the guess shows the text as it was meant
    assert reports_count(session) == 0


def test_thai_keeps_its_guess_beside_vietnamese(
    session: Session, agencies: dict[str, Caller]
) -> None:
    content = REPORTS_CSV.replace("First", "แก๊งคอลเซ็นเตอร์").encode("cp874")
    result = upload(session, agencies["MY-NSRC"], {"r.csv": content})
    assert "Windows-874 (Thai" in result.errors[0].reason


def test_xlsx_escapes_excel_writes_are_decoded(
    session: Session, agencies: dict[str, Caller]
) -> None:
    header = _sheet(REPORTS_CSV)[0]

    def row(ref: str, narrative: str) -> list[object]:
        return [
            ref,
            datetime(2026, 3, 1),
            None,
            "investment",
            "sms",
            *[None] * 5,
            narrative,
            "green",
        ]

    book = workbook(
        {
            "reports": [
                header,
                # How Excel stores a carriage return, and a typed "_x000D_" (its "_" escaped).
                row("XL-1_x000D_", "line one_x000D_\nline two"),
                row("XL-2", "file_x005F_x000D_name"),
                row("XL-3", "a_x0000_b"),
            ]
        }
    )
    result = upload(session, agencies["MY-NSRC"], {"b.xlsx": book}, keep_valid=True)
    assert [(e.file, e.row, e.column) for e in result.errors] == [("reports", 4, "narrative")]
    assert "NUL character" in result.errors[0].reason
    stored = {r.external_ref: r.narrative for r in session.scalars(select(Report))}
    assert stored == {"XL-1": "line one\r\nline two", "XL-2": "file_x000D_name"}


def test_a_european_amount_rejects_its_report(
    session: Session, agencies: dict[str, Caller]
) -> None:
    reports = REPORTS_CSV.replace('"12,500.50"', '"12500,50"')
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert (result.accepted, result.rejected) == (1, 1) or result.status == "rejected"
    assert [(e.row, e.column) for e in result.errors] == [(2, "loss_amount")]


def test_dot_thousands_and_a_comma_decimal_mark_are_read(
    session: Session, agencies: dict[str, Caller]
) -> None:
    reports = REPORTS_CSV.replace('"12,500.50"', '"12.500,50"')
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert result.status == "committed", result.errors
    amounts = session.scalars(select(Report.loss_amount).order_by(Report.external_ref))
    assert [str(a) for a in amounts] == ["12500.50", "300.00"]
