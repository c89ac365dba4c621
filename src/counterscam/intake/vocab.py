"""The codes a report may use, read once from the reference data, and each country's time zone."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import tzinfo
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import phonenumbers

from counterscam import reference
from counterscam.identifiers import KINDS

# Naive times in a file are the reporting country's local time. Countries with several zones
# (Indonesia, Australia, ...) use the capital's; a centre that needs another writes an offset.
_ZONES = {
    "BN": "Asia/Brunei",
    "KH": "Asia/Phnom_Penh",
    "ID": "Asia/Jakarta",
    "LA": "Asia/Vientiane",
    "MY": "Asia/Kuala_Lumpur",
    "MM": "Asia/Yangon",
    "PH": "Asia/Manila",
    "SG": "Asia/Singapore",
    "TH": "Asia/Bangkok",
    "VN": "Asia/Ho_Chi_Minh",
    "TL": "Asia/Dili",
    "PG": "Pacific/Port_Moresby",
    "AU": "Australia/Sydney",
    "CA": "America/Toronto",
    "CN": "Asia/Shanghai",
    "GB": "Europe/London",
    "IN": "Asia/Kolkata",
    "JP": "Asia/Tokyo",
    "KR": "Asia/Seoul",
    "NZ": "Pacific/Auckland",
    "RU": "Europe/Moscow",
    "US": "America/New_York",
    "HK": "Asia/Hong_Kong",
    "TW": "Asia/Taipei",
}
ID_KINDS = ("passport", "national_id", "other")


@cache
def zone(country: str | None) -> tzinfo:
    """Return the time zone of a country's capital (UTC when unknown)."""
    return ZoneInfo(_ZONES.get(country or "", "UTC"))


def zone_names() -> dict[str, str]:
    """Return the IANA zone name of each country with a known zone (the others read as UTC)."""
    return dict(_ZONES)


def _items(vocabulary: str) -> tuple[Any, ...]:
    loaders: dict[str, Callable[[], tuple[Any, ...]]] = {
        "scam_type": reference.scam_types,
        "channel": reference.channels,
        "mark": reference.marks,
        "sighting_role": reference.sighting_roles,
        "party_role": reference.party_roles,
        "place_kind": reference.place_kinds,
        "age_band": reference.age_bands,
        "gender": reference.genders,
    }
    return loaders[vocabulary]()


@cache
def codes(vocabulary: str) -> tuple[str, ...]:
    """Return the allowed codes of a reference vocabulary, in reference order."""
    return tuple(item.code for item in _items(vocabulary))


def written_code(vocabulary: str, folded: str) -> str:
    """Return the code a vocabulary's other writing stands for (see ``fold_code``), or
    ``folded`` as it is: national systems export a gender as "F", "L" (Malay lelaki) or "Nữ"."""
    return _written_forms(vocabulary).get(_written_key(folded), folded)


def _written_key(text: str) -> str:
    # "Nữ" typed with its marks as separate characters is the same word.
    return unicodedata.normalize("NFC", text).casefold()


@cache
def _written_forms(vocabulary: str) -> dict[str, str]:
    items = _items(vocabulary)
    own = {item.code for item in items}
    # The label the reference file gives a code is how the web pages show it, and how a
    # system that copied the list exports it ("Job or task scam", "Money mule"): the code's
    # too, unless it folds to another item's code.
    labels = {
        key: item.code
        for item in items
        if (label := getattr(item, "label", None))
        and ((key := _written_key(fold_code(label))) not in own or key == item.code)
    }
    return (
        labels
        | _open_bands(items)
        | {
            _written_key(fold_code(written)): item.code
            for item in items
            for written in getattr(item, "written", ())
        }
    )


def _open_bands(items: tuple[Any, ...]) -> dict[str, str]:
    # The age band without an upper end, as forms write it: "65+", "65 and above".
    return {
        _written_key(fold_code(form)): item.code
        for item in items
        if getattr(item, "max_age", 0) is None and getattr(item, "min_age", None) is not None
        for form in (f"{item.min_age}+", f"{item.min_age} and above")
    }


_CODE_GAP = re.compile(r"[\s-]+")
# A hyphen inside a word, as "E-mail", "e-commerce" and "e-wallet" are spelt (the reference's
# own label for the email channel is "E-mail"), where the code writes the word whole.
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def fold_code(text: str) -> str:
    """Return a code as written in a file, in the form the reference lists it.

    Case is ignored, and a space or hyphen stands for ``_`` as in column names: national
    systems export their labels, "Phone Call", "25-34", "Victim of Trafficking". A hyphen
    within a word is dropped instead when only that gives a code (``E-mail`` is ``email``).
    """
    lowered = text.strip().lower()
    folded = _CODE_GAP.sub("_", lowered)
    if folded in _all_codes():
        return folded
    joined = _CODE_GAP.sub("_", _WORD_HYPHEN.sub("", lowered))
    return joined if joined in _all_codes() else folded


@cache
def _all_codes() -> frozenset[str]:
    """Return every code of every vocabulary read with fold_code (none is another one unjoined)."""
    vocabularies = ("scam_type", "channel", "mark", "sighting_role", "party_role", "place_kind")
    every = {code for name in (*vocabularies, "age_band", "gender") for code in codes(name)}
    return frozenset(every | set(KINDS) | set(ID_KINDS))


def country_code(text: str) -> str | None:
    """Return the ISO alpha-2 code a country column's text names: the code in any case, a
    reference country's alpha-3 code ("MYS", as passports write nationality), or a name the
    reference gives the country ("Thailand", "Vietnam", "Burma", "ประเทศไทย"); else None."""
    code = text.strip().upper()
    if code in country_codes():
        return code
    return _country_names().get(_written_key(" ".join(text.split())))


def iso_country(text: str) -> str | None:
    """Return the ISO alpha-2 code an option's code names: an alpha-2 code, or a reference
    country's alpha-3 code, in any case; else None (a name is not a code)."""
    code = text.strip().upper()
    if code in country_codes():
        return code
    return _alpha3_codes().get(code)


@cache
def _alpha3_codes() -> dict[str, str]:
    return {c.alpha3: c.code for c in reference.countries()}


@cache
def _country_names() -> dict[str, str]:
    return {
        _written_key(name): c.code
        for c in reference.countries()
        for name in (c.label, c.alpha3, *c.written)
    }


@cache
def code_set(vocabulary: str) -> frozenset[str]:
    """Return the allowed codes of a vocabulary as a set."""
    return frozenset(codes(vocabulary))


@cache
def country_codes() -> frozenset[str]:
    """Return every ISO alpha-2 code accepted: the reference countries and all phone regions."""
    known = {c.code for c in reference.countries()}
    return frozenset(known | set(phonenumbers.SUPPORTED_REGIONS))


@cache
def currencies() -> tuple[str, ...]:
    """Return the currency codes of the FX table."""
    return reference.reference().fx.currencies


@cache
def currency_set() -> frozenset[str]:
    """Return the currency codes of the FX table as a set."""
    return frozenset(currencies())
