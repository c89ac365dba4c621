"""Payment IDs as victims and officers write them: the label saying what kind of ID it is, a
holder's name before the number, "#", and PromptPay's 15-digit e-Wallet IDs."""

from __future__ import annotations

import pytest

from counterscam.identifiers import canonicalize
from counterscam.identifiers.ewallet import thai_id_check_digit
from tests.identifiers.forms import reason, value

_TAX_FIRST = [0, 1, 0, 5, 5, 5, 6, 1, 2, 3, 4, 5]
# A juristic person's Thai tax ID, with its check digit.
TAX_ID = "".join(map(str, _TAX_FIRST)) + str(thai_id_check_digit(_TAX_FIRST))


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # The label was kept as part of the ID ("duitnow:SSM201901012345").
        ("DuitNow SSM 201901012345", "MY", "ewallet:duitnow:201901012345"),
        ("DuitNow SSM: 201901012345", "MY", "ewallet:duitnow:201901012345"),
        ("DuitNow BRN 201901012345", "MY", "ewallet:duitnow:201901012345"),
        ("DuitNow Passport A12345678", "MY", "ewallet:duitnow:A12345678"),
        (f"PromptPay Tax ID {TAX_ID}", "TH", f"ewallet:promptpay:{TAX_ID}"),
        # Refused as "not a phone number or an ID": the Thai words for taxpayer number.
        (
            f"\u0e1e\u0e23\u0e49\u0e2d\u0e21\u0e40\u0e1e\u0e22\u0e4c "
            f"\u0e40\u0e25\u0e02\u0e1b\u0e23\u0e30\u0e08\u0e33\u0e15\u0e31\u0e27"
            f"\u0e1c\u0e39\u0e49\u0e40\u0e2a\u0e35\u0e22\u0e20\u0e32\u0e29\u0e35 {TAX_ID}",
            "TH",
            f"ewallet:promptpay:{TAX_ID}",
        ),
        (
            f"PromptPay \u0e40\u0e25\u0e02\u0e1c\u0e39\u0e49\u0e40\u0e2a\u0e35\u0e22"
            f"\u0e20\u0e32\u0e29\u0e35 {TAX_ID}",
            "TH",
            f"ewallet:promptpay:{TAX_ID}",
        ),
    ],
)
def test_the_word_naming_the_ids_kind_is_not_part_of_it(
    raw: str, country: str, expected: str
) -> None:
    assert value("ewallet", raw, country) == expected


def test_a_labelled_id_meets_the_same_id_written_bare() -> None:
    labelled = canonicalize("ewallet", "DuitNow SSM 201901012345", country="MY")
    assert labelled == canonicalize("ewallet", "DuitNow 201901012345", country="MY")


@pytest.mark.parametrize(
    "raw",
    ["PromptPay 004999012345678", "PromptPay 004-999-012345678", "promptpay:004999012345678"],
)
def test_a_promptpay_e_wallet_id_is_not_a_foreign_phone(raw: str) -> None:
    # Was promptpay:+4999012345678, a German number: "00" read as the international prefix.
    found = canonicalize("ewallet", raw, country="TH")
    assert (found.value, found.country) == ("promptpay:004999012345678", "TH")
    assert value("ewallet", raw, "TH") == "ewallet:promptpay:004999012345678"


def test_a_promptpay_e_wallet_id_given_as_a_bank_account_is_the_same() -> None:
    found = canonicalize("bank_account", "PromptPay 004999012345678", country="TH")
    assert (found.kind, found.value) == ("ewallet", "promptpay:004999012345678")


def test_a_promptpay_phone_with_its_international_prefix_stays_a_phone() -> None:
    assert value("ewallet", "PromptPay 0066812345678", "TH") == "ewallet:promptpay:+66812345678"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # Refused: "'a.n. Budi 081234567890' has other characters among them".
        ("DANA a.n. Budi 081234567890", "ID", "ewallet:dana:+6281234567890"),
        ("DANA a/n Budi Santoso 0812-3456-7890", "ID", "ewallet:dana:+6281234567890"),
        ("OVO atas nama Budi 0812 3456 7890", "ID", "ewallet:ovo:+6281234567890"),
        # Refused: "'#09171234567' has other characters among them".
        ("GCash #09171234567", "PH", "ewallet:gcash:+639171234567"),
        ("Maya #0917 123 4567", "PH", "ewallet:maya:+639171234567"),
    ],
)
def test_a_holder_or_number_sign_before_the_number_is_not_part_of_it(
    raw: str, country: str, expected: str
) -> None:
    assert value("ewallet", raw, country) == expected


def test_bibd_nexgen_names_bibd() -> None:
    # Refused as an e-wallet ("a bank, enter it as a bank account"), then as a bank account
    # ("an unknown bank 'BIBD NEXGEN'"): BIBD NEXGEN is BIBD's banking app.
    assert value("bank_account", "BIBD NEXGEN 0012345678", "BN") == value(
        "bank_account", "BIBD 0012345678", "BN"
    )


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # Were wing:+12345678901 (US), huione:+1..., bcelone:+1...: eleven digits beginning
        # with 1 were read as a North American number without its "+".
        ("Wing 12345678901", "KH", "ewallet:wing:12345678901"),
        ("Huione 12345678901", "KH", "ewallet:huione:12345678901"),
        ("BCEL One 16012345678", "LA", "ewallet:bcelone:16012345678"),
        # A number written with its country code is taken as written.
        ("Wing +66 81 234 5678", "KH", "ewallet:wing:+66812345678"),
        ("Wing 0066812345678", "KH", "ewallet:wing:+66812345678"),
        ("Wing 012 345 678", "KH", "ewallet:wing:+85512345678"),
        # The wallet's own country code without "+" stays its number.
        ("GCash 639171234567", "PH", "ewallet:gcash:+639171234567"),
    ],
)
def test_a_one_country_wallets_number_is_not_read_as_a_foreign_one(
    raw: str, country: str, expected: str
) -> None:
    assert value("ewallet", raw, country) == expected


@pytest.mark.parametrize(
    ("raw", "country"), [("GCash 12345678901", "PH"), ("KBZPay 12345678901", "MM")]
)
def test_a_phone_wallets_number_read_only_as_a_foreign_one_is_refused(
    raw: str, country: str
) -> None:
    # Was kept as +12345678901, a US number no GCash or KBZPay account has.
    why = reason("ewallet", raw, country)
    assert "+12345678901" in why and f"numbers of {country}" in why
    assert "country code" in why
