"""guess_kind on values as analysts of the ten member countries paste them ("Detect")."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterscam.check.lookup import canonical
from counterscam.identifiers import (
    KINDS,
    Canonical,
    InvalidIdentifier,
    guess_kind,
    unguessed_reason,
)

TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"


def detected(raw: str, country: str | None) -> Canonical | InvalidIdentifier:
    """What a check without a kind reads ``raw`` as (uncached: each test asks afresh)."""
    return canonical.__wrapped__(None, raw, country)


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # A bank named before the number: its account, never the phone the digits could be.
        ("BCA 1234567890", "ID", "bank_account:ID:CENA:1234567890"),
        ("Maybank 5140-1234-5678", "MY", "bank_account:MY:MBBE:514012345678"),
        ("VCB 0011000123456", "VN", "bank_account:VN:BFTV:0011000123456"),
        ("KBank 123-4-56789-0", "TH", "bank_account:TH:KASI:1234567890"),
        ("KBank 081-234-5678", "TH", "bank_account:TH:KASI:0812345678"),
        ("004 1234567890", "TH", "bank_account:TH:KASI:1234567890"),  # KBank's interbank code
        # Phone-based e-wallets keep the E.164 number.
        ("KBZPay 09 978 123 456", "MM", "ewallet:kbzpay:+959978123456"),
        ("Wave Money 09 978 123 456", "MM", "ewallet:wavepay:+959978123456"),
        ("Wing 012 345 678", "KH", "ewallet:wing:+85512345678"),
        # Handles written with their platform as a label or a word.
        ("LINE ID: abc", "TH", "handle:line:abc"),
        ("line id abc123", None, "handle:line:abc123"),
        ("WeChat: wxid_abc123def", None, "handle:wechat:wxid_abc123def"),
        ("微信: abc12345", None, "handle:wechat:abc12345"),
        ("Telegram: scam_admin", None, "handle:telegram:scam_admin"),
        ("Telegram scam_admin", None, "handle:telegram:scam_admin"),
        ("TG: scam_admin", None, "handle:telegram:scam_admin"),
        ("FB: john.doe", None, "handle:facebook:john.doe"),
        ("Zalo: 0901234567", "VN", "phone:+84901234567"),
        # E-mail addresses obfuscated or labelled.
        ("scam (at) evil (dot) com", None, "email:scam@evil.com"),
        ("scam at evil dot com", None, "email:scam@evil.com"),
        ("scam @ evil . com", None, "email:scam@evil.com"),
        ("E-mail: scam@evil.com", None, "email:scam@evil.com"),
        # Addresses with a label, links without a scheme.
        ("IP: 203.0.113.5", None, "ip:203.0.113.5"),
        ("IPv6: 2001:db8::1", None, "ip:2001:db8::1"),
        ("login.evil-bank.com.my/verify", None, "url:https://login.evil-bank.com.my/verify"),
        ("evil.com:8080/x", None, "url:https://evil.com:8080/x"),
        ("URL: shopee-promo.xyz/login", None, "url:https://shopee-promo.xyz/login"),
        ("Website: evil-bank.com.my", None, "url:https://evil-bank.com.my/"),
        # SMS sender names as brands write them.
        ("KBank", "TH", "sender_id:TH:KBANK"),
        ("SingPost", "SG", "sender_id:SG:SINGPOST"),
        ("SM-Notify", "PH", "sender_id:PH:SM-NOTIFY"),
    ],
)
def test_values_are_detected_as_what_they_are(raw: str, country: str | None, expected: str) -> None:
    found = detected(raw, country)
    assert isinstance(found, Canonical), found
    assert f"{found.kind}:{found.value}" == expected


@pytest.mark.parametrize(
    ("raw", "country", "kind", "why"),
    [
        # A bank is named: the account's own reason, never a phone check of the digits.
        ("BCA 0812 3456 7890", "ID", "bank_account", "has 12 digits; a BCA account number has 10"),
        ("Maybank 012-345 6789", "MY", "bank_account", "a Maybank account number has 12 digits"),
        ("KBZ 0123 0123 4567 8901", "MM", "bank_account", "a KBZ Bank account number has 17"),
        ("GCash 0917 123 456", "PH", "ewallet", "needs a GCash phone number"),
        # A chain named, or an address's shape: the checksum says a character is mistyped.
        (f"USDT TRC20 {TRON[:-1]}u", None, "crypto_wallet", "fails the TRON address checksum"),
        (f"tron:{TRON[:-1]}", None, "crypto_wallet", "fails the TRON address checksum"),
        # A platform named with what is not a handle.
        ("Facebook: John Doe", None, "handle", "has spaces; a handle is one word"),
    ],
)
def test_a_value_naming_its_kind_is_refused_with_that_kinds_reason(
    raw: str, country: str | None, kind: str, why: str
) -> None:
    assert guess_kind(raw, country=country) == kind
    found = detected(raw, country)
    assert isinstance(found, InvalidIdentifier)
    assert why in found.reason


@pytest.mark.parametrize(
    ("raw", "country", "why"),
    [
        ("1234567890", "TH", "is not a valid phone number in Thailand"),
        ("0011000123456", "VN", "is not a valid phone number in Viet Nam"),
        ("000 123 456", "KH", "is not a valid phone number in Cambodia"),
    ],
)
def test_a_number_alone_that_is_no_phone_asks_for_its_bank_or_kind(
    raw: str, country: str, why: str
) -> None:
    # A bank account is read only with its bank: a number alone is not picked as one.
    assert guess_kind(raw, country=country) is None
    reason = unguessed_reason(raw, country=country)
    assert why in reason
    assert "write the bank or provider before the number" in reason
    assert "choose the kind" in reason
    found = detected(raw, country)
    assert isinstance(found, InvalidIdentifier) and found.reason == reason


@pytest.mark.parametrize(
    ("raw", "country", "kind"),
    [
        ("0812345678", "TH", "phone"),  # a valid number alone stays a phone
        ("Tel: 012-345 6789", "MY", "phone"),
        ("Call 012-345 6789", "MY", "phone"),
        ("WhatsApp: 012-345 6789", "MY", "phone"),
        ("x.com", None, "domain"),
        ("line.me", None, "domain"),
        ("@scam_admin", None, "handle"),
    ],
)
def test_words_that_name_no_bank_leave_the_guess_as_it_was(
    raw: str, country: str | None, kind: str
) -> None:
    assert guess_kind(raw, country=country) == kind


@pytest.mark.parametrize(
    "raw", ["hello world", "Hello", "Telegram", "ref 12345 abc", "Acme Corp 12345", "!!!"]
)
def test_text_that_is_no_identifier_is_still_refused(raw: str) -> None:
    assert guess_kind(raw, country="MY") is None
    assert "cannot tell what kind of identifier this is" in unguessed_reason(raw, country="MY")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.sampled_from("0123456789 +-.:@/()TtxX[]abcLINEkbankBCA"), max_size=40),
    st.sampled_from([None, "MY", "TH", "ID", "VN", "MM"]),
)
def test_guessing_never_raises_and_answers_a_kind_or_a_reason(
    raw: str, country: str | None
) -> None:
    kind = guess_kind(raw, country=country)
    assert kind is None or kind in KINDS
    if kind is None:
        assert unguessed_reason(raw, country=country)
