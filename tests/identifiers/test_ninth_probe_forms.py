"""Ninth probe of identifiers as people in the ten countries write them: a whole value in
brackets, Signal username links, private network addresses and burn wallets (kept, but shared),
labels in Malay, Indonesian, Vietnamese and Thai, neighbours named in the reporter's language,
platforms' local nicknames (飞机 for Telegram, ไอจี for Instagram), notes after a value."""

from __future__ import annotations

import pytest

from counterscam.identifiers import canonicalize, guess_kind
from counterscam.identifiers.shared import shared_note
from tests.identifiers.forms import reason, value

EVM = "0x52908400098527886E0F7030069857D2E4169EE7"
SEALED = "fJ8kQ2mZx7Lp0aBcD3eFgH4iJkLmN5oPqRsTuV6wXyZ1a2B3c4D5e6F7g8H9i0Jk"

# -- a whole value in brackets or quotes, as copied from a sentence ----------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("(203.0.113.5)", "203.0.113.5"),
        ("<203.0.113.5>", "203.0.113.5"),
        ("{203.0.113.5}", "203.0.113.5"),
        ("(203.0.113.5).", "203.0.113.5"),
        ("“203.0.113.5”", "203.0.113.5"),
        ('"203.0.113.5"', "203.0.113.5"),
        ("(2001:db8::1)", "2001:db8::1"),
        ("<2001:db8::1>", "2001:db8::1"),
        ("IP: (203.0.113.5)", "203.0.113.5"),
    ],
)
def test_an_ip_wholly_in_brackets_is_the_address(raw: str, expected: str) -> None:
    # Only [203.0.113.5] was read: the rest were "not an IP address".
    assert value("ip", raw) == f"ip:{expected}"


@pytest.mark.parametrize(
    ("kind", "raw", "country", "qualifier", "expected"),
    [
        ("shortcode", "(997)", "MY", None, "shortcode:MY:997"),
        ("shortcode", '"997"', "MY", None, "shortcode:MY:997"),
        ("sender_id", "<MAYBANK>", "MY", None, "sender_id:MY:MAYBANK"),
        ("sender_id", "[MAYBANK]", "MY", None, "sender_id:MY:MAYBANK"),
        ("handle", "(telegram:@scammer01)", "MY", None, "handle:telegram:scammer01"),
        ("handle", '"telegram:@scammer01"', "MY", None, "handle:telegram:scammer01"),
        ("handle", "(@scammer01)", "MY", "telegram", "handle:telegram:scammer01"),
        ("handle", "Telegram: (@scammer01)", "MY", None, "handle:telegram:scammer01"),
        ("ewallet", "<GCash 0917 123 4567>", "PH", None, "ewallet:gcash:+639171234567"),
        ("ewallet", "{GCash 09171234567}", "PH", None, "ewallet:gcash:+639171234567"),
    ],
)
def test_other_kinds_wholly_in_brackets_are_the_value(
    kind: str, raw: str, country: str, qualifier: str | None, expected: str
) -> None:
    assert value(kind, raw, country, qualifier) == expected


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("(+60) 12-345 6789", "MY", "+60123456789"),
        ("(012) 345 6789", "MY", "+60123456789"),
        ("(02) 123 4567", "TH", "+6621234567"),
        ("(+60123456789)", "MY", "+60123456789"),
    ],
)
def test_an_area_code_in_brackets_still_reads_as_before(
    raw: str, country: str, expected: str
) -> None:
    assert value("phone", raw, country) == f"phone:{expected}"


def test_a_bracket_that_closes_early_is_not_a_wrapper() -> None:
    # "(03) 1234 (5678)": the first bracket closes before the end; the value is not unwrapped
    # into "03) 1234 (5678", which would say nothing the user wrote.
    assert "'(03) 1234 (5678)'" in reason("phone", "(03) 1234 (5678)", "MY")


# -- Signal username links ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["handle", "url"])
@pytest.mark.parametrize(
    "raw",
    [
        "https://signal.me/#eu/scammer.01",
        "signal.me/#eu/Scammer.01",
        "https://signal.me/#u/scammer.01",
        "(https://signal.me/#eu/scammer.01).",
    ],
)
def test_a_signal_username_link_is_the_signal_handle(kind: str, raw: str) -> None:
    # As a handle it was "not a profile link of a known platform"; as a url every one was the
    # same https://signal.me/ (its fragment dropped).
    assert value(kind, raw) == "handle:signal:scammer.01"


