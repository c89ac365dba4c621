"""Phone numbers, short codes and sender names as people in the region write them."""

import pytest

from counterscam.identifiers import Canonical, InvalidIdentifier, canonicalize

PHONES = [
    # Malaysia
    ("012-345 6789", "MY", "+60123456789"),
    ("+60 12-345 6789", "MY", "+60123456789"),
    ("(+60)123456789", None, "+60123456789"),
    ("0060123456789", "MY", "+60123456789"),
    ("60123456789", "MY", "+60123456789"),
    ("60123456789", "TH", "+60123456789"),
    ("+6012.345.6789", None, "+60123456789"),
    ("03-2123 4567", "MY", "+60321234567"),
    ("1300-88-1234", "MY", "+601300881234"),
    ("1800 22 8888", "MY", "+601800228888"),
    ("０１２-３４５ ６７８９", "MY", "+60123456789"),
    ("tel:+60123456789", None, "+60123456789"),
    ("Tel: 012 345 6789", "MY", "+60123456789"),
    # Thailand
    ("081-234-5678", "TH", "+66812345678"),
    ("08x".replace("x", "1") + "-234-5678", "TH", "+66812345678"),
    ("+66 81 234 5678", None, "+66812345678"),
    ("66812345678", "TH", "+66812345678"),
    ("๐๘๑-๒๓๔-๕๖๗๘", "TH", "+66812345678"),
    ("02-123-4567", "TH", "+6621234567"),
    ("001 60123456789", "TH", "+60123456789"),
    # Philippines
    ("0917 123 4567", "PH", "+639171234567"),
    ("+63 917 123 4567", None, "+639171234567"),
    ("639171234567", "PH", "+639171234567"),
    ("(02) 8123 4567", "PH", "+63281234567"),
    # Indonesia
    ("0812-3456-7890", "ID", "+6281234567890"),
    ("62812-3456-7890", "ID", "+6281234567890"),
    ("+62 812 3456 7890", None, "+6281234567890"),
    ("021-5550-1234", "ID", "+622155501234"),
    # Viet Nam
    ("090 123 45 67", "VN", "+84901234567"),
    ("84 90 123 45 67", "VN", "+84901234567"),
    ("0912 345 678", "VN", "+84912345678"),
    ("+84 24 3823 4567", None, "+842438234567"),
    # Singapore
    ("9123 4567", "SG", "+6591234567"),
    ("+65 9123 4567", None, "+6591234567"),
    ("6591234567", "MY", "+6591234567"),
    ("6123-4567", "SG", "+6561234567"),
    # Cambodia
    ("097 123 4567", "KH", "+855971234567"),
    ("091 234 567", "KH", "+85591234567"),
    ("+855 97 123 4567", None, "+855971234567"),
    ("០៩៧ ១២៣ ៤៥៦៧", "KH", "+855971234567"),  # Khmer digits
    # Lao PDR
    ("020 23 123 456", "LA", "+8562023123456"),
    ("+856 20 2345 6789", None, "+8562023456789"),
    ("໐໒໐ ໒໓ ໑໒໓ ໔໕໖", "LA", "+8562023123456"),  # Lao digits
    # Myanmar
    ("09 250 123 456", "MM", "+959250123456"),
    ("+95 9 7812 34567", None, "+959781234567"),
    ("၀၉ ၂၅၀ ၁၂၃ ၄၅၆", "MM", "+959250123456"),  # Myanmar digits
    # Brunei
    ("712 3456", "BN", "+6737123456"),
    ("+673 876 5432", None, "+6738765432"),
    ("٧١٢ ٣٤٥٦", "BN", "+6737123456"),  # Arabic-Indic digits
    # Links that carry a number
    ("wa.me/60123456789", None, "+60123456789"),
    ("https://wa.me/60123456789?text=hello", "TH", "+60123456789"),
    ("https://api.whatsapp.com/send?phone=60123456789&text=hi", None, "+60123456789"),
    ("whatsapp://send?phone=60123456789", None, "+60123456789"),
    ("viber://chat?number=%2B60123456789", None, "+60123456789"),
    ("zalo.me/0901234567", None, "+84901234567"),
]


