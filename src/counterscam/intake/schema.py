"""The submitted report, validated against the reference lists (fields as in docs/formats.md).

Validation needs the reporting agency's country, for times written without a zone: pass it
as ``context={"country": "MY"}`` to ``model_validate``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Annotated, Any

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

from counterscam.identifiers import KINDS
from counterscam.intake import vocab
from counterscam.intake.amounts import amount_of, currency_written

EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)


def _listed(values: tuple[str, ...], limit: int = 16) -> str:
    shown = ", ".join(values[:limit])
    return shown + (", ..." if len(values) > limit else "")


def _code(vocabulary: str, what: str) -> Any:
    def check(value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().lower()
        if vocabulary == "mark":
            code = code.removeprefix("tlp:")
        if code not in vocab.code_set(vocabulary):
            raise ValueError(
                f"{value!r} is not {what}; use one of: {_listed(vocab.codes(vocabulary))}"
            )
        return code

    return AfterValidator(check)


def _kind(value: str) -> str:
    kind = value.strip().lower()
    if kind not in KINDS:
        raise ValueError(f"{value!r} is not an identifier kind; use one of: {', '.join(KINDS)}")
    return kind


def _country(value: str) -> str:
    code = value.strip().upper()
    if code not in vocab.country_codes():
        raise ValueError(f"{value!r} is not an ISO 3166 alpha-2 country code (like MY, TH, KH)")
    return code


def _id_kind(value: str | None) -> str | None:
    if value is None:
        return None
    kind = value.strip().lower()
    if kind not in vocab.ID_KINDS:
        raise ValueError(f"{value!r} is not an ID kind; use one of: {', '.join(vocab.ID_KINDS)}")
    return kind


def _moment(value: Any, info: ValidationInfo) -> Any:
    return moment(value, (info.context or {}).get("country"))


def moment(value: Any, country: str | None) -> Any:
    """Read a date or date-time; a time without zone is the reporting country's local time."""
    if value is None:
        return None
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, date):
        when = datetime.combine(value, time())
    else:
        text = str(value).strip()
        try:
            when = datetime.fromisoformat(text.replace(" ", "T", 1) if len(text) > 10 else text)
        except ValueError:
            raise ValueError(
                f"{text!r} is not a date; write an ISO 8601 date like 2026-03-01 or a date-time "
                f"like 2026-03-01T10:00:00+08:00{_date_hint(text)}"
            ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=vocab.zone(country))
    try:
        when = when.astimezone(UTC)
    except OverflowError:
        # 0001-01-01 in UTC+8, 9999-12-31 in UTC-12: in UTC they fall outside the calendar
        # Python knows (an OverflowError, which no caller expects from a date: a 500).
        when = EARLIEST - timedelta(days=1) if when.year < EARLIEST.year else datetime.max
        when = when.replace(tzinfo=UTC)
    if when < EARLIEST:
        raise ValueError(f"{_quoted(value)} is before 1990; check the year")
    if when > datetime.now(UTC) + timedelta(days=1):
        raise ValueError(f"{_quoted(value)} is in the future; check the date{_era_hint(when)}")
    return when


_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?")
_YEAR_FIRST = re.compile(r"(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[\sT].*)?")
_EXCEL_EPOCH = date(1899, 12, 30)
BUDDHIST_ERA = 543
# Thai Buddhist-era years of the dates intake takes (birth dates from 1900) are 2443 and
# later; a year past 2700 is a typing mistake, not an era.
_ERA_YEARS = range(2443, 2700)


def _date_hint(text: str) -> str:
    """Say how a date written another common way would be written here."""
    if _SERIAL.fullmatch(text) and 20_000 <= float(text) <= 80_000:
        day = _EXCEL_EPOCH + timedelta(days=int(float(text)))
        return (
            f". It looks like a spreadsheet date number ({int(float(text))} is "
            f"{day.isoformat()}): format the column as a date (yyyy-mm-dd) before saving"
        )
    match = _DAY_FIRST.fullmatch(text)
    if match:
        first, second, year = (int(g) for g in match.groups())
        era = _era_note(year)
        year -= BUDDHIST_ERA if era else 0
        if first > 12 and second > 12:
            return ""
        if first > 12 >= second:  # only day/month reads as a date
            return f". Write the year first: {year}-{second:02d}-{first:02d}{era}"
        if second > 12 >= first:  # only month/day
            return f". Write the year first: {year}-{first:02d}-{second:02d}{era}"
        return (
            f". {match.group(1)}/{match.group(2)} could be day/month or month/day: write the "
            f"year first, like {year}-{second:02d}-{first:02d} if the day comes first or "
            f"{year}-{first:02d}-{second:02d} if the month does{era}"
        )
    match = _YEAR_FIRST.fullmatch(text)
    if match:
        year, month, mday = (int(g) for g in match.groups())
        written = f"{year}-{month:02d}-{mday:02d}"
        if text[:10] != written:
            return f". Write it with '-' and two-digit month and day: {written}"
        # Written the right way, so it is the day or the time that does not exist.
        try:
            date(year, month, mday)
        except ValueError:
            return f". There is no day {written}: check the day and the month"
        return (
            ". Check the time: hours 00 to 23, minutes and seconds 00 to 59, and a zone "
            "written like +08:00 or Z"
        )
    return ""


