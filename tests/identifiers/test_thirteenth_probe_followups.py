"""Follow-ups of the thirteenth probe of phones, bank accounts and e-wallets: forms it found and
left, each read as DESIGN.md's contract gives it, or refused saying why."""

from __future__ import annotations

import pytest

from tests.identifiers.forms import reason, value

P = "phone"
B = "bank_account"
E = "ewallet"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # ACB's NAPAS code, a colon, a 6-digit account: was "has ': 784852', which is not a
        # known bank" (the code was read as the account, being as long as it).
        ("970416: 784852", "VN:ASCB:784852"),
        ("970416 784852", "VN:ASCB:784852"),
        ("ACB: 784852", "VN:ASCB:784852"),
        ("970416: 78485211", "VN:ASCB:78485211"),
        # The NAPAS code after the account: was "does not say which bank".
        ("0011001234567 970436", "VN:BFTV:0011001234567"),
        ("0011001234567 (970436)", "VN:BFTV:0011001234567"),
    ],
)
def test_a_napas_code_beside_the_account(raw: str, expected: str) -> None:
    assert value(B, raw, "VN") == f"bank_account:{expected}"


def test_a_project_code_written_as_a_bic() -> None:
    # Was "... lists the code XBFL only for BFL (LA), not for a bank in Lao PDR", of a bank in
    # Lao PDR.
    why = reason(B, "XBFLLAXX 4576 1456 5674", "LA")
    assert "XBFL is a code the reference data gave BFL (LA), which has no confirmed BIC" in why
    assert "BFL 4576 1456 5674" in why
    assert "LA:XBFL:457614565674" in why
    assert "not for a bank in" not in why
    assert value(B, "LA:XBFL:457614565674", "LA") == "bank_account:LA:XBFL:457614565674"


@pytest.mark.parametrize("raw", ["Maya/Paymaya 0917 123 4567", "PayMaya/Maya 09171234567"])
def test_two_names_of_one_wallet_with_a_slash(raw: str) -> None:
    # Was "does not say which e-wallet: 'Maya/Paymaya' names none known".
    assert value(E, raw, "PH") == "ewallet:maya:+639171234567"


def test_two_wallets_with_a_slash_are_named() -> None:
    assert "names two e-wallets, GCash and Maya" in reason(E, "GCash/Maya 09171234567", "PH")


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("+66+66812345678", "TH", "phone:+66812345678"),  # was "the wrong number of digits"
        ("+66 +66 81 234 5678", "TH", "phone:+66812345678"),
    ],
)
def test_a_country_code_written_twice(raw: str, country: str, expected: str) -> None:
    assert value(P, raw, country) == expected


def test_two_different_country_codes_are_named() -> None:
    assert "has two country codes, +60 and then +66" in reason(P, "+60+66812345678", "MY")


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("1) 012-345 6789", "MY", "phone:+60123456789"),  # was "too long"
        ("2. 09171234567", "PH", "phone:+639171234567"),  # was "not a valid phone number"
        ("(1) 0917 123 4567", "PH", "phone:+639171234567"),
        ("12. +66 81 234 5678", "TH", "phone:+66812345678"),
        # An area code in brackets starts with 0 and is part of the number.
        ("(02) 123 4567", "TH", "phone:+6621234567"),
    ],
)
def test_a_lists_numbering_is_not_part_of_the_number(raw: str, country: str, expected: str) -> None:
    assert value(P, raw, country) == expected


def test_a_lists_numbering_is_never_glued_in() -> None:
    # "1) 12 345 678" glued would be 112345678; the number without its trunk 0 stays refused.
    assert "not a valid phone number in Cambodia" in reason(P, "1) 12 345 678", "KH")


def test_a_wallet_account_number_said_to_be_one() -> None:
    # Was the Cambodian mobile +855 12 345 678, as a phone and as Wing's account.
    assert value(E, "Wing Account 12345678", "KH") == "ewallet:wing:12345678"
    why = reason(P, "Wing Account 12345678", "KH")
    assert "is a Wing account number" in why
    assert "enter it as kind ewallet" in why
    # Written with its trunk 0, or without "account", it is the phone it reads as.
    assert value(E, "Wing Account 012 345 678", "KH") == "ewallet:wing:+85512345678"
    assert value(E, "Wing 12345678", "KH") == "ewallet:wing:+85512345678"
    assert value(P, "GCash account 09171234567", "PH") == "phone:+639171234567"


@pytest.mark.parametrize("raw", ["PayNow 8123 456", "PayNow 9123456"])
def test_a_singapore_mobile_one_digit_short_is_no_paynow_id(raw: str) -> None:
    # Was kept as the ID paynow:8123456, which no report of the mobile meets.
    why = reason(E, raw, "SG")
    assert "is written as a phone number, not as a PayNow ID" in why
    assert "phone number in Singapore" in why


def test_other_short_paynow_ids_are_kept() -> None:
    assert value(E, "PayNow 81234567", "SG") == "ewallet:paynow:+6581234567"
    assert value(E, "PayNow 201912345K", "SG") == "ewallet:paynow:201912345K"


def test_a_list_number_glued_to_its_bracket() -> None:
    assert value(P, "1)012-345 6789", "MY") == "phone:+60123456789"


@pytest.mark.parametrize(
    ("kind", "raw", "country", "expected"),
    [
        # Were "does not say which e-wallet" and "has '1. Maybank', which is not a known bank".
        (E, "1. GCash 0917 123 4567", "PH", "ewallet:gcash:+639171234567"),
        (E, "2) Maya/PayMaya 0917 123 4567", "PH", "ewallet:maya:+639171234567"),
        (B, "1. Maybank 114012345678", "MY", "bank_account:MY:MBBE:114012345678"),
        (B, "2) BCA 1234567890", "ID", "bank_account:ID:CENA:1234567890"),
    ],
)
def test_a_lists_numbering_before_an_account(
    kind: str, raw: str, country: str, expected: str
) -> None:
    assert value(kind, raw, country) == expected


@pytest.mark.parametrize("raw", ["114012345678", "Maybank 114012345678"])
def test_no_digit_is_lost_to_a_foreign_trunk_prefix(raw: str) -> None:
    # A Maybank account pasted as a phone was +1 401 234 5678 in the United States: the parser
    # took its second 1 for the US trunk prefix.
    assert "too long for a phone number in Malaysia" in reason(P, raw, "MY")


def test_a_country_code_without_plus_keeps_its_number() -> None:
    assert value(P, "660812345678", "TH") == "phone:+66812345678"  # a trunk 0 after the code
    assert value(P, "14155552671", "MY") == "phone:+14155552671"


def test_a_wallet_number_with_its_country_code_stays_a_phone() -> None:
    assert value(E, "wing:85512345678", "KH") == "ewallet:wing:+85512345678"
    assert value(E, "Wing Account 85512345678", "KH") == "ewallet:wing:+85512345678"
