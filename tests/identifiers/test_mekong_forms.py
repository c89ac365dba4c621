"""Identifiers as people in Myanmar and Cambodia write them, and LINE and X accounts."""

from __future__ import annotations

import itertools

import phonenumbers
import pytest
from phonenumbers import PhoneNumberType

from counterscam.identifiers import canonicalize, guess_kind
from tests.identifiers.forms import reason, value

_BURMESE = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")


def _myanmar_mobiles() -> list[str]:
    """One national number for each mobile prefix and length phonenumbers knows in Myanmar."""
    found: dict[tuple[str, int], str] = {}
    for head, length in itertools.product(range(900, 1000), (8, 9, 10)):
        for tail in ("1234567", "0000000", "5555555", "7777777", "9999999"):
            national = f"{head}{tail}"[:length]
            number = phonenumbers.parse("+95" + national)
            kind = phonenumbers.number_type(number)
            if phonenumbers.is_valid_number(number) and kind == PhoneNumberType.MOBILE:
                found.setdefault((str(head), length), national)
                break
    return sorted(found.values())


MOBILES = _myanmar_mobiles()


def _written(national: str) -> list[str]:
    """The ways a Myanmar mobile (national number 9...) is written."""
    rest = national[1:]
    groups = " ".join((rest[:3], rest[3:6], rest[6:])).strip()
    return [
        "0" + national,
        f"09 {groups}",
        f"09-{rest[:3]}-{rest[3:]}",
        f"09.{rest[:3]}.{rest[3:]}",
        f"(09) {groups}",
        f"+95 9 {groups}",
        f"+95 (0)9 {groups}",
        f"+95-9-{rest}",
        f"959{rest}",
        f"95 9 {groups}",
        f"0095 9 {groups}",
        f"00959{rest}",
        ("0" + national).translate(_BURMESE),
        f"09 {groups}".translate(_BURMESE),
        f"+95 9 {groups}".translate(_BURMESE),
    ]


def test_every_myanmar_mobile_range_is_sampled() -> None:
    # MPT 09-2x/4x/5x/8x, Telenor/ATOM 09-7x, Ooredoo 09-9x, Mytel 09-6x, lengths 8 to 10.
    heads = {national[:2] for national in MOBILES}
    assert {"92", "94", "95", "96", "97", "98", "99"} <= heads
    assert {len(national) for national in MOBILES} == {8, 9, 10}


@pytest.mark.parametrize("national", MOBILES)
def test_myanmar_mobiles_in_every_written_form(national: str) -> None:
    for written in _written(national):
        assert value("phone", written, "MM") == f"phone:+95{national}", written
        assert guess_kind(written, country="MM") == "phone", written


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # The letter wa "ဝ", typed for the digit zero "၀" that it looks like.
        ("ဝ၉ ၄၂၅ ဝ၁၂ ၃၄၅", "+959425012345"),
        ("၀၉-၄၂၅-ဝ၁၂-၃၄၅", "+959425012345"),
        ("ဝ၉၇၈၁၂၃၄၅၆၇", "+959781234567"),
        ("ဝဝ၉၅ ၉ ၇၈၁ ၂၃၄ ၅၆၇", "+959781234567"),
        # Burmese and ASCII digits mixed, a Burmese full stop after the number.
        ("09 ၇၈၁ ၂၃၄ ၅၆၇", "+959781234567"),
        ("09 425 012 345။", "+959425012345"),
        ("ဖုန်း ၀၉၄၂၅၀၁၂၃၄၅", "+959425012345"),
    ],
)
def test_myanmar_numbers_written_in_burmese(raw: str, expected: str) -> None:
    assert value("phone", raw, "MM") == f"phone:{expected}"
    assert guess_kind(raw, country="MM") == "phone"


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ("09 1234567", "is not a valid phone number in Myanmar"),
        ("09 ၁၂၃ ၄၅၆၇", "is not a valid phone number in Myanmar"),
        ("ဝ၉ ၁၂၃ ၄၅၆၇", "is not a valid phone number in Myanmar"),
        ("09 2501 2345", "is not a valid phone number in Myanmar"),  # 09-25 has 8 more digits
        ("+95 9 42501 23456", "a phone number in Myanmar"),
    ],
)
def test_invalid_myanmar_numbers_are_refused_with_the_reason(raw: str, said: str) -> None:
    assert said in reason("phone", raw, "MM")


