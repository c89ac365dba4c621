"""Values pasted for a phone or an account that are none: an amount, a date, an ID card.

Read as numbers they were a phone (`Rp 1.500.000` was +621500000), a sender name (`RM1500`),
or refused as "a mobile in Cambodia" (`15/05/2024`, its digits read as +855 15 052 024), which
sent the officer looking for a number that was never there. They are said for what they are.
"""

from __future__ import annotations

import re

from counterscam.identifiers._types import InvalidIdentifier, shown
from counterscam.reference.currency_signs import number_signs

# Currencies of the region as people write them beside an amount: ISO codes, symbols, and the
# words in Thai, Vietnamese, Burmese, Lao and Khmer (``reference.currency_signs`` holds them,
# and says why "dong" and single letters are none here).
_CURRENCY = "|".join(re.escape(sign.lower()) for sign in number_signs())
# An amount does not start with 0, which an account number or a phone number may: "ABA 000
# 123 456 USD" is ABA's dollar account, not an amount of dollars.
_AMOUNT = r"[1-9]\d{0,2}(?:[.,\s]\d{3})+(?:[.,]\d{1,2})?|[1-9]\d*(?:[.,]\d{1,2})?|0[.,]\d{1,2}"
# Around a number, a currency may be its account's (Cambodian and Lao banks keep USD, KHR, LAK
# and THB accounts: "ACLEDA 0001-01-123456-1-2 USD", "BDO USD 100123456789"): among other
# words, only an amount written with a thousands separator or cents, or of up to 7 digits after
# its currency, is one.
_SEPARATED = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+[.,]\d{1,2}"
_MONEY = re.compile(
    rf"(?:(?:{_CURRENCY})\s*(?:{_AMOUNT})|(?:{_AMOUNT})\s*(?:{_CURRENCY}))",
    re.I,
)
# The same among other words ("Maybank RM 5,000", "BCA 1234567890 Rp 1.500.000"): the currency
# must stand apart from letters, so that a holder's name ("Đặng") or a bank's is no currency,
# and one followed by digits is that amount's ("1234567890 Rp 1.500.000" is not "1234567890 Rp").
_MONEY_IN = re.compile(
    rf"(?<![^\W\d_])(?:{_CURRENCY})\s*(?:{_SEPARATED}|[1-9]\d{{0,6}})(?![\s\-.,]*\d)"
    rf"|(?<![\d.,])(?:{_SEPARATED})\s*(?:{_CURRENCY})(?![^\W\d_]|\s*\d)",
    re.I,
)
# Several numbers in one value: "081-234-5678, 089-123-4567", "... / ...", the region's own
# commas and stops (Burmese "၊" and "။", Khmer "។" and "៕", Thai "๚", the ideographic "、"), and
# "or" and "and" in the region's words. One list for phones and wallets: "0812 3456 7890 atau
# 0857 1234 5678" as a phone was "neither a phone number nor an SMS sender name".
SEVERAL = re.compile(
    r"\s*(?:[/,;|&၊။។៕、๚]|\b(?:or|and|atau|dan|hoặc|hay)\b|หรือ|ຫຼື|ឬ|သို့မဟုတ်)\s*",
    re.I,
)
_MIN_NUMBER_DIGITS = 7
# A day, month and year: 15/05/2024, 15-05-2024, 15.05.2024, 2024-05-12; Thai years are
# Buddhist Era (2567).
_DAY_FIRST = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2((?:19|20|25)\d{2})", re.ASCII)
_YEAR_FIRST = re.compile(r"((?:19|20|25)\d{2})([/.\-])(\d{1,2})\2(\d{1,2})", re.ASCII)
_DATE_IN = re.compile(
    r"(?<![\d./-])(?:\d{1,2}([/.\-])\d{1,2}\1\d{4}|\d{4}([/.\-])\d{1,2}\2\d{1,2})(?![./-]?\d)",
    re.ASCII,
)
# A Malaysian identity card (MyKad) as printed: birth date YYMMDD, place code, serial.
_MYKAD = re.compile(r"\d{2}(\d{2})(\d{2})-\d{2}-\d{4}", re.ASCII)
# A Thai citizen or tax ID as printed: 1-2345-67890-12-3.
_THAI_ID = re.compile(r"\d-\d{4}-\d{5}-\d{2}-\d", re.ASCII)


