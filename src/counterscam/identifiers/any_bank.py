"""An account number checked without its bank: the same digits at every bank of the region.

Victims often remember the number they paid into and not the bank, and public mule-account
checks (Malaysia's Semak Mule) take the number alone. Intake still needs the bank: a stored
account is ``CC:BANKCODE:DIGITS``, and digits alone would join strangers' accounts at
different banks. A check may ask for all of them at once: every bank of the reference data is
one exact key, so the look-up stays a handful of index probes, with no pattern search.
"""

from __future__ import annotations

import re
from functools import cache

from counterscam.identifiers._accounts import names_no_bank, split_number
from counterscam.identifiers._text import ascii_digits, clean, fold_dashes
from counterscam.identifiers._types import Canonical, InvalidIdentifier
from counterscam.reference import banks

# The wildcard canonical form: CC:BANKCODE:DIGITS with the country and bank left open.
ANY_BANK = "*:*:"
_SEPARATORS = re.compile(r"[\s\-./]")


def is_any_bank(canon: Canonical) -> bool:
    """Tell whether ``canon`` is an account number asked at every bank (see ``any_bank``)."""
    return canon.kind == "bank_account" and canon.value.startswith(ANY_BANK)


def account_digits(raw: str) -> str | None:
    """Return the account number of ``raw`` when it names no bank, only the number (and words
    such as "acc no" or "No. Rek"); None for anything else."""
    try:
        text = fold_dashes(ascii_digits(clean("bank_account", raw)))
    except InvalidIdentifier:
        return None
    name, number = split_number(text)
    if not number or not names_no_bank(name):
        return None
    digits = _SEPARATORS.sub("", number)
    if not (digits.isascii() and digits.isdigit()) or not 6 <= len(digits) <= 30:
        return None
    return digits


def any_bank(digits: str) -> Canonical:
    """Return the wildcard ``*:*:DIGITS``, whose ``related`` are the account at every bank."""
    return Canonical(
        "bank_account",
        ANY_BANK + digits,
        None,
        related=tuple(
            Canonical("bank_account", f"{country}:{code}:{digits}", country)
            for country, code in _bank_keys()
        ),
    )


@cache
def _bank_keys() -> tuple[tuple[str, str], ...]:
    return tuple(sorted({(b.country, b.code) for b in banks()}))
