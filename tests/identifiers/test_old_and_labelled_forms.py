"""Forms found probing the ten members' ways of writing identifiers: old Vietnamese area
codes, Brunei's trunk 0, tel: contexts, banks and wallets missing from the reference, labels."""

from __future__ import annotations

import phonenumbers
import pytest
from phonenumbers import geocoder

from counterscam.identifiers._phone_words import _VN_AREA
from tests.identifiers.forms import reason, value


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # Viet Nam's 2017 landline renumbering: the same subscriber under the new code.
        ("04 3825 1234", "VN", "+842438251234"),  # Hanoi 4 -> 24
        ("04.3825.1234", "VN", "+842438251234"),
        ("(04) 3825 1234", "VN", "+842438251234"),
        ("+84 4 3825 1234", None, "+842438251234"),
        ("+84 (0) 4 3825 1234", None, "+842438251234"),
        ("0084 4 3825 1234", "TH", "+842438251234"),
        ("0511 3822 123", "VN", "+842363822123"),  # Da Nang 511 -> 236
        ("+84 511 3822 123", None, "+842363822123"),
        ("(0511) 3822 123", "VN", "+842363822123"),
        ("0320 3822 123", "VN", "+842203822123"),  # Hai Duong 320 -> 220
        ("0230 3822 123", "VN", "+842153822123"),  # Dien Bien 230 -> 215
        ("0710 3822 123", "VN", "+842923822123"),  # Can Tho 710 -> 292
        # Today's numbers are read as they are.
        ("024 3825 1234", "VN", "+842438251234"),
        ("(024) 3825 1234", "VN", "+842438251234"),
        ("0210 3822 123", "VN", "+842103822123"),  # Phu Tho kept 210
        # Digits that are a valid number today stay today's number (a mobile here).
        ("08 3822 1234", "VN", "+84838221234"),
    ],
)
def test_vietnamese_landlines_from_before_2017(
    raw: str, country: str | None, expected: str
) -> None:
    assert value("phone", raw, country) == f"phone:{expected}"


@pytest.mark.parametrize("raw", ["(08) 3822 1234", "+84 (8) 3822 1234", "(038) 3822 123"])
def test_an_old_area_code_in_brackets_that_is_a_mobile_today_is_refused(raw: str) -> None:
    why = reason("phone", raw, "VN")
    assert "ambiguous" in why and "2017" in why and "today" in why


def test_every_old_vietnamese_area_code_moves_to_a_valid_code_of_today() -> None:
    olds = list(_VN_AREA)
    assert not any(a != b and b.startswith(a) for a in olds for b in olds)  # prefix-free
    for old, (new, subscriber) in _VN_AREA.items():
        number = phonenumbers.parse(f"+84{new}{'3' + '8' * (subscriber - 1)}")
        assert phonenumbers.is_valid_number(number), old
        assert geocoder.description_for_number(number, "en"), old


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("0223 4567", "BN", "+6732234567"),
        ("02 234 567", "BN", "+6732234567"),
        ("08123456", "BN", "+6738123456"),
        ("+673 0 223 4567", None, "+6732234567"),
        ("223 4567", "BN", "+6732234567"),
    ],
)
def test_brunei_numbers_with_a_trunk_zero_brunei_does_not_use(
    raw: str, country: str | None, expected: str
) -> None:
    assert value("phone", raw, country) == f"phone:{expected}"


