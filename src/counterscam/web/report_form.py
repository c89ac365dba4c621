"""The single-report form: its fields, the REPORT it submits, and errors mapped to its fields."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from counterscam.intake.columns import names
from counterscam.intake.coordinates import place_coordinates
from counterscam.intake.records import RowError
from counterscam.web.formatting import sentence
from counterscam.web.forms import FormErrors

IDENTIFIER_ROWS = 3
PARTY_ROWS = 1
PLACE_ROWS = 1
# Rows the "Add another" buttons may grow a group to: a form is one page, not a file upload.
MAX_ROWS = 50
REPORT_FIELDS = tuple(names("reports"))
# Every column of the linked files, so editing a report keeps what an upload gave it even
# where the form shows no box (given and family names, a party's gender and phone).
CHILD_FIELDS = {
    "identifiers": ("kind", "value", "role", "qualifier", "country"),
    "parties": (
        "role",
        "full_name",
        "birth_date",
        "nationality",
        "id_number",
        "id_kind",
        "phone",
        "given_name",
        "family_name",
        "gender",
    ),
    "places": ("kind", "name", "country", "latitude", "longitude", "address"),
}
ROWS = {"identifiers": IDENTIFIER_ROWS, "parties": PARTY_ROWS, "places": PLACE_ROWS}
_ROW_KEY = re.compile(r"(identifiers|parties|places)-(\d+)-(\w+)")
# The field an error goes beside when the error names a whole row or list.
FIRST_FIELD = {"identifiers": "value", "parties": "full_name", "places": "name"}
FIELD_LABELS = {
    "external_ref": "Your reference",
    "reported_at": "Date reported",
    "incident_at": "Date of the incident",
    "scam_type": "Scam type",
    "channel": "Channel",
    "loss_amount": "Amount lost",
    "loss_currency": "Currency",
    "victim_age_band": "Victim's age",
    "victim_gender": "Victim's gender",
    "victim_country": "Victim lives in",
    "narrative": "What happened",
    "mark": "TLP mark",
    "share_with": "Share only with",
}


def field_id(name: str) -> str:
    """Return the HTML id of a form field: 'identifiers-0-value' for identifiers[0].value."""
    return name.replace("[", "-").replace("].", "-").replace("]", "").replace(".", "-")


@dataclass(frozen=True)
class ReportForm:
    """The submitted values, by field id, as the page shows them back."""

    values: Mapping[str, str]

    def get(self, name: str) -> str:
        """Return the value of a field (by id), or ''."""
        return self.values.get(name, "")

    def rows(self, group: str) -> int:
        """Return how many rows of a group the page shows: the default, or as many as were
        filled in, one more after "Add another"."""
        filled = [
            int(m.group(2))
            for k, v in self.values.items()
            if (m := _ROW_KEY.fullmatch(k))
            and m.group(1) == group
            and m.group(3) not in _DEFAULTED[group]
            and v.strip()
        ]
        count = max(ROWS[group], max(filled, default=-1) + 1)
        if self.get("add") == group:
            count += 1
        return min(count, MAX_ROWS)

    def report(self) -> dict[str, Any]:
        """Return the JSON REPORT (docs/formats.md) of the form; empty rows are left out."""
        report: dict[str, Any] = {k: self.get(k) for k in REPORT_FIELDS if self.get(k).strip()}
        # Always given, [] when the box is empty: a report sent without it keeps its stored
        # share list, and the form saves what it shows.
        report["share_with"] = [c for c in re.split(r"[;,\s]+", self.get("share_with")) if c]
        for group, fields in CHILD_FIELDS.items():
            rows = []
            for i in range(self.rows(group)):
                row = {f: self.get(f"{group}-{i}-{f}") for f in fields}
                if any(v.strip() for k, v in row.items() if k not in _DEFAULTED[group]):
                    rows.append({k: v for k, v in row.items() if v.strip()})
            report[group] = [place_coordinates(r) for r in rows] if group == "places" else rows
        return report

    def errors_of(self, errors: list[RowError]) -> FormErrors:
        """Map intake errors (columns like identifiers[1].value) to this form's fields."""
        kept = self._row_positions()
        found = FormErrors()
        for e in errors:
            target = self._field_for(e.column, kept)
            if target.endswith("-value") and "does not say which" in e.reason:
                # The box to fill in is the bank's (or wallet's, platform's) beside it.
                qualifier = target.removesuffix("value") + "qualifier"
                if not self.get(qualifier).strip():
                    target = qualifier
            group, _, rest = target.partition("-")
            prefix = ""
            if group in CHILD_FIELDS:
                prefix = f"{_ROW_NAMES[group]} {int(rest.split('-')[0]) + 1}: "
            message = _message(e, target)
            if target.endswith(("-latitude", "-longitude")) and "://" in self.get(target):
                # A short link (maps.app.goo.gl) names no coordinates, and an air-gapped
                # network cannot follow it.
                message = (
                    "This map link holds no coordinates: open it in a browser and paste "
                    "the coordinates it shows, like 11.5564, 104.9282"
                )
            found.add(target, prefix + message)
        return found

    def _row_positions(self) -> dict[str, list[int]]:
        """Return, per group, the form row of each submitted row (empty rows were dropped)."""
        report = self.report()
        positions: dict[str, list[int]] = {}
        for group, fields in CHILD_FIELDS.items():
            positions[group] = [
                i
                for i in range(self.rows(group))
                if any(
                    self.get(f"{group}-{i}-{f}").strip()
                    for f in fields
                    if f not in _DEFAULTED[group]
                )
            ][: len(report[group])]
        return positions

    def _field_for(self, column: str, kept: dict[str, list[int]]) -> str:
        match = re.fullmatch(r"(identifiers|parties|places)\[(\d+)\]\.?(.*)", column)
        if match:
            group, index, name = match.group(1), int(match.group(2)), match.group(3)
            rows = kept[group]
            row = rows[index] if index < len(rows) else 0
            name = name if name in CHILD_FIELDS[group] else FIRST_FIELD[group]
            return f"{group}-{row}-{name}"
        return column if column in REPORT_FIELDS else "external_ref"


