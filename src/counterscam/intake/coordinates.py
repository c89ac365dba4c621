"""Coordinates written the other ways people write them, and what intake makes of them.

A place's latitude and longitude are decimal degrees. Police and mapping documents also write
degrees, minutes and seconds (16°38'49"N), a hemisphere letter (N16.6469, 98.5155 E), a
decimal comma (16,6469), or paste a map link. The report form reads those for the officer
(``place_coordinates``), who sees the decimal value before saving. A file is not read that
way: its values are refused, never guessed, and the reason gives the decimal value the writer
most likely means (``coordinate_hint``), so the fix is one copy.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

_NUMBER = r"[-+]?\d+(?:\.\d+)?"
_PAIR = re.compile(rf"\s*({_NUMBER})\s*[,;\s]\s*({_NUMBER})\s*")
# 11°33'23"N, 11° 33′ 23.5″ N, 11.5564° N, N 11°33'23" (one axis).
_DMS = re.compile(
    r"\s*([NSEW])?\s*(\d{1,3}(?:\.\d+)?)\s*[°º˚]\s*(?:(\d{1,2}(?:\.\d+)?)\s*['′’]\s*)?"
    r"(?:(\d{1,2}(?:\.\d+)?)\s*(?:\"|″|”|''|′′)\s*)?([NSEW])?\s*",
    re.IGNORECASE,
)
_LETTERED = re.compile(r"([NSEW])\s*(\d{1,3}(?:\.\d+)?)|(\d{1,3}(?:\.\d+)?)\s*([NSEW])", re.I)
_DECIMAL_COMMA = re.compile(r"([+-]?\d{1,3}),(\d+)")
_HEMISPHERES = {"latitude": "NS", "longitude": "EW"}
# The place pin (!3d..!4d..) is where the place is; "@lat,lon" is only the map's centre.
_PIN = re.compile(rf"!3d({_NUMBER})!4d({_NUMBER})")
_AT = re.compile(rf"@({_NUMBER}),({_NUMBER})")


def _decimal(value: str | Decimal) -> str:
    return format(Decimal(value).quantize(Decimal("0.000001")).normalize(), "f")


def _dms_parts(text: str) -> tuple[str | None, Decimal, bool] | None:
    """Return (hemisphere letter, unsigned degrees, minutes given) of one DMS coordinate."""
    match = _DMS.fullmatch(text)
    if not match:
        return None
    before, deg, minutes, seconds, after = match.groups()
    if before and after:
        return None
    value = Decimal(deg) + Decimal(minutes or 0) / 60 + Decimal(seconds or 0) / 3600
    return (before or after or "").upper() or None, value, minutes is not None


def _dms(text: str) -> tuple[str, str] | None:
    """Return (axis, decimal degrees) of one DMS coordinate; axis is 'lat', 'lon' or ''."""
    parts = _dms_parts(text)
    if parts is None:
        return None
    letter, value, _ = parts
    axis = {"N": "lat", "S": "lat", "E": "lon", "W": "lon"}.get(letter or "", "")
    return axis, _decimal(-value if letter in ("S", "W") else value)


def _from_link(text: str) -> tuple[str, str] | None:
    if not re.match(r"(https?://)?([\w-]+\.)*google\.[\w.]+/maps|(https?://)?maps\.google\.", text):
        return None
    link = unquote(text)
    for pattern in (_PIN, _AT):
        match = pattern.search(link)
        if match:
            return match.group(1), match.group(2)
    query = parse_qs(urlsplit(link if "://" in link else f"https://{link}").query)
    for key in ("q", "query", "ll", "destination"):
        for value in query.get(key, []):
            pair = _PAIR.fullmatch(value)
            if pair:
                return pair.group(1), pair.group(2)
    return None


def pair_of(text: str) -> tuple[str, str] | None:
    """Return (latitude, longitude) as decimal degrees from one pasted text, or None."""
    text = text.strip()
    try:
        linked = _from_link(text)
        if linked:
            return _decimal(linked[0]), _decimal(linked[1])
        pair = _PAIR.fullmatch(text)
        if pair:
            return _decimal(pair.group(1)), _decimal(pair.group(2))
        halves = re.fullmatch(r"(.+?[NS])\s*[,;]?\s*(.+?[EW].*)", text, re.IGNORECASE)
        if halves:
            lat, lon = _dms(halves.group(1)), _dms(halves.group(2))
            if lat and lon and lat[0] == "lat" and lon[0] == "lon":
                return lat[1], lon[1]
    except InvalidOperation:
        return None
    return None


def one_of(text: str) -> str | None:
    """Return one DMS coordinate (11°33'23"N) as decimal degrees, or None."""
    try:
        found = _dms(text)
    except InvalidOperation:
        return None
    return found[1] if found else None


def place_coordinates(row: Mapping[str, str]) -> dict[str, str]:
    """Return a report form's place row with its latitude and longitude as decimal degrees
    where they can be read; anything else is left as typed, so intake's message names it."""
    place = dict(row)
    lat, lon = place.get("latitude", "").strip(), place.get("longitude", "").strip()
    if bool(lat) != bool(lon):
        pair = pair_of(lat or lon)
        if pair:
            place["latitude"], place["longitude"] = pair
            return place
    for axis, text in (("latitude", lat), ("longitude", lon)):
        if text and not re.fullmatch(_NUMBER, text):
            place[axis] = one_of(text) or text
    return place


def coordinate_hint(value: Any, axis: str) -> str:
    """Return "; ... write X" for a file's coordinate written another way, or "" when none
    is seen."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if match := _DECIMAL_COMMA.fullmatch(text):
        return f"; '{text}' has a decimal comma: write {match[1]}.{match[2]}"
    if parts := _dms_parts(text):
        letter, degrees, minutes = parts
        written = "in degrees, minutes and seconds" if minutes else "with a degree sign"
        return _hint(text, axis, letter, degrees, written)
    if match := _LETTERED.fullmatch(text):
        letter = (match[1] or match[4]).upper()
        degrees = Decimal(match[2] or match[3])
        return _hint(text, axis, letter, degrees, "with a hemisphere letter")
    return ""


def _hint(text: str, axis: str, letter: str | None, degrees: Decimal, written: str) -> str:
    if letter is not None and letter not in _HEMISPHERES[axis]:
        return (
            f"; '{text}' is not a {axis} ({axis} takes "
            f"{' or '.join(_HEMISPHERES[axis])}): check the column"
        )
    sign = "-" if letter in ("S", "W") else ""
    south = " (south and west are negative)" if letter is not None else ""
    # Quoted plainly: seconds are written with '"', minutes with "'", and repr escapes one.
    return f"; '{text}' is written {written}: write {sign}{_decimal(degrees)}{south}"
