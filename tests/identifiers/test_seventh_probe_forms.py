"""Seventh probe of identifiers as analysts in the ten countries type them: zero-padded IP
addresses, ports no server has, letters among a phone number's digits and vanity numbers,
quoted values, Signal contact links, a name after an e-mail address, Bitcoin Cash."""

from __future__ import annotations

import pytest

from counterscam.identifiers import guess_kind
from tests.identifiers.forms import reason, value


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("192.168.001.001", "ip:192.168.1.1"),
        ("192.168.00.1", "ip:192.168.0.1"),
        ("203.000.113.007", "ip:203.0.113.7"),
        ("192.168.001.001/32", "ip:192.168.1.1"),
        ("192.168.001.001:8080", "ip:192.168.1.1"),
    ],
)
def test_a_zero_padded_number_that_reads_the_same_either_way_is_that_number(
    raw: str, expected: str
) -> None:
    # Refused as "192.168.001.001 is 192.168.1.1 to them and 192.168.1.1 to others".
    assert value("ip", raw) == expected


@pytest.mark.parametrize(
    ("raw", "octal", "decimal"),
    [
        ("192.168.010.001", "192.168.8.1", "192.168.10.1"),
        ("192.168.001.010", "192.168.1.8", "192.168.1.10"),
        ("010.001.001.001", "8.1.1.1", "10.1.1.1"),
    ],
)
def test_an_ambiguous_zero_padded_number_is_still_refused_with_both_readings(
    raw: str, octal: str, decimal: str
) -> None:
    assert f"is {octal} to them and {decimal} to others" in reason("ip", raw)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("https://evil.com:0/", "the port 0,"),
        ("evil.com:0", "the port 0,"),
        ("https://1.2.3.4:0/login", "the port 0,"),
        ("https://[2001:db8::1]:0/", "the port 0,"),
        ("https://evil.com:99999/", "the port 99999,"),
        ("https://evil.com:abc/", "'abc' where the port goes"),
        ("https://evil.com:-1/", "'-1' where the port goes"),
    ],
)
def test_a_port_no_server_can_have_is_refused_saying_so(raw: str, shown: str) -> None:
    # :0 was kept as https://evil.com:0/, another value than the site's; :99999 and :abc
    # were "its host or port cannot be read", without saying which.
    why = reason("url", raw)
    assert shown in why
    assert "1 to 65535" in why


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://evil.com:65535/", "url:https://evil.com:65535/"),
        ("https://evil.com:0443/", "url:https://evil.com/"),
        ("https://evil.com:/", "url:https://evil.com/"),
    ],
)
def test_ports_a_server_can_have_are_still_read(raw: str, expected: str) -> None:
    assert value("url", raw) == expected


@pytest.mark.parametrize(
    ("raw", "country", "letter", "place"),
    [
        ("081-234-567B", "TH", "B", 12),
        ("08123456A8", "TH", "A", 9),
        ("+66 81 234 567B", "TH", "B", 15),
        ("012-345 678O", "MY", "O", 12),
        ("0I2-3456789", "MY", "I", 2),
        ("０８１-２３４-５６７Ｂ", "TH", "B", 12),
        ("Tel: 081-234-567B", "TH", "B", 17),
        ("โทร 081-234-567B", "TH", "B", 16),
    ],
)
def test_a_letter_among_a_numbers_digits_is_named_with_its_place(
    raw: str, country: str, letter: str, place: int
) -> None:
    # "081-234-567B" was "not valid in Thailand, but it is a mobile in Cambodia": the letter
    # was dropped as a word after the number, and the rest sent the analyst abroad.
    why = reason("phone", raw, country)
    assert f"has the letter {letter} (character {place}) among its digits" in why
    assert "Cambodia" not in why
    assert guess_kind(raw, country=country) == "phone"


def test_a_letter_that_looks_like_a_digit_says_which() -> None:
    assert "an O is often typed for a 0" in reason("phone", "012-345 678O", "MY")


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("0812345678ครับ", "TH", "phone:+66812345678"),  # a word in Thai after the number
        ("0812345678 x12", "TH", "phone:+66812345678"),
        ("+66 81 234 5678 (Thailand)", "TH", "phone:+66812345678"),
        ("S1234567D", "SG", None),  # an ID, not a number with a slip
        ("BOX123", "MY", "sender_id:MY:BOX123"),
        ("100PLUS", "MY", "sender_id:MY:100PLUS"),
    ],
)
def test_words_and_ids_beside_digits_are_not_taken_for_slips(
    raw: str, country: str, expected: str | None
) -> None:
    if expected is None:
        assert "among its digits" not in reason("phone", raw, country)
    else:
        assert value("phone", raw, country) == expected


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("1-800-FLOWERS", "US", "phone:+18003569377"),
        ("1-800-356-9377", "US", "phone:+18003569377"),
        ("02-8888-HOPE", "PH", "phone:+63288884673"),
        ("02-8888-4673", "PH", "phone:+63288884673"),
        ("1800-10-SMART", "PH", "phone:+6318001076278"),
    ],
)
def test_a_vanity_number_is_the_number_its_letters_dial(
    raw: str, country: str, expected: str
) -> None:
    # 1-800-FLOWERS was the SMS sender name US:1-800-FLOWERS, another value than the number
    # dialled; the letters stand for the keys they are on (ITU E.161).
    assert value("phone", raw, country) == expected
    assert guess_kind(raw, country=country) == "phone"