def _era_note(year: int) -> str:
    if year not in _ERA_YEARS:
        return ""
    return f" ({year} is a Thai Buddhist-era year: subtract {BUDDHIST_ERA}, {year - BUDDHIST_ERA})"


def _era_hint(when: date) -> str:
    if when.year in _ERA_YEARS:
        return (
            f": {when.year} looks like a Thai Buddhist-era year; subtract {BUDDHIST_ERA} "
            f"({when.year} is {when.year - BUDDHIST_ERA})"
        )
    return ""


def _quoted(value: Any) -> str:
    """Return a value as quoted text for a message."""
    return repr(value.isoformat() if isinstance(value, date) else str(value))


def birth_date_of(value: Any) -> Any:
    """Read a birth date; refuse one in the future or before 1900."""
    if value is None or isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
    else:
        try:
            day = date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise ValueError(f"{str(value)!r} is not a date; write it like 1990-05-17") from None
    if day is not None and day > date.today():
        raise ValueError(
            f"{day.isoformat()} is in the future; check the birth date{_era_hint(day)}"
        )
    if day is not None and day.year < 1900:
        raise ValueError(f"{day.isoformat()} is before 1900; check the year")
    return day


def _amount(value: Any, info: ValidationInfo) -> Any:
    # loss_currency is validated first (it comes first in ReportIn); when it is not given or
    # not valid, the amount is read without it.
    return amount_of(value, info.data.get("loss_currency"))


def _currency(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if code not in vocab.currencies():
        raise ValueError(
            f"{value!r} is not a known currency; use an ISO 4217 code such as "
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
    return list(dict.fromkeys(str(i).strip().upper() for i in items if str(i).strip()))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _blank_to_none(data: Any) -> Any:
    # CSV and XLSX give "" for an empty cell: an empty value is a value not given, so a
    # required one is reported as missing and an optional one takes its default.
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if not _blank(v)}
    return data


Moment = Annotated[datetime, BeforeValidator(_moment)]
Country = Annotated[str, AfterValidator(_country)]
AgencyCode = Annotated[str, Field(max_length=32)]


class _In(BaseModel):
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, coerce_numbers_to_str=True, frozen=True
    )

    @model_validator(mode="before")
    @classmethod
    def _blanks(cls, data: Any) -> Any:
        return _blank_to_none(data)


class IdentifierIn(_In):
    """An identifier as written in a report, with its role there."""

    kind: Annotated[str, AfterValidator(_kind)]
    value: Annotated[str, Field(min_length=1, max_length=600)]
    role: Annotated[str, _code("sighting_role", "a sighting role")]
    qualifier: Annotated[str | None, Field(max_length=100)] = None
    country: Country | None = None


class PartyIn(_In):
    """A person or organisation a report names (never the scam victim)."""

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


class PlaceIn(_In):
    """A place a report names, such as a scam compound."""

    kind: Annotated[str, _code("place_kind", "a place kind")]
    name: Annotated[str, Field(min_length=1, max_length=300)]
    country: Country | None = None
    latitude: Annotated[float | None, Field(ge=-90, le=90)] = None
    longitude: Annotated[float | None, Field(ge=-180, le=180)] = None
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
    def _currency_from_amount(cls, data: Any) -> Any:
        # "Rp 1.500.000" with loss_currency left empty: the sign names the currency.
        if isinstance(data, dict) and _blank(data.get("loss_currency")):
            code = currency_written(data.get("loss_amount"))
            if code is not None:
                return {**data, "loss_currency": code}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> ReportIn:
        if self.loss_amount is not None and self.loss_currency is None:
            raise ValueError("loss_currency: give the currency of the loss_amount, like MYR")
        if self.share_with and self.mark != "amber":
            raise ValueError(
                f"share_with: only an amber report can be narrowed to named agencies; "
                f"this one is {self.mark}"
            )
        if self.incident_at and self.incident_at > self.reported_at + timedelta(days=1):
            raise ValueError("incident_at: the incident is after the date it was reported")
        return self


class ReportBatchIn(BaseModel):
    """A JSON batch: ``{"reports": [REPORT, ...]}``."""

    reports: list[dict[str, Any]]
