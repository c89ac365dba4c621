"""Phone numbers in E.164; short codes and sender names are routed to their own kinds."""

from __future__ import annotations

import re
from functools import cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from counterscam.identifiers._area_code import capital_landline, no_area_code
from counterscam.identifiers._forwarding import forwarded_number
from counterscam.identifiers._links import phone_in_link
from counterscam.identifiers._payment_qr import is_payload as qr_payload
from counterscam.identifiers._payment_qr import payment_qr
from counterscam.identifiers._phone_fast import valid_e164
from counterscam.identifiers._phone_letters import keypad_digits, refuse_letters
from counterscam.identifiers._phone_lookalike import SEVERAL, lookalike_reason, refuse_money
from counterscam.identifiers._phone_words import (
    IDD_PREFIXES,
    REGION_IDD_PREFIXES,
    country_named,
    country_said,
    la_mobile_with_20,
    vn_current,
    vn_old_area,
    without_trunk_zero,
)
from counterscam.identifiers._placeholder import placeholder
from counterscam.identifiers._text import ascii_digits, clean, fold_dashes, list_numbering
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.identifiers._wallet_account import wallet_of_account
from counterscam.identifiers.shortcode import (
    check_country,
    sender_value,
    shortcode_value,
    split_prefix,
    without_sender_label,
)
from counterscam.reference import country as country_record

_LABEL = re.compile(
    r"^(?:tel|phone|ph|hp|h/p|handphone|mobile|mob|call|no|number)\s*[:.#]?\s*(?=[+(\d])",
    re.I | re.ASCII,
)
# The words for "extension": "ต่อ" in Thai, "ຕໍ່" in Lao, "(số) máy lẻ" or "(số) nhánh" in
# Vietnamese, "samb." ("sambungan") in Malay, "pes." ("pesawat") in Indonesian; Filipinos write
# "loc." ("local"). Without them "021-1234567 pes. 123" was kept as an SMS sender name.
_EXTENSION_WORDS = (
    r"extension|ext\.?|local|loc\.?|x|#|ต่อ|ຕໍ່|(?:số\s*)?(?:máy\s*lẻ|nhánh)"
    r"|sambungan|samb\.?|pesawat|pes\.?"
)
NUMERIC = re.compile(
    rf"[+\d\s\-.()/]+(?:\s*(?:{_EXTENSION_WORDS}|;\s*ext=)\s*[:.]?\s*\d{{1,6}})?",
    re.I | re.ASCII,
)
# Words before or after one number: a label ("Telp.", "SĐT", "โทร", "WhatsApp") or the
# country's name ("Malaysia 012-345 6789", "+66 81 234 5678 (Thailand)").
# The number may end in an extension ("Telp. 021-1234567 x123"), which ``NUMERIC`` takes.
_WORDS_AROUND = re.compile(
    r"(?P<before>[^\d+]*?)(?P<number>[+(]*\d[\d\s\-.()/+]*?"
    rf"(?:\s*(?:{_EXTENSION_WORDS})\s*[:.]?\s*\d{{1,6}})?)(?P<after>[^\d]*)",
    re.I,
)
_MIN_WORDED_DIGITS = 7
# A number, then a dash or a slash and the last digits of the last of a run of lines.
_RUN = re.compile(r"(?P<first>.*\d)\s*[-/]\s*(?P<last>\d{1,4})", re.ASCII)
# A country code in square brackets before the number, "[+66] 81 234 5678": the usual "(+66)".
_CODE_IN_SQUARE = re.compile(r"^\[\s*(\+?\s*\d{1,3})\s*\]", re.ASCII)
# A number with digits hidden, as screenshots and bank notices show it: "012-345 XXXX",
# "08123****78". It has to be mostly digits, so a sender name such as "XOX 123" is not it.
_MASKED = re.compile(r"\+?[\d\s\-.()]*(?:[xX*•][\s\-.]*){2,}[\dxX*•\s\-.()]*", re.ASCII)
_MIN_MASKED_DIGITS = 5
# Fewer digits shown, with as many hidden as make a phone number's length: "0917-XXX-XXXX",
# "09XX XXX XXXX". Read as a vanity number, X was the 9 key (+639179999999); read as a sender
# name, the mask was kept as one ("PH:09XX XXX XXXX") that every such screenshot would share.
_MIN_MASKED_SHOWN = 2
_MIN_MASKED_LENGTH = 7
# Two numbers side by side have at most 2 x 17 digits (15 of E.164 after "00") in a few groups
# each; a longer cell is one bad value, and trying its every split cost ~0.1 s a cell.
_MAX_PAIR_DIGITS = 34
_MAX_PAIR_WORDS = 16
# A number a spreadsheet showed in scientific notation (6.0123456789E+10).
_SCIENTIFIC = re.compile(r"\+?(\d)(?:[.,](\d+))?[eE]\+?(\d{1,2})", re.ASCII)
# A number a spreadsheet or script stored as a decimal (60123456789.0).
_FLOAT = re.compile(r"(\+?\d{7,15})\.0+", re.ASCII)
# One number's digits and separators, to count the numbers words keep apart.
_NUMBER_RUN = re.compile(r"\+?\d[\d\s\-.()]*\d", re.ASCII)
# A Thai star number, "*1175": a short number without the "#" that ends a USSD code.
_STAR = re.compile(r"\*\s?\d{3,6}", re.ASCII)
# A USSD code: "*126#", "*126*1#", "#143#", "*#06#" (a menu of the network, a bank or a wallet,
# not a number that calls anyone). It was "neither a phone number nor an SMS sender name".
_USSD = re.compile(r"[*#]{1,2}\d[\d*#]*#", re.ASCII)
_LINK = re.compile(r"[a-z][a-z0-9+.-]*://|[\w-]+(?:\.[\w-]+)+/", re.I)
# Digits, "+", "()" and "-" in words split by single spaces: what people usually type. For
# these, cleaning, link and label detection change nothing, so they go straight to e164.
_PLAIN = re.compile(r"[0-9+()\-]+(?: [0-9+()\-]+)*", re.ASCII)
_EXTENSION = re.compile(rf"(?i);\s*ext=|{_EXTENSION_WORDS}")
# An area code in brackets, "(04) 3825 1234" or "+84 (8) 3822 1234": the writer says it is a
# landline's area code.
# A country code, then a + again: "+66+66812345678", "+66 +66 81 234 5678".
_CODE_TWICE = re.compile(r"\s*\(?\+\s*(\d{1,3})\s*\)?\s*\+\s*(\d+)", re.ASCII)
_AREA_IN_BRACKETS = re.compile(r"\s*(?:\+\s*84\s*)?\(\s*0?(\d{1,3})\s*\)")
_NON_DIGIT = re.compile(r"\D")
_MIN_JOINED = 7  # digits of each of two numbers in one cell: fewer are a code or an extension
_DIGIT_GROUPS = re.compile(r"\d+")
_REASONS = {
    phonenumbers.ValidationResult.TOO_SHORT: "is too short for",
    phonenumbers.ValidationResult.TOO_LONG: "is too long for",
    phonenumbers.ValidationResult.INVALID_LENGTH: "has the wrong number of digits for",
    phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "has an unknown country code",
}


