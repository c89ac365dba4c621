"""A bank the reference data does not list, named by its BIC: kept, not refused.

Banks open (digital banks, foreign banks' branches) before the secretariat adds them to
``banks.yaml``, and a centre's report naming one must not be refused for that: the BIC alone
gives the canonical form, its country and its four-letter institution code. In a member
country only a code no listed bank uses is taken so: the reference data is meant to hold the
member countries' banks, so ``DBSSMYKL`` or ``MY:DBSS:...`` is more likely a slip for DBS in
Singapore than a new bank, and stays refused with that hint. Partner countries' banks are never
listed, so there the BIC is taken whatever its code: ``BKCHCNBJ`` is Bank of China in China,
not a slip for one of its branches in the region. A code starting with ``X`` is the project's
own kind (banks without a BIC) and only the reference data hands those out. Without the
reference data's length range, the number gets the generic 5-30 digits.
"""

from __future__ import annotations

import re
from functools import cache

import phonenumbers

from counterscam.identifiers.phone import place_name
from counterscam.reference import Bank, banks, countries, member_codes

_BIC = re.compile(r"([A-Z]{4})([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?")


@cache
def _listed_codes() -> frozenset[str]:
    return frozenset(code for b in banks() for code in (b.code, *b.other_codes))


@cache
def _known_countries() -> frozenset[str]:
    return frozenset(c.code for c in countries())


def unlisted_bank(country: str, code: str) -> Bank | None:
    """Return a bank of ``country`` with institution ``code`` that the reference lacks there."""
    if code.startswith("X") or country not in _known_countries():
        return None
    if code in _listed_codes() and country in member_codes():
        return None
    if not (code.isascii() and code.isalpha() and len(code) == 4):
        return None
    label = f"{code} ({country}) bank"  # "a DEUT (SG) bank account number has 5 to 30 digits"
    return Bank(country, code, label, label, (), None, bic=True, iban=False)


def unlisted_by_bic(text: str) -> Bank | None:
    """Return the unlisted bank ``text`` names when it is a BIC of 8 or 11 characters.

    Only one word in capitals, as BICs are written: a holder's name joined up ("Van Cruz
    Cruz" is VANC RU ZC RUZ) has the letters of one, and no list says it is none.
    """
    found = _BIC.fullmatch(text.strip())
    return unlisted_bank(found[2], found[1]) if found else None


def listed_elsewhere(text: str, number: str = "") -> str | None:
    """Say why the BIC ``text`` is no bank: its code is a listed bank's of other member
    countries only, or its country is none the reference data knows (``HSBCHKHH``).

    A group's subsidiaries share their institution code (RHBB is RHB in Malaysia and in
    Singapore), so the BIC may be right and the reference data short of the subsidiary.
    """
    found = _BIC.fullmatch(text.strip())
    if found is None:
        return None
    bic, code, country = found[0], found[1], found[2]
    place = place_name(country)
    if country not in _known_countries():
        if country not in phonenumbers.SUPPORTED_REGIONS:
            return None  # no country at all: an unknown bank's name, as before
        return (
            f"names an unknown bank {bic!r}; as a BIC it is a bank in {place}, which is not a "
            "country of the reference data, so its accounts cannot be kept: give the account in "
            f"the report's narrative, or ask the secretariat to add {place} to the reference data"
        )
    listed = [b for b in banks() if code in (b.code, *b.other_codes)]
    if not listed:
        return None
    if code.startswith("X"):
        return _project_code(bic, listed[0], number)
    owners = [f"{b.label} ({b.country})" for b in listed]
    return (
        f"has the BIC {bic}, of a bank in {place}, but the reference data lists the code "
        f"{code} only for {', '.join(owners)}, not for a bank in {place}; check the BIC, or "
        f"ask the secretariat to add the {code} bank in {place} to the reference data"
    )


def _project_code(bic: str, bank: Bank, number: str) -> str:
    """Say that ``bic`` holds a code the reference data gave a bank without a BIC.

    Such codes are never a BIC's: "the code XBFL is listed only for BFL (LA), not for a bank
    in Lao PDR" contradicted itself, BFL being in Lao PDR.
    """
    shown_number = number or "its account number"
    return (
        f"has {bic} written as a BIC, but {bic[:4]} is a code the reference data gave "
        f"{bank.label} ({bank.country}), which has no confirmed BIC, and such codes are never "
        f"BICs; write the bank's name ({bank.label} {shown_number}) or "
        f"{bank.country}:{bank.code}:{re.sub(r'[^0-9]', '', number) or '...'}"
    )
