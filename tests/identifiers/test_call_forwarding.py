"""Call-forwarding codes that courier scams make victims dial: the number in them is a phone.

"*21*0812345678#" was refused as "neither a phone number nor an SMS sender name", and the
scammer's number it forwards the victim's calls to was lost to the check.
"""

from __future__ import annotations

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize
from counterscam.identifiers.guess import guess_kind


@pytest.mark.parametrize(
    ("raw", "country", "value"),
    [
        ("*21*0812345678#", "ID", "+62812345678"),  # forward every call
        ("**21*0812-345-678#", "ID", "+62812345678"),
        ("*61*+6281234567890#", "MY", "+6281234567890"),  # unanswered calls, abroad
        ("**61*0812345678*11*20#", "ID", "+62812345678"),  # with a service class and delay
        ("*67*012 345 6789#", "MY", "+60123456789"),  # when busy
        ("*21*0812345678", "ID", "+62812345678"),  # the # left off
    ],
)
def test_the_forwarded_to_number_is_read_as_the_phone(raw: str, country: str, value: str) -> None:
    found = canonicalize("phone", raw, country=country)
    assert (found.kind, found.value) == ("phone", value)
    assert guess_kind(raw, country=country) == "phone"


def test_a_forwarded_to_number_that_is_no_number_is_refused_as_a_phone() -> None:
    with pytest.raises(InvalidIdentifier, match="too short for a phone number in Indonesia"):
        canonicalize("phone", "*21*0812#", country="ID")


def test_a_code_with_no_number_is_still_refused() -> None:
    with pytest.raises(InvalidIdentifier):
        canonicalize("phone", "##21#", country="ID")
