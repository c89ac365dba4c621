"""Coordinates as officers paste them into the report form, read as decimal degrees.

Intake takes decimal degrees only (docs/formats.md). People copy "11.5564, 104.9282" from a
map into one box, degrees-minutes-seconds from a document, or a Google Maps link; the form
reads those here so the officer need not convert by hand.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from urllib.parse import parse_qs, unquote, urlsplit

_NUMBER = r"[-+]?\d+(?:\.\d+)?"
_PAIR = re.compile(rf"\s*({_NUMBER})\s*[,;\s]\s*({_NUMBER})\s*")
# 11°33'23"N, 11° 33′ 23.5″ N, 11.5564° N, N 11°33'23" (one axis).
_DMS = re.compile(
    r"\s*([NSEW])?\s*(\d+(?:\.\d+)?)\s*°\s*(?:(\d+(?:\.\d+)?)\s*['′’]\s*)?"
    r"(?:(\d+(?:\.\d+)?)\s*(?:\"|″|”|''|′′)\s*)?([NSEW])?\s*",
    re.IGNORECASE,
)
# The place pin (!3d..!4d..) is where the place is; "@lat,lon" is only the map's centre.
_PIN = re.compile(rf"!3d({_NUMBER})!4d({_NUMBER})")
_AT = re.compile(rf"@({_NUMBER}),({_NUMBER})")


def _decimal(text: str) -> str:
    value = Decimal(text).quantize(Decimal("0.000001")).normalize()
    return format(value, "f")


def _dms(text: str) -> tuple[str, str] | None:
    """Return (axis, decimal degrees) of one DMS coordinate; axis is 'lat', 'lon' or ''."""
    match = _DMS.fullmatch(text)
    if not match:
        return None
    before, deg, minutes, seconds, after = match.groups()
    if before and after:
        return None
    value = Decimal(deg) + Decimal(minutes or 0) / 60 + Decimal(seconds or 0) / 3600
    hemisphere = (before or after or "").upper()
    if hemisphere in ("S", "W"):
        value = -value
    axis = {"N": "lat", "S": "lat", "E": "lon", "W": "lon"}.get(hemisphere, "")
    return axis, _decimal(str(value))


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
    """Return a place row with its latitude and longitude as decimal degrees where they can be
    read; anything else is left as typed, so intake's message names it."""
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
