"""Forms an outside verifier wrote as police exports hold them: Messenger and Facebook's new
profile links, spreadsheet-damaged account numbers, holder names after a wallet number,
Indonesia's 017 prefix, Singapore's "(0)", a token named as the chain."""

from __future__ import annotations

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize

ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"


def _value(kind: str, raw: str, country: str | None = None, qualifier: str | None = None) -> str:
    found = canonicalize(kind, raw, country=country, qualifier=qualifier)
    return f"{found.kind}:{found.value}"


def _reason(kind: str, raw: str, country: str | None = None) -> str:
    with pytest.raises(InvalidIdentifier) as caught:
        canonicalize(kind, raw, country=country)
    return caught.value.reason


@pytest.mark.parametrize("kind", ["handle", "url"])
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://www.messenger.com/t/scam.page", "handle:facebook:scam.page"),
        ("messenger.com/t/100012345678901", "handle:facebook:100012345678901"),
        ("https://www.facebook.com/messages/t/100012345678901", "handle:facebook:100012345678901"),
        ("https://www.facebook.com/p/John-Doe-100012345678901/", "handle:facebook:100012345678901"),
        (
            "https://web.facebook.com/p/Scam-Shop-Official-61551234567890/?mibextid=ZbWKwL",
            "handle:facebook:61551234567890",
        ),
        ("https://www.facebook.com/p/61551234567890/", "handle:facebook:61551234567890"),
    ],
)
def test_messenger_and_new_profile_links_name_the_account(
    kind: str, raw: str, expected: str
) -> None:
    # They were read as the accounts "t" and "p", which glued every such report together.
    assert _value(kind, raw) == expected


def test_a_new_profile_link_meets_the_numeric_profile_link() -> None:
    numeric = _value("handle", "https://www.facebook.com/profile.php?id=100012345678901")
    assert _value("handle", "https://www.facebook.com/p/John-Doe-100012345678901/") == numeric


def test_an_instagram_p_link_is_still_a_post() -> None:
    assert _value("url", "https://www.instagram.com/p/Cabc123/").startswith("url:https://")
    assert "enter it as a url" in _reason("handle", "https://www.instagram.com/p/Cabc123/")


@pytest.mark.parametrize(
    "raw",
    [
        "https://www.facebook.com/scam.page.",
        "(https://www.facebook.com/scam.page)",
        "<https://www.facebook.com/scam.page>,",
    ],
)
def test_a_profile_link_from_a_sentence_loses_the_sentence_punctuation(raw: str) -> None:
    assert _value("handle", raw) == "handle:facebook:scam.page"


@pytest.mark.parametrize(
    "raw", ["Telegram - @scam_admin", "@scam_admin - Telegram", "TG | scam_admin"]
)
def test_a_dash_or_bar_between_platform_and_handle_separates(raw: str) -> None:
    assert _value("handle", raw) == "handle:telegram:scam_admin"


@pytest.mark.parametrize(
    ("raw", "country", "qualifier", "expected"),
    [
        ("Maybank 114012345678.0", "MY", None, "MY:MBBE:114012345678"),
        ("Maybank 1.14012345678E+11", "MY", None, "MY:MBBE:114012345678"),
        ("114012345678.0", "MY", "Maybank", "MY:MBBE:114012345678"),
        ("1.14012345678E+11", "MY", "Maybank", "MY:MBBE:114012345678"),
        ("KBank 1234567890.0", "TH", None, "TH:KASI:1234567890"),
        ("BCEL 010.12.00.01234567.001", "LA", None, "LA:COEB:010120001234567001"),
    ],
)
def test_a_bank_account_a_spreadsheet_stored_as_a_number_is_read(
    raw: str, country: str, qualifier: str | None, expected: str
) -> None:
    assert canonicalize("bank_account", raw, country=country, qualifier=qualifier).value == expected


