"""Sixth probe of identifiers as people in the ten countries write them: what a form says when
the caller or account is not known, account numbers with digits hidden, two accounts in one
cell, Viet Nam's VoIP international prefixes and a domain written with its port."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterscam.identifiers import guess_kind
from tests.identifiers.forms import reason, value

# What a phone shows, or a form is filled with, when the caller is not known. Each was kept
# as a sender name (MY:UNKNOWN...), one identifier every such report shared, linking them all.
_NO_CALLER = [
    ("Unknown", "MY"),
    ("Private Number", "TH"),
    ("No Caller ID", "SG"),
    ("Hidden", "PH"),
    ("Number withheld", "MY"),
    ("Anonymous", "PH"),
    ("NIL", "SG"),
    ("N A", "MY"),
    ("TBA", "PH"),
    ("None", "BN"),
    ("Tidak diketahui", "ID"),
    ("Nomor pribadi", "ID"),
    ("Nombor peribadi", "MY"),
    ("Wala", "PH"),
    ("Khong ro", "VN"),
    ("XXXXXXXXXX", "TH"),
]


@pytest.mark.parametrize(("raw", "country"), _NO_CALLER)
def test_a_caller_not_known_is_refused_as_a_phone(raw: str, country: str) -> None:
    why = reason("phone", raw, country)
    assert "unknown or was hidden" in why
    assert "leave the field empty" in why


@pytest.mark.parametrize(("raw", "country"), _NO_CALLER[:4])
def test_a_caller_not_known_is_refused_as_a_sender_name(raw: str, country: str) -> None:
    assert "unknown or was hidden" in reason("sender_id", raw, country)


@pytest.mark.parametrize(
    ("raw", "country"),
    [("MAYBANK", "MY"), ("KBank", "TH"), ("XOX", "MY"), ("GCash", "PH"), ("SingPost", "SG")],
)
def test_sender_names_are_still_read(raw: str, country: str) -> None:
    assert value("phone", raw, country) == f"sender_id:{country}:{raw.upper()}"


@pytest.mark.parametrize(
    ("raw", "qualifier"),
    [
        ("Telegram: unknown", None),
        ("Telegram: @unknown", None),
        ("LINE: none", None),
        ("LINE ID: N/A", None),
        ("Facebook: N/A", None),
        ("Telegram: deleted account", None),
        ("unknown", "Telegram"),
        ("telegram:nil", None),
    ],
)
def test_a_handle_not_known_is_refused(raw: str, qualifier: str | None) -> None:
    # Each was telegram:unknown, line:none...: one handle shared by every such report.
    assert "account is unknown or gone" in reason("handle", raw, None, qualifier)


def test_handles_that_only_contain_such_words_are_still_read() -> None:
    assert value("handle", "Telegram: @unknown_seller") == "handle:telegram:unknown_seller"
    assert value("handle", "LINE: nonegirl") == "handle:line:nonegirl"


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("KBank xxx-x-x5678-x", "TH"),  # as KBank's SMS notices show an account
        ("KBank 123-4-5XXXX-0", "TH"),
        ("BCA ****7890", "ID"),
        ("Maybank 5140 XXXX 5678", "MY"),
        ("Maybank 5140 •••• 5678", "MY"),
    ],
)
def test_an_account_with_digits_hidden_says_so(raw: str, country: str) -> None:
    # Before: "has no account number", or "'KBank -5XXXX-0', which is not a known bank".
    why = reason("bank_account", raw, country)
    assert "has digits hidden by X or *" in why
    assert "enter the full account number" in why
    assert guess_kind(raw, country=country) == "bank_account"


def test_a_holders_initials_after_an_account_are_no_mask() -> None:
    assert value("bank_account", "VCB 0011001234567 XX", "VN") == (
        "bank_account:VN:BFTV:0011001234567"
    )


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("BCA 1234567890 / 0987654321", "ID"),
        ("BCA 1234567890 atau 0987654321", "ID"),
        ("BCA 1234567890, Mandiri 1230012345678", "ID"),
        ("KBank 123-4-56789-0 หรือ 123-4-56789-1", "TH"),
        ("Vietcombank 0011001234567 hoặc 0011001234568", "VN"),
    ],
)
def test_two_accounts_in_one_cell_are_refused_as_such(raw: str, country: str) -> None:
    # Before: "has 20 digits; a BCA account number has 10 digits".
    assert "holds more than one account number" in reason("bank_account", raw, country)


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("Maybank 514012345678, Ali bin Abu", "MY", "MY:MBBE:514012345678"),
        ("Land and Houses 1234567890", "TH", "TH:LAHR:1234567890"),
        ("BCEL 010.12.00.01234567.001", "LA", "LA:COEB:010120001234567001"),
    ],
)
def test_one_account_with_commas_or_and_is_still_read(
    raw: str, country: str, expected: str
) -> None:
    assert value("bank_account", raw, country) == f"bank_account:{expected}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("171 00 60 12 345 6789", "+60123456789"),  # VNPT's VoIP 171, then 00
        ("17100 60 12 345 6789", "+60123456789"),
        ("177 00 1 202 555 0143", "+12025550143"),
        ("178 00 66 81 234 5678", "+66812345678"),  # Viettel's 178
        ("1710060123456789", "+60123456789"),
    ],
)
def test_viet_nam_voip_international_prefixes(raw: str, expected: str) -> None:
    # Before: "is too long for a phone number in Viet Nam".
    assert value("phone", raw, "VN") == f"phone:{expected}"


def test_voip_prefixes_are_read_only_in_viet_nam() -> None:
    assert "too long" in reason("phone", "17100 60 12 345 6789", "TH")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("evil.com:8080", "domain:evil.com"),
        ("Domain: evil.com:443", "domain:evil.com"),
        ("evil.com,", "domain:evil.com"),
        ("(evil.com)", "domain:evil.com"),
        ("<evil.com>", "domain:evil.com"),
        ("203.0.113.5:8080", "ip:203.0.113.5"),
    ],
)
def test_a_domain_with_its_port_or_punctuation(raw: str, expected: str) -> None:
    # Before: "is not a domain name: use letters, digits and hyphens between dots".
    assert value("domain", raw) == expected


@given(st.sampled_from([raw for raw, _ in _NO_CALLER]), st.sampled_from(["", " ", "  "]))
def test_placeholders_are_refused_however_spaced_or_cased(raw: str, pad: str) -> None:
    for written in (raw.upper(), raw.lower(), pad + raw.replace(" ", pad or " ") + pad):
        assert "unknown or was hidden" in reason("phone", written, "MY")


@pytest.mark.parametrize(
    ("raw", "country", "qualifier"),
    [
        ("PayNow UNKNOWN", "SG", None),
        ("PayNow NIL", "SG", None),
        ("DuitNow TIADA", "MY", None),
        ("Wing none", "KH", None),
        ("unknown", "SG", "PayNow"),
    ],
)
def test_a_proxy_or_wallet_id_not_known_is_refused(
    raw: str, country: str, qualifier: str | None
) -> None:
    # Each was kept as an ID (paynow:UNKNOWN, wing:NONE) that every such report shared.
    assert "account is unknown" in reason("ewallet", raw, country, qualifier)


def test_wallet_ids_are_still_read() -> None:
    assert value("ewallet", "PayNow S1234567D", "SG") == "ewallet:paynow:S1234567D"
    assert value("ewallet", "PayNow UEN 201912345K", "SG") == "ewallet:paynow:201912345K"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("[+66] 812345678", "TH", "+66812345678"),
        ("[+66] 81 234 5678", "MY", "+66812345678"),
        ("[+84] 912 345 678", "VN", "+84912345678"),
    ],
)
def test_a_country_code_in_square_brackets(raw: str, country: str, expected: str) -> None:
    # Before: "is neither a phone number nor an SMS sender name", where "(+66)" was read.
    assert value("phone", raw, country) == f"phone:{expected}"


@given(
    st.text(alphabet="0123456789", min_size=10, max_size=10),
    st.sets(st.integers(min_value=0, max_value=9), min_size=1, max_size=10),
    st.sampled_from(["x", "X", "*", "•"]),
)
def test_an_account_with_any_digits_hidden_is_never_read(
    digits: str, hidden: set[int], mask: str
) -> None:
    # Read as the digits left, it would be another account: a wrong link, worse than none.
    written = "".join(mask if i in hidden else d for i, d in enumerate(digits))
    grouped = f"{written[:3]}-{written[3]}-{written[4:9]}-{written[9]}"
    assert "digits hidden" in reason("bank_account", f"KBank {grouped}", "TH")


@pytest.mark.parametrize(
    "raw",
    ["Telegram: @scam_admin, @scam_admin2", "Telegram @a_one @a_two", "LINE: abc1, abc2"],
)
def test_two_handles_in_one_cell_are_refused_as_such(raw: str) -> None:
    # Before: "has spaces; a handle is one word", which sent the writer to join them.
    assert "holds more than one handle" in reason("handle", raw)


def test_a_profile_name_written_surname_first_is_still_told_to_be_a_name() -> None:
    assert "looks like the name a Facebook profile shows" in reason(
        "handle", "Facebook: Dela Cruz, Juan"
    )


def test_a_profile_link_named_so_stays_a_url() -> None:
    # As a handle it would be the refused telegram:unknown; as a url it is kept as written.
    assert value("url", "https://t.me/unknown") == "url:https://t.me/unknown"
    assert "account is unknown or gone" in reason("handle", "https://t.me/unknown")