def place_name(region: str | None) -> str:
    """Return the English name of a region for messages ("Thailand", "Lesotho")."""
    if not region or region == "ZZ":
        return "any country"
    if region == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY:
        # +800, +870, +881, +882, +883...: satellite phones and networks of no one country.
        return "the international networks (satellite and global services)"
    try:
        return country_record(region).label
    except KeyError:
        # Imported here: the geocoder loads every country's place names (~0.4 s), which only
        # a message about a country outside the reference data needs, and every command and
        # import worker would pay at start.
        from phonenumbers import geocoder

        example = phonenumbers.example_number(region)
        name = geocoder.country_name_for_number(example, "en") if example else ""
        return name or region


def _example(region: str | None) -> str:
    example = phonenumbers.example_number_for_type(region or "MY", PhoneNumberType.MOBILE)
    if example is None:
        return "+60 12 345 6789"
    return str(phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL))


def _reason(raw: str, number: phonenumbers.PhoneNumber | None, region: str | None) -> str:
    hint = f"enter it with its country code, like {_example(region)}"
    if number is None:
        return f"{shown(raw)} is not a phone number; {hint}"
    # An invalid number has no region of its own: its country code names the country, which
    # the reporting country is not when a "+44 ..." was written ("not valid in Singapore").
    where = phonenumbers.region_code_for_number(number)
    if where in (None, "ZZ") and "+" in raw and number.country_code is not None:
        where = phonenumbers.region_code_for_country_code(number.country_code)
    if where in (None, "ZZ"):
        where = region
    if where in (None, "ZZ") and number.country_code is not None:
        where = phonenumbers.region_code_for_country_code(number.country_code)
    if where == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY:
        hint = "check its digits"  # no mobile number of a country to show: "+882" was "in 001"
    elif where not in (None, "ZZ") and (where != region or "+" in raw):
        # It already has its country code: show that country's form, and not ask for a code.
        hint = f"check its digits; a mobile number there is written like {_example(where)}"
    why = _REASONS.get(phonenumbers.is_possible_number_with_reason(number))
    if why == _REASONS[phonenumbers.ValidationResult.INVALID_COUNTRY_CODE]:
        return f"{shown(raw)} {why}; {hint}"
    if why:
        return f"{shown(raw)} {why} a phone number in {place_name(where)}; {hint}"
    return f"{shown(raw)} is not a valid phone number in {place_name(where)}; {hint}"


