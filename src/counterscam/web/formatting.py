"""Jinja filters: numbers with thousands separators, money, dates, labels of reference codes.

The rule for times on pages (docs/web.md, "Dates and times"): a report's own date or time is
shown in its reporting country's local time (``local_day``, ``local_moment``), the zone the
intake read it in, so a report entered as 2026-03-02 in Kuala Lumpur reads 2026-03-02 and not
the UTC day before; every other time (an alert raised, a stop-list entry added) is shown in
UTC and says so (``moment``). A datetime is never shown as a bare date without one of the two.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from markupsafe import Markup

from counterscam.intake import vocab
from counterscam.link import brief
from counterscam.reference import loader as ref
from counterscam.reference.fx import UnknownCurrencyError


def number(value: int | float | Decimal | None) -> str:
    """Format a count with thousands separators; empty for None."""
    if value is None:
        return ""
    return f"{value:,}" if isinstance(value, int) else f"{value:,.0f}"


def money(value: Decimal | float | int | None, currency: str = "USD") -> str:
    """Format an amount as its currency is written: 'USD 12,500.00', 'VND 5,000,000'.

    The digits after the mark are the currency's in the reference data (fx_rates.yaml
    ``decimals``); an unknown currency gets two. A stored fraction a whole-number currency
    does not show (VND 0.50) is shown to the cent rather than rounded away.
    """
    if value is None:
        return ""
    amount = Decimal(value)
    try:
        places = ref.shown_decimals(currency)
    except UnknownCurrencyError:
        places = 2
    if amount != round(amount, places):
        places = max(places, 2)
    return f"{currency} {amount:,.{places}f}"


def loss_text(
    amount: Decimal, *, given: int, seen: int, currency: bool = True, none: str = "No loss given"
) -> str:
    """Return a loss summed over ``seen`` reports of which ``given`` gave one, as pages say it.

    A sum over reports that gave no loss reads 0.00 as though the scams cost nothing: it is
    ``none`` instead; one over some of them says so. A loss of 0 given (a failed attempt) is a
    loss given. ``currency`` False leaves out "USD " (a column whose heading says it).
    """
    total = money(amount) if currency else f"{amount:,.2f}"
    if given == seen:
        return total
    if not given:
        return none
    return f"{total} (from {given:,} of {seen:,} reports)"


def loss_cell(amount: Decimal, *, given: int, seen: int) -> Markup:
    """Return a table's loss cell: the amount, then how many reports gave one, which a phone
    puts on a line of its own (app.css ``.num-note``)."""
    # On one line, "318,385.88 (from 266 of 270 reports)" ran a phone's three-column tables
    # 140 px past their box, the column's heading out of sight.
    text = loss_text(amount, given=given, seen=seen, currency=False)
    total, found, note = text.partition(" (")
    if not found:
        return Markup.escape(text)
    return Markup('{} <span class="num-note">({}</span>').format(total, note)


def usd_whole(value: Decimal | float | int | None) -> str:
    """Format a USD amount rounded to the dollar, like 'USD 1,204,300'."""
    if value is None:
        return ""
    return f"USD {Decimal(value):,.0f}"


# A total card has room for "USD 1.2M", not for every digit: (unit, suffix, smallest amount).
_COMPACT = (
    (Decimal(1_000_000_000), "B", Decimal(1_000_000_000)),
    (Decimal(1_000_000), "M", Decimal(1_000_000)),
    (Decimal(1_000), "k", Decimal(10_000)),
)
_TENTH = Decimal("0.1")


def usd_compact(value: Decimal | float | int | None) -> str:
    """Format a USD amount to a few digits ('USD 1.2M', 'USD 45.3k'); below 10,000 whole
    dollars ('USD 5,000'). Shown beside the exact amount (``money``), never instead of it."""
    if value is None:
        return ""
    amount = Decimal(value)
    for unit, suffix, smallest in _COMPACT:
        shown = (amount / unit).quantize(_TENTH, ROUND_HALF_UP)
        # Compared once rounded: 999,960 reads 'USD 1M', not 'USD 1,000k'.
        if abs(shown * unit) >= smallest:
            digits = f"{shown:,.0f}" if shown == shown.to_integral_value() else f"{shown:,}"
            return f"USD {digits}{suffix}"
    return f"USD {amount.quantize(Decimal(1), ROUND_HALF_UP):,}"


def day(value: datetime | date | None) -> str:
    """Format a calendar date as ISO (2026-03-01); a time as its UTC date, marked 'UTC'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        # A bare date of a stored time would be read as a local date (the bug this prevents).
        return f"{_utc(value):%Y-%m-%d} UTC"
    return value.strftime("%Y-%m-%d")