@pytest.mark.parametrize(("raw", "country", "expected"), PHONES)
def test_phone_spellings(raw: str, country: str | None, expected: str) -> None:
    result = canonicalize("phone", raw, country=country)
    assert (result.kind, result.value) == ("phone", expected)
    assert canonicalize(result.kind, result.value, country=result.country) == result


@pytest.mark.parametrize(
    ("raw", "country", "kind", "value"),
    [
        ("997", "MY", "shortcode", "MY:997"),
        ("1441", "TH", "shortcode", "TH:1441"),
        ("1799", "SG", "shortcode", "SG:1799"),
        ("MY:997", None, "shortcode", "MY:997"),
        ("MAYBANK", "MY", "sender_id", "MY:MAYBANK"),
        ("GCash", "PH", "sender_id", "PH:GCASH"),
        ("lazada  ph", "PH", "sender_id", "PH:LAZADA PH"),
        ("PH:LAZADA PH", None, "sender_id", "PH:LAZADA PH"),
        ("line.me/ti/p/~scammer01", "TH", "handle", "line:scammer01"),
    ],
)
def test_phone_field_that_is_not_a_phone(
    raw: str, country: str | None, kind: str, value: str
) -> None:
    result = canonicalize("phone", raw, country=country)
    assert (result.kind, result.value) == (kind, value)


@pytest.mark.parametrize(
    ("raw", "country", "fragment"),
    [
        ("+60 12 345", "MY", "too short"),
        ("+60 12 345 6789 1234", None, "too long"),
        ("012 345 6789", None, "country code"),
        ("+999 1234 5678", None, "country code"),
        ("997", None, "give the country"),
        ("MAYBANK", None, "country where the SMS"),
        ("012-345 6789", "XX", "not known"),
        ("+60 00 000 0000", None, "Malaysia"),
        ("https://example.com/page", "MY", "web address"),
        ("!!!", "MY", "neither a phone number"),
    ],
)
def test_phone_errors_say_why(raw: str, country: str | None, fragment: str) -> None:
    with pytest.raises(InvalidIdentifier) as info:
        canonicalize("phone", raw, country=country)
    assert fragment in info.value.reason
    assert info.value.kind in ("phone", "shortcode", "sender_id")


@pytest.mark.parametrize(
    ("raw", "country"),
    [("090 123", "VN"), ("081-234", "TH"), ("012-345", "MY"), ("0917 12", "PH"), ("02 123", "KH")],
)
def test_a_number_cut_short_is_no_short_code(raw: str, country: str) -> None:
    # Stored as the short code VN:090123, it matched every other number cut the same way.
    with pytest.raises(InvalidIdentifier) as info:
        canonicalize("phone", raw, country=country)
    assert info.value.kind == "phone"
    assert "phone number in" in info.value.reason


def test_a_short_code_the_country_dials_with_a_zero_stays_one() -> None:
    assert canonicalize("phone", "000", country="AU").value == "AU:000"


def test_a_lao_mobile_without_its_20_is_not_a_foreign_code_without_plus() -> None:
    # "9811 1000" in Laos is 020 9811 1000; it was read as +98 111000, a number in Iran.
    assert canonicalize("phone", "9811 1000", country="LA").value == "+8562098111000"
    assert canonicalize("phone", "60123456789", country="LA").value == "+60123456789"


def test_shortcode_and_sender_kinds_directly() -> None:
    assert canonicalize("shortcode", "997", country="my") == Canonical("shortcode", "MY:997", "MY")
    assert canonicalize("sender_id", "MY:MAYBANK").value == "MY:MAYBANK"
    with pytest.raises(InvalidIdentifier, match="3 to 6 digits"):
        canonicalize("shortcode", "12345678", country="MY")


@pytest.mark.parametrize("country", ["MY", "SG"])
def test_a_number_with_its_country_code_is_shown_that_countrys_form(country: str) -> None:
    with pytest.raises(InvalidIdentifier) as caught:
        canonicalize("phone", "+65 99 316 551", country=country)
    reason = caught.value.reason
    assert "not a valid phone number in Singapore" in reason
    assert "check its digits" in reason and "+65 8123 4567" in reason
    assert "+60" not in reason and "enter it with its country code" not in reason
