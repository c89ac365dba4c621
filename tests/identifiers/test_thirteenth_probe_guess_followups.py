"""Follow-ups of the thirteenth probe: "Detect automatically", phones in lists, Discord's old
names and stablecoins' contracts given as wallets."""

from __future__ import annotations

import pytest

from counterscam.identifiers import canonicalize, guess_kind, unguessed_reason
from counterscam.identifiers._text import list_numbering
from counterscam.identifiers.shared import shared_note
from tests.identifiers.forms import reason, value

P = "phone"
H = "handle"
W = "crypto_wallet"


@pytest.mark.parametrize("country", [None, "TH", "MY"])
def test_a_thai_labelled_ip_is_no_phone(country: str | None) -> None:
    # Was a Thai phone number (+6620301135...) where the check page was given Thailand.
    raw = "ที่อยู่ IP: 203.0.113.5"
    assert guess_kind(raw, country=country) == "ip"
    assert value("ip", raw) == "ip:203.0.113.5"


@pytest.mark.parametrize(
    ("raw", "kind", "expected"),
    [
        # A Cyrillic "е" (U+0435) or "Е" (U+0415) for the Latin letter: the wallet reader folds it.
        ("TR7NHqj\u0435KQxGTCi8q8ZY4pL8otSzgjLj6t", W, "crypto_wallet:tron:"),
        ("0x52908400098527886\u04150F7030069857D2E4169EE7", W, "crypto_wallet:eth:"),
        ("203,0,113,5", "ip", "ip:203.0.113.5"),  # commas for dots, as dictated
        ("*.evil.com", "domain", "domain:evil.com"),  # a blocklist's wildcard
        ("scam a c\u00f2ng gmail ch\u1ea5m com", "email", "email:scam@gmail.com"),
        ("scam แอท gmail ดอท com", "email", "email:scam@gmail.com"),
    ],
)
def test_forms_their_own_reader_reads_are_detected(raw: str, kind: str, expected: str) -> None:
    assert guess_kind(raw) == kind
    assert value(kind, raw).startswith(expected)


@pytest.mark.parametrize(
    ("raw", "span"),
    [
        ("203.0.113.1-20", "203.0.113.1 to 203.0.113.20"),  # was guessed a phone
        ("203.0.113.1 - 203.0.113.20", "203.0.113.1 to 203.0.113.20"),
        ("203.0.113.0-203.0.113.255", "203.0.113.0 to 203.0.113.255"),
        ("203.0.113.*", "203.0.113.0 to 203.0.113.255"),
    ],
)
def test_an_ip_range_gets_the_ip_reason_naming_its_span(raw: str, span: str) -> None:
    assert guess_kind(raw, country="MY") == "ip"
    assert span in reason("ip", raw)


def test_an_amount_in_thousands_is_no_ip_address() -> None:
    # "1,000,000,000" would read as 1.0.0.0 the way a dictated "203,0,113,5" is read.
    assert guess_kind("1,000,000,000", country="MY") != "ip"


def test_two_phone_numbers_run_together() -> None:
    raw = "+66812345678+66812345679"  # was "not a phone number"
    assert "holds more than one phone number" in reason(P, raw, "TH")
    assert "holds more than one phone number" in unguessed_reason(raw, country="TH")


def test_a_country_code_written_twice_is_still_one_number() -> None:
    assert value(P, "+66+66812345678", "TH") == "phone:+66812345678"


@pytest.mark.parametrize("raw", ["#1 0917 123 4567", "No. 1: 0917 123 4567", "No.2 09171234567"])
def test_a_lists_marker_is_dropped(raw: str) -> None:
    assert value(P, raw, "PH") == "phone:+639171234567"
    assert guess_kind(raw, country="PH") == "phone"


def test_list_markers_are_measured() -> None:
    # The phone reader drops a marker only before a number written whole, with its 0 or +.
    assert list_numbering("#1 0917 123 4567") == 3
    assert list_numbering("No. 1: 0917 123 4567") == 7
    assert list_numbering("#12345") == 0


@pytest.mark.parametrize("raw", ["discord:name#1234", "Discord name#1234", "Discord: scam#0001"])
def test_discords_old_discriminator_form_is_named(raw: str) -> None:
    why = reason(H, raw)
    assert "Discord's old name#1234 form" in why
    assert "username as Discord shows it now" in why


def test_a_discord_username_is_still_read() -> None:
    assert value(H, "Discord scam.admin_01") == "handle:discord:scam.admin_01"


@pytest.mark.parametrize(
    ("raw", "qualifier", "token"),
    [
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", None, "USDT on TRON"),
        ("TEkxiTehnzSmSe2XqrBj4w32RUN966rdz8", None, "USDC on TRON"),
        ("0xdAC17F958D2ee523a2206206994597C13D831ec7", None, "USDT on Ethereum"),
        ("0xdac17f958d2ee523a2206206994597c13d831ec7", None, "USDT on Ethereum"),
        ("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", None, "USDC on Ethereum"),
        ("0x55d398326f99059fF775485246999027B3197955", "bsc", "USDT on BNB Smart Chain"),
        ("0x55d398326f99059fF775485246999027B3197955", None, "USDT on BNB Smart Chain"),
        ("0xc2132D05D31c914a87C6611C10748AEb04B58e8F", "polygon", "USDT on Polygon"),
        ("Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB", "solana", "USDT on Solana"),
        ("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", "solana", "USDC on Solana"),
    ],
)
def test_a_stablecoins_contract_is_no_ones_wallet(
    raw: str, qualifier: str | None, token: str
) -> None:
    found = canonicalize(W, raw, qualifier=qualifier)
    assert found.shared_platform  # links no reports, raises no alerts
    note = shared_note(found.kind, found.value)
    assert f"contract address of {token}" in note
    assert "Enter the address that received the money" in note


def test_an_ordinary_wallet_is_not_shared() -> None:
    found = canonicalize(W, "0x52908400098527886E0F7030069857D2E4169EE7")
    assert not found.shared_platform
