"""Phone numbers in E.164; short codes and sender names are routed to their own kinds."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from counterscam.identifiers._links import phone_in_link
from counterscam.identifiers._phone_fast import valid_e164
from counterscam.identifiers._text import ascii_digits, clean
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.identifiers.shortcode import (
    check_country,
    sender_value,
    shortcode_value,
    split_prefix,
)
from counterscam.reference import country as country_record

_LABEL = re.compile(
    r"^(?:tel|phone|ph|hp|h/p|handphone|mobile|mob|call|no|number)\s*[:.#]?\s*(?=[+(\d])",
    re.I | re.ASCII,
)
# "ต่อ" is Thai for "extension".
_NUMERIC = re.compile(r"[+\d\s\-.()/]+(?:\s*(?:ext\.?|x|#|ต่อ)\s*\d{1,6})?", re.I | re.ASCII)
# A number a spreadsheet showed in scientific notation (6.0123456789E+10).
_SCIENTIFIC = re.compile(r"\+?(\d)(?:[.,](\d+))?[eE]\+?(\d{1,2})", re.ASCII)
# A number a spreadsheet or script stored as a decimal (60123456789.0).
_FLOAT = re.compile(r"(\+?\d{7,15})\.0+", re.ASCII)
# Several numbers in one cell: "0812345678 / 0898765432", "012-3456789, 019-8765432".
_SEVERAL = re.compile(r"\s*(?:[/,;|&]|\bor\b|\band\b)\s*", re.I)
_LINK = re.compile(r"[a-z][a-z0-9+.-]*://|[\w-]+(?:\.[\w-]+)+/", re.I)
# Digits, "+", "()" and "-" in words split by single spaces: what people usually type. For
# these, cleaning, link and label detection change nothing, so they go straight to e164.
_PLAIN = re.compile(r"[0-9+()\-]+(?: [0-9+()\-]+)*", re.ASCII)
_EXTENSION = re.compile(r"(?i)ext\.?|x|#|ต่อ")
_NON_DIGIT = re.compile(r"\D")
_REASONS = {
    phonenumbers.ValidationResult.TOO_SHORT: "is too short for",
    phonenumbers.ValidationResult.TOO_LONG: "is too long for",
    phonenumbers.ValidationResult.INVALID_LENGTH: "has the wrong number of digits for",
    phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "has an unknown country code",
}


def _place(region: str | None) -> str:
    if not region or region == "ZZ":
        return "any country"
    try:
        return country_record(region).label
    except KeyError:
        return region


def _example(region: str | None) -> str:
    example = phonenumbers.example_number_for_type(region or "MY", PhoneNumberType.MOBILE)
    if example is None:
        return "+60 12 345 6789"
    return str(phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL))


def _reason(raw: str, number: phonenumbers.PhoneNumber | None, region: str | None) -> str:
    hint = f"enter it with its country code, like {_example(region)}"
    if number is None:
        return f"{shown(raw)} is not a phone number; {hint}"
    where = phonenumbers.region_code_for_number(number) or region
    if where in (None, "ZZ") and number.country_code is not None:
        where = phonenumbers.region_code_for_country_code(number.country_code)
    if where not in (None, "ZZ") and (where != region or "+" in raw):
        # It already has its country code: show that country's form, and not ask for a code.
        hint = f"check its digits; a mobile number there is written like {_example(where)}"
    why = _REASONS.get(phonenumbers.is_possible_number_with_reason(number))
    if why == _REASONS[phonenumbers.ValidationResult.INVALID_COUNTRY_CODE]:
        return f"{shown(raw)} {why}; {hint}"
    if why:
        return f"{shown(raw)} {why} a phone number in {_place(where)}; {hint}"
    return f"{shown(raw)} is not a valid phone number in {_place(where)}; {hint}"


def _attempt(text: str, region: str | None) -> tuple[phonenumbers.PhoneNumber | None, bool]:
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None, False
    return number, bool(phonenumbers.is_valid_number(number))


def e164(raw: str, text: str, region: str | None) -> Canonical:
    """Parse a numeric phone string to an E.164 ``phone`` record, or raise with the reason."""
    has_plus = text.replace("(", "").lstrip().startswith("+")
    main = _EXTENSION.split(text)[0]
    digits = _NON_DIGIT.sub("", main)
    if not digits:
        raise InvalidIdentifier("phone", raw, f"{shown(raw)} has no digits; {_hint(region)}")
    if not has_plus and len(digits) <= 6:
        return shortcode_value(raw, digits, region)
    if has_plus:
        tries: list[tuple[str, str | None]] = [("+" + digits, None)]
    elif digits.startswith("00"):
        tries = [("+" + digits[2:], None)] + ([(digits, region)] if region else [])
    elif region:
        # National first; then the country code written without "+" (60123456789).
        tries = [(digits, region), ("+" + digits, None)]
    else:
        tries = [("+" + digits, None)]
    first: phonenumbers.PhoneNumber | None = None
    for candidate, candidate_region in tries:
        quick = valid_e164(candidate, candidate_region)
        if quick is not None:
            return Canonical("phone", quick[0], quick[1])
        number, valid = _attempt(candidate, candidate_region)
        if valid and number is not None:
            value = phonenumbers.format_number(number, PhoneNumberFormat.E164)
            return Canonical("phone", value, phonenumbers.region_code_for_number(number))
        if first is None:
            first = number
    if not has_plus and region is None and not digits.startswith("00"):
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} has no country code and no country was given; {_hint(None)}",
        )
    raise InvalidIdentifier("phone", raw, _reason(raw, first, region))


def _hint(region: str | None) -> str:
    return f"enter it with its country code, like {_example(region)}"


def canonicalize_phone(raw: str, country: str | None) -> Canonical:
    """Canonicalise a phone number; short codes and sender names change kind."""
    if isinstance(raw, str) and _PLAIN.fullmatch(raw):
        return e164(raw, raw, check_country("phone", raw, country))
    text = ascii_digits(clean("phone", raw))
    region = check_country("phone", raw, country)
    link = phone_in_link(text)
    if link is not None:
        number, hint = link
        return e164(raw, ascii_digits(number), hint or region)
    if _LINK.match(text):
        from counterscam.identifiers.handle import handle_from_link

        found = handle_from_link(raw, text, region)
        if found is not None:
            return found
        raise InvalidIdentifier(
            "phone", raw, f"{shown(raw)} is a web address, not a phone number; enter it as a url"
        )
    text = _LABEL.sub("", text)
    text = _spreadsheet_number(raw, text)
    _refuse_several(raw, text)
    if _NUMERIC.fullmatch(text):
        return e164(raw, text, region)
    body, code = split_prefix("phone", raw, text, country)
    return sender_value(raw, body, code)


def _spreadsheet_number(raw: str, text: str) -> str:
    """Return the digits of a number a spreadsheet wrote as 6.01E+10 or 60123456789.0."""
    decimal = _FLOAT.fullmatch(text)
    if decimal:
        return decimal[1]
    match = _SCIENTIFIC.fullmatch(text)
    if match is None:
        return text
    head, tail, exponent = match[1], match[2] or "", int(match[3])
    if len(tail) != exponent:
        # Fewer digits than the exponent: the spreadsheet rounded the number away.
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} is a number a spreadsheet wrote in scientific notation, which "
            "loses digits; format the column as text and enter the number again",
        )
    return ("+" if text.startswith("+") else "") + head + tail


def _refuse_several(raw: str, text: str) -> None:
    """Refuse a cell holding two numbers or more instead of reading them as one."""
    parts = _SEVERAL.split(text)
    if len(parts) > 1 and sum(len(_NON_DIGIT.sub("", part)) >= 7 for part in parts) > 1:
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} holds more than one phone number; enter each number as an "
            "identifier of its own",
        )