@pytest.mark.parametrize("raw", ["Maybank 1.14012E+11", "1.14012E+11"])
def test_a_bank_account_in_rounded_scientific_notation_is_refused_saying_why(raw: str) -> None:
    with pytest.raises(InvalidIdentifier) as caught:
        canonicalize("bank_account", raw, country="MY", qualifier=None if " " in raw else "Maybank")
    assert "scientific notation" in caught.value.reason
    assert "format the column as text" in caught.value.reason


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("GCash 09171234567.0", "PH", "gcash:+639171234567"),
        ("GCash 9.171234567E+9", "PH", "gcash:+639171234567"),
        ("Wing 012-345-678 (Sok Dara)", "KH", "wing:+85512345678"),
        ("PayNow 9123 4567 Tan Ah Kow", "SG", "paynow:+6591234567"),
        ("PromptPay 081-234-5678 นายสมชาย ใจดี", "TH", "promptpay:+66812345678"),
        ("PayNow S1234567D Tan Ah Kow", "SG", "paynow:S1234567D"),
        ("GCash 0917 123 4567 (Juan Dela Cruz)", "PH", "gcash:+639171234567"),
        ("Gojek 0812-3456-7890", "ID", "gopay:+6281234567890"),
    ],
)
def test_wallet_numbers_as_exports_write_them(raw: str, country: str, expected: str) -> None:
    # The holder's name was glued into Wing and PayNow IDs (wing:012345678SOKDARA).
    assert canonicalize("ewallet", raw, country=country).value == expected


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        # Was gcash:+639171234579: the exponent's digit taken as the last digit of the number.
        ("GCash 9.17123457E+9", "scientific notation"),
        # Was gcash:+639171234567: letters among the digits were skipped.
        ("GCash 0917 ABC 123 4567", "other characters"),
        ("GCash 0917 123 XXXX", "digits hidden"),
    ],
)
def test_a_damaged_wallet_number_is_refused_not_made_into_another(raw: str, says: str) -> None:
    assert says in _reason("ewallet", raw, "PH")


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("017 60 12 345 6789", "ID", "+60123456789"),
        ("01017 60 12 345 6789", "ID", "+60123456789"),
        ("+65 (0) 9123 4567", "SG", "+6591234567"),
        ("+65 0 9123 4567", "MY", "+6591234567"),
    ],
)
def test_phone_prefixes_written_in_the_region(raw: str, country: str, expected: str) -> None:
    assert canonicalize("phone", raw, country=country).value == expected


def test_a_neighbours_number_tagged_singapore_is_not_taken_as_singaporean() -> None:
    # "092 345 678" is a Cambodian mobile; dropping its 0 would make it a Singapore number.
    assert "Cambodia" in _reason("phone", "092 345 678", "SG")


@pytest.mark.parametrize(("address", "chain"), [(ADDRESS, "eth"), (TRON, "tron")])
def test_a_token_given_as_the_chain_leaves_the_chain_to_the_address(
    address: str, chain: str
) -> None:
    assert _value("crypto_wallet", address, qualifier="USDT") == f"crypto_wallet:{chain}:{address}"


def test_an_evm_address_missing_a_digit_says_so() -> None:
    reason = _reason("crypto_wallet", ADDRESS.lower()[:-1])
    assert "39 hex digits" in reason
    assert "case-sensitive" not in reason


@pytest.mark.parametrize(
    ("raw", "country", "qualifier", "expected"),
    [
        # TrueMoney is a Thai and a Cambodian wallet: a number with its country code says whose,
        # whoever reports it (it was refused in Malaysia and stored as Cambodia's in Cambodia).
        ("TrueMoney +66 81 275 4952", "MY", None, "truemoney:+66812754952"),
        ("TrueMoney +66 81 275 4952", "KH", None, "truemoney:+66812754952"),
        ("+66 81 275 4952", "MY", "TrueMoney", "truemoney:+66812754952"),
        ("TrueMoney 0066 81 275 4952", "SG", None, "truemoney:+66812754952"),
        ("TrueMoney +855 97 123 4567", "TH", None, "truemoney_kh:+855971234567"),
        ("TrueMoney 097 123 4567", "KH", None, "truemoney_kh:+855971234567"),
    ],
)
def test_a_wallet_of_several_countries_is_chosen_by_the_number_s_country_code(
    raw: str, country: str, qualifier: str | None, expected: str
) -> None:
    assert canonicalize("ewallet", raw, country=country, qualifier=qualifier).value == expected


def test_a_wallet_of_several_countries_without_a_country_code_says_how_to_choose() -> None:
    with pytest.raises(InvalidIdentifier) as caught:
        canonicalize("ewallet", "TrueMoney 081 275 4952", country="MY")
    assert "TrueMoney Wallet or TrueMoney Cambodia" in caught.value.reason
    assert "country code" in caught.value.reason
