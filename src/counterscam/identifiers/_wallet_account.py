"""A wallet's account number written as one ("Wing Account 12345678"): its ID, not a phone.

Wing, Huione and BigPay accounts are a mobile number or an account number of the wallet's own;
"12345678" after "Wing" parses as a Cambodian mobile (+855 12 345 678), but after "Wing Account"
it is the number Wing gave the account. A number written with its trunk 0 or its + stays the
phone it is written as.
"""

from __future__ import annotations

import phonenumbers

from counterscam.reference import EwalletProvider, find_ewallets

# "Account" in the region's words: English, Malay "akaun", Khmer "គណនី", Lao "ບັນຊີ".
_LABELS = frozenset("account acc acct a/c ac akaun គណនី ບັນຊີ".split())


def _label(word: str) -> bool:
    return word.lower().strip(".:#") in _LABELS


def _written_as_phone(number: str) -> bool:
    return number.strip().lstrip("(")[:1] in ("0", "+")


def _with_country_code(account: str, provider: EwalletProvider) -> bool:
    """Tell whether ``account`` is a number of the wallet's country with its code and no +
    (``wing:85512345678``), as the canonical form is sometimes retyped."""
    digits = "".join(ch for ch in account if ch.isdigit())
    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return False
    return (
        phonenumbers.is_valid_number(number)
        and phonenumbers.region_code_for_number(number) in provider.countries
    )


def labelled_wallet_id(
    provider: EwalletProvider, text: str, account: str, *, canonical: bool = False
) -> bool:
    """Tell whether ``account`` is ``provider``'s own account number, as the word "account"
    before it says, rather than a phone number.

    So is the account of a canonical form (``wing:12345678``): a phone is kept there in E.164,
    with its +, so the ID must read back as the ID it was.
    """
    if provider.account != "phone_or_id" or _written_as_phone(account):
        return False
    labelled = canonical or any(
        _label(w) for w in text.split() if not any(ch.isdigit() for ch in w)
    )
    return labelled and not _with_country_code(account, provider)


def wallet_of_account(before: str, number: str, region: str | None) -> EwalletProvider | None:
    """Return the wallet whose account number ``number`` is said to be by the words before it
    ("Wing Account"), or None when they say no such thing."""
    words = before.split()
    if not any(_label(w) for w in words) or _written_as_phone(number):
        return None
    name = " ".join(w for w in words if not _label(w)).strip(" :-")
    found = [p for p in find_ewallets(name, region) if p.account == "phone_or_id"] if name else []
    if len(found) != 1 or _with_country_code(number, found[0]):
        return None
    return found[0]