def cut_short(digits: str, region: str | None) -> bool:
    """Tell whether a few digits are a number cut short, not a short code.

    No short code of the region's starts with its trunk prefix (`090 123` in Viet Nam is the
    start of a mobile number, not a short code); the region's short-number patterns decide, so
    Australia's 000 stays one.
    """
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region or "")
    if metadata is None:
        return False
    trunk = metadata.national_prefix
    # Where every number has one length (Brunei's seven digits), a number one digit short of it
    # is a number with a digit lost ("712 345"), not a six-digit short code nobody there has.
    lengths = metadata.general_desc.possible_length if metadata.general_desc else ()
    one_short = len(lengths) == 1 and len(digits) == lengths[0] - 1
    if not one_short and (not trunk or not digits.startswith(trunk)):
        return False
    short = phonenumbers.PhoneMetadata.short_metadata_for_region(region or "")
    described = short.general_desc if short is not None else None
    pattern = described.national_number_pattern if described is not None else None
    return pattern is not None and re.fullmatch(pattern, digits) is None


def _attempt(text: str, region: str | None) -> tuple[phonenumbers.PhoneNumber | None, bool]:
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None, False
    return number, bool(phonenumbers.is_valid_number(number))


def e164(raw: str, text: str, region: str | None) -> Canonical:
    """Parse a numeric phone string to an E.164 ``phone`` record, or raise with the reason."""
    refuse_letters(raw, text)  # "tel:081-234-567B" comes here straight
    if text.count("+") > 1:
        if sum(len(_NON_DIGIT.sub("", part)) >= _MIN_JOINED for part in text.split("+")) > 1:
            raise _several(raw)  # "+66812345678+66812345679": two numbers run together
        text = _without_repeated_code(raw, text)
    text = _without_numbering(text)
    has_plus = text.replace("(", "").lstrip().startswith("+")
    main = _EXTENSION.split(text)[0]
    digits = _NON_DIGIT.sub("", main)
    if not digits:
        raise InvalidIdentifier("phone", raw, f"{shown(raw)} has no digits; {_hint(region)}")
    if has_plus and digits.startswith("00"):
        has_plus = False  # "+0060 12-345 6789": the + and the 00 both say a country code follows
    if not has_plus and len(digits) <= 6 and not cut_short(digits, region):
        return shortcode_value(raw, digits, region)
    if region == "ID" and not has_plus and 6 < len(digits) < 9:
        # Indonesia's numbers are read without their trunk 0 ("567 81234" as 0567 81234), so
        # Jakarta's "5678 1234" dialled in the city was a line in Putussibau.
        local = capital_landline(digits, region)
        if local is not None:
            raise InvalidIdentifier("phone", raw, no_area_code(shown(raw), local, []))
    bracketed = _bracketed_area(raw, text, digits, region, has_plus=has_plus)
    if bracketed is not None:
        return bracketed
    own_code = _own_code_without_plus(raw, digits, region, has_plus=has_plus)
    if own_code is not None:
        return own_code
    grouped = None if has_plus else _grouped_idd(main, region)
    if grouped is not None:
        return grouped
    first: phonenumbers.PhoneNumber | None = None
    for index, (written, candidate_region) in enumerate(
        _readings(digits, region, has_plus=has_plus)
    ):
        if index == 1 and not digits.startswith("00"):
            # The country's own number in a form it no longer uses (a Lao mobile without its
            # 20: "9811 1000") comes before a foreign country code written without "+"
            # (+98 111000 in Iran), as the national reading comes before it.
            former = _former(digits, region, has_plus=has_plus)
            if former is not None:
                return former
        candidate = vn_current(written, candidate_region)
        # A country code written without "+" must keep every digit after it but a trunk 0:
        # "114012345678" (a Maybank account pasted as a phone) was +1 401 234 5678, the
        # parser taking its second 1 for the US trunk prefix.
        unplussed = not has_plus and written[:1] == "+" and not digits.startswith("00")
        quick = valid_e164(candidate, candidate_region)
        if quick is not None and not (unplussed and _drops_digits(candidate, quick[0])):
            return Canonical("phone", quick[0], quick[1])
        number, valid = _attempt(candidate, candidate_region)
        if valid and number is not None:
            value = phonenumbers.format_number(number, PhoneNumberFormat.E164)
            if not (unplussed and _drops_digits(candidate, value)):
                return Canonical("phone", value, phonenumbers.region_code_for_number(number))
        if first is None:
            first = number
    former = _former(digits, region, has_plus=has_plus)
    if former is not None:
        return former
    if not has_plus:
        regional = REGION_IDD_PREFIXES.get(region or "", ())
        prefixes = IDD_PREFIXES if digits.startswith("00") else regional
        dialled = _other_idd(digits, prefixes)
        if dialled is not None:
            return dialled
    _refuse_spaced(raw, main, region)
    _refuse_run(raw, main, region)
    lookalike = lookalike_reason(raw, main)
    if lookalike is not None:
        raise InvalidIdentifier("phone", raw, lookalike)
    if not has_plus and region is None and not digits.startswith("00"):
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} has no country code and no country was given; {_hint(None)}",
        )
    if has_plus and digits.startswith("0"):
        raise InvalidIdentifier("phone", raw, _zero_after_plus(raw, digits, region))
    if has_plus and len(digits) <= 3:
        coded = phonenumbers.region_code_for_country_code(int(digits))
        if coded != "ZZ":  # "+60" alone: a form's code box filled, its number box not
            like = "" if coded == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY else _example(coded)
            raise InvalidIdentifier(
                "phone",
                raw,
                f"{shown(raw)} is only the country code of {place_name(coded)}, with no number "
                f"after it; enter the whole number{f', like {like}' if like else ''}",
            )
    reason = _reason(raw, first, region)
    if region and not has_plus and not digits.startswith("00"):
        local = capital_landline(digits, region)
        if local is not None:  # "8889-1000" in Manila: its area code left out
            reason = no_area_code(shown(raw), local, _mobile_in(digits, region))
        else:
            reason = _elsewhere(raw, digits, region) or reason
    raise InvalidIdentifier("phone", raw, reason)