def test_a_signal_username_link_after_the_platform_name_is_the_handle() -> None:
    assert value("handle", "Signal: https://signal.me/#eu/scammer.01") == "handle:signal:scammer.01"


def test_a_sealed_signal_username_link_says_why_it_is_no_handle() -> None:
    why = reason("handle", f"https://signal.me/#eu/{SEALED}")
    assert "username sealed (encrypted) in it" in why and "as a url" in why


def test_a_sealed_signal_username_link_is_kept_whole_as_a_url() -> None:
    found = canonicalize("url", f"https://signal.me/#eu/{SEALED}.")
    assert found.value == f"https://signal.me/#eu/{SEALED}"
    assert canonicalize("url", found.value) == found
    other = canonicalize("url", f"https://signal.me/#eu/{SEALED[::-1]}")
    assert other.value != found.value  # two accounts' links no longer meet
    assert guess_kind(f"https://signal.me/#eu/{SEALED}") == "url"


def test_a_signal_contact_by_number_is_still_its_phone() -> None:
    assert value("handle", "https://signal.me/#p/+66812345678") == "phone:+66812345678"


# -- private and local addresses, burn wallets: kept, but shared -----------------------------


@pytest.mark.parametrize(
    ("raw", "what"),
    [
        ("192.168.1.1", "private"),
        ("10.0.0.1", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.254", "private"),
        ("127.0.0.1", "loopback"),
        ("169.254.10.20", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("100.127.255.254", "carrier-grade NAT"),
        ("224.0.0.251", "multicast"),
        ("255.255.255.255", "broadcast"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fd12:3456::1", "unique local"),
        ("ff02::1", "multicast"),
        ("::ffff:192.168.1.1", "private"),
        ("(192.168.1.1)", "private"),
    ],
)
def test_a_local_address_is_kept_but_shared(raw: str, what: str) -> None:
    # Every home router is 192.168.1.1: as an ordinary address it linked strangers' reports
    # and raised cross-border alerts. Refused, it would reject a victim's whole log row.
    found = canonicalize("ip", raw)
    assert found.shared_platform
    note = shared_note(found.kind, found.value)
    assert "private or local network address (" in note and f", {what}" in note
    assert "links no reports and raises no alerts" in note


@pytest.mark.parametrize(
    "raw",
    [
        "203.0.113.5",
        "192.0.2.1",
        "198.51.100.7",
        "2001:db8::1",
        "8.8.8.8",
        "172.32.0.1",
        "100.128.0.1",
        "11.0.0.1",
    ],
)
def test_public_and_documentation_addresses_stay_ordinary(raw: str) -> None:
    assert not canonicalize("ip", raw).shared_platform


def test_a_link_on_a_local_address_is_shared_with_its_address() -> None:
    found = canonicalize("url", "http://192.168.1.1/login")
    assert found.shared_platform and all(r.shared_platform for r in found.related)
    assert "This link is on a private or local network address" in shared_note("url", found.value)
    assert canonicalize("domain", "192.168.1.1").shared_platform
    assert not canonicalize("url", "http://203.0.113.5/login").shared_platform


@pytest.mark.parametrize(
    ("raw", "qualifier", "expected"),
    [
        ("0x0000000000000000000000000000000000000000", None, "eth:0x" + "0" * 40),
        ("0x000000000000000000000000000000000000dead", None, "eth:0x" + "0" * 36 + "dEaD"),
        ("0x000000000000000000000000000000000000dEaD", "bsc", "bsc:0x" + "0" * 36 + "dEaD"),
        ("T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb", None, "tron:T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb"),
        ("1BitcoinEaterAddressDontSendf59kuE", None, "btc:1BitcoinEaterAddressDontSendf59kuE"),
    ],
)
def test_a_burn_address_is_kept_but_shared(raw: str, qualifier: str | None, expected: str) -> None:
    found = canonicalize("crypto_wallet", raw, qualifier=qualifier)
    assert found.value == expected and found.shared_platform
    assert "burn address" in shared_note("crypto_wallet", found.value)


def test_an_ordinary_wallet_is_not_shared() -> None:
    assert not canonicalize("crypto_wallet", EVM).shared_platform


def test_a_platform_keeps_its_notice() -> None:
    assert "big shared platform" in shared_note("domain", "facebook.com")
    assert "many honest people" in shared_note("domain", "facebook.com", public=True)


# -- labels and notes in the region's languages ----------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "E-mel: scammer@example.com",
        "Emel scammer@example.com",
        "Surel: scammer@example.com",
        "Alamat email: scammer@example.com",
        "Thư điện tử: scammer@example.com",
    ],
)
def test_e_mail_labels_in_malay_indonesian_and_vietnamese_are_dropped(raw: str) -> None:
    # Each was "The email address contains invalid characters before the @-sign".
    assert value("email", raw) == "email:scammer@example.com"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ลิงก์ https://kbank-verify.example.com", "https://kbank-verify.example.com/"),
        ("Link hxxps[:]//kbank-verify[.]example[.]com", "https://kbank-verify.example.com/"),
        ("Pautan: https://maybank2u-secure.example.com.my/login", None),
        ("Đường dẫn: https://vcb-online.example.vn/login", None),
        ("https://bit.ly/3abcDEF (shortened)", "https://bit.ly/3abcDEF"),
        ("https://evil.example/login (ลิงก์ปลอม)", "https://evil.example/login"),
    ],
)
def test_link_labels_and_notes_are_dropped(raw: str, expected: str | None) -> None:
    link = expected or raw.partition(": ")[2]
    assert value("url", raw) == f"url:{link}"


