"""The submitted report, validated against the reference lists (fields as in docs/formats.md).

Validation needs the reporting agency's country, for times written without a zone and for
currency signs read as written there (``K`` is kyat in a report from Myanmar): pass it as
``context={"country": "MY"}`` to ``model_validate``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from counterscam.identifiers import KINDS, Canonical
from counterscam.identifiers._spreadsheet import spreadsheet_digits
from counterscam.identifiers._types import shown
from counterscam.intake import vocab
from counterscam.intake.amounts import (
    amount_of,
    currency_written,
    sign_currencies,
    unknown_currency,
)
from counterscam.intake.dates import birth_date_of, incident_after_report, moment
from counterscam.intake.no_value import no_value, no_value_in
from counterscam.reference import country as country_info


def _listed(values: tuple[str, ...], limit: int = 16) -> str:
    shown = ", ".join(values[:limit])
    return shown + (", ..." if len(values) > limit else "")


_PLUS_GAP = re.compile(r"\s*\+\s*")


def _code(vocabulary: str, what: str) -> Any:
    def check(value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().lower()
        if vocabulary == "mark":
            code = code.removeprefix("tlp:").lstrip()  # "TLP: AMBER" as mails write it
            code = _PLUS_GAP.sub("+", code)  # "Amber + Strict": the mark's own "+", spaced
        code = vocab.fold_code(code)
        code = vocab.written_code(vocabulary, code)
        if code not in vocab.code_set(vocabulary):
            hint = _MARK_HINTS.get(code.replace("_", ""), "") if vocabulary == "mark" else ""
            raise ValueError(
                f"{shown(value)} is not {what}; "
                f"use one of: {_listed(vocab.codes(vocabulary))}{hint}"
            )
        return code

    return AfterValidator(check)


# Marks as other systems write them: TLP 1.0's WHITE (TLP 2.0 renamed it CLEAR, the same
# mark), and AMBER+STRICT with its "+" lost to an export. Refused rather than read, as a
# mark decides who sees the report, but saying which mark to write.
_MARK_HINTS = {
    "white": "; WHITE is TLP 1.0's name for clear (renamed in TLP 2.0): write clear",
    "amberstrict": "; write amber+strict, with a +",
}


def _kind(value: str) -> str:
    kind = vocab.fold_code(value)
    if kind not in KINDS:
        raise ValueError(
            f"{shown(value)} is not an identifier kind; use one of: {', '.join(KINDS)}"
        )
    return kind


def _country(value: str) -> str:
    code = vocab.country_code(value)
    if code is None:
        raise ValueError(
            f"{shown(value)} is not an ISO 3166 code or a country name counterscam knows; "
            "write the alpha-2 code (like MY, TH, HK), or the alpha-3 code or a name of a "
            "country of the reference list (like MYS, VNM, Malaysia or Vietnam)"
        )
    return code


def _id_kind(value: str | None) -> str | None:
    if value is None:
        return None
    kind = vocab.fold_code(value)
    if kind not in vocab.ID_KINDS:
        raise ValueError(
            f"{shown(value)} is not an ID kind; use one of: {', '.join(vocab.ID_KINDS)}"
        )
    return kind


def _moment(value: Any, info: ValidationInfo) -> Any:
    return moment(value, (info.context or {}).get("country"))


def _amount(value: Any, info: ValidationInfo) -> Any:
    # loss_currency is validated first (it comes first in ReportIn); when it is not given or
    # not valid, the amount is read without it.
    country = (info.context or {}).get("country")
    return amount_of(value, info.data.get("loss_currency"), country=country)


def _currency(value: str | None) -> str | None:
    if value is None:
        return None
    code = unicodedata.normalize("NFKC", value).strip().upper()  # full-width ＭＹＲ too
    if code not in vocab.currencies():
        # The column takes codes only; a sign or word ("RM", "baht") is answered with its code.
        named = sorted(sign_currencies(value.strip()))
        if named:
            raise ValueError(
                f"{shown(value)} is a currency sign ({' or '.join(named)}); loss_currency takes "
                f"the ISO 4217 code: write {named[0] if len(named) == 1 else 'the one meant'}"
            )
        # A crypto-asset or a code the FX table lacks (TWD was "use an ISO 4217 code").
        unknown = unknown_currency(value)
        if unknown:
            raise ValueError(unknown)
        raise ValueError(
            f"{shown(value)} is not a known currency; use an ISO 4217 code such as "
            f"{_listed(vocab.currencies(), 12)}"
        )
    return code


def codes_list(value: Any) -> Any:
    """Read a list of agency codes: a list, or text separated by ';'."""
    if value is None:
        return []
    items = value.split(";") if isinstance(value, str) else value
    if not isinstance(items, list):
        return value
    codes = [_code_text(i) for i in items]
    if all(isinstance(c, str) for c in codes):
        return list(dict.fromkeys(c for c in codes if c))
    # A null, true/false, list or object among them is refused as no text, at the position
    # sent: written as text it was answered "no agency with code NONE" (or "['TH-AOC']").
    return codes


def _code_text(item: Any) -> Any:
    """Return an agency code item as its text (a JSON number too), or as sent when no text."""
    if isinstance(item, str) or (
        isinstance(item, (int, float, Decimal)) and not isinstance(item, bool)
    ):
        return str(item).strip().upper()
    return item


def blank(value: Any) -> bool:
    """Tell whether a cell or field holds nothing: None, or text of blanks only."""
    return value is None or (isinstance(value, str) and not value.strip())


def _blank_to_none(data: Any, optional: frozenset[str] = frozenset()) -> Any:
    # CSV and XLSX give "" for an empty cell: an empty value is a value not given, so a
    # required one is reported as missing and an optional one takes its default. In the
    # ``optional`` fields, "N/A" or "NULL" is such an empty cell too (intake.no_value).
    if isinstance(data, dict):
        return {
            k: v
            for k, v in data.items()
            if not blank(v) and not (k in optional and no_value_in(k, v))
        }
    return data


Moment = Annotated[datetime, BeforeValidator(_moment)]
Country = Annotated[str, AfterValidator(_country)]
# An agency's code as the agency table keeps it (String(32)).
AGENCY_CODE_CHARS = 32
AgencyCode = Annotated[str, Field(max_length=AGENCY_CODE_CHARS)]


# The longest identifier kept, as written and made canonical (the identifier table's columns).
IDENTIFIER_VALUE_CHARS = 600


def overlong(canon: Canonical) -> Canonical | None:
    """Return the form of ``canon``, or of one stored beside it, longer than an identifier
    keeps, or None: no report can name it (its column would refuse the write)."""
    return next((c for c in (canon, *canon.related) if len(c.value) > IDENTIFIER_VALUE_CHARS), None)


PLACE_NAME_CHARS = 300  # the longest place name kept; the cluster list's filter takes no more


def _degrees(value: Any, info: ValidationInfo) -> Any:
    # Pydantic reads true as 1.0 and false as 0.0: a JSON place of "latitude": true,
    # "longitude": false was stored at 1°N 0°E, in the Gulf of Guinea.
    if isinstance(value, bool):
        raise ValueError(
            f"true/false is not a {info.field_name}; write it in decimal degrees, like "
            f"{'16.6469' if info.field_name == 'latitude' else '98.5155'}"
        )
    return value


class _In(BaseModel):
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, coerce_numbers_to_str=True, frozen=True
    )

    # Optional fields where a word for "no value" ("N/A", "NULL", "-") is an empty cell.
    NO_VALUE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def _blanks(cls, data: Any) -> Any:
        return _blank_to_none(data, cls.NO_VALUE_FIELDS)


class IdentifierIn(_In):
    """An identifier as written in a report, with its role there."""

    NO_VALUE_FIELDS = frozenset({"qualifier", "country"})

    kind: Annotated[str, AfterValidator(_kind)]
    value: Annotated[str, Field(min_length=1, max_length=IDENTIFIER_VALUE_CHARS)]
    role: Annotated[str, _code("sighting_role", "a sighting role")]
    qualifier: Annotated[str | None, Field(max_length=100)] = None
    country: Country | None = None


class PartyIn(_In):
    """A person or organisation a report names (never the scam victim)."""

    NO_VALUE_FIELDS = frozenset(
        {
            "given_name",
            "family_name",
            "birth_date",
            "gender",
            "nationality",
            "id_number",
            "id_kind",
            "phone",
        }
    )

    role: Annotated[str, _code("party_role", "a party role")]
    full_name: Annotated[str, Field(min_length=1, max_length=300)]
    given_name: Annotated[str, Field(max_length=200)] = ""
    family_name: Annotated[str, Field(max_length=200)] = ""
    birth_date: Annotated[date | None, BeforeValidator(birth_date_of)] = None
    gender: Annotated[str | None, _code("gender", "a gender")] = None
    nationality: Country | None = None
    id_number: Annotated[str, Field(max_length=60)] = ""
    id_kind: Annotated[str | None, AfterValidator(_id_kind)] = None
    phone: Annotated[str, Field(max_length=60)] = ""

    @field_validator("given_name", "family_name", "id_number", "phone", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return "" if value is None else value

    @field_validator("id_number")
    @classmethod
    def _whole_number(cls, value: str) -> str:
        # A 13-digit Thai ID in a CSV that Excel saved reads 1.10012E+12: stored so, every
        # ID starting 110012 was the same value, and person resolution matched strangers.
        try:
            return spreadsheet_digits("id_number", value, value)
        except ValueError as exc:
            raise ValueError(getattr(exc, "reason", str(exc))) from None


class PlaceIn(_In):
    """A place a report names, such as a scam compound."""

    NO_VALUE_FIELDS = frozenset({"country", "latitude", "longitude"})

    kind: Annotated[str, _code("place_kind", "a place kind")]
    name: Annotated[str, Field(min_length=1, max_length=PLACE_NAME_CHARS)]
    country: Country | None = None
    latitude: Annotated[float | None, BeforeValidator(_degrees), Field(ge=-90, le=90)] = None
    longitude: Annotated[float | None, BeforeValidator(_degrees), Field(ge=-180, le=180)] = None
    address: Annotated[str, Field(max_length=500)] = ""

    @field_validator("address", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return "" if value is None else value

    @model_validator(mode="after")
    def _both_coordinates(self) -> PlaceIn:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude: give both latitude and longitude, or neither")
        return self


class ReportIn(_In):
    """One scam report as a national centre submits it."""

    # Not share_with: its empty cell removes an amber report's share list on resubmission.
    NO_VALUE_FIELDS = frozenset(
        {"incident_at", "loss_currency", "victim_age_band", "victim_gender", "victim_country"}
    )

    external_ref: Annotated[str, Field(min_length=1, max_length=100)]
    reported_at: Moment
    incident_at: Moment | None = None
    scam_type: Annotated[str, _code("scam_type", "a scam type")]
    channel: Annotated[str, _code("channel", "a channel")]
    # Before loss_amount: how an amount is read depends on its currency ("1.500" in VND).
    loss_currency: Annotated[str | None, AfterValidator(_currency)] = None
    loss_amount: Annotated[Decimal | None, BeforeValidator(_amount)] = None
    victim_age_band: Annotated[str | None, _code("age_band", "an age band")] = None
    victim_gender: Annotated[str | None, _code("gender", "a gender")] = None
    victim_country: Country | None = None
    narrative: Annotated[str, Field(max_length=20_000)] = ""
    mark: Annotated[str, _code("mark", "a TLP mark")]
    share_with: Annotated[list[AgencyCode], BeforeValidator(codes_list)] = []
    identifiers: list[IdentifierIn] = []
    parties: list[PartyIn] = []
    places: list[PlaceIn] = []

    @field_validator("narrative", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return "" if value is None else value

    @model_validator(mode="before")
    @classmethod
    def _currency_from_amount(cls, data: Any, info: ValidationInfo) -> Any:
        # "Rp 1.500.000" with loss_currency left empty: the sign names the currency, as it is
        # read in the reporting country ("K 500,000" from Myanmar).
        currency = data.get("loss_currency") if isinstance(data, dict) else None
        if isinstance(data, dict) and (blank(currency) or no_value(currency)):
            country = (info.context or {}).get("country")
            code = currency_written(data.get("loss_amount"), country)
            if code is not None:
                return {**data, "loss_currency": code}
        return data

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> ReportIn:
        if self.loss_amount is not None and self.loss_currency is None:
            raise ValueError(
                "loss_currency: give the currency of the loss_amount, "
                f"like {_home_currency((info.context or {}).get('country'))}"
            )
        if self.share_with and self.mark != "amber":
            raise ValueError(
                f"share_with: only an amber report can be narrowed to named agencies; "
                f"this one is {self.mark}"
            )
        if self.incident_at:
            country = (info.context or {}).get("country")
            why = incident_after_report(self.incident_at, self.reported_at, country)
            if why:
                raise ValueError(why)
        return self


class ReportBatchIn(BaseModel):
    """A JSON batch: ``{"reports": [REPORT, ...]}``."""

    reports: list[dict[str, Any]]


def _home_currency(country: str | None) -> str:
    """Return the reporting country's currency, the example a centre there recognises."""
    try:
        return country_info(country).currency if country else "MYR"
    except KeyError:
        return "MYR"