# Fields the form fills in by default (a select's first choice): they alone do not make a row.
# An identifier is its value: emptying the value removes the row, whatever bank or country
# was left beside it.
_DEFAULTED = {
    "identifiers": {"kind", "role", "qualifier", "country"},
    "parties": {"role"},
    "places": {"kind"},
}


_CHOSEN = {"scam_type", "channel", "mark", "victim_age_band", "victim_gender", "victim_country"}
# What to do when a required field is empty, said as GOV.UK says it ("Enter the date..."): the
# label alone made "Enter date reported".
_REQUIRED = {
    "external_ref": "Enter your centre's reference for the case",
    "reported_at": "Enter the date the case was reported",
    "scam_type": "Choose the scam type",
    "channel": "Choose the channel the scammer used",
    "loss_currency": "Enter the currency of the amount lost, like MYR",
    "mark": "Choose the TLP mark",
}
_ROW_NAMES = {"identifiers": "Identifier", "parties": "Person", "places": "Place"}


# A required box of a row, said as what to do: "Person 1: Required; fill it in" named no box.
_CHILD_REQUIRED = {
    "identifiers-value": "Enter the phone number, account, wallet or link",
    "identifiers-kind": "Choose the kind of identifier",
    "identifiers-role": "Choose the role of the identifier",
    "parties-full_name": "Enter the name as written",
    "parties-role": "Choose the role of the person",
    "places-name": "Enter the name of the place, like KK Park",
    "places-kind": "Choose the kind of place",
}


def _message(error: RowError, target: str) -> str:
    # Intake speaks of spreadsheet columns; this is a form.
    reason = error.reason.replace("fill in this column", "fill it in")
    reason = sentence(reason)
    label = FIELD_LABELS.get(error.column)
    group, _, rest = target.partition("-")
    child = f"{group}-{rest.partition('-')[2]}"
    if reason.startswith("Required") and child in _CHILD_REQUIRED:
        return _CHILD_REQUIRED[child]
    if label and reason.startswith("Required"):
        if error.column in _REQUIRED:
            return _REQUIRED[error.column]
        verb = "Choose" if error.column in _CHOSEN else "Enter"
        return f"{verb} {label[:1].lower()}{label[1:]}"
    if label and error.column in reason:
        # "loss_currency takes the ISO 4217 code": a column name the form does not show. Where
        # the reason says the label already ("is not a TLP mark"), that stays ("a TLP tlp mark").
        pieces = re.split(rf"(\b{re.escape(label)}\b)", reason, flags=re.IGNORECASE)
        return "".join(
            p if i % 2 else p.replace(error.column, label.lower()) for i, p in enumerate(pieces)
        )
    if label:
        return f"{label}: {reason}"
    return reason


def form_of(fields: Mapping[str, Any]) -> ReportForm:
    """Return the form from submitted fields (text fields only)."""
    return ReportForm({k: v for k, v in fields.items() if isinstance(v, str) and k != "csrf_token"})
