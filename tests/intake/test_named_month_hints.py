"""Dates with the month as a word are refused with the very date to write, not an example."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.intake.dates import moment
from tests.intake.test_files import reports_count, upload


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        # Thai, abbreviated and in full, in the Buddhist era: told the common-era date.
        ("30 พ.ย. 2568", "like 2025-11-30 (2568 is a Thai Buddhist-era year"),
        ("15 มี.ค.2569", "like 2026-03-15 (2569 is a Thai Buddhist-era year"),
        ("30 พฤศจิกายน 2568", "like 2025-11-30"),
        ("15 Ogos 2025", "like 2025-08-15"),  # Malay
        ("17 Agustus 2025", "like 2025-08-17"),  # Indonesian
        ("12 Disyembre 2025", "like 2025-12-12"),  # Filipino
        ("ngày 5 tháng 2 năm 2026", "like 2026-02-05"),  # Vietnamese
        ("15-Mar-2026", "like 2026-03-15"),  # Excel's d-mmm-yyyy
        ("March 15, 2026", "like 2026-03-15"),
        ("5 Mei 2026 10:00", "like 2026-05-05"),
    ],
)
def test_a_date_with_a_month_name_is_told_its_iso_form(written: str, iso: str) -> None:
    with pytest.raises(ValueError) as caught:
        moment(written, "TH")
    assert f"Write the month as a number, year first, {iso}" in str(caught.value)


# 2 March 2026 is a Monday: a day name that is not the date's leaves which is wrong unsaid.
@pytest.mark.parametrize("written", ["31 April 2026", "1 Foo 2026", "Tuesday 2 March 2026"])
def test_no_date_is_made_up_when_the_words_do_not_make_one(written: str) -> None:
    with pytest.raises(ValueError) as caught:
        moment(written, "TH")
    assert "year first, like 2026-03-01" in str(caught.value)  # the usual example


def test_the_import_names_the_date_to_write(session: Session, agencies: dict[str, Caller]) -> None:
    csv = (
        "external_ref,reported_at,scam_type,channel,mark\nMY-1,30 พ.ย. 2568,investment,sms,green\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": csv.encode()})
    assert reports_count(session) == 0
    assert [(e.row, e.column) for e in result.errors] == [(2, "reported_at")]
    assert "like 2025-11-30" in result.errors[0].reason