def is_money(text: str) -> bool:
    """Tell whether ``text`` is an amount of money with its currency (`Rp 1.500.000`)."""
    return _MONEY.fullmatch(text.strip()) is not None


def refuse_money(raw: str, text: str) -> None:
    """Refuse an amount of money with its currency (`Rp 1.500.000`, `RM1500`, `5,000 บาท`)."""
    if is_money(text):
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} is an amount of money, not a phone number; enter the amount as the "
            "report's loss, and the number the scammer called or wrote from as the phone",
        )


# The currencies above as the ASCII words and signs they are written with ("us$" and "s$" hold
# "$"; "rp." holds "rp").
_ASCII_CURRENCY = frozenset(
    "$" if "$" in sign else sign.lower().rstrip(".") for sign in number_signs() if sign.isascii()
)
_ASCII_WORD = re.compile(r"[a-z]+|\$")


def _may_hold_money(text: str) -> bool:
    """Tell cheaply whether ``text`` may name a currency: the search of ``_MONEY_IN`` tries
    every currency at every position, and runs on every account and wallet read."""
    if not text.isascii():
        return True  # a currency in the region's scripts, or "đ"
    return any(word in _ASCII_CURRENCY for word in _ASCII_WORD.findall(text.lower()))


def money_in(text: str) -> str | None:
    """Return the amount of money written in ``text`` with its currency, or None."""
    if not _may_hold_money(text):
        return None
    found = _MONEY_IN.search(text)
    return None if found is None else found[0].strip()


def several_numbers(text: str) -> bool:
    """Tell whether ``text`` holds two numbers or more, each of seven digits or more."""
    parts = SEVERAL.split(text)
    numbers = [part for part in parts if sum(ch.isdigit() for ch in part) >= _MIN_NUMBER_DIGITS]
    return len(numbers) > 1


def date_in(text: str) -> str | None:
    """Return a day, month and year written among other words of ``text``, or None."""
    for found in _DATE_IN.finditer(text):
        if _is_date(found[0]):
            return found[0]
    return None


def looks_like_date(text: str) -> bool:
    """Tell whether ``text`` is a day, month and year (15/05/2024, 2024-05-12, 15.05.2567)."""
    return _is_date(text.strip())


def lookalike_reason(raw: str, text: str) -> str | None:
    """Return why ``text``, refused as a phone, is something else, or None."""
    text = text.strip()
    if _is_date(text):
        return (
            f"{shown(raw)} is a date, not a phone number; enter the date as the report's date, "
            "and the phone number as it was given"
        )
    mykad = _MYKAD.fullmatch(text)
    if mykad and _month_day(int(mykad[1]), int(mykad[2])):
        return (
            f"{shown(raw)} is written like a Malaysian identity card (MyKad) number, not a phone "
            "number; keep ID numbers with the person, and enter the phone number as it was given"
        )
    if _THAI_ID.fullmatch(text):
        return (
            f"{shown(raw)} is written like a Thai citizen or tax ID (13 digits), not a phone "
            "number; keep ID numbers with the person, or enter it as a PromptPay e-wallet if "
            "money was sent to it"
        )
    return None


def _is_date(text: str) -> bool:
    day_first = _DAY_FIRST.fullmatch(text)
    if day_first:
        first, second = int(day_first[1]), int(day_first[3])
        return _month_day(second, first) or _month_day(first, second)  # 15/05, or 05/15 (US)
    year_first = _YEAR_FIRST.fullmatch(text)
    if year_first is None:
        return False
    return _month_day(int(year_first[3]), int(year_first[4]))


def _month_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31
