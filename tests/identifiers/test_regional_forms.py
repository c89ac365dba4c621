"""Identifiers written the ways people in the ten member countries write them."""

from __future__ import annotations

import pytest

from counterscam.identifiers import guess_kind
from tests.identifiers.forms import reason, value

EVM = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # Viet Nam's 2018 move from 11 to 10 digits: the same subscriber, old and new.
        ("0168 123 4567", "VN", "+84381234567"),
        ("01681234567", "VN", "+84381234567"),
        ("+84 168 123 4567", None, "+84381234567"),
        ("0123 456 7890", "VN", "+84834567890"),
        ("0120 123 4567", "VN", "+84701234567"),
        ("0199 123 4567", "VN", "+84591234567"),
        ("0084 168 123 4567", "MY", "+84381234567"),
        # Other international prefixes than 00.
        ("0011 60 12 345 6789", "MY", "+60123456789"),
        ("001 66 81 234 5678", "MY", "+66812345678"),
        ("008 66 81 234 5678", "PH", "+66812345678"),
        ("019 60 12 345 6789", "SG", "+60123456789"),
        # Dashes a word processor made.
        ("+60–12–345–6789", None, "+60123456789"),
        ("081—234—5678", "TH", "+66812345678"),
        ("+60123456789;ext=12", None, "+60123456789"),
        # Labels in the region's languages, and the country's name.
        ("Telp. 0812-3456-7890", "ID", "+6281234567890"),
        ("โทร 081-234-5678", "TH", "+66812345678"),
        ("เบอร์ 081-234-5678", "TH", "+66812345678"),
        ("SĐT 090 123 4567", "VN", "+84901234567"),
        ("Cel: 0917 123 4567", "PH", "+639171234567"),
        ("WhatsApp: 0123456789", "MY", "+60123456789"),
        ("WA 0123456789", "MY", "+60123456789"),
        ("Mobile No. 012-3456789", "MY", "+60123456789"),
        ("Malaysia 012-345 6789", None, "+60123456789"),
        ("012-345 6789 (Malaysia)", None, "+60123456789"),
        ("Philippines 0917 123 4567", "TH", "+639171234567"),
        ("Thailand +66 81 234 5678", None, "+66812345678"),
        ("my number 081-234-5678", "TH", "+66812345678"),
    ],
)
def test_phone_forms_of_the_region(raw: str, country: str | None, expected: str) -> None:
    assert value("phone", raw, country) == f"phone:{expected}"


def test_a_phone_named_with_another_country_is_refused_with_both() -> None:
    why = reason("phone", "Thailand +60 12 345 6789")
    assert "names Thailand" in why and "Malaysia" in why


def test_a_national_number_of_another_member_says_where_it_is_a_mobile() -> None:
    why = reason("phone", "0917 123 4567", "TH")
    assert "not a valid phone number in Thailand" in why
    assert "Philippines (+63 917 123 4567)" in why


def test_a_country_outside_the_reference_is_named_not_coded() -> None:
    why = reason("phone", "+266 5012 345")
    assert "in Lesotho" in why and "LS" not in why


def test_words_and_a_short_number_stay_a_sender_name() -> None:
    assert value("phone", "GCASH 2FA", "PH") == "sender_id:PH:GCASH 2FA"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("Maybank 5140–1234–5678", "MY", "MY:MBBE:514012345678"),
        ("Acc No: 514012345678 (Maybank)", "MY", "MY:MBBE:514012345678"),
        ("ธ.กสิกรไทย 123-4-56789-0", "TH", "TH:KASI:1234567890"),
        ("ธนาคารกสิกรไทย เลขที่บัญชี 123-4-56789-0", "TH", "TH:KASI:1234567890"),
        ("004 1234567890", "TH", "TH:KASI:1234567890"),
        ("SCB 014-123456789-0", "TH", "TH:SICO:1234567890"),
        ("014 1234567890", "ID", "ID:CENA:1234567890"),
        ("BCA (014) 1234567890", "ID", "ID:CENA:1234567890"),
        ("Bank BCA 1234567890", "ID", "ID:CENA:1234567890"),
        ("No. Rek BCA 1234567890", "ID", "ID:CENA:1234567890"),
        ("BNI 46 0123456789", "ID", "ID:BNIN:0123456789"),
        ("Mandiri 008 1230012345678", "ID", "ID:BMRI:1230012345678"),
        ("BCA Virtual Account 3901 0812 3456 7890", "ID", "ID:CENA:3901081234567890"),
        ("VA BCA 39010812345678901", "ID", "ID:CENA:39010812345678901"),
        ("NH Vietcombank 0071001234567", "VN", "VN:BFTV:0071001234567"),
        ("Số tài khoản: 0071001234567 - Vietcombank", "VN", "VN:BFTV:0071001234567"),
        ("KBZ ဘဏ် 12345678901234567", "MM", "MM:KBZB:12345678901234567"),
    ],
)
def test_bank_accounts_as_written_in_the_region(raw: str, country: str, expected: str) -> None:
    assert value("bank_account", raw, country) == f"bank_account:{expected}"


def test_a_local_bank_code_used_in_two_countries_asks_for_the_country() -> None:
    assert "several countries (ID, TH)" in reason("bank_account", "014 1234567890")


def test_a_long_number_is_a_virtual_account_only_when_it_says_so() -> None:
    why = reason("bank_account", "BCA 3901081234567890", "ID")
    assert "16 digits" in why and "virtual account" in why and "VA" in why


