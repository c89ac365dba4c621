"""Jinja filters: numbers with thousands separators, money, dates, labels of reference codes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache

from counterscam.reference import loader as ref


def number(value: int | float | Decimal | None) -> str:
    """Format a count with thousands separators; empty for None."""
    if value is None:
        return ""
    return f"{value:,}" if isinstance(value, int) else f"{value:,.0f}"


def money(value: Decimal | float | int | None, currency: str = "USD") -> str:
    """Format an amount with its currency and two decimals, like 'USD 12,500.00'."""
    if value is None:
        return ""
    return f"{currency} {Decimal(value):,.2f}"


def usd_whole(value: Decimal | float | int | None) -> str:
    """Format a USD amount rounded to the dollar, like 'USD 1,204,300'."""
    if value is None:
        return ""
    return f"USD {Decimal(value):,.0f}"


def day(value: datetime | date | None) -> str:
    """Format a date as ISO (2026-03-01), unambiguous across the region."""
    if value is None:
        return ""
    return value.strftime("%Y-%m-%d")


def moment(value: datetime | None) -> str:
    """Format a UTC time as '2026-03-01 10:00 UTC'."""
    if value is None:
        return ""
    return value.strftime("%Y-%m-%d %H:%M UTC")


@cache
def _labels() -> dict[str, dict[str, str]]:
    return {
        "country": {c.code: c.label for c in ref.countries()},
        "scam_type": {t.code: t.label for t in ref.scam_types()},
        "channel": {t.code: t.label for t in ref.channels()},
        "role": {r.code: r.label for r in ref.sighting_roles()},
        "party_role": {t.code: t.label for t in ref.party_roles()},
        "place_kind": {t.code: t.label for t in ref.place_kinds()},
        "mark": {m.code: m.label for m in ref.marks()},
        "age_band": {a.code: a.label for a in ref.age_bands()},
        "gender": {g.code: g.label for g in ref.genders()},
        "kind": {code: text for code, text in KIND_LABELS.items() if code},
    }


def label(code: str | None, vocabulary: str) -> str:
    """Return the reference label of a code, or the code itself when unknown."""
    if code is None:
        return ""
    return _labels()[vocabulary].get(code, code)


def options(vocabulary: str) -> list[tuple[str, str]]:
    """Return (code, label) pairs of a vocabulary for a select box."""
    return list(_labels()[vocabulary].items())


def member_countries() -> list[tuple[str, str]]:
    """Return (code, name) of the ten member countries."""
    return [(c.code, c.label) for c in ref.countries() if c.member]


# Identifier kinds as people name them; "" lets the check guess the kind from the value.
KIND_LABELS = {
    "": "Detect automatically",
    "phone": "Phone number",
    "bank_account": "Bank account",
    "ewallet": "E-wallet account",
    "crypto_wallet": "Crypto wallet",
    "url": "Website address (URL)",
    "domain": "Domain",
    "email": "E-mail address",
    "handle": "Social media or messaging handle",
    "ip": "IP address",
    "shortcode": "SMS short code",
    "sender_id": "SMS sender name",
}


FILTERS = {
    "number": number,
    "money": money,
    "usd": usd_whole,
    "day": day,
    "moment": moment,
    "label": label,
}
