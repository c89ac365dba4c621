"""Eighth probe of identifiers as analysts in the ten countries type them: Vietnamese digital
banks and short names, Burmese and Thai registered names, BRI and dotted virtual accounts, an
extension after a label, a Thai letter among a number's digits, bullets, an e-mail address at
an IP, a place noted after an IP, a padded IPv4-mapped address, Bitcoin Cash's legacy
addresses, Binance and Trust Wallet's BNB Smart Chain links."""

from __future__ import annotations

import pytest

from counterscam.identifiers import guess_kind
from tests.identifiers.forms import reason, value

EVM = "0x52908400098527886E0F7030069857D2E4169EE7"
USDT_BEP20 = "0x55d398326f99059fF775485246999027B3197955"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("techcom 19031234567890", "VN:VTCB:19031234567890"),
        ("Techcom 1903 1234 5678 90", "VN:VTCB:19031234567890"),
        ("Timo 9021103769279", "VN:XTIM:9021103769279"),
        ("Ngân hàng số Timo 9021103769279", "VN:XTIM:9021103769279"),
        ("Cake 0912345678", "VN:XCAK:0912345678"),
        ("Cake by VPBank 0912345678", "VN:XCAK:0912345678"),
        ("Ubank 0912345678", "VN:XUBK:0912345678"),
    ],
)
def test_vietnamese_digital_banks_and_short_names_are_banks(raw: str, expected: str) -> None:
    # Each "names an unknown bank". Timo, Cake and Ubank have their own interbank bank code
    # (their accounts are not the licence holder's), hence codes of their own.
    assert value("bank_account", raw, "VN") == f"bank_account:{expected}"
    assert guess_kind(raw, country="VN") == "bank_account"


def test_a_digital_bank_is_not_the_bank_whose_licence_it_runs_on() -> None:
    assert value("bank_account", "VPBank 0912345678", "VN") == "bank_account:VN:VPBK:0912345678"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("ရိုးမဘဏ်လီမိတက် 0012345678901", "MM", "MM:YOMA:0012345678901"),
        ("ရိုးမဘဏ် လီမိတက် 0012345678901", "MM", "MM:YOMA:0012345678901"),
        ("ธนาคารกสิกรไทย จำกัด (มหาชน) 123-4-56789-0", "TH", "TH:KASI:1234567890"),
    ],
)
def test_a_registered_name_in_the_local_script_is_read_without_its_legal_form(
    raw: str, country: str, expected: str
) -> None:
    # "Yoma Bank Limited" written in Burmese, and Kasikornbank's Thai registered name, named
    # "an unknown bank": "Limited" and "(Public) Company Limited" are legal forms here too.
    assert value("bank_account", raw, country) == f"bank_account:{expected}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("BRIVA 12345 081234567890", "ID:BRIN:12345081234567890"),
        ("BRIVA 1234508123456789", "ID:BRIN:1234508123456789"),
        ("BCA V.A. 3901 0812 3456 7890", "ID:CENA:3901081234567890"),
        ("BCA V.A 3901081234567890", "ID:CENA:3901081234567890"),
    ],
)
def test_bri_s_and_dotted_virtual_accounts_are_accounts_of_their_bank(
    raw: str, expected: str
) -> None:
    # "BRIVA" (BRI Virtual Account) and "BCA V.A." were read as unknown banks.
    assert value("bank_account", raw, "ID") == f"bank_account:{expected}"


def test_a_virtual_account_s_length_still_needs_its_va() -> None:
    why = reason("bank_account", "BRI 1234508123456789", "ID")
    assert "has 16 digits; a BRI account number has 15 digits, or 15 to 18" in why


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("Telp. 021-1234567 x123", "ID", "phone:+62211234567"),
        ("SĐT 090 123 4567 ext. 12", "VN", "phone:+84901234567"),
        ("โทร 02-123-4567 ต่อ 12", "TH", "phone:+6621234567"),
        ("Malaysia 03-2345 6789 x12", "MY", "phone:+60323456789"),
    ],
)
def test_a_label_and_an_extension_around_one_number_are_read(
    raw: str, country: str, expected: str
) -> None:
    # "is neither a phone number nor an SMS sender name": the label was read, or the
    # extension, but not both.
    assert value("phone", raw, country) == expected
    assert guess_kind(raw, country=country) == "phone"


@pytest.mark.parametrize(
    ("raw", "letter", "place"),
    [
        ("โทร 081-234-567ข", "ข", 16),
        ("081-234-567ข", "ข", 12),
        ("081-234-56ค8", "ค", 11),
    ],
)
def test_a_thai_letter_among_a_numbers_digits_is_named(raw: str, letter: str, place: int) -> None:
    # It was "not a valid phone number in Thailand, but it is a mobile in Cambodia".
    why = reason("phone", raw, "TH")
    assert f"has the letter {letter} (character {place}) among its digits" in why
    assert "Cambodia" not in why
    assert guess_kind(raw, country="TH") == "phone"


