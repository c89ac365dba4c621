"""Turn validated reports into the canonical rows the store keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from counterscam import reference
from counterscam.identifiers import KINDS, Canonical, InvalidIdentifier, canonicalize
from counterscam.identifiers._types import shown
from counterscam.intake import vocab
from counterscam.intake.amounts import approximate
from counterscam.intake.dates import local_day
from counterscam.intake.no_value import no_value
from counterscam.intake.records import EVERYTHING, RawChild, RawReport, RowError, text_of
from counterscam.intake.schema import (
    IDENTIFIER_VALUE_CHARS,
    PartyIn,
    PlaceIn,
    ReportIn,
    overlong,
)

CENT = Decimal("0.01")
CACHE_SIZE = 500_000  # distinct identifiers remembered; bounds memory on huge imports


def _given_text(cell: Any) -> str:
    """Return a linked row's optional cell as text, "" for a word for an empty one ("N/A")."""
    text = str(cell or "").strip()
    return "" if no_value(text) else text


@dataclass(slots=True)
class SightingRow:
    """An identifier of a report in canonical form, with its role and the value as written."""

    kind: str
    value: str
    country: str | None
    shared_platform: bool
    role: str
    raw_value: str


@dataclass(slots=True)
class NormalReport:
    """A report ready to store: its row values and its linked rows."""

    external_ref: str
    values: dict[str, Any]
    sightings: list[SightingRow] = field(default_factory=list)
    parties: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    share_with: list[str] = field(default_factory=list)
    given: frozenset[str] = EVERYTHING  # RawReport.given: what a resubmission replaces
    # The loss was written as an estimate ("~RM500"), stored as the figure it gives.
    estimated: bool = False


def locate(raw: RawReport, path: tuple[str | int, ...]) -> tuple[str, int, str]:
    """Return (file, row, column) of a field path like ("identifiers", 2, "value")."""
    if (
        len(path) >= 2
        and path[0] in ("identifiers", "parties", "places")
        and isinstance(path[1], int)
    ):
        children = getattr(raw, str(path[0]))
        if path[1] < len(children):
            child = children[path[1]]
            column = ".".join(str(p) for p in path[2:])
            return child.file, child.row, f"{child.prefix}{column}"
    return raw.file, raw.row, _json_path(path)


def _json_path(path: tuple[str | int, ...]) -> str:
    """Return a field path as docs/formats.md writes it, list positions in brackets."""
    # ("share_with", 1) was "share_with.1"; a client reads share_with[1], as identifiers[0].
    return "".join(
        f"[{p}]" if isinstance(p, int) else f".{p}" if i else str(p) for i, p in enumerate(path)
    )


def _too_long(canon: Canonical) -> str | None:
    """Say why a canonical form longer than an identifier keeps is refused, or None."""
    # A link with a Thai or Vietnamese path is written with %XX codes, nine characters a
    # letter: within the 600 characters taken as written, its canonical form was not, and
    # PostgreSQL refused the whole batch with a 500.
    c = overlong(canon)
    if c is None:
        return None
    return (
        f"made canonical it is {len(c.value):,} characters ({shown(c.value)}), more "
        f"than the {IDENTIFIER_VALUE_CHARS} an identifier keeps: letters outside ASCII "
        "in a link are written as %XX codes, up to nine characters a letter. Give a "
        "shorter form of it, such as the link without its query (the part after ?)"
    )


def valuation_day(incident_at: datetime | None, reported_at: datetime, country: str | None) -> date:
    """Return the day a loss is valued on: the incident's, else the report's, in ``country``."""
    # The day in the reporting country: a date is local midnight, which in UTC is still the
    # day before, and the 1st of a month took the last month's rate.
    return local_day(incident_at or reported_at, country)


def stand_in_day(
    fx_date: date | None, incident_at: datetime | None, reported_at: datetime, country: str | None
) -> date | None:
    """Return the day a loss is valued on when its rate is another month's, else None.

    A stand-in's ``fx_date`` is the first of the month whose rate was used: other days need no
    time-zone look-up.
    """
    if fx_date is None or fx_date.day != 1:
        return None
    day = valuation_day(incident_at, reported_at, country)
    return None if day == fx_date else day


