"""Validate raw reports and say, for each rejected value, where it is and how to fix it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from counterscam.intake import columns
from counterscam.intake.chars import invisible
from counterscam.intake.coordinates import coordinate_hint
from counterscam.intake.error_values import error_value_reason, error_values
from counterscam.intake.local_headings import local_field_hint
from counterscam.intake.normalise import locate
from counterscam.intake.quick import quick_validate
from counterscam.intake.records import (
    RawReport,
    RowError,
    agency_note,
    formula_hint,
    text_of,
    type_name,
)
from counterscam.intake.schema import ReportIn
from counterscam.intake.tables import column_name
from counterscam.intake.totals_row import totals_row

_RANGES = {
    "latitude": "latitude is decimal degrees from -90 to 90, like 16.6469",
    "longitude": "longitude is decimal degrees from -180 to 180, like 98.5155",
}
_FILE_OF = {"identifiers": "identifiers", "parties": "parties", "places": "places"}


def validate(raw: RawReport, *, country: str | None) -> ReportIn | list[RowError]:
    """Return the validated report, or every error found in it and its linked rows."""
    failed = error_values(raw)
    if failed:
        # Checked as empty cells, so the row's other errors are listed in the same pass.
        raw = _blanked(raw)
    validated = _validated(raw, country)
    hidden = _hidden_reference(raw)
    if hidden is None and not failed:
        return validated
    errors = [] if isinstance(validated, ReportIn) else validated
    if hidden is not None:
        errors = [hidden, *errors]
    cells = {(e.file, e.row, e.column) for e in failed}
    return [*failed, *(e for e in errors if (e.file, e.row, e.column) not in cells)]


def _blanked(raw: RawReport) -> RawReport:
    """Return a copy of ``raw`` with its spreadsheet error values as empty cells."""

    def clean(data: dict[str, Any]) -> dict[str, Any]:
        return {k: "" if error_value_reason(v) else v for k, v in data.items()}

    return replace(
        raw,
        data=clean(raw.data),
        identifiers=[replace(c, data=clean(c.data)) for c in raw.identifiers],
        parties=[replace(c, data=clean(c.data)) for c in raw.parties],
        places=[replace(c, data=clean(c.data)) for c in raw.places],
    )


def _hidden_reference(raw: RawReport) -> RowError | None:
    # Checked here, not by a schema validator: any Python validator on the field makes
    # Pydantic refuse a lone surrogate in its own words, beside the reader's error.
    ref = raw.data.get("external_ref")
    if not isinstance(ref, str) or (why := invisible(ref)) is None:
        return None
    shown = ref.strip()
    return RowError(raw.file, raw.row, "external_ref", text_of(shown), f"{shown!r} {why}")


def _validated(raw: RawReport, country: str | None) -> ReportIn | list[RowError]:
    quick = quick_validate(raw, country=country)
    if quick is not None:
        return quick
    if (totals := totals_row(raw)) is not None:
        return [totals]
    data: dict[str, Any] = dict(raw.data)
    data["identifiers"] = [c.data for c in raw.identifiers]
    data["parties"] = [c.data for c in raw.parties]
    data["places"] = [c.data for c in raw.places]
    try:
        return ReportIn.model_validate(data, context={"country": country})
    except ValidationError as exc:
        return [_row_error(raw, data, err) for err in exc.errors(include_url=False)]


def _row_error(raw: RawReport, data: dict[str, Any], err: ErrorDetails) -> RowError:
    path = tuple(err["loc"])
    reason = _reason(err)
    if err["type"] == "value_error" and ": " in reason and not _is_field(path):
        # A check across fields names the column it is about: "loss_currency: give ...".
        column, reason = reason.split(": ", 1)
        path = (*path, column)
    file, row, column = locate(raw, path)
    value = _value_at(data, path)
    if (axis := column.rsplit(".", 1)[-1]) in _RANGES and err["type"] != "value_error":
        reason = _RANGES[axis] + coordinate_hint(value, axis)
    if err["type"] == "extra_forbidden" and len(path) >= 3 and path[-1] == "external_ref":
        # The CSV files' linking column, copied into a JSON report's list: "unknown field"
        # read as if the column did not exist at all.
        reason = (
            f"a JSON report's {path[0]} belong to it and take no external_ref (that column "
            f"links the rows of the CSV files only); leave it out"
        )
    elif err["type"] == "extra_forbidden":
        told = local_field_hint(path[-1], _list_of(path)) or _camel_hint(path)
        reason = f"unknown field{told}; the fields are: {', '.join(_expected(path))}"
        reason += agency_note(str(path[-1]))
    elif isinstance(value, str) and "formula" not in reason:
        reason += formula_hint(value)
    return RowError(file, row, column, text_of(value), reason)


def _is_field(path: tuple[Any, ...]) -> bool:
    return bool(path) and isinstance(path[-1], str) and path[-1] not in _FILE_OF


def _reason(err: ErrorDetails) -> str:
    kind = err["type"]
    if kind == "missing":
        return "required; fill in this column"
    if kind == "value_error":
        ctx = err.get("ctx") or {}
        return str(ctx.get("error", err["msg"]))
    if kind in ("string_too_short",):
        return "required; fill in this column"
    if kind == "string_too_long":
        limit = (err.get("ctx") or {}).get("max_length")
        return f"too long: at most {limit:,} characters are kept here; shorten it"
    if kind == "string_type":
        return f"must be text, not {type_name(err.get('input'))}{_as_text_hint(err.get('input'))}"
    if kind in ("list_type", "model_type", "dict_type"):
        return f"{err['msg'].lower()}; see docs/formats.md for the shape of a report"
    return str(err["msg"])


def _as_text_hint(value: Any) -> str:
    if isinstance(value, (date, time)):
        # An XLSX cell Excel turned into a date (a reference like 2026-01-01 typed in it).
        return "; format the column as Text in the spreadsheet and type the value again"
    if isinstance(value, (dict, list)):
        return "; see docs/formats.md for the shape of a report"
    return ""


def _list_of(path: tuple[Any, ...]) -> str:
    """Return the file kind of the object a field's path is in: a report's list, or reports."""
    return _FILE_OF[str(path[0])] if len(path) >= 3 and path[0] in _FILE_OF else "reports"


def _camel_hint(path: tuple[Any, ...]) -> str:
    # JavaScript and Java systems name fields in camelCase ("externalRef"): CSV and XLSX
    # headings are read so (tables.column_name), but a JSON field is its exact name.
    name = column_name(path[-1]) if isinstance(path[-1], str) else ""
    return f': write {name} for "{path[-1]}"' if name in _expected(path) else ""


def _expected(path: tuple[Any, ...]) -> list[str]:
    if (kind := _list_of(path)) != "reports":
        return [c for c in columns.names(kind) if c != "external_ref"]
    return [*columns.names("reports"), "identifiers", "parties", "places"]


def _value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