def test_a_thai_letter_on_a_digit_key_says_which_key() -> None:
    assert "(on a Thai keyboard ค is the 8 key)" in reason("phone", "081-234-56ค8", "TH")


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("0812345678ครับ", "TH", "phone:+66812345678"),  # a polite word, not a slip
        ("0812345678ค่ะ", "TH", "phone:+66812345678"),
        ("โทร081-234-5678", "TH", "phone:+66812345678"),  # a label joined to the number
        ("0901234567ạ", "VN", "phone:+84901234567"),  # Vietnamese "ạ", a word
    ],
)
def test_a_word_of_another_script_beside_the_digits_stays_a_word(
    raw: str, country: str, expected: str
) -> None:
    assert value("phone", raw, country) == expected


def test_bullets_between_a_numbers_groups_are_said_to_be_no_separator() -> None:
    # It was "neither a phone number nor an SMS sender name".
    why = reason("phone", "081•234•5678", "TH")
    assert "has bullets (•) among its digits; a bullet is not a separator" in why
    assert "enter the number with spaces or dashes (081 234 5678)" in why
    assert "sender name" not in why


@pytest.mark.parametrize("raw", ["a@[192.168.1.1]", "Email: a@[IPv6:2001:db8::1]"])
def test_an_e_mail_address_at_an_ip_is_refused_naming_the_ip(raw: str) -> None:
    # It was "not a domain name: use letters, digits and hyphens between dots".
    why = reason("email", raw)
    assert "is addressed to the IP address" in why
    assert "as kind ip" in why
    assert "not a domain name: use letters" not in why


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("203.0.113.5 (Singapore)", "ip:203.0.113.5"),
        ("203.0.113.5(SG)", "ip:203.0.113.5"),
        ("IP: 203.0.113.5 (Singapore).", "ip:203.0.113.5"),
        ("2001:db8::1 (VPN exit 2)", "ip:2001:db8::1"),
        ("::ffff:203.0.113.005", "ip:203.0.113.5"),
        ("::FFFF:203.000.113.5", "ip:203.0.113.5"),
    ],
)
def test_a_place_noted_after_an_ip_and_a_padded_mapped_address_are_read(
    raw: str, expected: str
) -> None:
    # Refused with the help on how IPv4 or IPv6 addresses are written, which they are.
    assert value("ip", raw) == expected


def test_a_place_noted_after_an_ip_is_guessed_an_ip() -> None:
    assert guess_kind("203.0.113.5 (Singapore)") == "ip"


def test_an_ambiguous_padded_mapped_address_gives_both_readings() -> None:
    why = reason("ip", "::ffff:010.0.113.5")
    assert "010.0.113.5 is 8.0.113.5 to them and 10.0.113.5 to others" in why


@pytest.mark.parametrize(
    "raw",
    [
        "BCH 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        "bitcoincash:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
    ],
)
def test_a_legacy_bitcoin_cash_address_is_not_kept_as_bitcoin(raw: str) -> None:
    # Bitcoin Cash's legacy addresses are Bitcoin's; named BCH, it was kept as btc:1Bv...
    assert "is a Bitcoin Cash (BCH) address" in reason("crypto_wallet", raw)
    assert guess_kind(raw) == "crypto_wallet"


def test_the_same_address_without_bch_is_still_bitcoin() -> None:
    raw = "BTC 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"
    assert value("crypto_wallet", raw) == "crypto_wallet:btc:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"


@pytest.mark.parametrize(
    "raw",
    [
        f"binance:{EVM}",
        f"Binance {EVM.lower()}",
        f"Binance Smart Chain {EVM}",
        f"smartchain:{EVM}",
        f"https://link.trustwallet.com/send?coin=20000714&address={EVM}",
        f"trust://send?asset=c20000714_t{USDT_BEP20}&address={EVM}",
    ],
)
def test_binance_and_trust_wallet_s_smart_chain_are_bnb_smart_chain(raw: str) -> None:
    # Each was kept as eth:0x...: the same address on another chain.
    assert value("crypto_wallet", raw) == f"crypto_wallet:bsc:{EVM}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Binance TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9", "tron:TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"),
        (f"Binance ERC20 {EVM}", f"eth:{EVM}"),
        (f"https://link.trustwallet.com/send?coin=60&address={EVM}", f"eth:{EVM}"),
        (f"https://link.trustwallet.com/send?coin=966&address={EVM}", f"polygon:{EVM}"),
    ],
)
def test_binance_is_the_exchange_beside_another_chain(raw: str, expected: str) -> None:
    assert value("crypto_wallet", raw) == f"crypto_wallet:{expected}"


def test_a_send_link_for_an_unknown_coin_is_refused_not_read_as_ethereum() -> None:
    raw = f"https://link.trustwallet.com/send?coin=99999&address={EVM}"
    assert "is a send link for coin number 99999" in reason("crypto_wallet", raw)


@pytest.mark.parametrize(
    "raw",
    [
        f"https://link.trustwallet.com/send?coin=60&address={EVM}&amount=1",
        f"link.trustwallet.com/send?address={EVM}&coin=60",
        "https://link.trustwallet.com/send?coin=195&address=TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9",
    ],
)
def test_detect_automatically_takes_a_wallet_send_link_for_its_wallet(raw: str) -> None:
    # Guessed a url: a check of the link found nothing, while the wallet was reported.
    assert guess_kind(raw) == "crypto_wallet"


def test_an_address_in_another_site_s_link_stays_its_url() -> None:
    assert guess_kind("https://evil.com/pay?address=TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9") == "url"
