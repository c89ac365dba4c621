"""Identifiers as spreadsheets, mails and chat apps hand them over: one value, or a clear reason."""

from __future__ import annotations

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize
from tests.identifiers.forms import reason, value


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("'0812345678", "TH", "+66812345678"),
        ("'+60123456789", "MY", "+60123456789"),
        ('="0123456789"', "MY", "+60123456789"),
        ("6.0123456789E+10", "MY", "+60123456789"),
        ("8.4912345678e+10", "VN", "+84912345678"),
        ("60123456789.0", "MY", "+60123456789"),
        ("H/P: 012-3456789", "MY", "+60123456789"),
        ("02 123 4567 ต่อ 12", "TH", "+6621234567"),
    ],
)
def test_phones_from_spreadsheets_and_forms(raw: str, country: str, expected: str) -> None:
    assert value("phone", raw, country) == f"phone:{expected}"


def test_scientific_notation_that_lost_digits_is_refused_not_a_sender_name() -> None:
    assert "scientific notation" in reason("phone", "6.2812345679E+11", "ID")
    assert "scientific notation" in reason("phone", "1.23457E+11", "MY")


@pytest.mark.parametrize(
    "raw", ["0812345678 / 0898765432", "012-3456789, 019-8765432", "0812345678 or 0898765432"]
)
def test_two_phone_numbers_in_one_cell_are_refused_with_the_reason(raw: str) -> None:
    assert "more than one phone number" in reason("phone", raw, "TH")


def test_excel_apostrophe_before_a_wallet_address() -> None:
    assert value("crypto_wallet", "'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t") == (
        "crypto_wallet:tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
    )


@pytest.mark.parametrize(
    "raw",
    [
        " TR7NHqjeKQxG TCi8q8ZY4pL8otSzgjLj6t ",
        "USDT TRC20 TR7NHqjeKQxGTCi8q8 ZY4pL8otSzgjLj6t",
        "tron: TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
    ],
)
def test_a_wallet_address_broken_by_spaces_is_joined_when_its_checksum_holds(raw: str) -> None:
    assert value("crypto_wallet", raw) == "crypto_wallet:tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"


def test_a_join_without_a_checksum_is_not_made() -> None:
    # All-lower-case EVM hex and a broken checksum carry nothing to vouch for the join.
    with pytest.raises(InvalidIdentifier):
        canonicalize("crypto_wallet", "0xdac17f958d2ee523a2206206 994597c13d831ec7")
    with pytest.raises(InvalidIdentifier):
        canonicalize("crypto_wallet", "TR7NHqjeKQxG TCi8q8ZY4pL8otSzgjLj6T")


@pytest.mark.parametrize(
    "raw",
    [
        "https://evil.example.com/login.",
        "https://evil.example.com/login,",
        "(https://evil.example.com/login)",
        "<https://evil.example.com/login>",
        '"https://evil.example.com/login"',
        "https://evil.example.com/login)",
        "hxxps://evil[.]example[.]com/login.",
    ],
)
def test_urls_lose_what_a_sentence_put_around_them(raw: str) -> None:
    assert value("url", raw) == "url:https://evil.example.com/login"


def test_brackets_a_url_opened_itself_stay() -> None:
    assert value("url", "https://en.wikipedia.org/wiki/Foo_(bar)") == (
        "url:https://en.wikipedia.org/wiki/Foo_(bar)"
    )


def test_two_urls_in_one_cell_are_named_as_such() -> None:
    assert "more than one web address" in reason(
        "url", "https://evil.example.com/a https://evil2.example.com"
    )


@pytest.mark.parametrize(
    "raw",
    [
        "john (at) example (dot) com",
        "john [at] example [dot] com",
        "John Doe <John@Example.com>",
    ],
)
def test_emails_defanged_with_spaces_or_with_a_display_name(raw: str) -> None:
    assert value("email", raw) == "email:john@example.com"


def test_two_emails_in_one_cell_are_named_as_such() -> None:
    assert "more than one e-mail address" in reason("email", "a@example.com; b@example.com")


@pytest.mark.parametrize(
    "raw",
    [
        "https://zalo.me/g/abcdef",
        "https://facebook.com/login",
        "https://www.facebook.com/home.php",
        "line.me/ti/g/abcdef",
        "https://line.me/ti/g2/abcdef",
        "https://x.com/login",
        "https://twitter.com/settings",
        "https://www.instagram.com/about/",
        "https://zalo.me/pc",
    ],
)
def test_group_and_site_links_are_not_handles(raw: str) -> None:
    with pytest.raises(InvalidIdentifier):
        canonicalize("handle", raw, country="VN")
    assert value("url", raw, "VN").startswith("url:")


def test_facebook_page_links_give_the_page_number() -> None:
    assert value("handle", "https://www.facebook.com/pages/Shop/123456789") == (
        "handle:facebook:123456789"
    )


def test_telegram_phone_links_are_phones() -> None:
    assert value("url", "https://t.me/+60123456789") == "phone:+60123456789"
    assert value("url", "https://t.me/+AbCdEf12") == "url:https://t.me/+AbCdEf12"


def test_zalo_official_account_ids_are_not_phone_numbers() -> None:
    # A bare profile link, so as a url it is the account too; never a phone.
    assert value("url", "zalo.me/4318591186281128580", "VN") == "handle:zalo:4318591186281128580"
    assert value("handle", "zalo.me/4318591186281128580", "VN") == (
        "handle:zalo:4318591186281128580"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("::ffff:203.0.113.5", "203.0.113.5"),
        ("http://203.0.113.5:8080/admin", "203.0.113.5"),
        ("https://[2001:db8::1]/", "2001:db8::1"),
    ],
)
def test_ip_forms(raw: str, expected: str) -> None:
    assert value("ip", raw) == f"ip:{expected}"


def test_ip_zone_ids_get_their_own_reason() -> None:
    assert "zone ID" in reason("ip", "fe80::1%eth0")