def moment(value: datetime | None) -> str:
    """Format a time that is not a report's (an alert raised...) as '2026-03-01 10:00 UTC'."""
    if value is None:
        return ""
    return f"{_utc(value):%Y-%m-%d %H:%M} UTC"


def _utc(value: datetime) -> datetime:
    # Stored times come back aware; a naive one can only be UTC (DESIGN.md: stored in UTC).
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def offset(value: timedelta | None) -> str:
    """Format a UTC offset as 'UTC+08:00' or 'UTC-05:00'."""
    minutes = int((value or timedelta()).total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def local_day(value: datetime | None, country: str | Collection[str] | None) -> str:
    """Format a report's time as the date in its reporting country ('2026-03-02').

    ``country`` is the reporting country's code. For a figure picked among reports of several
    countries whose own report is unknown (a cluster's first report), pass their codes: the
    date is shown when it is the same in all of their zones, else the UTC date marked 'UTC'.
    Unknown countries read as UTC, as the intake read them, and say so.
    """
    if value is None:
        return ""
    codes = [country] if country is None or isinstance(country, str) else sorted(country)
    dates = {_utc(value).astimezone(vocab.zone(c)).date() for c in codes}
    if len(dates) == 1 and all(vocab.zone(c) != vocab.zone(None) for c in codes):
        return f"{dates.pop():%Y-%m-%d}"
    return day(value)


def local_moment(value: datetime | None, country: str | None) -> str:
    """Format a report's time in its reporting country: '2026-03-02 09:30 (Malaysia, UTC+08:00)'.

    A country without a known zone (the intake read its times as UTC) gives the UTC time.
    """
    if value is None:
        return ""
    zone = vocab.zone(country)
    if zone == vocab.zone(None):
        return moment(value)
    local = _utc(value).astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} ({label(country, 'country')}, {offset(local.utcoffset())})"


def sentence(reason: str) -> str:
    """Return a service's message ("no agency with code X; ...") as a sentence on a page."""
    return reason[:1].upper() + reason[1:]


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
        "id_kind": {"passport": "Passport", "national_id": "National ID card", "other": "Other"},
    }


def label(code: str | None, vocabulary: str) -> str:
    """Return the reference label of a code, or the code itself when unknown."""
    if code is None:
        return ""
    return _labels()[vocabulary].get(code, code)


def options(vocabulary: str) -> list[tuple[str, str]]:
    """Return (code, label) pairs of a vocabulary for a select box."""
    return list(_labels()[vocabulary].items())


def all_countries() -> list[tuple[str, str]]:
    """Return (code, name) of every country of the reference data, members first."""
    return [(c.code, c.label) for c in ref.countries()]


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


def agency_code(code: str | None) -> Markup:
    """Return an agency's code kept on one line: "PH-PNP-ACG" broke at its hyphens in a
    cramped cell or header, reading as two codes."""
    return Markup('<span class="agency-code">{}</span>').format(code or "")


def isolated(value: object) -> Markup | str:
    """Return text someone typed (a name, a reference) isolated from the text around it: a
    right-to-left override (U+202E) in it reversed the rest of its line, what followed too.

    Only text that could reorder its surroundings (right-to-left letters, direction controls:
    the rule of ``link.brief.isolated``) gets its ``<bdi>``; other text comes back as it is.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)  # Markup stays Markup
    if brief.isolated(text) == text:
        return text
    return Markup("<bdi>{}</bdi>").format(text)


def code_spans(text: str) -> Markup:
    """Return a message shared with the CLI and API with the commands it quotes set as code:
    a page showed the backticks themselves ("runs `counterscam fx revalue`").

    Only a quoted ``counterscam`` command is set: a message also quotes references people
    typed, in which two backticks would have set the words between them as code.
    """
    parts = _COMMAND.split(text)
    return Markup("").join(
        Markup("<code>{}</code>").format(part) if i % 2 else Markup("{}").format(part)
        for i, part in enumerate(parts)
    )


_COMMAND = re.compile(r"`(counterscam [^`]+)`")


def in_sentence(text: str) -> str:
    """Return a label as it reads inside a sentence: "website address (URL)", "IP address".

    Lower-casing it whole made "(url)" and "ip address" of its acronyms.
    """
    first = text.split(" ", 1)[0]
    if not text or first.isupper():
        return text
    return text[0].lower() + text[1:]


FILTERS = {
    "agency": agency_code,
    "in_sentence": in_sentence,
    "code_spans": code_spans,
    "isolated": isolated,
    "number": number,
    "money": money,
    "loss_text": loss_text,
    "loss_cell": loss_cell,
    "usd": usd_whole,
    "usd_compact": usd_compact,
    "day": day,
    "moment": moment,
    "local_day": local_day,
    "local_moment": local_moment,
    "label": label,
}
