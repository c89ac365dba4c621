"""The quick road to E.164 for plain digit strings, giving what ``phonenumbers.parse`` gives.

``phonenumbers.parse`` handles every way of writing a number (letters, extensions, RFC 3966,
IDD prefixes, carrier codes) and costs most of a check's canonicalisation, mostly normalising
digits that are already ASCII. For the forms people usually type — ``+`` and digits, or
digits with the national prefix and a default region — the library's own steps reduce to:
take the country code (``+`` form) or the region's, strip the national prefix as the
region's metadata says, and match the region's number patterns as ``is_valid_number`` does.
``valid_e164`` does exactly that with the library's metadata, and answers only when it is
certain that ``parse`` would have built the same number and found it valid; for anything else
it returns None and the caller takes the full path. ``tests/identifiers/test_phone_fast.py``
compares both paths on random input.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumber, PhoneNumberDesc

_MIN_NSN = 2  # phonenumbers' _MIN_LENGTH_FOR_NSN and _MAX_LENGTH_FOR_NSN
_MAX_NSN = 17
_MAX_CC = 3
_CODES = phonenumbers.COUNTRY_CODE_TO_REGION_CODE


Desc = tuple[frozenset[int], re.Pattern[str]]  # possible lengths (empty: any), pattern


class _Plan(NamedTuple):
    """What ``parse`` and ``is_valid_number`` read from one region's metadata."""

    country_code: int
    idd: re.Pattern[str] | None  # international prefix: a number starting with it is not plain
    national_prefix: re.Pattern[str] | None
    transform: bool  # a transform rule rewrites rather than strips the national prefix
    lengths: frozenset[int]  # possible national lengths, local-only ones excluded
    region: str | None  # the only region of the country code; None when it has several
    general: Desc | None
    types: tuple[Desc, ...]  # a valid number matches the general pattern and one of these


def _desc(desc: PhoneNumberDesc | None) -> Desc | None:
    if desc is None or not desc.national_number_pattern:
        return None
    return frozenset(desc.possible_length or ()), re.compile(desc.national_number_pattern)


def _types(metadata: PhoneMetadata) -> tuple[Desc, ...]:
    # The descriptions phonenumbers' _number_type_helper tries, most common first (only
    # whether one matches counts). With the same pattern for mobile and fixed line, it
    # tries mobile numbers as fixed-line ones only.
    descs = [metadata.fixed_line]
    if not metadata.same_mobile_and_fixed_line_pattern:
        descs.append(metadata.mobile)
    descs += [
        metadata.premium_rate,
        metadata.toll_free,
        metadata.shared_cost,
        metadata.voip,
        metadata.personal_number,
        metadata.pager,
        metadata.uan,
        metadata.voicemail,
    ]
    return tuple(d for d in map(_desc, descs) if d is not None)


def _plan(metadata: PhoneMetadata | None) -> _Plan | None:
    if metadata is None or metadata.general_desc is None:
        return None
    general = metadata.general_desc
    prefix = metadata.national_prefix_for_parsing
    idd = metadata.international_prefix
    code = int(metadata.country_code or 0)
    regions = _CODES.get(code, ())
    return _Plan(
        country_code=code,
        idd=re.compile(idd) if idd else None,
        national_prefix=re.compile(prefix) if prefix else None,
        transform=bool(metadata.national_prefix_transform_rule),
        lengths=frozenset(general.possible_length) - frozenset(general.possible_length_local_only),
        region=regions[0] if len(regions) == 1 else None,
        general=_desc(general),
        types=_types(metadata),
    )


@lru_cache(maxsize=512)
def _region_plan(region: str) -> _Plan | None:
    return _plan(PhoneMetadata.metadata_for_region(region, None))


@lru_cache(maxsize=512)
def _code_plan(country_code: int) -> _Plan | None:
    region = phonenumbers.region_code_for_country_code(country_code)
    return _plan(PhoneMetadata.metadata_for_region_or_calling_code(country_code, region))


def _matches(desc: Desc, national: str) -> bool:
    lengths, pattern = desc
    return (not lengths or len(national) in lengths) and pattern.fullmatch(national) is not None


def _valid(plan: _Plan, national: str) -> tuple[bool, str | None]:
    """Return phonenumbers' validity and region of the number, read from the plan."""
    if plan.region is None:
        # Several regions share the code: the library picks the region by the number.
        number = PhoneNumber(country_code=plan.country_code, national_number=int(national))
        return phonenumbers.is_valid_number(number), phonenumbers.region_code_for_number(number)
    if plan.general is None or not _matches(plan.general, national):
        return False, plan.region
    for desc in plan.types:
        if _matches(desc, national):
            return True, plan.region
    return False, plan.region


def _national(number: str, plan: _Plan) -> str | None:
    """Return the national significant number ``parse`` keeps, or None when unsure."""
    if plan.national_prefix is not None:
        match = plan.national_prefix.match(number)
        if match is not None:
            groups = match.groups()
            if plan.transform and groups and groups[-1] is not None:
                return None
            number = number[match.end() :]
    # A kept leading zero (Italy) and lengths the region does not use take parse's other
    # branches; the validator would refuse most of them anyway.
    if not _MIN_NSN <= len(number) <= _MAX_NSN or number[0] == "0":
        return None
    if len(number) not in plan.lengths:
        return None
    return number


def _split_code(digits: str) -> tuple[int, str] | None:
    if not digits or digits[0] == "0":
        return None
    for size in range(1, min(len(digits), _MAX_CC) + 1):
        code = int(digits[:size])
        if code in _CODES:
            return code, digits[size:]
    return None


def valid_e164(candidate: str, region: str | None) -> tuple[str, str | None] | None:
    """Return (E.164, region) of a valid number given as ``+digits``, or digits and a region.

    None means "not decided here": the candidate is not in a plain form, or not valid.
    """
    if not candidate.isascii():
        return None
    if candidate[:1] == "+":
        digits = candidate[1:]
        if not digits.isdigit() or len(digits) <= _MIN_NSN:
            return None
        split = _split_code(digits)
        if split is None:
            return None
        code, rest = split
        plan = _code_plan(code)
    else:
        if region is None or not candidate.isdigit() or len(candidate) < 3:
            return None
        plan = _region_plan(region)
        if plan is None or (plan.idd is not None and plan.idd.match(candidate)):
            return None
        if candidate.startswith(str(plan.country_code)):
            return None  # parse may read the region's country code written without "+"
        rest = candidate
    if plan is None:
        return None
    national = _national(rest, plan)
    if national is None:
        return None
    valid, where = _valid(plan, national)
    return (f"+{plan.country_code}{national}", where) if valid else None
