"""hotlines.yaml: every listed hotline is a valid number in its canonical form."""

from __future__ import annotations

import pytest

from counterscam.identifiers import canonicalize
from counterscam.reference.hotlines import hotline_of, hotlines


@pytest.mark.parametrize("number", sorted(hotlines()))
def test_each_hotline_is_a_canonical_phone_number(number: str) -> None:
    found = canonicalize("phone", number)
    assert (found.kind, found.value, found.shared_platform) == ("phone", number, True)


def test_a_hotline_names_its_organisation() -> None:
    assert hotline_of("+601300886688") == "Maybank"
    assert hotline_of("+60123456789") is None
