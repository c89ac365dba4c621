"""Currency signs read by the reporting country: what ``K`` or ``$`` means where it is written.

A sign several currencies share has one reading where the report was written: an officer in
Yangon writes kyat as ``K 500,000`` and one in Singapore writes ``$1,200`` for Singapore dollars.
The country is the reporting agency's, not the victim's: the amount is written by an officer
of that agency, in the way money is written there, while the victim may be a foreigner, and
``victim_country`` is often left empty. A sign that stays ambiguous in that country (``$`` in
a report from a partner such as Australia, ``¥`` anywhere) is refused as before, naming the
choices.
"""

from __future__ import annotations

# The currency a sign means in a member country's reports, where elsewhere it is ambiguous
# (``K``, ``$``) or not a currency sign at all (``B``, ``d``).
# ``$`` is the US dollar in the members whose own money is no dollar: each writes its own
# currency with its own sign (RM, ฿, ₫, Rp, ₱, ៛, ₭, K), and Cambodia's economy runs on US
# dollars. Singapore and Brunei write their own dollars so. A partner's or observer's
# agency (Australia, Canada...) is not listed: its ``$`` stays refused, naming the choices.
# Not here, on purpose: ``R`` in Cambodia (the riel is ``៛``, ``riel`` or KHR, and R is the
# rand's): refused, saying what to write.
LOCAL_SIGNS: dict[str, dict[str, str]] = {
    "MM": {"K": "MMK", "$": "USD"},
    # The kip's sign ₭ is a barred K, and K is how it is typed; never kyat in a Lao report.
    "LA": {"K": "LAK", "$": "USD"},
    "SG": {"$": "SGD"},
    "BN": {"$": "BND"},
    # "B 500" as Thai shops and officers write baht; "500B" glued to the digits is refused
    # as a possible billion (amounts._Written), as "50K" is.
    "TH": {"B": "THB", "$": "USD"},
    # đ typed without its bar.
    "VN": {"d": "VND", "D": "VND", "$": "USD"},
    "MY": {"$": "USD"},
    "ID": {"$": "USD"},
    "PH": {"$": "USD"},
    "KH": {"$": "USD"},
}


def local_currency(sign: str, country: str | None) -> str | None:
    """Return the currency ``sign`` means in reports from ``country``, or None."""
    if country is None:
        return None
    return LOCAL_SIGNS.get(country, {}).get(sign)


def countries_reading(sign: str) -> list[tuple[str, str]]:
    """Return the (country, currency) pairs where ``sign`` has a local reading."""
    return sorted((c, signs[sign]) for c, signs in LOCAL_SIGNS.items() if sign in signs)
