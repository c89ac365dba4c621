"""Coordinates written the other ways exports write them, read only to say what to write.

A place's latitude and longitude are decimal degrees. Police and mapping exports also write
degrees, minutes and seconds (16°38'49"N), a hemisphere letter (N16.6469, 98.5155 E) or a
decimal comma (16,6469); these are refused, never guessed, and the reason gives the decimal
value the writer most likely means, so the fix is one copy.
"""

from __future__ import annotations

import re
from typing import Any

_NUMBER = r"\d{1,3}(?:\.\d+)?"
_DMS = re.compile(
    rf"([NSEW])?\s*({_NUMBER})\s*[°º˚]\s*(?:(\d{{1,2}}(?:\.\d+)?)\s*['′’]\s*)?"
    rf"(?:(\d{{1,2}}(?:\.\d+)?)\s*(?:[\"″”]|''|′′)\s*)?([NSEW])?",
    re.IGNORECASE,
)
_LETTERED = re.compile(rf"([NSEW])\s*({_NUMBER})|({_NUMBER})\s*([NSEW])", re.IGNORECASE)
_DECIMAL_COMMA = re.compile(r"([+-]?\d{1,3}),(\d+)")
_HEMISPHERES = {"latitude": "NS", "longitude": "EW"}


def coordinate_hint(value: Any, axis: str) -> str:
    """Return "; ... write X" for a coordinate written another way, or "" when none is seen."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if match := _DECIMAL_COMMA.fullmatch(text):
        return f"; '{text}' has a decimal comma: write {match[1]}.{match[2]}"
    if (match := _DMS.fullmatch(text)) and not (match[1] and match[5]):
        letter = (match[1] or match[5] or "").upper() or None
        degrees = float(match[2]) + float(match[3] or 0) / 60 + float(match[4] or 0) / 3600
        written = "in degrees, minutes and seconds" if match[3] else "with a degree sign"
        return _hint(text, axis, letter, degrees, written)
    if match := _LETTERED.fullmatch(text):
        letter = (match[1] or match[4]).upper()
        degrees = float(match[2] or match[3])
        return _hint(text, axis, letter, degrees, "with a hemisphere letter")
    return ""


def _hint(text: str, axis: str, letter: str | None, degrees: float, written: str) -> str:
    if letter is not None and letter not in _HEMISPHERES[axis]:
        return (
            f"; '{text}' is not a {axis} ({axis} takes "
            f"{' or '.join(_HEMISPHERES[axis])}): check the column"
        )
    sign = "-" if letter in ("S", "W") else ""
    decimal = f"{degrees:.6f}".rstrip("0").rstrip(".")
    south = " (south and west are negative)" if letter is not None else ""
    # Quoted plainly: seconds are written with '"', minutes with "'", and repr escapes one.
    return f"; '{text}' is written {written}: write {sign}{decimal}{south}"
