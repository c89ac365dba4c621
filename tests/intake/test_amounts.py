"""Loss amounts as the ten countries write them: read as meant, or refused saying how to fix."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Report
from counterscam.intake import vocab
from counterscam.intake.amounts import SIGNS, amount_of
from counterscam.intake.records import RawReport
from counterscam.intake.schema import ReportIn
from counterscam.intake.validate import validate
from tests.intake.test_files import upload


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [
        ("1.500.000", "VND", "1500000.00"),
        ("1.500.000", "MYR", "1500000.00"),  # two dot groups have one reading anywhere
        ("1.234.567,89", "IDR", "1234567.89"),
        ("1.234,56", "EUR", "1234.56"),
        ("1.500.000,00", "IDR", "1500000.00"),
        ("1,234,567.89", "MYR", "1234567.89"),
        ("1,50,000", "INR", "150000.00"),  # Indian lakh grouping
        ("12,34,567.50", "INR", "1234567.50"),
        ("1'500'000", "PHP", "1500000.00"),
        ("1\u2019500.25", "SGD", "1500.25"),  # the typographic apostrophe
        ("12 500", "THB", "12500.00"),
        ("12\u00a0500", "THB", "12500.00"),  # no-break space
        ("12\u202f500", "THB", "12500.00"),  # narrow no-break space
        ("1\u2009500\u2009000", "KHR", "1500000.00"),  # thin space
        ("12.3400", "MYR", "12.34"),  # the digits beyond the cent are zeros
        ("12.345678", "USDT", "12.35"),  # a token's on-chain decimals are rounded
        ("0.5", "VND", "0.50"),  # not three digits after the dot: a decimal
        ("1500.000", "MYR", "1500.00"),
    ],
)
def test_separators_as_written_in_the_region(text: str, currency: str, expected: str) -> None:
    assert amount_of(text, currency) == Decimal(expected)


@pytest.mark.parametrize("currency", ["VND", "IDR", "LAK", "KHR", "MMK"])
def test_one_dot_group_is_thousands_where_amounts_have_no_cents(currency: str) -> None:
    assert amount_of("1.500", currency) == Decimal("1500")
    assert amount_of("250.000", currency) == Decimal("250000")


@pytest.mark.parametrize("currency", ["MYR", "SGD", "THB", "PHP", "BND", "USD", None])
def test_one_dot_group_stays_ambiguous_where_amounts_have_cents(currency: str | None) -> None:
    with pytest.raises(ValueError) as caught:
        amount_of("1.500", currency)
    assert str(caught.value) == (
        "'1.500' is ambiguous: if '.' separates thousands write 1500 or 1,500; otherwise "
        "give the cents, like 12.50"
    )


@pytest.mark.parametrize(
    ("text", "currency", "fragment"),
    [
        ("12,50", "MYR", "',' as the decimal mark"),
        ("1 234,56", "EUR", "',' as the decimal mark"),  # ',' decimal only after '.' groups
        ("1.50.000", "IDR", "'.' more than once but not between groups of three"),
        ("1.2.3", "MYR", "'.' more than once"),
        ("12 50", "THB", "a space inside the number"),
        ("1'50", "PHP", "an apostrophe inside the number"),
        ("1500.000", "VND", "1500.000 is not in groups of three digits"),
        ("12.3456", "MYR", "digits beyond the cent, which are not kept; write 12.35"),
        ("1.234,567", "IDR", "digits beyond the cent"),
        ("50k", "MYR", "'k' means thousand; write the whole amount in digits, like 50000"),
        ("RM 100 MYR", "MYR", "'RM' before the number and 'MYR' after it"),
        ("abc", "MYR", "is not an amount; write it like 12500.50"),
        ("Rp -1.500", "IDR", "is negative"),
    ],
)
def test_amounts_with_more_than_one_reading_are_refused(
    text: str, currency: str, fragment: str
) -> None:
    with pytest.raises(ValueError, match=".") as caught:
        amount_of(text, currency)
    assert fragment in str(caught.value)


def test_a_number_cell_with_sub_cent_digits_is_refused_but_float_noise_is_not() -> None:
    with pytest.raises(ValueError, match="beyond the cent"):
        amount_of(12.3456, "MYR")
    assert amount_of(0.1 + 0.2, "MYR") == Decimal("0.30")  # Excel shows 0.3


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [
        ("Rp 1.500.000", "IDR", "1500000"),
        ("Rp. 1.500.000,-", "IDR", "1500000"),  # ",-": no cents
        ("RM1,234.50", "MYR", "1234.50"),
        ("₫1.500.000", "VND", "1500000"),
        ("1.500.000 VND", "VND", "1500000"),
        ("1.500.000đ", "VND", "1500000"),
        ("฿12,000", "THB", "12000"),
        ("₱5,000", "PHP", "5000"),
        ("S$200", "SGD", "200"),
        ("B$200", "BND", "200"),
        ("K 50,000", "MMK", "50000"),
        ("₭ 100.000", "LAK", "100000"),
        ("៛40.000", "KHR", "40000"),
        ("USD 100", "USD", "100"),
        ("100 usdt", "USDT", "100"),
        ("$100", "USD", "100"),
        ("$100", "SGD", "100"),
    ],
)
def test_a_currency_sign_agreeing_with_the_column_is_accepted(
    text: str, currency: str, expected: str
) -> None:
    assert amount_of(text, currency) == Decimal(expected)


def test_every_sign_names_currencies_of_the_fx_table() -> None:
    for sign, codes in SIGNS.items():
        assert codes <= vocab.currency_set(), sign


REPORT = {
    "external_ref": "ID-1",
    "reported_at": "2026-03-01",
    "scam_type": "investment",
    "channel": "whatsapp",
    "mark": "amber",
}


def _validated(**cells: str) -> ReportIn | list[tuple[int, str, str]]:
    raw = RawReport(data={**REPORT, **cells}, file="reports.csv", row=7)
    result = validate(raw, country="ID")
    if isinstance(result, ReportIn):
        return result
    return [(e.row, e.column, e.reason) for e in result]


@pytest.mark.parametrize(
    ("amount", "currency"),
    [
        ("Rp 1.500.000", "IDR"),
        ("₫1.500.000", "VND"),
        ("1.500.000 VND", "VND"),
        ("RM1,234.50", "MYR"),
        ("฿12,000", "THB"),
        ("₱5,000", "PHP"),
        ("S$200", "SGD"),
        ("B$200", "BND"),
        ("₭100", "LAK"),
        ("៛4000", "KHR"),
        ("Ks 50,000", "MMK"),
        ("USD 100", "USD"),
        # An abbreviation's full stop after the sign, and the peso as typed without ₱.
        ("Ks.100", "MMK"),
        ("Ks. 50,000", "MMK"),
        ("RM. 1,200", "MYR"),
        ("P5,000.00", "PHP"),
        ("P 5,000", "PHP"),
    ],
)
def test_an_empty_currency_is_taken_from_the_sign(amount: str, currency: str) -> None:
    for blank in ({}, {"loss_currency": ""}, {"loss_currency": "  "}):
        report = _validated(loss_amount=amount, **blank)
        assert isinstance(report, ReportIn), report
        assert report.loss_currency == currency


def test_the_sign_decides_how_the_amount_is_read() -> None:
    report = _validated(loss_amount="Rp 1.500")  # IDR: '.' before three digits is thousands
    assert isinstance(report, ReportIn) and report.loss_amount == Decimal("1500")


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        (
            # '$' from Indonesia is the US dollar now (test_a_dollar_from_a_member_...).
            {"loss_amount": "¥100"},
            "'¥100': '¥' can be CNY or JPY; fill in loss_currency, or write the amount with "
            "its ISO code, like 100 CNY",
        ),
        (
            {"loss_amount": "K 50,000"},
            "'K 50,000': 'K' can be MMK or PGK; fill in loss_currency, or write the amount "
            "with its ISO code, like 50,000 MMK",
        ),
        (
            {"loss_amount": "RM1,234.50", "loss_currency": "SGD"},
            "'RM1,234.50' is written in MYR ('RM') but loss_currency is SGD; correct one of "
            "them so they agree",
        ),
        (
            {"loss_amount": "$100", "loss_currency": "myr"},
            "'$100' is written in AUD, BND, CAD, HKD, NZD, SGD or USD ('$') but loss_currency "
            "is MYR; correct one of them so they agree",
        ),
        (
            {"loss_amount": "1.500", "loss_currency": "MYR"},
            "'1.500' is ambiguous: if '.' separates thousands write 1500 or 1,500; otherwise "
            "give the cents, like 12.50",
        ),
    ],
)
def test_a_sign_that_does_not_settle_the_currency_is_an_error_at_its_cell(
    cells: dict[str, str], reason: str
) -> None:
    assert _validated(**cells) == [(7, "loss_amount", reason)]


def test_a_dollar_from_a_member_whose_money_is_no_dollar_is_the_us_dollar() -> None:
    # It was refused as one of seven dollars; Indonesia writes its own money as Rp.
    report = _validated(loss_amount="$100")
    assert isinstance(report, ReportIn)
    assert report.loss_amount == Decimal("100")
    assert report.loss_currency == "USD"


def test_rows_without_a_sign_keep_their_rules() -> None:
    missing = _validated(loss_amount="1,500")
    assert missing == [(7, "loss_currency", "give the currency of the loss_amount, like IDR")]
    plain = _validated()
    assert isinstance(plain, ReportIn) and plain.loss_amount is plain.loss_currency is None


AMOUNTS_CSV = (
    "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,mark\n"
    "VN-1,2026-03-01,investment,sms,1.500.000,VND,amber\n"
    "VN-2,2026-03-01,investment,sms,₫1.500,,amber\n"
    'ID-1,2026-03-01,investment,sms,"Rp 1.234.567,89",,amber\n'
    'MY-1,2026-03-01,investment,sms,"RM 12,500.50",MYR,amber\n'
    "MY-2,2026-03-01,investment,sms,$100,MYR,amber\n"
    "MY-3,2026-03-01,investment,sms,12.3456,MYR,amber\n"
)


def test_a_csv_file_of_amounts_as_written(session: Session, agencies: dict[str, Caller]) -> None:
    result = upload(session, agencies["MY-NSRC"], {"r.csv": AMOUNTS_CSV.encode()}, keep_valid=True)
    assert [(e.row, e.column, e.value) for e in result.errors] == [
        (6, "loss_amount", "$100"),
        (7, "loss_amount", "12.3456"),
    ]
    assert "loss_currency is MYR" in result.errors[0].reason
    stored = {
        r.external_ref: (str(r.loss_amount), r.loss_currency)
        for r in session.scalars(select(Report))
    }
    assert stored == {
        "VN-1": ("1500000.00", "VND"),
        "VN-2": ("1500.00", "VND"),
        "ID-1": ("1234567.89", "IDR"),
        "MY-1": ("12500.50", "MYR"),
    }


@pytest.mark.parametrize(
    ("value", "currency", "why"),
    [
        ("50K", "MMK", "usually means thousand"),
        ("1.5K", "MMK", "usually means thousand"),
    ],
)
def test_readings_that_would_store_the_wrong_amount_are_refused(
    value: str, currency: str, why: str
) -> None:
    with pytest.raises(ValueError, match=why):
        amount_of(value, currency)


@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        ("K 50,000", "MMK", "50000.00"),
        ("50,000 K", "MMK", "50000.00"),
        ("1.500.000 đồng", None, "1500000.00"),
        ("1.500.000 dong", "VND", "1500000.00"),
        ("12,000 baht", None, "12000.00"),
    ],
)
def test_kyat_and_local_currency_words(value: str, currency: str | None, expected: str) -> None:
    assert str(amount_of(value, currency)) == expected


@pytest.mark.parametrize("text", ["1" * 5000, "12,3,4" * 800, "abc" * 2000])
def test_a_long_refused_amount_is_quoted_cut_short_in_its_reason(text: str) -> None:
    # The reason repeated a 5,000-digit cell in full (a quote left open runs on so), while
    # the rejection's value column is cut to 200 characters.
    with pytest.raises(ValueError) as refused:
        amount_of(text, "MYR")
    reason = str(refused.value)
    assert len(reason) < 300 and "…" in reason
