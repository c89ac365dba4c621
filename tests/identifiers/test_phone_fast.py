"""The quick E.164 road must give exactly what the full phonenumbers parse gives."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from counterscam.identifiers import InvalidIdentifier, canonicalize
from counterscam.identifiers import phone as phone_module
from counterscam.identifiers._phone_fast import valid_e164

MANY = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)
TYPES = [PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.TOLL_FREE]


def _examples() -> list[str]:
    """Return valid numbers of every region in E.164, the seeds real-looking input grows from."""
    found = []
    for region in REGIONS:
        for kind in TYPES:
            number = phonenumbers.example_number_for_type(region, kind)
            if number is not None:
                found.append(phonenumbers.format_number(number, PhoneNumberFormat.E164))
    return found


EXAMPLES = _examples()


@st.composite
def candidates(draw: st.DrawFn) -> tuple[str, str | None]:
    """Draw a candidate as e164() builds them: ``+digits`` alone, or digits and a region."""
    e164 = draw(st.sampled_from(EXAMPLES))
    number = phonenumbers.parse(e164)
    own = phonenumbers.region_code_for_number(number)
    region = draw(st.one_of(st.just(own), st.sampled_from(REGIONS)))
    national = str(number.national_number)
    # Change a few digits, drop or add some: near misses of valid numbers.
    digits = list(draw(st.sampled_from([national, e164[1:]])))
    for _ in range(draw(st.sampled_from([0, 0, 1, 2, 3]))):
        at = draw(st.integers(0, len(digits)))
        action = draw(st.sampled_from(["set", "insert", "delete"]))
        digit = draw(st.sampled_from("0123456789"))
        if action == "insert":
            digits.insert(at, digit)
        elif digits and at < len(digits):
            if action == "set":
                digits[at] = digit
            else:
                del digits[at]
    body = "".join(digits)
    form = draw(
        st.sampled_from(["plus", "plus", "national0", "national0", "national", "idd", "cc"])
    )
    if form == "plus":
        return "+" + body, None
    if form == "national0":
        return "0" + body, region
    if form == "idd":
        return "00" + body, region
    if form == "cc":
        return str(number.country_code) + body, region
    return body, region


def _full(candidate: str, region: str | None) -> tuple[str, str | None] | None:
    try:
        number = phonenumbers.parse(candidate, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    value = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return value, phonenumbers.region_code_for_number(number)


@MANY
@given(candidates())
@example(("+60123456789", None))
@example(("0123456789", "MY"))
@example(("0812345678", "TH"))
@example(("020 7946 0958".replace(" ", ""), "GB"))
@example(("2025550123", "US"))
def test_quick_answer_is_the_full_parse(candidate: tuple[str, str | None]) -> None:
    text, region = candidate
    quick = valid_e164(text, region)
    if quick is not None:
        assert quick == _full(text, region)


@MANY
@given(st.text(alphabet="0123456789+", max_size=20), st.sampled_from([None, *REGIONS]))
def test_quick_answer_on_any_digits(text: str, region: str | None) -> None:
    quick = valid_e164(text, region)
    if quick is not None:
        assert quick == _full(text, region)


def test_common_forms_take_the_quick_road() -> None:
    # Otherwise the road is never taken and the property tests above prove nothing.
    assert valid_e164("0123456789", "MY") == ("+60123456789", "MY")
    assert valid_e164("+6591234567", None) == ("+6591234567", "SG")
    assert valid_e164("0812345678", "TH") == ("+66812345678", "TH")


def _canonical_or_reason(raw: str, country: str | None) -> tuple[str, str, str | None]:
    try:
        c = canonicalize("phone", raw, country=country)
    except InvalidIdentifier as exc:
        return ("error", exc.reason, None)
    return (c.kind, c.value, c.country)


SPELLINGS = st.builds(
    lambda e164, sep, national: (
        sep.join([e164[:4], e164[4:7], e164[7:]])
        if not national
        else "0" + sep.join([e164[3:5], e164[5:8], e164[8:]])
    ),
    st.sampled_from(EXAMPLES),
    st.sampled_from(["", " ", "-", ".", " - "]),
    st.booleans(),
)


@MANY
@given(SPELLINGS, st.sampled_from([None, "MY", "SG", "TH", "PH", "ID", "VN", "US", "GB", "CN"]))
def test_canonical_phone_is_the_same_without_the_quick_road(raw: str, country: str | None) -> None:
    quick = _canonical_or_reason(raw, country)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(phone_module, "valid_e164", lambda _text, _region: None)
        assert _canonical_or_reason(raw, country) == quick


def test_every_region_example_in_every_form() -> None:
    # The metadata of each region (prefixes, transform rules, lengths) is met at least once.
    agreed = 0
    for e164 in EXAMPLES:
        number = phonenumbers.parse(e164)
        region = phonenumbers.region_code_for_number(number)
        national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        national_digits = "".join(ch for ch in national if ch.isdigit())
        for text, where in ((e164, None), (national_digits, region), (e164[1:], region)):
            quick = valid_e164(text, where)
            if quick is not None:
                assert quick == _full(text, where), (text, where)
                agreed += 1
    assert agreed > len(EXAMPLES)