def test_a_link_in_brackets_of_its_own_keeps_them() -> None:
    assert value("url", "https://en.wikipedia.org/wiki/Foo_(bar)").endswith("/wiki/Foo_(bar)")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("IP publik 203.0.113.5", "203.0.113.5"),
        ("Alamat IP awam: 203.0.113.5", "203.0.113.5"),
        ("Public IP: 203.0.113.5", "203.0.113.5"),
        ("ไอพีแอดเดรส 203.0.113.5", "203.0.113.5"),
        ("IP: 203.0.113.5, port 8080", "203.0.113.5"),
        ("203.0.113.5 cổng 443", "203.0.113.5"),
    ],
)
def test_public_ip_labels_and_a_port_in_words_are_dropped(raw: str, expected: str) -> None:
    assert value("ip", raw) == f"ip:{expected}"


@pytest.mark.parametrize(
    ("kind", "raw", "country", "expected"),
    [
        ("shortcode", "SMS 8888", "TH", "shortcode:TH:8888"),
        ("shortcode", "Short code: 2910", "PH", "shortcode:PH:2910"),
        ("shortcode", "đầu số 8079", "VN", "shortcode:VN:8079"),
        ("shortcode", "kod pendek 15888", "MY", "shortcode:MY:15888"),
        ("sender_id", "Sender: MAYBANK", "MY", "sender_id:MY:MAYBANK"),
        ("sender_id", 'SMS from "BDO"', "PH", "sender_id:PH:BDO"),
        ("sender_id", "Brandname: VCB", "VN", "sender_id:VN:VCB"),
        ("sender_id", "Người gửi: VIETCOMBANK", "VN", "sender_id:VN:VIETCOMBANK"),
        ("sender_id", "Pengirim: BCA", "ID", "sender_id:ID:BCA"),
        ("sender_id", "ชื่อผู้ส่ง: KBANK", "TH", "sender_id:TH:KBANK"),
        ("sender_id", "Sender: 8888", "MY", "shortcode:MY:8888"),
    ],
)
def test_sms_labels_are_dropped(kind: str, raw: str, country: str, expected: str) -> None:
    # Each was "not a short code" or "neither a phone number nor an SMS sender name".
    assert value(kind, raw, country) == expected


def test_a_sender_word_without_a_colon_may_be_the_name() -> None:
    assert value("sender_id", "SENDER MAYBANK", "MY") == "sender_id:MY:SENDER MAYBANK"


