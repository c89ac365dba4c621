"""Phone numbers and e-wallets written the ways people in the member countries write them:
a Lao mobile without its 20, an international prefix written apart from the country code,
and a wallet's name after a word for "wallet" or glued to its number."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterscam.identifiers import canonicalize, guess_kind
from tests.identifiers.forms import reason, value

_SUBSCRIBER = st.from_regex(r"[23579][0-9]{7}", fullmatch=True)


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("5512 3456", "LA"),
        ("5512-3456", "LA"),
        ("55 123 456", "LA"),
        ("໕໕໑໒ ໓໔໕໖", "LA"),
        ("+856 5512 3456", None),
        ("+856 5512 3456", "TH"),
        ("(+856) 5512-3456", "MY"),
        ("020 5512 3456", "LA"),
        ("+856 20 5512 3456", None),
    ],
)
def test_a_lao_mobile_written_without_its_20_is_the_mobile(raw: str, country: str | None) -> None:
    assert value("phone", raw, country) == "phone:+8562055123456"


@given(_SUBSCRIBER)
def test_every_lao_mobile_meets_its_writing_without_20(subscriber: str) -> None:
    full = phonenumbers.parse("+85620" + subscriber)
    as_written = phonenumbers.parse("+856" + subscriber)
    if not phonenumbers.is_valid_number(full) or phonenumbers.is_valid_number(as_written):
        return  # a landline as written (21 234 567) stays one; no such mobile range
    expected = f"phone:+85620{subscriber}"
    spaced = f"{subscriber[:4]} {subscriber[4:]}"
    assert value("phone", spaced, "LA") == expected
    assert value("phone", f"+856 {spaced}", "MY") == expected


def test_a_lao_landline_as_written_is_not_moved_to_a_mobile() -> None:
    assert value("phone", "2123 4567", "LA") == "phone:+85621234567"  # Vientiane 021


def test_eight_digits_in_another_country_are_not_read_as_lao() -> None:
    assert not value("phone", "9123 4567", "SG").startswith("phone:+856")


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # Read as 00 and the rest these are North American numbers (+1 659 Alabama, +1 662
        # Mississippi); the space says 001 was dialled before the country code.
        ("001 65 9234 5678", "TH", "+6592345678"),
        ("001-65-9234-5678", "ID", "+6592345678"),
        ("001 66 2 234 5678", "SG", "+6622345678"),
        ("007 66 2 234 5678", "KH", "+6622345678"),
        # Read as 00 and the rest these are Croatian and Chilean numbers.
        ("003 855 12 345 678", "TH", "+85512345678"),
        ("005 673 871 2345", "TH", "+6738712345"),
    ],
)
def test_an_idd_written_apart_from_the_country_code_is_the_prefix(
    raw: str, country: str, expected: str
) -> None:
    assert value("phone", raw, country) == f"phone:{expected}"


@pytest.mark.parametrize("raw", ["00 1 659 234 5678", "001 659 234 5678", "+1 659 234 5678"])
def test_a_north_american_number_after_00_keeps_its_reading(raw: str) -> None:
    assert value("phone", raw, "TH") == "phone:+16592345678"


@given(st.from_regex(r"[89][0-9]{7}", fullmatch=True), st.sampled_from(["001", "007", "008"]))
def test_a_singapore_number_after_a_regional_prefix_is_singapores(
    subscriber: str, prefix: str
) -> None:
    number = phonenumbers.parse("+65" + subscriber)
    if not phonenumbers.is_valid_number(number):
        return
    raw = f"{prefix} 65 {subscriber[:4]} {subscriber[4:]}"
    assert value("phone", raw, "TH") == f"phone:+65{subscriber}"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # A word for "wallet" or for the account before the wallet's name.
        ("Wallet GCash 0917 123 4567", "PH", "gcash:+639171234567"),
        ("eWallet: GCash 0917 123 4567", "PH", "gcash:+639171234567"),
        ("Dompet DANA 0812 3456 7890", "ID", "dana:+6281234567890"),
        ("No. DANA 0812-3456-7890", "ID", "dana:+6281234567890"),
        ("Ví ZaloPay 0901234567", "VN", "zalopay:+84901234567"),
        ("Số MoMo: 0168 123 4567", "VN", "momo:+84381234567"),
        ("กระเป๋าเงิน ทรูมันนี่ 081-234-5678", "TH", "truemoney:+66812345678"),
        ("កាបូប Wing 012 345 678", "KH", "wing:+85512345678"),
        # Thai, Khmer and Burmese put no space between the name and the number.
        ("ทรูมันนี่0812345678", "TH", "truemoney:+66812345678"),
        ("พร้อมเพย์๐๘๑๒๓๔๕๖๗๘", "TH", "promptpay:+66812345678"),
        ("វីង012345678", "KH", "wing:+85512345678"),
        ("ကေပေး၀၉၄၂၅၀၁၂၃၄၅", "MM", "kbzpay:+959425012345"),
        # A Lao wallet's number without its 20.
        ("M-Money 5512 3456", "LA", "mmoney:+8562055123456"),
        ("U-Money ໙໕໑໒ ໓໔໕໖", "LA", "umoney:+8562095123456"),
    ],
)
def test_ewallets_written_as_people_write_them(raw: str, country: str, expected: str) -> None:
    assert value("ewallet", raw, country) == f"ewallet:{expected}"


def test_a_wallet_word_alone_still_names_no_wallet() -> None:
    assert "does not say which e-wallet" in reason("ewallet", "Wallet 0812345678", "TH")
    assert "'XYZPay' names none known" in reason("ewallet", "Wallet XYZPay 0812345678", "TH")


def test_detect_automatically_takes_a_lao_mobile_without_20_as_a_phone() -> None:
    assert guess_kind("5512 3456", country="LA") == "phone"
    assert canonicalize("phone", "5512 3456", country="LA").country == "LA"