def test_wa_is_a_letter_away_from_digits() -> None:
    # "ဝင်း" (Win, a name) keeps its wa: no digit is next to it.
    assert reason("phone", "ဝင်း", "MM")
    assert canonicalize("bank_account", "KBZ 0123 4567 8901 23456", country="MM").value == (
        "MM:KBZB:01234567890123456"
    )


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("dara_sok@aclb", "KH", "ewallet:bakong:dara_sok@aclb"),
        ("Dara_Sok@ACLB", None, "ewallet:bakong:dara_sok@aclb"),
        ("012345678@wing", "KH", "ewallet:bakong:012345678@wing"),
        ("Bakong sokha.chan@abaa", "TH", "ewallet:bakong:sokha.chan@abaa"),
        ("bakong:dara_sok@aclb", None, "ewallet:bakong:dara_sok@aclb"),
        ("Bakong dara_sok@aclb", "KH", "ewallet:bakong:dara_sok@aclb"),
        ("Bakong ID: sokha.chan@abaa", "KH", "ewallet:bakong:sokha.chan@abaa"),
        ("KHQR: dara_sok@aclb", "KH", "ewallet:bakong:dara_sok@aclb"),
        # A Bakong account by phone number stays a phone, as before.
        ("Bakong 012 345 678", "KH", "ewallet:bakong:+85512345678"),
    ],
)
def test_bakong_account_ids(raw: str, country: str | None, expected: str) -> None:
    assert value("ewallet", raw, country) == expected
    assert guess_kind(raw, country=country) in ("ewallet", "bank_account")


def test_a_bakong_id_given_as_a_bank_account_is_the_ewallet() -> None:
    assert value("bank_account", "Bakong dara_sok@aclb", "KH") == "ewallet:bakong:dara_sok@aclb"


@pytest.mark.parametrize("raw", ["dara_sok@aclb", "012345678@wing", "sokha.chan@abaa"])
def test_detect_automatically_reads_a_bakong_id_not_an_email(raw: str) -> None:
    assert guess_kind(raw, country="KH") == "ewallet"
    assert guess_kind(raw) == "ewallet"


def test_a_bare_name_at_code_is_not_taken_for_a_bakong_id_outside_cambodia() -> None:
    # A Thai or Malaysian analyst's "john@example" is an e-mail address cut short, not a guess
    # to make silently; naming Bakong, or choosing the kind, still reads the ID anywhere.
    assert guess_kind("john@example", country="TH") is None
    assert guess_kind("dara_sok@aclb", country="MY") is None
    assert guess_kind("Bakong ID: dara_sok@aclb", country="TH") == "ewallet"
    assert value("ewallet", "dara_sok@aclb", "TH") == "ewallet:bakong:dara_sok@aclb"


def test_bakong_id_keeps_its_bank_and_dots() -> None:
    # Two holders of one name at two banks, and a dotted name, are different accounts.
    assert value("ewallet", "dara@aclb") != value("ewallet", "dara@abaa")
    assert value("ewallet", "sokha.chan@abaa") != value("ewallet", "sokhachan@abaa")


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ("bakong:dara sok@aclb", "is not name@bank"),
        ("bakong:dara@ac.lb", "is not name@bank"),
        ("bakong:dara@@aclb", "is not name@bank"),
    ],
)
def test_malformed_bakong_ids_are_refused(raw: str, said: str) -> None:
    assert said in reason("ewallet", raw, "KH")


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("dara@gmail.com", "email"),
        ("sokha.chan@aba.com.kh", "email"),
        ("scammer@telegram", None),  # a platform's name after "@" is no bank
        ("@shop", "handle"),
    ],
)
def test_other_values_with_an_at_sign_are_not_bakong_ids(raw: str, kind: str | None) -> None:
    assert guess_kind(raw, country="KH") == kind


@pytest.mark.parametrize(
    ("writings", "expected"),
    [
        (
            [
                "line://ti/p/~abc123",
                "LINE://ti/p/~ABC123",
                "https://line.me/ti/p/~abc123",
                "https://line.me/R/ti/p/~abc123",
                "line.me/ti/p/~abc123",
                "LINE: abc123",
            ],
            "handle:line:abc123",
        ),
        (
            ["line://ti/p/@shop", "https://line.me/R/ti/p/@shop", "line.me/R/ti/p/%40shop"],
            "handle:line:shop",
        ),
        (
            [
                "https://x.com/scam_acct",
                "twitter.com/scam_acct",
                "https://twitter.com/Scam_Acct",
                "https://mobile.twitter.com/scam_acct",
                "x.com/scam_acct?s=21",
                "X: @scam_acct",
            ],
            "handle:x:scam_acct",
        ),
    ],
)
def test_one_line_or_x_account_written_every_way_meets(writings: list[str], expected: str) -> None:
    for raw in writings:
        assert guess_kind(raw) == "handle", raw
        assert value("handle", raw) == expected, raw


def test_line_app_links_as_urls_are_their_line_me_pages() -> None:
    assert value("url", "line://ti/p/~abc123") == value("url", "https://line.me/ti/p/~abc123")
    # A group invitation is no account: as a url it is the invitation's page.
    assert value("url", "line://ti/g/AbCdEf") == "url:https://line.me/ti/g/AbCdEf"
    assert guess_kind("line://ti/g/AbCdEf") == "url"
    assert "not a profile link" in reason("handle", "line://ti/g/AbCdEf")