class Normaliser:
    """Canonicalises the identifiers of many reports, once per distinct value."""

    def __init__(self, *, country: str | None) -> None:
        self.country = country
        self._canon: dict[tuple[str, str, str | None, str | None], Canonical | str] = {}
        self._fx: dict[tuple[str, date], tuple[Decimal, date]] = {}

    def canonical(
        self, kind: str, raw: str, country: str | None, qualifier: str | None
    ) -> Canonical:
        """Return the canonical form, cached; raise InvalidIdentifier with the reason."""
        key = (kind, raw, country, qualifier)
        found = self._canon.get(key)
        if found is None:
            try:
                found = canonicalize(kind, raw, country=country, qualifier=qualifier)
            except InvalidIdentifier as exc:
                found = exc.reason
            else:
                found = _too_long(found) or found
            if len(self._canon) >= CACHE_SIZE:
                self._canon.clear()
            self._canon[key] = found
        if isinstance(found, str):
            raise InvalidIdentifier(kind, raw, found)
        return found

    def fx_rate(self, currency: str, on: date) -> tuple[Decimal, date]:
        """Return USD per unit of ``currency`` on a day and the day that rate is for, cached."""
        key = (currency, on)
        found = self._fx.get(key)
        if found is None:
            found = self._fx[key] = reference.fx_valuation(currency, on)
        return found

    def report(self, report: ReportIn, raw: RawReport) -> NormalReport | list[RowError]:
        """Return the canonical rows of one report, or the errors that reject it."""
        errors: list[RowError] = []
        normal = NormalReport(
            external_ref=report.external_ref,
            values=self._values(report),
            share_with=list(report.share_with),
            given=raw.given,
            estimated=report.loss_amount is not None
            and approximate(raw.data.get("loss_amount"), self.country),
        )
        seen: set[tuple[str, str, str]] = set()
        for i, ident in enumerate(report.identifiers):
            try:
                canon = self.canonical(
                    ident.kind, ident.value, ident.country or self.country, ident.qualifier
                )
            except InvalidIdentifier as exc:
                file, row, column = locate(raw, ("identifiers", i, "value"))
                reason = exc.reason + _number_hint(raw.identifiers, i)
                errors.append(RowError(file, row, column, text_of(ident.value), reason))
                continue
            for c in (canon, *canon.related):
                key = (c.kind, c.value, ident.role)
                if key not in seen:  # a report names an identifier once per role
                    seen.add(key)
                    normal.sightings.append(
                        SightingRow(
                            c.kind, c.value, c.country, c.shared_platform, ident.role, ident.value
                        )
                    )
        for i, party in enumerate(report.parties):
            row_or_error = self._party(party, raw, i)
            if isinstance(row_or_error, RowError):
                errors.append(row_or_error)
            else:
                normal.parties.append(row_or_error)
        normal.places = [self._place(p) for p in report.places]
        return errors or normal

    def identifier_errors(self, raw: RawReport) -> list[RowError]:
        """Return the identifiers of an invalid report that cannot be made canonical either.

        So a user sees every problem of a report at once, not one kind per resubmission.
        """
        errors: list[RowError] = []
        for i, child in enumerate(raw.identifiers):
            kind = str(child.data.get("kind") or "").strip().lower()
            if kind not in KINDS:  # "Bank Account": folded only when not a code already
                kind = vocab.fold_code(kind)
            value = str(child.data.get("value") or "").strip()
            if kind not in KINDS or not value:
                continue
            written = _given_text(child.data.get("country"))
            country = vocab.country_code(written) if written else self.country
            if written and country is None:
                continue  # the country column's own error says so; the value is not at fault
            qualifier = _given_text(child.data.get("qualifier")) or None
            try:
                self.canonical(kind, value, country, qualifier)
            except (InvalidIdentifier, ValueError) as exc:
                reason = exc.reason if isinstance(exc, InvalidIdentifier) else str(exc)
                reason += _number_hint(raw.identifiers, i)
                file, row, column = locate(raw, ("identifiers", i, "value"))
                errors.append(RowError(file, row, column, text_of(value), reason))
        return errors

    def _values(self, report: ReportIn) -> dict[str, Any]:
        usd = rate = on = None
        if report.loss_amount is not None and report.loss_currency is not None:
            day = valuation_day(report.incident_at, report.reported_at, self.country)
            rate, on = self.fx_rate(report.loss_currency, day)
            usd = (report.loss_amount * rate).quantize(CENT)
        return {
            "external_ref": report.external_ref,
            "country": self.country or "",
            "reported_at": report.reported_at,
            "incident_at": report.incident_at,
            "scam_type": report.scam_type,
            "channel": report.channel,
            "loss_amount": report.loss_amount,
            "loss_currency": report.loss_currency,
            "loss_usd": usd,
            "fx_rate": rate,
            "fx_date": on,
            "victim_age_band": report.victim_age_band,
            "victim_gender": report.victim_gender,
            "victim_country": report.victim_country,
            "narrative": report.narrative,
            "mark": report.mark,
        }

    def _party(self, party: PartyIn, raw: RawReport, index: int) -> dict[str, Any] | RowError:
        phone = ""
        if party.phone:
            try:
                phone = self.canonical("phone", party.phone, self.country, None).value
            except InvalidIdentifier as exc:
                file, row, column = locate(raw, ("parties", index, "phone"))
                return RowError(file, row, column, text_of(party.phone), exc.reason)
        return {
            "role": party.role,
            "full_name": party.full_name,
            "given_name": party.given_name,
            "family_name": party.family_name,
            "birth_date": party.birth_date,
            "gender": party.gender,
            "nationality": party.nationality,
            "id_number": party.id_number,
            "id_kind": party.id_kind or "",
            "phone": phone[:32],
        }

    @staticmethod
    def _place(place: PlaceIn) -> dict[str, Any]:
        return {
            "kind": place.kind,
            "name": place.name,
            "country": place.country,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "address": place.address,
        }


def _number_hint(children: list[RawChild], index: int) -> str:
    """Say, for a value that came as a number, that a number has lost any leading zeros."""
    value = children[index].data.get("value") if index < len(children) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    # An account number typed into a spreadsheet cell not formatted as Text becomes a number:
    # 0123456789 is stored as 123456789, and the error alone would not say why.
    return (
        ". It was given as a number, which keeps no leading zeros (a spreadsheet cell not "
        "formatted as Text, or a JSON number): format the column as Text and type the value "
        "again, or send it as a JSON string"
    )
