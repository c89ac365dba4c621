"""A bank the reference data does not list, named by its BIC: kept, not refused.

Banks open (digital banks, foreign banks' branches) before the secretariat adds them to
``banks.yaml``, and a centre's report naming one must not be refused for that: the BIC alone
gives the canonical form, its country and its four-letter institution code. Only a code no
listed bank uses is taken so: ``DBSSMYKL`` or ``MY:DBSS:...`` is more likely a slip for DBS in
Singapore than a new bank, and stays refused with that hint. A code starting with ``X`` is
the project's own kind (banks without a BIC) and only the reference data hands those out.
Without the reference data's length range, the number gets the generic 5-30 digits.
"""

from __future__ import annotations

import re
from functools import cache

from counterscam.reference import Bank, banks, countries

_BIC = re.compile(r"([A-Z]{4})([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?")


@cache
def _listed_codes() -> frozenset[str]:
    return frozenset(code for b in banks() for code in (b.code, *b.other_codes))


@cache
def _known_countries() -> frozenset[str]:
    return frozenset(c.code for c in countries())


def unlisted_bank(country: str, code: str) -> Bank | None:
    """Return a bank of ``country`` with institution ``code`` that no listed bank uses."""
    if code.startswith("X") or code in _listed_codes() or country not in _known_countries():
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


def listed_elsewhere(text: str) -> str | None:
    """Say why the BIC ``text`` is no bank: its code is a listed bank's, of another country.

    A group's subsidiaries share their institution code (RHBB is RHB in Malaysia and in
    Singapore), so the BIC may be right and the reference data short of the subsidiary.
    """
    found = _BIC.fullmatch(text.strip())
    if found is None or found[2] not in _known_countries():
        return None
    owners = [f"{b.label} ({b.country})" for b in banks() if found[1] in (b.code, *b.other_codes)]
    if not owners:
        return None
    return (
        f"has the BIC {found[0]}: {found[1]} is {', '.join(owners)}, and the reference data "
        f"has no {found[1]} bank in {found[2]}; check the BIC, or ask the secretariat to add "
        "the bank to the reference data"
    )
