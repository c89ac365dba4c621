"""Published hotlines that scammers spoof (hotlines.yaml): kept as phones but flagged shared."""

from __future__ import annotations

import re
from functools import cache

from counterscam.reference._files import ReferenceDataError, read_file

_E164 = re.compile(r"\+[1-9]\d{6,14}", re.ASCII)


@cache
def _hotlines() -> dict[str, str]:
    doc = read_file("hotlines.yaml")
    listed = doc.get("hotlines")
    if not isinstance(listed, dict):
        raise ReferenceDataError("hotlines.yaml: 'hotlines' must map numbers to organisations")
    found: dict[str, str] = {}
    for number, owner in listed.items():
        if not isinstance(number, str) or not _E164.fullmatch(number):
            raise ReferenceDataError(f"hotlines.yaml: {number!r} is no E.164 number (+60...)")
        if not isinstance(owner, str) or not owner.strip():
            raise ReferenceDataError(f"hotlines.yaml: {number} names no organisation")
        found[number] = owner.strip()
    return found


def hotline_of(e164: str) -> str | None:
    """Return the organisation whose published hotline the E.164 number ``e164`` is, else None."""
    return _hotlines().get(e164)


def hotlines() -> dict[str, str]:
    """Return every listed hotline, E.164 number to organisation."""
    return dict(_hotlines())