def _drops_digits(written: str, value: str) -> bool:
    """Tell whether the E.164 ``value`` read from ``written`` (+digits) lost digits other than a
    trunk 0 written after the country code (66 0812345678 is +66 81 234 5678)."""
    given, kept = written[1:], value[1:]
    if given == kept:
        return False
    if len(given) != len(kept) + 1:
        return True
    return not any(
        given[:size] == kept[:size] and given[size] == "0" and given[size + 1 :] == kept[size:]
        for size in (1, 2, 3)
    )


def _without_numbering(text: str) -> str:
    """Return ``text`` without a list's numbering before the number ("1) ", "#1 ", "No. 1: ")."""
    listed = list_numbering(text)
    if listed and text[listed : listed + 1] in ("+", "0", "("):
        # Never glued in: "1) 012-345 6789" is no 10123456789. The number after it is written
        # whole, with its trunk 0 or its +, or the digits might be the number's own.
        return text[listed:]
    return text


def _several(raw: str) -> InvalidIdentifier:
    return InvalidIdentifier(
        "phone",
        raw,
        f"{shown(raw)} holds more than one phone number; enter each number as an identifier "
        "of its own",
    )


def _without_repeated_code(raw: str, text: str) -> str:
    """Return "+66+66812345678" without its first country code: a form's code box filled and
    the whole number pasted after it. Two different codes are refused, naming them."""
    found = _CODE_TWICE.match(text)
    if found is None:
        return text
    code, rest = found[1], found[2]
    if rest.startswith(code):
        return text[found.start(2) - 1 :]
    if phonenumbers.region_code_for_country_code(int(code)) == "ZZ":
        return text
    try:
        second = f"+{phonenumbers.parse('+' + rest, None).country_code}"
    except phonenumbers.NumberParseException:
        second = "another"
    raise InvalidIdentifier(
        "phone",
        raw,
        f"{shown(raw)} has two country codes, +{code} and then {second}; enter the number "
        "once, with the country code it was given with",
    )


def _zero_after_plus(raw: str, digits: str, region: str | None) -> str:
    """Say why "+0812345678" is no number: a country code follows "+", and none begins with 0.

    The parser called it "not a phone number" and asked for the country code, which did not
    say that the + was the slip (a national number with a + typed, or a caller ID spoofed so).
    """
    why = (
        f"{shown(raw)} has a 0 right after its +, but a country code follows the + and none "
        "begins with 0"
    )
    national, valid = _attempt(digits, region)
    if valid and national is not None:
        as_national = phonenumbers.format_number(national, PhoneNumberFormat.INTERNATIONAL)
        return (
            f"{why}; read without the + it is {as_national} in {place_name(region)}: if that is "
            "the number, enter it without the +"
        )
    return f"{why}; {_hint(region)}"


def _former(digits: str, region: str | None, *, has_plus: bool) -> Canonical | None:
    """Read a number written in a form its country no longer uses or never used: a
    Vietnamese landline's area code from before 2017, a Brunei number with a trunk 0, a Lao
    mobile without its 20.

    Only when the number as written is not valid, and only one reading is.
    """
    found: dict[str, str | None] = {}
    for written, where in _readings(digits, region, has_plus=has_plus):
        old_area = vn_old_area(written, where)
        moves = (
            old_area[1] if old_area else None,
            without_trunk_zero(written, where),
            la_mobile_with_20(written, where),
        )
        for moved in moves:
            if moved is None:
                continue
            number, valid = _attempt(moved, None)
            if valid and number is not None:
                value = phonenumbers.format_number(number, PhoneNumberFormat.E164)
                found[value] = phonenumbers.region_code_for_number(number)
    if len(found) != 1:
        return None
    value, where = found.popitem()
    return Canonical("phone", value, where)


