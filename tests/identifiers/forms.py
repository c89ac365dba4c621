"""What the identifier tests ask of a written form: its canonical value, or why it is refused."""

from __future__ import annotations

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize


def value(kind: str, raw: str, country: str | None = None, qualifier: str | None = None) -> str:
    """Return ``kind:value`` of the canonical form, checking that it reads back as itself."""
    found = canonicalize(kind, raw, country=country, qualifier=qualifier)
    again = canonicalize(found.kind, found.value, country=found.country)
    assert again == found  # idempotent
    return f"{found.kind}:{found.value}"


def reason(kind: str, raw: str, country: str | None = None, qualifier: str | None = None) -> str:
    """Return why ``raw`` is refused (the test fails when it is read)."""
    with pytest.raises(InvalidIdentifier) as caught:
        canonicalize(kind, raw, country=country, qualifier=qualifier)
    return caught.value.reason
