"""E-wallets of several member countries (GrabPay, ShopeePay) named with a country: the
country is the phone number's."""

from __future__ import annotations

import pytest

from counterscam.identifiers import canonicalize, guess_kind
from tests.identifiers.forms import reason, value


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("ShopeePay MY 012-345 6789", None, "ewallet:shopeepay:+60123456789"),
        ("ShopeePay MY 012-345 6789", "SG", "ewallet:shopeepay:+60123456789"),
        ("ShopeePay (MY) 012-345 6789", None, "ewallet:shopeepay:+60123456789"),
        ("ShopeePay MY: 012-345 6789", None, "ewallet:shopeepay:+60123456789"),
        ("ShopeePay Malaysia 012-345 6789", None, "ewallet:shopeepay:+60123456789"),
        ("ShopeePay Indonesia 0812 3456 7890", "TH", "ewallet:shopeepay:+6281234567890"),
        ("GrabPay SG 8123 4567", None, "ewallet:grabpay:+6581234567"),
        ("GrabPay Singapore 8123 4567", "MY", "ewallet:grabpay:+6581234567"),
        ("GrabPay PH 0917 123 4567", None, "ewallet:grabpay:+639171234567"),
        ("GrabPay Philippines 0917 123 4567", "MY", "ewallet:grabpay:+639171234567"),
        ("GrabPay Việt Nam 0912 345 678", None, "ewallet:grabpay:+84912345678"),
        ("GrabPay TH 081 234 5678", None, "ewallet:grabpay:+66812345678"),
        ("GrabPay SG +65 8123 4567", None, "ewallet:grabpay:+6581234567"),
        ("Touch 'n Go MY 012-345 6789", None, "ewallet:tng:+60123456789"),
    ],
)
def test_a_wallet_named_with_a_country_takes_its_numbers(
    raw: str, country: str | None, expected: str
) -> None:
    # Each was refused: "'MY 012-345 6789' has other characters among them".
    assert value("ewallet", raw, country) == expected
    assert guess_kind(raw, country=country) == "ewallet"


def test_the_country_named_is_the_accounts() -> None:
    found = canonicalize("ewallet", "GrabPay Philippines 0917 123 4567", country="MY")
    assert found.country == "PH"


def test_a_country_given_as_a_separate_wallet_column_reads_the_same() -> None:
    assert value("ewallet", "SG 8123 4567", None, "GrabPay") == "ewallet:grabpay:+6581234567"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Touch 'n Go SG 8123 4567", "names SG, but Touch 'n Go eWallet runs only in MY"),
        ("ShopeePay Laos 020 5555 1234", "names LA, but ShopeePay runs only in MY, SG, TH"),
        ("GrabPay SG +60 12-345 6789", "names SG, but its number has the country code of MY"),
    ],
)
def test_a_country_the_wallet_or_number_contradicts_is_refused(raw: str, expected: str) -> None:
    assert expected in reason("ewallet", raw)


def test_a_lower_case_word_is_no_country_code() -> None:
    # "my" is a word in a sentence, not Malaysia: the value is refused as before.
    assert "other characters" in reason("ewallet", "ShopeePay my 012-345 6789")