def _bracketed_area(
    raw: str, text: str, digits: str, region: str | None, *, has_plus: bool
) -> Canonical | None:
    """Read "(08) 3822 1234", whose brackets mark a Vietnamese area code from before 2017.

    The brackets say it is a landline, so today's reading of the same digits (083 822 1234,
    a mobile) is not taken: it would link the report to another subscriber.
    """
    match = _AREA_IN_BRACKETS.match(text)
    if match is None or not (has_plus or region == "VN"):
        return None
    written = "+" + digits if has_plus else digits
    old_area = vn_old_area(written, "VN")
    if old_area is None or old_area[0] != match[1].lstrip("0"):
        return None
    old, moved = old_area
    number, valid = _attempt(moved, None)
    if not valid or number is None:
        return None
    today, today_valid = _attempt(written, "VN")
    if today_valid and today is not None:
        as_today = phonenumbers.format_number(today, PhoneNumberFormat.INTERNATIONAL)
        as_landline = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} is ambiguous: (0{old}) was an area code before Viet Nam's 2017 "
            f"renumbering, which makes it the landline {as_landline}, but the same digits "
            f"are today the number {as_today}; enter the number as it is dialled today",
        )
    return Canonical("phone", phonenumbers.format_number(number, PhoneNumberFormat.E164), "VN")


def _own_code_without_plus(
    raw: str, digits: str, region: str | None, *, has_plus: bool
) -> Canonical | None:
    """Read "62858711040" given for Indonesia: its own country code written without "+".

    The same digits are often also a national number without its trunk 0 (a landline in
    area 0628), which ``phonenumbers`` prefers; but a number copied from WhatsApp or a form
    is written "62..." far more often than a landline without its 0. When both readings are
    valid, the mobile one is taken (scams call from mobiles, and it is the only one a person
    would write so); when both are mobiles or both landlines, the value is refused naming both.
    Returns None when only one reading is valid: the usual road reads it.
    """
    if has_plus or region is None or digits.startswith("0"):
        return None
    code = str(phonenumbers.country_code_for_region(region))
    if code == "0" or not digits.startswith(code) or len(digits) <= len(code):
        return None
    national, national_valid = _attempt(digits, region)
    own, own_valid = _attempt("+" + digits, None)
    if not (national_valid and own_valid) or national is None or own is None or national == own:
        return None
    mobile = [n for n in (national, own) if phonenumbers.number_type(n) in _MOBILE]
    if len(mobile) == 1:
        value = phonenumbers.format_number(mobile[0], PhoneNumberFormat.E164)
        return Canonical("phone", value, phonenumbers.region_code_for_number(mobile[0]))
    with_code = phonenumbers.format_number(own, PhoneNumberFormat.INTERNATIONAL)
    without_zero = phonenumbers.format_number(national, PhoneNumberFormat.INTERNATIONAL)
    raise InvalidIdentifier(
        "phone",
        raw,
        f"{shown(raw)} is ambiguous: read with the country code {code} it is {with_code}, "
        f"read as a number in {place_name(region)} written without its leading 0 it is "
        f"{without_zero}; enter it with + and the country code, or with the leading 0",
    )


def _grouped_idd(main: str, region: str | None) -> Canonical | None:
    """Read "001 65 9234 5678": an international prefix and a country code written apart.

    Read as "00" and the rest, the same digits are often also a valid North American number
    (+1 659 234 5678, Alabama), which the usual road would take; the writer's spaces say
    that 001 (Thailand's, Singapore's, Indonesia's, Cambodia's prefix) was dialled before
    Singapore's 65. Only when the group after the prefix is a country code, so that a US
    number written "001 659 234 5678" keeps its reading.
    """
    groups = _DIGIT_GROUPS.findall(main)
    prefixes = IDD_PREFIXES + REGION_IDD_PREFIXES.get(region or "", ())
    if len(groups) < 3 or groups[0] not in prefixes or groups[1].startswith("0"):
        return None
    if phonenumbers.region_code_for_country_code(int(groups[1])) == "ZZ":
        return None
    if not groups[0].startswith("00") and _attempt("".join(groups), region)[1]:
        return None  # Singapore's 018 and 019 begin Malaysian mobiles: "019 60 ..." may be one
    number, valid = _attempt(vn_current("+" + "".join(groups[1:]), None), None)
    if not valid or number is None:
        return None
    value = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return Canonical("phone", value, phonenumbers.region_code_for_number(number))