def test_a_vanity_number_that_dials_no_number_says_what_it_dials() -> None:
    # It was the SMS sender name MY:1300-88-MAXIS.
    assert "on a phone keypad 1300-88-62947" in reason("phone", "1300-88-MAXIS", "MY")


@pytest.mark.parametrize("raw", ["2929 INFO", "100PLUS"])
def test_digits_and_a_word_that_dial_nothing_stay_a_sender_name(raw: str) -> None:
    assert value("phone", raw, "MY") == f"sender_id:MY:{raw}"


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("url", "'https://evil.com/x'", "url:https://evil.com/x"),
        ("domain", "'evil.com'", "domain:evil.com"),
        ("ip", "'203.0.113.5'", "ip:203.0.113.5"),
        ("email", "'a@b.com'", "email:a@b.com"),
    ],
)
def test_a_value_in_single_quotes_is_the_value(kind: str, raw: str, expected: str) -> None:
    # The first quote was taken for a spreadsheet's text mark and the last one stayed:
    # 'https://evil.com/x' was the URL https://evil.com/x' and 'evil.com' was refused.
    assert value(kind, raw) == expected


@pytest.mark.parametrize("kind", ["url", "phone", "handle"])
def test_a_signal_contact_link_is_its_phone_number(kind: str) -> None:
    # As a URL its number (in the fragment) was dropped: every contact was https://signal.me/.
    assert value(kind, "https://signal.me/#p/+66812345678") == "phone:+66812345678"


@pytest.mark.parametrize(
    "raw",
    ["a@b.com (Nguyen)", "A@B.com(Nguyễn Văn A)", "Nguyen <a@b.com>"],
)
def test_a_name_beside_an_e_mail_address_is_not_part_of_it(raw: str) -> None:
    assert value("email", raw) == "email:a@b.com"


@pytest.mark.parametrize(
    "raw",
    [
        "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
        "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
        "BCH qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
    ],
)
def test_a_bitcoin_cash_address_is_refused_as_an_unread_chain(raw: str) -> None:
    # It was "all in small letters, but base58 addresses are case-sensitive": a hunt for
    # capitals that were never there.
    why = reason("crypto_wallet", raw)
    assert "Bitcoin Cash" in why
    assert "small letters" not in why


@pytest.mark.parametrize(
    "raw",
    [
        "๑๙๒.๑๖๘.๑.๑",
        "ไอพี: 192.168.1.1",
        "ที่อยู่ไอพี 192.168.1.1",
        "Địa chỉ IP: 192.168.1.1",
        "dia chi ip: 192.168.1.1",
        "Alamat IP: 192.168.1.1",
        "192.168.1.1.",
    ],
)
def test_an_ip_address_in_thai_digits_with_a_local_label_or_a_full_stop_is_read(raw: str) -> None:
    # Thai digits and the labels were refused with the IPv6 help; "192.168.1.1." (a sentence's
    # full stop) was "192.168.1.1 written with dots; write 192.168.1.1".
    assert value("ip", raw) == "ip:192.168.1.1"


@pytest.mark.parametrize(
    "raw",
    [
        "tronlink://send?address=TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9",
        "trust://send?asset=c195&address=TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9",
        "https://link.trustwallet.com/send?coin=195&address=TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9",
        "USDT tronlink://send?address=TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9&amount=10",
    ],
)
def test_a_wallet_apps_send_link_is_its_payees_address(raw: str) -> None:
    # Each was "has no wallet address in it": the query, and the address in it, was dropped.
    assert value("crypto_wallet", raw) == "crypto_wallet:tron:TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"


def test_a_payment_uri_keeps_the_address_before_its_query() -> None:
    raw = "bitcoin:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2?address=TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"
    assert value("crypto_wallet", raw) == "crypto_wallet:btc:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"


@pytest.mark.parametrize(
    ("kind", "raw", "country", "expected"),
    [
        ("phone", "081·234·5678", "TH", "phone:+66812345678"),
        ("phone", "081・234・5678", "TH", "phone:+66812345678"),
        ("bank_account", "KBank 123·4·56789·0", "TH", "bank_account:TH:KASI:1234567890"),
        ("ewallet", "GCash 0917·123·4567", "PH", "ewallet:gcash:+639171234567"),
    ],
)
def test_a_number_grouped_with_middle_dots_is_read(
    kind: str, raw: str, country: str, expected: str
) -> None:
    # "081·234·5678" was "neither a phone number nor an SMS sender name".
    assert value(kind, raw, country) == expected
