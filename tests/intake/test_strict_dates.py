"""Dates are read whole: nothing after a birth date, and only T or a space before a time."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Party
from counterscam.intake.dates import birth_date_of, moment
from tests.intake.conftest import PARTIES_CSV, REPORTS_CSV
from tests.intake.test_files import csv_set, reports_count, upload


@pytest.mark.parametrize(
    ("written", "rest"),
    [
        ("1990-05-17 junk", "' junk'"),
        ("1990-05-17[Asia/Bangkok]", "'[Asia/Bangkok]'"),
        ("1990-05-17T10:00", "'T10:00'"),
        ("1990-05-17+07:00", "'+07:00'"),
        ("1990-05-17 00:00:00+07:00", "' 00:00:00+07:00'"),  # midnight where? not said
        ("1990/5/17 x", "' x'"),
        ("19900517x", "'x'"),
    ],
)
def test_anything_after_a_birth_date_is_refused_not_dropped(written: str, rest: str) -> None:
    # Only the first ten characters were read: each was stored as 1990-05-17.
    with pytest.raises(ValueError) as caught:
        birth_date_of(written)
    assert str(caught.value) == (
        f"{written!r} has {rest} after the date; a birth date is the date alone: write it "
        "like 1990-05-17"
    )


@pytest.mark.parametrize(
    "written",
    [
        "1990-05-17",
        " 1990-05-17 ",
        "19900517",
        "1990/5/17",
        "1990.05.17",
        "๑๙๙๐-๐๕-๑๗",
        # A database export's date column: midnight is the date's own time, and says no more.
        "1990-05-17 00:00:00",
        "1990-05-17T00:00",
        "1990-05-17T00:00:00.000Z",
    ],
)
def test_every_documented_birth_date_is_still_read(written: str) -> None:
    assert birth_date_of(written) == date(1990, 5, 17)
    # An XLSX date cell arrives as a date-time: its day is the birth date.
    assert birth_date_of(datetime(1990, 5, 17)) == date(1990, 5, 17)


def test_a_birth_date_with_something_after_it_rejects_its_report(
    session: Session, agencies: dict[str, Caller]
) -> None:
    parties = PARTIES_CSV.replace("1990-05-17", "1990-05-17 (approx.)")
    result = upload(session, agencies["MY-NSRC"], csv_set(**{"p.csv": parties}))
    assert result.status == "rejected"
    assert [(e.column, e.value) for e in result.errors] == [("birth_date", "1990-05-17 (approx.)")]
    assert "after the date; a birth date is the date alone" in result.errors[0].reason
    assert reports_count(session) == 0 and session.scalars(select(Party)).all() == []


def _refusal(written: str) -> str:
    with pytest.raises(ValueError) as caught:
        moment(written, "TH")
    return str(caught.value)


@pytest.mark.parametrize(
    ("written", "shown", "instead"),
    [
        ("2026-03-01x10:00", "'x'", "2026-03-01T10:00"),
        ("2026-03-01/10:00", "'/'", "2026-03-01T10:00"),
        ("2026-03-01.10:00:00", "'.'", "2026-03-01T10:00:00"),
        ("2026-03-01_10:00", "'_'", "2026-03-01T10:00"),
        ("20260301x1000", "'x'", "20260301T1000"),
        ("2026-03-01\t10:00", "'\\t' (a tab)", "2026-03-01T10:00"),
        ("2026-03-01\xa010:00", "'\\xa0' (no-break space)", "2026-03-01T10:00"),
        ("2026/3/1x9:05", "'x'", "2026-03-01T09:05"),
        ("2026-03-01x10:00 WIB", "'x'", "2026-03-01T10:00"),
        ("2026-03-01x10:00+07:00[Asia/Bangkok]", "'x'", "2026-03-01T10:00+07:00"),
    ],
)
def test_only_t_or_a_space_may_stand_between_date_and_time(
    written: str, shown: str, instead: str
) -> None:
    # Python's ISO reader takes any character there: each was stored as 10:00 (or 09:05).
    assert _refusal(written) == (
        f"{written!r}: {shown} between the date and the time is not read; write a T or a "
        f"space there, like {instead}"
    )


@pytest.mark.parametrize(
    "written",
    [
        "2026-03-01T10:00",
        "2026-03-01t10:00",
        "2026-03-01 10:00",
        "20260301T1000",
        "2026/3/1 10:00",
        "2026-03-01t10:00 ICT",
        "2026-03-01t10.00 น.",
        "2026-03-01t10:00[Asia/Bangkok]",
        # A date column and a time column joined: two spaces were refused as "not a date".
        "2026-03-01  10:00",
        "2026-03-01   10:00  ICT",
    ],
)
def test_t_and_a_space_still_join_date_and_time(written: str) -> None:
    assert moment(written, "TH") == datetime(2026, 3, 1, 3, tzinfo=UTC)


def test_an_offset_right_after_a_date_is_still_refused_as_one() -> None:
    assert _refusal("2026-03-01+07:00") == (
        "'2026-03-01+07:00' gives the offset +07:00 but no time: add the time, like "
        "2026-03-01T10:00+07:00, or drop the offset"
    )


def test_a_report_time_with_another_separator_rejects_its_report(
    session: Session, agencies: dict[str, Caller]
) -> None:
    reports = REPORTS_CSV.replace("2026-03-02T09:30:00", "2026-03-02/09:30:00")
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert [(e.row, e.column) for e in result.errors] == [(3, "reported_at")]
    assert "between the date and the time is not read" in result.errors[0].reason