def _other_idd(digits: str, prefixes: tuple[str, ...]) -> Canonical | None:
    """Read a number dialled with another international prefix (001, 008, 0011, 017...)."""
    found: dict[str, str | None] = {}
    for prefix in prefixes:
        if digits.startswith(prefix):
            number, valid = _attempt(vn_current("+" + digits[len(prefix) :], None), None)
            if valid and number is not None:
                value = phonenumbers.format_number(number, PhoneNumberFormat.E164)
                found[value] = phonenumbers.region_code_for_number(number)
    if len(found) != 1:
        return None  # none, or a prefix read two ways: refuse rather than guess
    value, where = found.popitem()
    return Canonical("phone", value, where)


_MEMBERS = ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN")
_MOBILE = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


@cache
def _mobile_lengths(region: str) -> frozenset[int]:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
    if metadata is None or metadata.mobile is None:
        return frozenset()
    return frozenset(metadata.mobile.possible_length or ())


def _elsewhere(raw: str, digits: str, region: str) -> str | None:
    """Name the member countries where a number not valid in ``region`` is a mobile."""
    places = _mobile_in(digits, region)
    if not places:
        return None
    return (
        f"{shown(raw)} is not a valid phone number in {place_name(region)}, but it is a mobile in "
        f"{' or '.join(places)}; if it is from there, enter it with its country code"
    )


def _mobile_in(digits: str, region: str) -> list[str]:
    """Return the other member countries where ``digits`` are a mobile, with the number."""
    places = []
    for other in _MEMBERS:
        written = vn_current(digits, other)
        # Only where a mobile can have this many digits: a parse costs, and every mistyped
        # number comes this way.
        if other == region or len(written.removeprefix("0")) not in _mobile_lengths(other):
            continue
        number, valid = _attempt(written, other)
        # Mobiles only: scams call from them, and every short digit string is a landline
        # somewhere, which would make the list long and useless.
        if valid and number is not None and phonenumbers.number_type(number) in _MOBILE:
            shown_number = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
            places.append(f"{place_name(other)} ({shown_number})")
    return places


def _hint(region: str | None) -> str:
    return f"enter it with its country code, like {_example(region)}"


def canonicalize_phone(raw: str, country: str | None) -> Canonical:
    """Canonicalise a phone number; short codes and sender names change kind."""
    if isinstance(raw, str) and _PLAIN.fullmatch(raw):
        return e164(raw, raw, check_country("phone", raw, country))
    text = fold_dashes(ascii_digits(clean("phone", raw)))
    region = check_country("phone", raw, country)
    if qr_payload(text) and (paid := payment_qr("phone", raw, region)):
        # A PromptPay or PayNow code pasted for the number it pays is that account, as in a
        # bank or e-wallet column; its digits read as "more than one phone number".
        return paid
    link = phone_in_link(text)
    if link is not None:
        number, hint = link
        _refuse_several(raw, number)
        return e164(raw, ascii_digits(number), hint or region)
    if _LINK.match(text):
        from counterscam.identifiers.handle import handle_from_link

        found = handle_from_link(raw, text, region)
        if found is not None:
            return found
        raise InvalidIdentifier(
            "phone", raw, f"{shown(raw)} is a web address, not a phone number; enter it as a url"
        )
    if text[:1] in "#Nn":
        # "#1 0917 123 4567", "No. 1: 0917 123 4567": a list's numbering, before "No." as a
        # label ("No. 0917 123 4567") or "#" as a USSD code is looked for.
        text = _without_numbering(text)
    text = _CODE_IN_SQUARE.sub(r"(\1)", _LABEL.sub("", text))
    refuse_money(raw, text)
    forwarded = forwarded_number(text)
    if forwarded is not None:
        return e164(raw, forwarded, region)  # the scammer's number, not the code around it
    if text[:1] == "*" and _STAR.fullmatch(text):
        # A star number, "*1175": a business's short number on the mobile networks, which
        # was "neither a phone number nor an SMS sender name".
        return shortcode_value(raw, text.replace(" ", ""), region)
    if text[:1] in "*#" and _USSD.fullmatch(text):
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} is a USSD code (dialled with * and # to open a network's or a "
            "bank's menu), not a phone number, and many unrelated reports mention the same "
            "one; say in the narrative that the victim was told to dial it. A call-forwarding "
            "code with a number in it, like *21*0812345678#, is read as that number",
        )
    text = _spreadsheet_number(raw, text)
    _refuse_several(raw, text)
    refuse_masked(raw, text)
    if "•" in text:
        _refuse_bullets(raw, text)
    if NUMERIC.fullmatch(text):
        return e164(raw, text, region)
    refuse_letters(raw, text)
    try:
        worded = _worded(raw, text, region)
    except InvalidIdentifier as not_worded:
        # "0917 123 FLOWERS" is no number with a word after it, but a vanity number.
        keypad = keypad_digits(text)
        if keypad is None:
            raise
        try:
            return e164(raw, keypad, region)
        except InvalidIdentifier:
            raise not_worded from None
    if worded is not None:
        return worded
    keypad = keypad_digits(text)
    if keypad is not None:
        vanity = _vanity(raw, text, keypad, region)
        if vanity is not None:
            return vanity
    body, code = split_prefix("phone", raw, text, country)
    if code is None and not any(ch.isdigit() for ch in body) and not placeholder(body):
        # "abc" asked as a phone: "is an SMS sender name" answered a kind not asked for. Said
        # first what it is not; a sender name is still read with its country (intake's phone
        # column holds them: DESIGN.md).
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} has no digits, so it is no phone number; if it is the name an SMS "
            "came from, enter it as kind sender_id with the country where the SMS was received, "
            "like MY:MAYBANK",
        )
    # "Sender: GCash", "SMS from 'BDO'": the phone column holds sender names (DESIGN.md).
    return sender_value(
        raw, without_sender_label(body) if ":" in body or " " in body else body, code
    )


