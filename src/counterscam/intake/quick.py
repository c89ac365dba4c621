"""A fast path for the common report: plain text cells that are all valid.

Pydantic validation of a report, with its Python validators, costs more than the rest of an
import row apart from canonicalisation. Here the same rules run as plain Python over the
text cells a CSV file gives, and the result is the ``ReportIn`` Pydantic would build.
Anything unusual (a value that is not text, an unknown column, any rule broken, a place
with coordinates) returns None, and the caller validates with Pydantic, which gives the
error messages. So the fast path decides nothing on its own: it only accepts what Pydantic
accepts, with the same values (tests/intake/test_quick.py compares both on awkward input).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from counterscam.identifiers import KINDS
from counterscam.identifiers._spreadsheet import spreadsheet_digits
from counterscam.intake import vocab
from counterscam.intake.amounts import amount_of, currency_written
from counterscam.intake.dates import birth_date_of, incident_after_report, moment
from counterscam.intake.no_value import no_value_in
from counterscam.intake.records import RawChild, RawReport
from counterscam.intake.schema import (
    AGENCY_CODE_CHARS,
    IdentifierIn,
    PartyIn,
    ReportIn,
    codes_list,
)

# Pydantic's str_strip_whitespace trims with Rust's char::is_whitespace, not str.strip().
_TRIM = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_REPORT_FIELDS = frozenset(ReportIn.model_fields) - {"identifiers", "parties", "places"}
_IDENTIFIER_FIELDS = frozenset(IdentifierIn.model_fields)
_PARTY_FIELDS = frozenset(PartyIn.model_fields)
_REQUIRED = object()  # the default of a field that has none
_M = TypeVar("_M", bound=BaseModel)
_set = object.__setattr__


class _Unsure(Exception):
    """Leave this report to Pydantic."""


class _Codes:
    """The codes one field allows, and the spellings of them already seen."""

    def __init__(self, allowed: Callable[[], frozenset[str]], fold: Callable[[str], str]) -> None:
        self.allowed = allowed
        self.fold = fold
        self.seen: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        code = self.seen.get(value)
        if code is None:
            # As the schema: Pydantic trims, then the validator strips and folds the case.
            code = self.fold(value.strip(_TRIM).strip())
            if code not in self.allowed():
                raise _Unsure
            if len(self.seen) < 10_000:  # a file has few spellings; bound hostile ones
                self.seen[value] = code
        return code


def _vocabulary(name: str) -> Callable[[], frozenset[str]]:
    return lambda: vocab.code_set(name)


def _kinds() -> frozenset[str]:
    return frozenset(KINDS)


def _id_kinds() -> frozenset[str]:
    return frozenset(vocab.ID_KINDS)


def _mark(text: str) -> str:
    return vocab.fold_code(text.lower().removeprefix("tlp:"))  # "TLP: AMBER" as mails write it


_SCAM_TYPE = _Codes(_vocabulary("scam_type"), vocab.fold_code)
_CHANNEL = _Codes(_vocabulary("channel"), vocab.fold_code)
_MARK = _Codes(_vocabulary("mark"), _mark)
_AGE_BAND = _Codes(_vocabulary("age_band"), vocab.fold_code)
_GENDER = _Codes(_vocabulary("gender"), vocab.fold_code)
_ROLE = _Codes(_vocabulary("sighting_role"), vocab.fold_code)
_PARTY_ROLE = _Codes(_vocabulary("party_role"), vocab.fold_code)
_COUNTRY = _Codes(vocab.country_codes, str.upper)
_CURRENCY = _Codes(vocab.currency_set, str.upper)
_KIND = _Codes(_kinds, vocab.fold_code)
_ID_KIND = _Codes(_id_kinds, vocab.fold_code)


def _construct(model: type[_M], values: dict[str, Any]) -> _M:
    """Build a model from the checked value of every field."""
    # What model_construct does, without its loop over aliases and defaults, which took a
    # third of the fast path's time.
    built = model.__new__(model)
    _set(built, "__dict__", values)
    _set(built, "__pydantic_fields_set__", set(values))
    _set(built, "__pydantic_extra__", None)
    _set(built, "__pydantic_private__", None)
    return built


def quick_validate(raw: RawReport, *, country: str | None) -> ReportIn | None:
    """Return the report Pydantic would return for ``raw``, or None to let Pydantic decide."""
    if raw.places:
        return None  # rare; coordinates are parsed as Pydantic floats
    try:
        return _report(raw, country)
    except (_Unsure, ValueError):
        return None


def _given(
    data: dict[str, Any], allowed: frozenset[str], optional: frozenset[str]
) -> dict[str, str]:
    """Return the non-blank cells (``_blank_to_none``); a cell that is not text is unsure.

    In the ``optional`` fields a word for an empty cell ("N/A") is blank too, as in the schema.
    """
    if not data.keys() <= allowed:
        raise _Unsure  # an unknown field (blank ones are dropped by Pydantic: it decides)
    for value in data.values():
        if value.__class__ is not str and value is not None:
            raise _Unsure
    return {
        key: value
        for key, value in data.items()
        if value and not value.isspace() and not (key in optional and no_value_in(key, value))
    }


def _text(cells: dict[str, str], key: str, limit: int, default: object = _REQUIRED) -> Any:
    value = cells.get(key)
    if value is None:
        if default is _REQUIRED:
            raise _Unsure
        return default
    text = value.strip(_TRIM)
    if not text or len(text) > limit:
        raise _Unsure
    return text


def _code(cells: dict[str, str], key: str, codes: _Codes) -> str:
    value = cells.get(key)
    if value is None:
        raise _Unsure
    return codes(value)


def _optional(cells: dict[str, str], key: str, codes: _Codes) -> str | None:
    value = cells.get(key)
    return None if value is None else codes(value)


def _report(raw: RawReport, country: str | None) -> ReportIn:
    cells = _given(raw.data, _REPORT_FIELDS, ReportIn.NO_VALUE_FIELDS)
    if "reported_at" not in cells:
        raise _Unsure
    reported_at = moment(cells["reported_at"], country)
    incident_at = moment(cells["incident_at"], country) if "incident_at" in cells else None
    loss_currency = _optional(cells, "loss_currency", _CURRENCY)
    loss_amount = None
    if "loss_amount" in cells:
        # As ReportIn: an empty loss_currency is taken from the amount's sign ("Rp 1.500").
        loss_currency = loss_currency or currency_written(cells["loss_amount"], country)
        loss_amount = amount_of(cells["loss_amount"], loss_currency, country=country)
    mark = _code(cells, "mark", _MARK)
    share_with: list[str] = codes_list(cells["share_with"]) if "share_with" in cells else []
    if any(len(code) > AGENCY_CODE_CHARS for code in share_with):
        raise _Unsure
    # The checks across fields of ReportIn._consistent.
    if loss_amount is not None and loss_currency is None:
        raise _Unsure
    if share_with and mark != "amber":
        raise _Unsure
    if incident_at and incident_after_report(incident_at, reported_at, country):
        raise _Unsure
    return _construct(
        ReportIn,
        {
            "external_ref": _text(cells, "external_ref", 100),
            "reported_at": reported_at,
            "incident_at": incident_at,
            "scam_type": _code(cells, "scam_type", _SCAM_TYPE),
            "channel": _code(cells, "channel", _CHANNEL),
            "loss_currency": loss_currency,
            "loss_amount": loss_amount,
            "victim_age_band": _optional(cells, "victim_age_band", _AGE_BAND),
            "victim_gender": _optional(cells, "victim_gender", _GENDER),
            "victim_country": _optional(cells, "victim_country", _COUNTRY),
            "narrative": _text(cells, "narrative", 20_000, ""),
            "mark": mark,
            "share_with": share_with,
            "identifiers": [_identifier(c) for c in raw.identifiers],
            "parties": [_party(c) for c in raw.parties],
            "places": [],
        },
    )


def _identifier(child: RawChild) -> IdentifierIn:
    cells = _given(child.data, _IDENTIFIER_FIELDS, IdentifierIn.NO_VALUE_FIELDS)
    return _construct(
        IdentifierIn,
        {
            "kind": _code(cells, "kind", _KIND),
            "value": _text(cells, "value", 600),
            "role": _code(cells, "role", _ROLE),
            "qualifier": _text(cells, "qualifier", 100, None),
            "country": _optional(cells, "country", _COUNTRY),
        },
    )


def _party(child: RawChild) -> PartyIn:
    cells = _given(child.data, _PARTY_FIELDS, PartyIn.NO_VALUE_FIELDS)
    return _construct(
        PartyIn,
        {
            "role": _code(cells, "role", _PARTY_ROLE),
            "full_name": _text(cells, "full_name", 300),
            "given_name": _text(cells, "given_name", 200, ""),
            "family_name": _text(cells, "family_name", 200, ""),
            "birth_date": birth_date_of(cells["birth_date"]) if "birth_date" in cells else None,
            "gender": _optional(cells, "gender", _GENDER),
            "nationality": _optional(cells, "nationality", _COUNTRY),
            "id_number": _id_number(cells),
            "id_kind": _optional(cells, "id_kind", _ID_KIND),
            "phone": _text(cells, "phone", 60, ""),
        },
    )


def _id_number(cells: dict[str, str]) -> str:
    text: str = _text(cells, "id_number", 60, "")
    try:
        if spreadsheet_digits("id_number", text, text) == text:
            return text
    except ValueError:
        pass
    raise _Unsure  # a number a spreadsheet rewrote: the schema reads it or says why not
