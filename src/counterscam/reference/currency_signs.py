"""Currency signs and words as the region writes them beside an amount: one vocabulary.

Two readers use it, for different ends, and differ on purpose in places:
- intake's loss amounts (``intake.amounts``) read the currency an amount is in. There a single
  letter can be one: Filipinos write the peso ``P5,000``, Myanmar the kyat ``K 500,000``.
  Partners' currencies (``€``, ``¥``) are read too, and "dong" without its accent is the
  Vietnamese đồng typed without a Vietnamese keyboard. ISO codes (``MYR``) are read from the
  reference data's currency list, not from here.
- identifiers (``identifiers._phone_lookalike``) tell an amount pasted into a phone or account
  field (``Rp 1.500.000``, ``Maybank RM 5,000``) from the number. There a single letter is no
  currency (``P`` and ``K`` begin words and names), nor is "dong" (DongA Bank is written
  "Dong A Bank"); only the region's currencies are looked for, with their ISO codes.

``Sign.amounts`` and ``Sign.numbers`` say which reader takes each sign.
"""

from __future__ import annotations

from typing import NamedTuple


class Sign(NamedTuple):
    """The currencies a sign can mean, and which readers take it."""

    currencies: frozenset[str]
    amounts: bool = True  # a currency of a loss amount
    numbers: bool = True  # an amount beside a phone or account number


def _only(*codes: str) -> frozenset[str]:
    return frozenset(codes)


_DOLLARS = _only("USD", "SGD", "BND", "AUD", "CAD", "HKD", "NZD")

# Letters are matched ignoring case, except "K" in amounts, because "50k" is fifty thousand.
SIGNS: dict[str, Sign] = {
    "RM": Sign(_only("MYR")),
    "S$": Sign(_only("SGD")),
    "B$": Sign(_only("BND")),
    "US$": Sign(_only("USD")),
    "A$": Sign(_only("AUD"), numbers=False),
    "C$": Sign(_only("CAD"), numbers=False),
    "HK$": Sign(_only("HKD"), numbers=False),
    "NZ$": Sign(_only("NZD"), numbers=False),
    "NT$": Sign(_only("TWD"), numbers=False),
    "$": Sign(_DOLLARS),
    "฿": Sign(_only("THB")),
    "บาท": Sign(_only("THB")),
    "₱": Sign(_only("PHP")),
    # How Filipinos write the peso where ₱ cannot be typed ("P5,000"): no other currency of
    # the region or its partners is written so.
    "P": Sign(_only("PHP"), numbers=False),
    "peso": Sign(_only("PHP")),
    "pesos": Sign(_only("PHP")),
    "piso": Sign(_only("PHP"), numbers=False),
    "Rp": Sign(_only("IDR")),
    "Rp.": Sign(_only("IDR")),
    "₫": Sign(_only("VND")),
    "đ": Sign(_only("VND")),
    "VNĐ": Sign(_only("VND")),
    "đồng": Sign(_only("VND")),
    "dong": Sign(_only("VND"), numbers=False),
    "baht": Sign(_only("THB")),
    "บ.": Sign(_only("THB"), numbers=False),
    "ringgit": Sign(_only("MYR"), numbers=False),
    "rupiah": Sign(_only("IDR"), numbers=False),
    "៛": Sign(_only("KHR")),
    "riel": Sign(_only("KHR")),
    "រៀល": Sign(_only("KHR")),
    "₭": Sign(_only("LAK")),
    "kip": Sign(_only("LAK")),
    "ກີບ": Sign(_only("LAK")),
    # The kyat's K is also the Papua New Guinea kina's; Ks (kyats) is the kyat's alone.
    "K": Sign(_only("MMK", "PGK"), numbers=False),
    "Ks": Sign(_only("MMK")),
    "kyat": Sign(_only("MMK")),
    "kyats": Sign(_only("MMK")),
    "ကျပ်": Sign(_only("MMK")),
    "€": Sign(_only("EUR"), numbers=False),
    "£": Sign(_only("GBP"), numbers=False),
    "¥": Sign(_only("CNY", "JPY"), numbers=False),
    "RMB": Sign(_only("CNY"), numbers=False),
    "yuan": Sign(_only("CNY"), numbers=False),
    "yen": Sign(_only("JPY"), numbers=False),
    "円": Sign(_only("JPY"), numbers=False),
    "₩": Sign(_only("KRW"), numbers=False),
    "won": Sign(_only("KRW"), numbers=False),
    "원": Sign(_only("KRW"), numbers=False),
    "₹": Sign(_only("INR"), numbers=False),
    "₽": Sign(_only("RUB"), numbers=False),
    # The region's ISO codes, which amounts read from the reference data's currency list, and
    # USDT, the stablecoin scams are paid in.
    **{
        code: Sign(_only(code.upper()), amounts=False)
        for code in "myr idr usd usdt sgd bnd thb vnd php mmk lak khr".split()
    },
    "riels": Sign(_only("KHR"), amounts=False),
}


def amount_signs() -> dict[str, frozenset[str]]:
    """Return the signs a loss amount is read with, and the currencies each can mean."""
    return {sign: s.currencies for sign, s in SIGNS.items() if s.amounts}


def number_signs() -> list[str]:
    """Return the signs of an amount pasted beside a phone or account number, longest first
    (so that a pattern made of them takes "đồng" before "đ")."""
    return sorted((sign for sign, s in SIGNS.items() if s.numbers), key=len, reverse=True)