# -- phones: neighbours named in the reporter's language -------------------------------------


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("Campuchia 012 345 678", "VN", "+85512345678"),
        ("กัมพูชา 012 345 678", "TH", "+85512345678"),
        ("Kemboja 012 345 678", "MY", "+85512345678"),
        ("Nomor Kamboja 012 345 678", "ID", "+85512345678"),
        ("ថៃ 081 234 5678", "KH", "+66812345678"),
        ("เวียดนาม 091 234 5678", "TH", "+84912345678"),
        ("พม่า 09 425 012 345", "TH", "+959425012345"),
        ("Filipina 0917 123 4567", "ID", "+639171234567"),
        ("Singapura 9123 4567", "MY", "+6591234567"),
        ("Malaixia 012-345 6789", "VN", "+60123456789"),
    ],
)
def test_a_neighbour_named_in_the_reporter_s_language_is_its_country(
    raw: str, country: str, expected: str
) -> None:
    # Each was "not a valid phone number in <the reporter's country>, but ... in Cambodia".
    assert value("phone", raw, country) == f"phone:{expected}"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("SĐT Thái Lan: 081 234 5678", "VN", "+66812345678"),
        ("เบอร์ลาว 020 5512 3456", "TH", "+8562055123456"),
        ("เบอร์โทรกัมพูชา 012 345 678", "TH", "+85512345678"),
        ("No. HP Malaysia 012-345 6789", "ID", "+60123456789"),
    ],
)
def test_a_country_beside_phone_number_words_is_the_country_said(
    raw: str, country: str, expected: str
) -> None:
    # "SĐT Thái Lan" ("phone no., Thailand") from Viet Nam was +84812345678, a Vietnamese
    # number: the label hid that the country was named.
    assert value("phone", raw, country) == f"phone:{expected}"


def test_a_country_word_inside_a_name_still_yields_to_the_reporter_s_country() -> None:
    assert value("phone", "Anh Thai 081 234 5678", "VN") == "phone:+84812345678"


# -- platforms' local names, wallets, notes ----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("飞机: @scam_vn01", "KH", "telegram:scam_vn01"),
        ("纸飞机 @scam_vn01", "KH", "telegram:scam_vn01"),
        ("តេឡេក្រាម @scam_vn01", "KH", "telegram:scam_vn01"),
        ("ไอจี: scam.seller_01", "TH", "instagram:scam.seller_01"),
        ("ติ๊กต๊อก: shopee.promo88", "TH", "tiktok:shopee.promo88"),
        ("เฟส somchai.scam", "TH", "facebook:somchai.scam"),
        ("Face: nguyen.scam01", "VN", "facebook:nguyen.scam01"),
        ("Phây: nguyen.scam01", "VN", "facebook:nguyen.scam01"),
        ("ဖေ့စ်ဘုတ် nguyen.scam01", "MM", "facebook:nguyen.scam01"),
        ("Facebook Messenger: juan.scam01", "PH", "facebook:juan.scam01"),
        ("Instagram @scam.seller_01 (private)", "MY", "instagram:scam.seller_01"),
        ("Telegram: scammer88 (deleted)", "MY", "telegram:scammer88"),
        ("Telegram (scammer)", "MY", "telegram:scammer"),
    ],
)
def test_platforms_named_as_the_region_writes_them(raw: str, country: str, expected: str) -> None:
    assert value("handle", raw, country) == f"handle:{expected}"


def test_two_platforms_named_are_still_refused() -> None:
    assert "does not say which platform" in reason("handle", "Facebook Telegram: juan.scam01")


def test_the_thai_word_for_wallet_is_not_the_wallet_s_name() -> None:
    assert value("ewallet", "วอลเล็ท TrueMoney 0812345678", "TH") == (
        "ewallet:truemoney:+66812345678"
    )


@pytest.mark.parametrize(
    ("kind", "raw", "country", "fragment"),
    [
        ("ewallet", "M-Pesa 0712345678", "MY", "'M-Pesa' names none known"),
        ("ewallet", "ABA Pay 012 345 678", "KH", "a bank, not an e-wallet"),
        ("crypto_wallet", "Binance Pay ID 123456789", None, "has no wallet address in it"),
        ("phone", "TH 081-234-5678", "MY", "Thailand (+66 81 234 5678)"),
    ],
)
def test_what_stays_refused_says_why(
    kind: str, raw: str, country: str | None, fragment: str
) -> None:
    # M-Pesa is Kenya's, in no member country; ABA Pay pays into ABA Bank accounts; a Binance
    # Pay ID is an exchange's user number, not an address; an ISO code is never read as a
    # country ("my number" is not Malaysia), but the reason names the reading.
    assert fragment in reason(kind, raw, country)


@pytest.mark.parametrize(
    ("raw", "kind"),
    [("<203.0.113.5>", "ip"), ("<MAYBANK>", "sender_id"), ('"MAYBANK"', "sender_id")],
)
def test_detect_automatically_reads_a_whole_value_in_brackets(raw: str, kind: str) -> None:
    assert guess_kind(raw, country="MY") == kind
