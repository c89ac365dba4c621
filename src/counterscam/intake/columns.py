"""Column definitions of the four intake files: one source for parsers, templates and docs."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of an intake file."""

    name: str
    required: bool
    example: str
    help: str


REPORT_COLUMNS: tuple[Column, ...] = (
    Column("external_ref", True, "MY-2026-000123", "your case number; unique in your agency"),
    Column("reported_at", True, "2026-03-01T10:00:00+08:00", "ISO 8601 date or date-time"),
    Column("incident_at", False, "2026-02-20", "when the scam happened"),
    Column("scam_type", True, "investment", "a scam-type code"),
    Column("channel", True, "whatsapp", "a channel code"),
    Column("loss_amount", False, "12,500.00", "amount lost, like 12,500.00 or Rp 1.500.000"),
    Column("loss_currency", False, "MYR", "ISO 4217 code; required with an amount"),
    Column("victim_age_band", False, "45_54", "an age-band code"),
    Column("victim_gender", False, "female", "a gender code"),
    Column("victim_country", False, "MY", "ISO alpha-2 country of residence"),
    Column("narrative", False, "Met on a WhatsApp investment group.", "free text"),
    Column("mark", True, "amber", "TLP mark: clear, green, amber, amber+strict, red"),
    Column("share_with", False, "", "amber only: agency codes separated by ';'"),
)

IDENTIFIER_COLUMNS: tuple[Column, ...] = (
    Column("external_ref", True, "MY-2026-000123", "the report it belongs to"),
    Column("kind", True, "phone", "phone, bank_account, ewallet, crypto_wallet, url, ..."),
    Column("value", True, "012-345 6789", "as written; it is made canonical"),
    Column("role", True, "caller", "a sighting-role code"),
    Column("qualifier", False, "", "bank, e-wallet provider, chain or platform if not in value"),
    Column("country", False, "", "the identifier's country when not your agency's"),
)

PARTY_COLUMNS: tuple[Column, ...] = (
    Column("external_ref", True, "MY-2026-000123", "the report"),
    Column("role", True, "mule", "suspect, mule, recruiter, victim_of_trafficking, witness"),
    Column("full_name", True, "Ahmad bin Ali", "the name as written"),
    Column("given_name", False, "", "when known separately"),
    Column("family_name", False, "", "when known separately"),
    Column("birth_date", False, "1990-05-17", "ISO date"),
    Column("gender", False, "male", "a gender code"),
    Column("nationality", False, "MY", "ISO alpha-2"),
    Column("id_number", False, "", "passport or national ID number"),
    Column("id_kind", False, "", "passport, national_id or other"),
    Column("phone", False, "", "made canonical like a phone identifier"),
)

PLACE_COLUMNS: tuple[Column, ...] = (
    Column("external_ref", True, "MY-2026-000123", "the report"),
    Column("kind", True, "compound", "compound, office, atm, address, other"),
    Column("name", True, "KK Park", "the place's name"),
    Column("country", False, "MM", "ISO alpha-2"),
    Column("latitude", False, "16.6469", "decimal degrees (with longitude)"),
    Column("longitude", False, "98.5155", "decimal degrees (with latitude)"),
    Column("address", False, "", "free text"),
)

FILES: dict[str, tuple[Column, ...]] = {
    "reports": REPORT_COLUMNS,
    "identifiers": IDENTIFIER_COLUMNS,
    "parties": PARTY_COLUMNS,
    "places": PLACE_COLUMNS,
}
LINKED = ("identifiers", "parties", "places")


def names(kind: str) -> list[str]:
    """Return the column names of one file kind, in template order."""
    return [c.name for c in FILES[kind]]


def required(kind: str) -> list[str]:
    """Return the required column names of one file kind."""
    return [c.name for c in FILES[kind] if c.required]


# Headings other systems give a column, told (never read: an unknown column is refused so
# that a misspelt one is not dropped) as the column to rename them to.
_OTHER_NAMES = {
    "tlp": "mark",
    "tlp_mark": "mark",
    "tlp_marking": "mark",
    "traffic_light_protocol": "mark",
    "currency": "loss_currency",
}
_UNIT_OR_DOT = re.compile(r"^(?P<name>[a-z_]+?)_*(?:\([^()]*\)|\[[^\[\]]*\]|[.:*]+)$")


def rename_hint(name: str, kind: str) -> str:
    """Say which column of ``kind`` an unknown heading ``name`` (as matched) likely is, or ""."""
    expected = names(kind)
    other = _OTHER_NAMES.get(name)
    if other in expected:
        return f"; if it holds the {other} column, rename it to {other}"
    base = written_as(name)
    if base is not None and base in expected:
        unit = name[len(base) :].strip("_")
        note = ""
        if base == "loss_amount" and unit.startswith(("(", "[")):
            note = " and give the currency in loss_currency"
        return f"; rename it to {base} (without {unit!r}){note}"
    return ""


def written_as(name: str) -> str | None:
    """Return the column a heading names with a unit or a full stop after it, or None:
    ``loss_amount_(myr)`` and ``external_ref.`` as matched."""
    found = _UNIT_OR_DOT.fullmatch(name)
    if found is None or found["name"] not in {n for k in FILES for n in names(k)}:
        return None
    return found["name"]
