"""A stored report as the report form's values, so an officer corrects it instead of retyping.

Saving the form replaces the report (intake matches it by reference): every value the officer
did not touch must come back from here, or the save would drop it.
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal
from typing import Any

from counterscam.access.reads import ReportDetail
from counterscam.identifiers import InvalidIdentifier, canonicalize
from counterscam.intake.vocab import zone
from counterscam.web.report_form import CHILD_FIELDS, ReportForm


def _moment(value: datetime | None, country: str) -> str:
    """Return a stored time in the reporting country's zone: a bare date when it is that day's
    midnight (how a date alone was read), else the full time with its offset."""
    if value is None:
        return ""
    local = value.astimezone(zone(country))
    if local.timetz().replace(tzinfo=None) == time(0):
        return local.date().isoformat()
    return local.isoformat(timespec="seconds")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return str(value)


def _as_written(kind: str, raw: str, canonical: str, country: str) -> str:
    # A qualifier given in its own column is not kept beside the raw value: when the raw value
    # alone reads as another identifier, the canonical value is what reads back the same.
    try:
        same = canonicalize(kind, raw, country=country).value == canonical
    except InvalidIdentifier:
        same = False
    return raw if same else canonical


def form_of_report(detail: ReportDetail) -> ReportForm:
    """Return the form's values of a stored report (its own agency's view)."""
    r = detail.report
    values: dict[str, str] = {
        "external_ref": r.external_ref,
        "reported_at": _moment(r.reported_at, r.country),
        "incident_at": _moment(r.incident_at, r.country),
        "scam_type": r.scam_type,
        "channel": r.channel,
        "loss_amount": _text(r.loss_amount),
        "loss_currency": r.loss_currency or "",
        "victim_age_band": r.victim_age_band or "",
        "victim_gender": r.victim_gender or "",
        "victim_country": r.victim_country or "",
        "narrative": r.narrative or "",
        "mark": r.mark,
        "share_with": "; ".join(detail.shared_with),
    }
    for i, s in enumerate(detail.sightings):
        values.update(
            {
                f"identifiers-{i}-kind": s.kind,
                f"identifiers-{i}-value": _as_written(s.kind, s.raw_value, s.value, r.country),
                f"identifiers-{i}-role": s.role,
            }
        )
    for group, rows in (("parties", detail.parties), ("places", detail.places)):
        for i, row in enumerate(rows):
            for name in CHILD_FIELDS[group]:
                values[f"{group}-{i}-{name}"] = _text(getattr(row, name, None))
    return ReportForm(values)