@pytest.mark.parametrize(
    ("raw", "country", "says"),
    [
        ("MY12MBBE0000514012345678", "MY", "Malaysia does not use IBANs"),
        ("TH12 KASI 1234 5678 90", "TH", "Thailand does not use IBANs"),
        ("DE89 3704 0044 0532 0130 00", None, "an IBAN of an account in Germany"),
    ],
)
def test_an_iban_is_refused_saying_why(raw: str, country: str | None, says: str) -> None:
    why = reason("bank_account", raw, country)
    assert says in why and "like Maybank 5140 1234 5678" in why


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("ทรูมันนี่ 0812345678", "TH", "truemoney:+66812345678"),
        ("พร้อมเพย์ 0812345678", "TH", "promptpay:+66812345678"),
        ("PayNow UEN 201912345K", None, "paynow:201912345K"),
        ("MoMo 0168 123 4567", None, "momo:+84381234567"),
        ("GCash 0917–123–4567", None, "gcash:+639171234567"),
    ],
)
def test_e_wallets_as_written_in_the_region(raw: str, country: str | None, expected: str) -> None:
    assert value("ewallet", raw, country) == f"ewallet:{expected}"


def test_a_bank_given_as_an_e_wallet_says_it_is_a_bank() -> None:
    assert "a bank, not an e-wallet" in reason("ewallet", "ABA 000 123 456", "KH")


@pytest.mark.parametrize(
    ("raw", "qualifier", "chain"),
    [
        (f"USDT on Arbitrum {EVM}", None, "arbitrum"),
        (f"{EVM} (Arbitrum One)", None, "arbitrum"),
        (f"ETH on Arbitrum {EVM}", None, "arbitrum"),
        (EVM, "Arbitrum", "arbitrum"),
        (f"Optimism {EVM}", None, "optimism"),
        (f"USDC via Base network: {EVM}.", None, "base"),
        (f"AVAX C-Chain {EVM}", None, "avalanche"),
        (f"ethereum:{EVM}@56?value=1e18", None, "bsc"),
        (f"ethereum:{EVM}@42161", None, "arbitrum"),
        (f"ethereum:{EVM}@137", None, "polygon"),
        (f"ethereum:{EVM}", None, "eth"),
    ],
)
def test_the_evm_chain_named_is_kept(raw: str, qualifier: str | None, chain: str) -> None:
    assert value("crypto_wallet", raw, qualifier=qualifier) == f"crypto_wallet:{chain}:{EVM}"


def test_an_unknown_evm_chain_id_is_refused_not_read_as_ethereum() -> None:
    assert "chain ID 250" in reason("crypto_wallet", f"ethereum:{EVM}@250")


@pytest.mark.parametrize("raw", [f"«{TRON}»", f'"{TRON}"', f"{TRON}.", f"Send USDT to “{TRON}”!"])
def test_an_address_in_quotes_or_a_sentence(raw: str) -> None:
    assert value("crypto_wallet", raw) == f"crypto_wallet:tron:{TRON}"


def test_testnet_and_lower_cased_addresses_say_what_is_wrong() -> None:
    assert "test-network" in reason("crypto_wallet", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx")
    assert "case-sensitive" in reason("crypto_wallet", TRON.lower())


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https:/evil.com/x", "https://evil.com/x"),
        ("https//evil.com/x", "https://evil.com/x"),
        ("https://evil.com\\login", "https://evil.com/login"),
        ("hxxps:\\\\evil[.]com\\a?b=c\\d", "https://evil.com/a?b=c%5Cd"),
    ],
)
def test_urls_with_the_slashes_browsers_forgive(raw: str, expected: str) -> None:
    assert value("url", raw) == f"url:{expected}"


@pytest.mark.parametrize("raw", ["“john@example.com”", "john@example.com;", "(john@example.com)"])
def test_an_email_in_quotes_or_with_punctuation(raw: str) -> None:
    assert value("email", raw) == "email:john@example.com"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ไลน์ @scammer", "line:scammer"),
        ("ไลน์ไอดี: scammer", "line:scammer"),
        ("เฟซบุ๊ก john.doe", "facebook:john.doe"),
        ("微信: scammer88", "wechat:scammer88"),
        ("tg://resolve?domain=Scammer_01", "telegram:scammer_01"),
    ],
)
def test_handles_named_in_thai_chinese_or_by_app_link(raw: str, expected: str) -> None:
    assert value("handle", raw) == f"handle:{expected}"


def test_a_handle_and_a_number_in_one_value_are_refused_as_two() -> None:
    assert "more than one identifier" in reason("handle", "Telegram @Scammer_01 / +60123456789")


@pytest.mark.parametrize(
    ("raw", "country", "kind"),
    [
        (f"USDT TRC20 {TRON}", None, "crypto_wallet"),
        (f"USDT on Arbitrum {EVM}", None, "crypto_wallet"),
        ("7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV", None, "crypto_wallet"),
        ("ธนาคาร.ไทย", None, "domain"),
        ("TG @scammer_01", None, "handle"),
        ("Tel: 081-234-5678", "TH", "phone"),
        ("Malaysia 012-345 6789", None, "phone"),
        ("0168 123 4567", "VN", "phone"),
    ],
)
def test_guess_kind_of_regional_forms(raw: str, country: str | None, kind: str) -> None:
    assert guess_kind(raw, country=country) == kind
