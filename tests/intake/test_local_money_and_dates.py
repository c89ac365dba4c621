"""Losses and dates as the ten national centres write them, through the API and CSV imports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counterscam import reference
from counterscam.access.caller import Caller
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.models import Report
from counterscam.intake import vocab
from counterscam.intake.amounts import amount_of
from counterscam.intake.dates import _CLOCK_SKEW, moment
from tests.intake.conftest import doc_report
from tests.intake.test_api import auth
from tests.intake.test_files import upload


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as c:
        yield c


@pytest.fixture
def my(session: Session, agencies: dict[str, Caller]) -> dict[str, str]:
    return auth(session, "MY-NSRC")


def _stored(session: Session) -> Report:
    return session.scalars(select(Report)).one()


@pytest.mark.parametrize(
    ("written", "currency"),
    [
        ("100000 kip", "LAK"),  # the kip had only its sign, ₭: its name was "not a currency"
        ("100,000 Kip", "LAK"),
        ("50,000 kyats", "MMK"),
        ("4,000 riel", "KHR"),
        ("5,000 ringgit", "MYR"),
        ("1.500.000 rupiah", "IDR"),
        ("100 บ.", "THB"),
    ],
)
def test_currency_names_in_the_amount_cell_are_read(
    client: TestClient, session: Session, my: dict[str, str], written: str, currency: str
) -> None:
    body = doc_report(loss_amount=written, loss_currency=None)
    answer = client.post("/api/v1/reports", json=body, headers=my)
    assert answer.status_code == 201, answer.text
    stored = _stored(session)
    assert stored.loss_currency == currency
    assert stored.loss_amount == amount_of(written.split()[0], currency)


@pytest.mark.parametrize(
    ("written", "currency", "reason"),
    [
        ("5 juta", "IDR", "'juta' means a million; write the whole amount in digits, like 5000000"),
        ("5jt", "IDR", "'jt' means a million; write the whole amount in digits, like 5000000"),
        (
            "2 triệu",
            "VND",
            "'triệu' means a million; write the whole amount in digits, like 2000000",
        ),
        (
            "3 แสน",
            "THB",
            "'แสน' means a hundred thousand; write the whole amount in digits, like 300000",
        ),
        # A currency before and a multiple after was "has 'RM' before the number and 'k' after".
        ("RM5k", None, "'k' means thousand; write the whole amount in digits, like 5000"),
        ("10K", "MYR", "usually means thousand; write the whole amount in digits (like 10000)"),
        ("1.5M", "USD", "'M' can mean a million, or in Indonesia a thousand million (miliar)"),
    ],
)
def test_words_for_multiples_are_refused_saying_the_digits(
    client: TestClient,
    session: Session,
    my: dict[str, str],
    written: str,
    currency: str | None,
    reason: str,
) -> None:
    body = doc_report(loss_amount=written, loss_currency=currency)
    answer = client.post("/api/v1/reports", json=body, headers=my)
    assert answer.status_code == 422, answer.text
    [error] = answer.json()["errors"]
    assert error["column"] == "loss_amount" and reason in error["reason"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("๑๒,๕๐๐ บาท", ("12500.00", "THB")),  # Thai digits: "๑๐๐" was read, "๑,๐๐๐ บาท" refused
        ("၅၀,၀၀၀ Ks", ("50000.00", "MMK")),  # Myanmar digits
        ("៛៤,០០០", ("4000.00", "KHR")),  # Khmer digits
    ],
)
def test_local_digits_are_read_like_ascii_digits(
    client: TestClient,
    session: Session,
    my: dict[str, str],
    written: str,
    expected: tuple[str, str],
) -> None:
    body = doc_report(loss_amount=written, loss_currency=None)
    answer = client.post("/api/v1/reports", json=body, headers=my)
    assert answer.status_code == 201, answer.text
    stored = _stored(session)
    assert (str(stored.loss_amount), stored.loss_currency) == expected


@pytest.mark.parametrize(("sign", "code"), [("RM", "MYR"), ("baht", "THB"), ("Rp", "IDR")])
def test_a_sign_in_the_currency_column_is_answered_with_its_code(
    client: TestClient, my: dict[str, str], sign: str, code: str
) -> None:
    answer = client.post("/api/v1/reports", json=doc_report(loss_currency=sign), headers=my)
    assert answer.status_code == 422, answer.text
    [error] = answer.json()["errors"]
    assert error["column"] == "loss_currency"
    assert error["reason"].endswith(f"loss_currency takes the ISO 4217 code: write {code}")


def test_the_rate_is_of_the_local_day_not_the_utc_day(
    client: TestClient, session: Session, my: dict[str, str]
) -> None:
    # 2026-03-01 in Kuala Lumpur is 2026-02-28 16:00 UTC: the February rate was used.
    body = doc_report(reported_at="2026-03-01", loss_amount="1000", loss_currency="MYR")
    assert client.post("/api/v1/reports", json=body, headers=my).status_code == 201
    stored = _stored(session)
    assert stored.fx_date == date(2026, 3, 1)
    assert stored.fx_rate == reference.fx_rate("MYR", date(2026, 3, 1))
    assert stored.fx_rate != reference.fx_rate("MYR", date(2026, 2, 28))
    assert stored.loss_usd == (1000 * stored.fx_rate).quantize(Decimal("0.01"))


def test_a_date_before_the_fx_table_names_the_month_of_the_rate_used(
    client: TestClient, session: Session, my: dict[str, str]
) -> None:
    first = reference.reference().fx.months[0]
    body = doc_report(
        reported_at="2026-03-01", incident_at="2015-06-10", loss_amount="1000", loss_currency="MYR"
    )
    assert client.post("/api/v1/reports", json=body, headers=my).status_code == 201
    stored = _stored(session)
    # The report page says "at the rate of <fx_date>": it claimed a 2015 rate the table lacks.
    assert stored.fx_date == date(first[0], first[1], 1)
    assert stored.fx_rate == reference.fx_rate("MYR", date(2015, 6, 10))


def test_the_first_day_of_1990_is_not_before_1990() -> None:
    # Local midnight in Bangkok is still 1989 in UTC: it was refused as "before 1990".
    assert moment("1990-01-01", "TH") == datetime(1989, 12, 31, 17, tzinfo=UTC)
    with pytest.raises(ValueError, match="before 1990"):
        moment("1989-12-31", "TH")


def test_tomorrow_in_the_reporting_country_is_in_the_future() -> None:
    now = datetime.now(UTC)
    today = now.astimezone(vocab.zone("MY")).date()
    assert moment(today.isoformat(), "MY") is not None
    tomorrow = today + timedelta(days=1)
    midnight = datetime.combine(tomorrow, datetime.min.time(), vocab.zone("MY"))
    if midnight - now <= _CLOCK_SKEW + timedelta(minutes=1):
        # Minutes before midnight in Kuala Lumpur, tomorrow is within the slack for a fast
        # clock, and rightly taken (the test failed in CI at 23:51 there): a day further on.
        tomorrow += timedelta(days=1)
    # A day ahead passed the old "now + 1 day" slack.
    with pytest.raises(ValueError, match="is in the future"):
        moment(tomorrow.isoformat(), "MY")


def test_an_incident_a_day_after_the_report_is_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    csv = (
        "external_ref,reported_at,incident_at,scam_type,channel,mark\n"
        "MY-1,2026-03-01,2026-03-02,investment,sms,amber\n"
        "MY-2,2026-03-01,2026-03-01T23:30:00,investment,sms,amber\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": csv.encode()}, keep_valid=True)
    assert [(e.row, e.column, e.reason) for e in result.errors] == [
        (
            2,
            "incident_at",
            "the incident (2026-03-02) is after the day it was reported (2026-03-01); "
            "check both dates",
        )
    ]
    # Same day, a later hour: the report often gives only the day it was taken.
    assert [r.external_ref for r in session.scalars(select(Report))] == ["MY-2"]


def test_a_zone_name_after_the_time_is_read_in_an_import(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # WIB is UTC+7, not Kuala Lumpur's UTC+8; "21.30" is how Indonesian exports write 21:30.
    csv = (
        "external_ref,reported_at,incident_at,scam_type,channel,mark\n"
        "MY-1,2026-03-01 10:00 WIB,2026-02-28 21.30 WIB,investment,sms,amber\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": csv.encode()}, keep_valid=True)
    assert result.errors == []
    stored = _stored(session)
    assert stored.reported_at.replace(tzinfo=UTC) == datetime(2026, 3, 1, 3, tzinfo=UTC)
    assert stored.incident_at is not None
    assert stored.incident_at.replace(tzinfo=UTC) == datetime(2026, 2, 28, 14, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("1/3/26", "The year has two digits: write the whole year first, like 2026-03-01"),
        ("1 Maret 2026", "Write the month as a number, year first, like 2026-03-01"),
        ("1 มีนาคม 2569", "subtract 543, 2026"),
        ("ngày 1 tháng 3 năm 2026", "Write the month as a number"),
        ("๒๕๖๙-๐๓-๐๑", "2569 looks like a Thai Buddhist-era year"),  # Thai digits
    ],
)
def test_other_date_spellings_say_how_to_write_them(written: str, hint: str) -> None:
    with pytest.raises(ValueError) as caught:
        moment(written, "TH")
    assert hint in str(caught.value)