def _vanity(raw: str, text: str, keypad: str, region: str | None) -> Canonical | None:
    """Read a number advertised with letters (1-800-FLOWERS) as the keys they are on.

    One that dials no valid number is refused saying what it dials when its letters are
    joined to the digits as a vanity number's are; apart ("2929 INFO"), None: it may be a
    sender name.
    """
    try:
        return e164(raw, keypad, region)
    except InvalidIdentifier as exc:
        first_letter = next(i for i, ch in enumerate(text) if ch.isalpha())
        if text[first_letter - 1] == " ":
            return None
        raise InvalidIdentifier(
            "phone",
            raw,
            exc.reason.replace(shown(raw), f"{shown(raw)} (on a phone keypad {keypad})", 1),
        ) from None


def _worded(raw: str, text: str, region: str | None) -> Canonical | None:
    """Read one number written among words: labels, or its country's name."""
    match = _WORDS_AROUND.fullmatch(text)
    if match is None or not NUMERIC.fullmatch(match["number"].strip()):
        return None
    number = match["number"].strip()
    if len(_NON_DIGIT.sub("", number)) < _MIN_WORDED_DIGITS:
        return None  # "GCASH 2FA", "Code 1234": a sender name or a short code, not a label
    wallet = wallet_of_account(match["before"], number, region)
    if wallet is not None:
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} is a {wallet.label} account number, as the words before it say, not "
            f"a phone number; enter it as kind ewallet, like {wallet.code}:{number}",
        )
    named = _country_said(match["before"], match["after"])
    if named is None and region is not None:
        # A country word inside other words ("Anh Thai", a Vietnamese name) does not outweigh
        # the country the value was given with, unless the number is not valid there.
        mentioned = country_named(f"{match['before']} {match['after']}")
        try:
            return e164(raw, number, region)
        except InvalidIdentifier:
            if mentioned is None:
                raise
            named = mentioned
    elif named is None:
        named = country_named(f"{match['before']} {match['after']}")
    found = e164(raw, number, named or region)
    if named is not None and found.kind == "phone" and found.country != named:
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} names {place_name(named)}, but {found.value} is a number in "
            f"{place_name(found.country)}; enter the number as it was given, without the country",
        )
    return found


def _country_said(before: str, after: str) -> str | None:
    """Return the member country the words before or after a number are, in full, or None."""
    for words in (before, after):
        said = country_said(words)
        if said is not None:
            return said
    return None


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


def _refuse_spaced(raw: str, text: str, region: str | None) -> None:
    """Refuse two numbers side by side ("0812345678 0898765432"), as a line break leaves them."""
    words = text.split()
    if len(words) > _MAX_PAIR_WORDS or len(_NON_DIGIT.sub("", text)) > _MAX_PAIR_DIGITS:
        return
    for i in range(1, len(words)):
        if _reads(" ".join(words[:i]), region) and _reads(" ".join(words[i:]), region):
            raise InvalidIdentifier(
                "phone",
                raw,
                f"{shown(raw)} holds more than one phone number; enter each number as an "
                "identifier of its own",
            )