def test_a_brunei_trunk_zero_does_not_make_other_numbers_brunei() -> None:
    assert "Brunei" in reason("phone", "0812345678", "BN")
    assert value("phone", "0812345678", "TH") == "phone:+66812345678"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("tel:012-345-6789;phone-context=+60", None, "+60123456789"),
        ("tel:0123456789;phone-context=+60", "TH", "+60123456789"),
        ("tel:+60-12-345-6789;phone-context=+60", None, "+60123456789"),
        ("tel:0812345678;phone-context=example.com", "TH", "+66812345678"),
        ("+60 3 2345 6789 extension 12", None, "+60323456789"),
        ("+60 3 2345 6789 Ext: 12", None, "+60323456789"),
    ],
)
def test_tel_uri_contexts_and_extension_words(raw: str, country: str | None, expected: str) -> None:
    assert value("phone", raw, country) == f"phone:{expected}"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("Bank Jago 1234 5678 9012", "ID", "ID:XJAG:123456789012"),
        ("542 123456789012", "ID", "ID:XJAG:123456789012"),
        ("ທະນາຄານການຄ້າຕ່າງປະເທດລາວ 0101200012345678", "LA", "LA:COEB:0101200012345678"),
        ("ທະນາຄານການຄ້າຕ່າງປະເທດລາວ ມະຫາຊົນ 0101200012345678", None, "LA:COEB:0101200012345678"),
        (
            "Banque pour le Commerce Extérieur Lao Public 0101200012345678",
            None,
            "LA:COEB:0101200012345678",
        ),
        ("ကမ္ဘောဇဘဏ် 12345678901234567", "MM", "MM:KBZB:12345678901234567"),
        # SeaBank is a bank in Indonesia and the Philippines too, not only Viet Nam's SeABank.
        ("SeaBank 901234567890", "ID", "ID:XSEA:901234567890"),
        ("SeaBank 901234567890", "PH", "PH:XSEA:901234567890"),
        ("SeABank 901234567890", "VN", "VN:SEAV:901234567890"),
        ("Maya Bank 123456789012", "PH", "PH:XMAY:123456789012"),
        ("LPBank 012345678", "VN", "VN:LVBK:012345678"),
        ("Jenius 90012345678", "ID", "ID:XBTP:90012345678"),
        ("Bank Mega 01234567890123", "ID", "ID:MEGA:01234567890123"),
        ("PSBank 123456789012", "PH", "PH:PHSB:123456789012"),
        ("MariBank 1234567890", "SG", "SG:XMAR:1234567890"),
        ("GXBank 1234567890", "MY", "MY:XGXB:1234567890"),
        ("Prince Bank 1234567890", "KH", "KH:XPRI:1234567890"),
    ],
)
def test_banks_added_to_the_reference(raw: str, country: str | None, expected: str) -> None:
    assert value("bank_account", raw, country) == f"bank_account:{expected}"


def test_seabank_without_a_country_lists_the_countries() -> None:
    why = reason("bank_account", "SeaBank 901234567890")
    assert "ID" in why and "PH" in why and "VN" in why


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("PayLah! 9123 4567", "SG", "paylah:+6591234567"),
        ("DBS PayLah! 91234567", None, "paylah:+6591234567"),
        ("coins.ph 09171234567", None, "coinsph:+639171234567"),
        ("AirPay 0812345678", "TH", "shopeepay:+66812345678"),
        ("M-Pitesan 09450123456", None, "mpitesan:+959450123456"),
        ("Maya 09171234567", None, "maya:+639171234567"),
    ],
)
def test_e_wallets_added_to_the_reference(raw: str, country: str | None, expected: str) -> None:
    assert value("ewallet", raw, country) == f"ewallet:{expected}"


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("url", "URL: https://evil.com/x", "url:https://evil.com/x"),
        ("url", "Link: hxxps://evil[.]com", "url:https://evil.com/"),
        ("email", "Email: name@gmail.com", "email:name@gmail.com"),
        ("email", "E-mail address: name at gmail dot com.", "email:name@gmail.com"),
        ("handle", "微信号: scam_abc", "handle:wechat:scam_abc"),
    ],
)
def test_labels_before_links_addresses_and_handles(kind: str, raw: str, expected: str) -> None:
    assert value(kind, raw) == expected


def test_a_label_does_not_make_another_scheme_a_web_link() -> None:
    assert "scheme 'link'" in reason("url", "link://evil.com")
