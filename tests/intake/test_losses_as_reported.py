"""Losses and dates as victims and centres state them: ranges, crypto-assets, partner currencies,
accounting negatives and dates with the month as a word, through the API and the parsers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
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
from counterscam.intake.amounts import amount_of
from counterscam.intake.dates import moment
from tests.intake.conftest import doc_report
from tests.intake.test_api import auth

RANGE = "is a range; a loss is one amount"


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as c:
        yield c


@pytest.fixture
def my(session: Session, agencies: dict[str, Caller]) -> dict[str, str]:
    return auth(session, "MY-NSRC")


def _refused(client: TestClient, headers: dict[str, str], **fields: object) -> dict[str, str]:
    answer = client.post("/api/v1/reports", json=doc_report(**fields), headers=headers)
    assert answer.status_code == 422, answer.text
    [error] = answer.json()["errors"]
    return {"column": error["column"], "reason": error["reason"]}


@pytest.mark.parametrize(
    ("written", "currency"),
    [
        # Was "'juta' means a million; write the whole amount in digits", no word of the range.
        ("1-2 juta", "IDR"),
        # Was "uses ',' as the decimal mark or in the wrong place".
        ("1,000-2,000", "MYR"),
        # Was "has '.' more than once but not between groups of three digits".
        ("1.000.000 - 2.000.000", "IDR"),
        ("RM1000-RM2000", None),
        ("RM 1,000 \u2013 RM 2,000", None),
        ("500 to 1000", "USD"),
        ("1.000.000 s/d 2.000.000", "IDR"),
        ("5 tr - 10 tr", "VND"),
        ("1000ถึง2000", "THB"),
    ],
)
def test_a_range_is_refused_as_a_range(
    client: TestClient, my: dict[str, str], written: str, currency: str | None
) -> None:
    error = _refused(client, my, loss_amount=written, loss_currency=currency)
    assert error["column"] == "loss_amount"
    assert RANGE in error["reason"] and "give the range in the narrative" in error["reason"]


@pytest.mark.parametrize("written", ["2026-03-01", "012-345 6789", "1e-3"])
def test_a_date_a_phone_number_or_an_exponent_is_not_called_a_range(written: str) -> None:
    with pytest.raises(ValueError) as caught:
        amount_of(written, "MYR")
    assert RANGE not in str(caught.value)


@pytest.mark.parametrize(("written", "ticker"), [("0.05 BTC", "BTC"), ("1.2 ETH", "ETH")])
def test_a_crypto_asset_is_refused_saying_how_to_give_the_loss(
    client: TestClient, my: dict[str, str], written: str, ticker: str
) -> None:
    # Was "'BTC' is not a currency sign or code; write the number alone".
    error = _refused(client, my, loss_amount=written, loss_currency=None)
    assert error["column"] == "loss_amount"
    assert f"'{ticker}' is a crypto-asset" in error["reason"]
    assert "write the loss in USD as valued on the day it was paid" in error["reason"]
    assert f"give the amount in {ticker} in the narrative" in error["reason"]


def test_a_crypto_asset_in_the_currency_column_is_told_the_same(
    client: TestClient, my: dict[str, str]
) -> None:
    # Was "'BTC' is not a known currency; use an ISO 4217 code such as MYR, ...".
    error = _refused(client, my, loss_amount="0.05", loss_currency="BTC")
    assert error["column"] == "loss_currency"
    assert error["reason"].startswith("'BTC' is a crypto-asset")


def test_a_code_without_a_rate_names_the_table_and_its_codes(
    client: TestClient, my: dict[str, str]
) -> None:
    error = _refused(client, my, loss_amount="100 ZAR", loss_currency=None)
    assert "'ZAR' is not a known currency: it has no USD rate" in error["reason"]
    assert "TWD, USDC), or ask the secretariat to add ZAR" in error["reason"]


@pytest.mark.parametrize(
    ("written", "currency", "amount"),
    [
        # TWD was "'TWD' is not a currency sign or code", NT$ too.
        ("NT$ 3,000", "TWD", "3000.00"),
        ("3000 TWD", "TWD", "3000.00"),
        # USDC, like USDT, has six decimals on chain: rounded to the cent.
        ("250.123456 USDC", "USDC", "250.12"),
        # Currency words were "not a currency sign or code".
        ("25,000 pesos", "PHP", "25000.00"),
        ("5000 yen", "JPY", "5000.00"),
        ("300000 won", "KRW", "300000.00"),
        ("3000 yuan", "CNY", "3000.00"),
    ],
)
def test_partner_currencies_and_stablecoins_are_valued_at_the_dated_rate(
    client: TestClient,
    session: Session,
    my: dict[str, str],
    written: str,
    currency: str,
    amount: str,
) -> None:
    body = doc_report(
        loss_amount=written,
        loss_currency=None,
        reported_at="2025-06-20",
        incident_at="2025-06-15T21:00:00",
    )
    answer = client.post("/api/v1/reports", json=body, headers=my)
    assert answer.status_code == 201, answer.text
    stored = session.scalars(select(Report)).one()
    assert (str(stored.loss_amount), stored.loss_currency) == (amount, currency)
    rate = reference.fx_rate(currency, date(2025, 6, 15))
    assert stored.loss_usd == (Decimal(amount) * rate).quantize(Decimal("0.01"))
    assert stored.fx_date == date(2025, 6, 15)


def test_twd_has_its_own_rate_in_every_month_of_the_table() -> None:
    table = reference.reference().fx
    rates = {table.rate("TWD", date(year, month, 1)) for year, month in table.months}
    assert all(Decimal("0.029") < rate < Decimal("0.035") for rate in rates)
    assert reference.fx_rate("USDC", date(2024, 2, 1)) == 1
    assert reference.shown_decimals("TWD") == reference.shown_decimals("USDC") == 2


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        # Was "it has '(' before the number and ')' after it".
        (
            "(500)",
            "an amount in brackets is negative in accounting; a loss is written as a "
            "positive amount without brackets, like 500",
        ),
        ("RM (1,200.00)", "like 1,200.00"),
        # Was "'-' is not a currency sign or code".
        ("500.00-", "a '-' after the number marks a negative amount in accounting exports"),
        # U+2212, the minus sign of word processors, was "'\u2212' is not a currency sign".
        ("\u2212500", "is negative; a loss is written as a positive amount"),
    ],
)
def test_accounting_negatives_are_refused_as_negative(written: str, reason: str) -> None:
    with pytest.raises(ValueError) as caught:
        amount_of(written, "MYR")
    assert reason in str(caught.value)


@pytest.mark.parametrize(("written", "example"), [("1.2m", "1200000"), ("RM 3.5M", "3500000")])
def test_m_is_refused_with_the_figure_of_the_number_written(written: str, example: str) -> None:
    # "1.2m" was told "like 1500000", a figure of no one's loss.
    with pytest.raises(ValueError) as caught:
        amount_of(written, "MYR")
    assert f"like {example} if a million is meant" in str(caught.value)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("Jan 5 2026", "2026-01-05"),  # the comma left out: was the example 2026-03-01
        ("Hunyo 5 2026 10:00", "2026-06-05"),
        ("01 Thg 8 2026", "2026-08-01"),  # Vietnamese abbreviation of "tháng"
    ],
)
def test_more_month_word_dates_are_told_their_iso_form(written: str, iso: str) -> None:
    with pytest.raises(ValueError) as caught:
        moment(written, "PH")
    assert f"Write the month as a number, year first, like {iso}" in str(caught.value)


def test_a_month_without_its_day_is_told_to_give_the_day() -> None:
    with pytest.raises(ValueError) as caught:
        moment("2026-03", "MY")
    assert "It gives the month but not the day: write the day too, like 2026-03-01" in str(
        caught.value
    )


@pytest.mark.parametrize("written", ["today", "unknown", "yesterday"])
def test_words_without_a_date_are_not_told_to_write_a_month_as_a_number(written: str) -> None:
    with pytest.raises(ValueError) as caught:
        moment(written, "MY")
    assert str(caught.value) == (
        f"{written!r} is not a date; write an ISO 8601 date like 2026-03-01 or a date-time "
        "like 2026-03-01T10:00:00+08:00"
    )


@pytest.mark.parametrize(
    ("written", "digits"),
    [
        # Each was "'သိန်း' is not a currency sign or code", no figure to write.
        ("\u1045\u1040 သိန်း", "5000000"),  # Myanmar digits and the lakh: 50 lakh kyats
        ("50 lakhs kyats", "5000000"),
        ("5 លាន", "5000000"),  # Khmer million
        ("3 ແສນ", "300000"),  # Lao hundred thousand
        ("2 milyon", "2000000"),  # Filipino
        ("5 libo", "5000"),
    ],
)
def test_multiples_in_the_regions_languages_are_told_their_digits(
    written: str, digits: str
) -> None:
    with pytest.raises(ValueError) as caught:
        amount_of(written, None)
    assert f"write the whole amount in digits, like {digits}" in str(caught.value)


def test_the_largest_loss_accepted_comes_back_to_the_cent(
    client: TestClient, session: Session, my: dict[str, str]
) -> None:
    # SQLite keeps a Numeric as a binary float: up to the old limit of 1e17,
    # 99,999,999,999,999.99 came back as ...98.
    body = doc_report(loss_amount="9999999999999.99", loss_currency="USD")
    answer = client.post("/api/v1/reports", json=body, headers=my)
    assert answer.status_code == 201, answer.text
    session.expire_all()
    assert str(session.scalars(select(Report.loss_amount)).one()) == "9999999999999.99"
    error = _refused(client, my, loss_amount="10000000000000", loss_currency="USD")
    assert "is too large: a loss is less than 10,000,000,000,000" in error["reason"]