def _refuse_run(raw: str, text: str, region: str | None) -> None:
    """Refuse a run of lines written as one number and the last digits of the last one.

    Thai offices write "02-123-4567-9" for 02-123-4567 to 02-123-4569, Malaysian ones
    "03-2123 4567 / 4568"; read as one number, it was "too long" or "not valid".
    """
    match = _RUN.fullmatch(text.strip())
    # The last line's digits are no more than the group they replace the end of ("4567-8"):
    # an ID such as a MyKad (880512-14-5678) is no run, and costs no parse here.
    if match is None or len(match["last"]) > len(_DIGIT_GROUPS.findall(match["first"])[-1]):
        return
    if not _reads(match["first"], region):
        return
    first = _NON_DIGIT.sub("", match["first"])
    plus = "+" if match["first"].lstrip("(").startswith("+") else ""
    ends = [first, first[: -len(match["last"])] + match["last"]]
    shown_ends = []
    for digits in ends:
        number, _ = _attempt(plus + digits, None if plus else region)
        if number is None:
            return
        shown_ends.append(phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL))
    if shown_ends[0] == shown_ends[1]:  # "a run of numbers, +60 12-345 6789 to +60 12-345 6789"
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} writes the last digits of {shown_ends[0]} again after it; enter the "
            "number once (if another number was meant, enter it whole as an identifier of its "
            "own)",
        )
    raise InvalidIdentifier(
        "phone",
        raw,
        f"{shown(raw)} is a run of phone numbers, {shown_ends[0]} to {shown_ends[1]}, written "
        "as an office writes its lines; enter each number the report names as an identifier "
        "of its own",
    )


def side_by_side(text: str, region: str | None) -> bool:
    """Tell whether ``text`` is two valid numbers side by side ("0812345678 0898765432")."""
    try:
        _refuse_spaced(text, text, region)
    except InvalidIdentifier:
        return True
    return False


def _reads(text: str, region: str | None) -> bool:
    """Tell whether ``text`` alone is a valid number, with its "+" or in ``region``."""
    digits = _NON_DIGIT.sub("", text)
    if len(digits) < _MIN_WORDED_DIGITS:
        return False
    readings = _readings(digits, region, has_plus=text.lstrip("(").startswith("+"))
    return any(_attempt(vn_current(written, where), where)[1] for written, where in readings)


def _readings(digits: str, region: str | None, *, has_plus: bool) -> list[tuple[str, str | None]]:
    """Return the ways to read a number's digits, in order: (as written, region or None)."""
    if has_plus:
        return [("+" + digits, None)]
    if digits.startswith("00"):
        return [("+" + digits[2:], None)] + ([(digits, region)] if region else [])
    if region:
        # National first; then the country code written without "+" (60123456789).
        return [(digits, region), ("+" + digits, None)]
    return [("+" + digits, None)]


def refuse_masked(raw: str, text: str) -> None:
    """Refuse a number with digits hidden ("012-345 XXXX"), which is no sender name either."""
    if _MASKED.fullmatch(text) and _enough_shown(text):
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} has digits hidden by X or *; a partial number cannot be matched, "
            "so enter the full number as it was given",
        )


def _enough_shown(masked: str) -> bool:
    """Tell whether a masked number shows enough to be one, not a sender name like "XX 12"."""
    shown_digits = sum(ch.isdigit() for ch in masked)
    if shown_digits >= _MIN_MASKED_DIGITS:
        return True
    hidden = sum(ch in "xX*\u2022" for ch in masked)
    return shown_digits >= _MIN_MASKED_SHOWN and shown_digits + hidden >= _MIN_MASKED_LENGTH


def _refuse_bullets(raw: str, text: str) -> None:
    """Refuse "081•234•5678": a bullet is no separator, it stands where digits are hidden.

    Read as a sender name, the value was "neither a phone number nor an SMS sender name",
    which did not say what was wrong.
    """
    if sum(ch.isdigit() for ch in text) < _MIN_MASKED_DIGITS:
        return  # "MY•SHOP 24": words, perhaps a sender name
    spaced = " ".join(text.replace("•", " ").split())
    raise InvalidIdentifier(
        "phone",
        raw,
        f"{shown(raw)} has bullets (•) among its digits; a bullet is not a separator, and "
        "bank notices and screenshots show one where a digit is hidden; if no digit is "
        f"hidden, enter the number with spaces or dashes ({spaced}), otherwise enter the "
        "full number as it was given",
    )


def _refuse_several(raw: str, text: str) -> None:
    """Refuse a cell holding two numbers or more instead of reading them as one."""
    parts = SEVERAL.split(text)
    if len(parts) > 1 and sum(len(_NON_DIGIT.sub("", part)) >= _MIN_JOINED for part in parts) > 1:
        raise _several(raw)
    if sum(ch.isdigit() for ch in text) >= 2 * _MIN_JOINED:
        runs = _NUMBER_RUN.findall(text)
        if sum(len(_NON_DIGIT.sub("", run)) >= _MIN_JOINED for run in runs) > 1:
            # Two numbers apart by words: "Mobile: +65 9123 4567 Office: +65 6123 4567" was
            # "neither a phone number nor an SMS sender name", and "Tel: ... Fax: ..." the
            # first number, the "x" of "Fax" read as an extension's.
            raise _several(raw)
