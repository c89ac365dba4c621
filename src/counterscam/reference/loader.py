"""Load, validate and cache the reference data files; typed accessors."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

from counterscam.config import get_settings
from counterscam.reference import _parse
from counterscam.reference._files import ReferenceDataError, read_file
from counterscam.reference.compounds import Compound, parse_compounds, with_compounds_file
from counterscam.reference.fx import FxTable, convert, parse_fx
from counterscam.reference.fx_file import RatesFile, read_rates_file
from counterscam.reference.models import (
    AgeBand,
    Bank,
    Country,
    CryptoChain,
    EwalletProvider,
    Mark,
    Platform,
    SharedDomain,
    SightingRole,
    Term,
    ZoneName,
)


@dataclass(frozen=True)
class ReferenceData:
    """Every reference file, validated together."""

    countries: tuple[Country, ...]
    banks: tuple[Bank, ...]
    ewallets: tuple[EwalletProvider, ...]
    chains: tuple[CryptoChain, ...]
    platforms: tuple[Platform, ...]
    shared_domains: tuple[SharedDomain, ...]
    scam_types: tuple[Term, ...]
    channels: tuple[Term, ...]
    crime_areas: tuple[Term, ...]
    marks: tuple[Mark, ...]
    sighting_roles: tuple[SightingRole, ...]
    party_roles: tuple[Term, ...]
    place_kinds: tuple[Term, ...]
    age_bands: tuple[AgeBand, ...]
    genders: tuple[Term, ...]
    zone_names: tuple[ZoneName, ...]
    fx: FxTable
    compounds: tuple[Compound, ...] = ()


def load_all(data_dir: Path | None = None) -> ReferenceData:
    """Read and validate every reference file (from ``data_dir`` or the packaged data)."""

    def read(name: str) -> dict[str, object]:
        return read_file(name, data_dir)

    countries = _parse.parse_countries(read("countries.yaml"))
    codes = {c.code for c in countries}
    demographics = read("demographics.yaml")
    fx = parse_fx(read("fx_rates.yaml"))
    for country in countries:
        if country.currency not in fx.currencies:
            raise ReferenceDataError(
                f"countries.yaml: {country.code}'s currency {country.currency} "
                "has no rates in fx_rates.yaml"
            )
    return ReferenceData(
        countries=countries,
        banks=_parse.parse_banks(read("banks.yaml"), codes),
        ewallets=_parse.parse_ewallets(read("ewallets.yaml"), codes),
        chains=_parse.parse_chains(read("crypto_chains.yaml")),
        platforms=_parse.parse_platforms(read("platforms.yaml")),
        shared_domains=_parse.parse_shared_domains(read("shared_domains.yaml")),
        scam_types=_parse.parse_terms(read("scam_types.yaml"), "scam_types.yaml"),
        channels=_parse.parse_terms(read("channels.yaml"), "channels.yaml"),
        crime_areas=_parse.parse_terms(read("crime_areas.yaml"), "crime_areas.yaml"),
        marks=_parse.parse_marks(read("marks.yaml")),
        sighting_roles=_parse.parse_sighting_roles(read("sighting_roles.yaml")),
        party_roles=_parse.parse_terms(read("party_roles.yaml"), "party_roles.yaml"),
        place_kinds=_parse.parse_terms(read("place_kinds.yaml"), "place_kinds.yaml"),
        age_bands=_parse.parse_age_bands(demographics),
        genders=_parse.parse_terms(demographics, "demographics.yaml", "genders"),
        zone_names=_parse.parse_zone_names(read("time_zones.yaml")),
        fx=fx,
        compounds=parse_compounds(read("compounds.yaml"), codes),
    )


@cache
def reference() -> ReferenceData:
    """Return the packaged reference data, with the rates file's rates, loaded once per process."""
    data = load_all()
    extra = rates_file()
    if extra is not None:
        data = replace(data, fx=data.fx.extended(extra.rates, extra.decimals))
    own = get_settings().compounds_file
    if own is not None:
        codes = {c.code for c in data.countries}
        data = replace(data, compounds=with_compounds_file(data.compounds, own, codes))
    return data


def rates_file() -> RatesFile | None:
    """Return the rates file of COUNTERSCAM_FX_RATES_FILE, read and checked, or None."""
    path = get_settings().fx_rates_file
    return None if path is None else read_rates_file(path)


def compounds() -> tuple[Compound, ...]:
    """Return the compounds known by several names (compounds.yaml and the agency's file)."""
    return reference().compounds


def countries() -> tuple[Country, ...]:
    """Return all countries, members first."""
    return reference().countries


def country(code: str) -> Country:
    """Return one country by ISO alpha-2 code; KeyError names the known codes."""
    wanted = code.strip().upper()
    for item in reference().countries:
        if item.code == wanted:
            return item
    known = ", ".join(c.code for c in reference().countries)
    raise KeyError(f"unknown country {code!r}; known countries: {known}")


def member_codes() -> tuple[str, ...]:
    """Return the ISO codes of the ten ASEAN members."""
    return tuple(c.code for c in reference().countries if c.member)


def banks(country: str | None = None) -> tuple[Bank, ...]:
    """Return the banks, optionally of one country."""
    everything = reference().banks
    if country is None:
        return everything
    wanted = country.strip().upper()
    return tuple(b for b in everything if b.country == wanted)


def ewallet_providers(country: str | None = None) -> tuple[EwalletProvider, ...]:
    """Return e-wallet and proxy providers, optionally of one country."""
    everything = reference().ewallets
    if country is None:
        return everything
    wanted = country.strip().upper()
    return tuple(p for p in everything if wanted in p.countries)


def crypto_chains() -> tuple[CryptoChain, ...]:
    """Return the supported blockchains."""
    return reference().chains


def platforms() -> tuple[Platform, ...]:
    """Return the messaging and social platforms."""
    return reference().platforms


def shared_platform_domains() -> tuple[SharedDomain, ...]:
    """Return the shared platform domains."""
    return reference().shared_domains


def scam_types() -> tuple[Term, ...]:
    """Return the scam types."""
    return reference().scam_types


def channels() -> tuple[Term, ...]:
    """Return the contact channels."""
    return reference().channels


def crime_areas() -> tuple[Term, ...]:
    """Return the ten core crime areas."""
    return reference().crime_areas


def marks() -> tuple[Mark, ...]:
    """Return the TLP 2.0 marks from least to most restricted."""
    return reference().marks


def sighting_roles() -> tuple[SightingRole, ...]:
    """Return the roles an identifier can play in a report."""
    return reference().sighting_roles


def party_roles() -> tuple[Term, ...]:
    """Return the roles of a party in a report."""
    return reference().party_roles


def place_kinds() -> tuple[Term, ...]:
    """Return the kinds of places."""
    return reference().place_kinds


def age_bands() -> tuple[AgeBand, ...]:
    """Return the victim age bands."""
    return reference().age_bands


def genders() -> tuple[Term, ...]:
    """Return the gender categories."""
    return reference().genders


def zone_names() -> tuple[ZoneName, ...]:
    """Return the time-zone names intake reads after a time, the ambiguous (refused) ones last."""
    return reference().zone_names


def fx_rate(currency: str, on: date) -> Decimal:
    """Return USD per unit of ``currency`` in the month of ``on``."""
    return reference().fx.rate(currency, on)


def fx_rate_day(on: date, currency: str | None = None) -> date:
    """Return the day the rate of ``on`` is for (the first of another month outside the table).

    With ``currency``, that currency's months decide (a rates file may extend only some).
    """
    return reference().fx.rate_day(on, currency)


def fx_gap(today: date | None = None) -> str | None:
    """Say that the FX table lacks the current month's rates, and what to do; None if it has them.

    Without a warning every loss of a month past the table's end is valued at its last month's
    rates, and nothing tells the secretariat.
    """
    on = today or datetime.now(UTC).date()
    table = reference().fx
    lacking = table.lacking(on)
    if not lacking:
        return None
    month = f"{on.year}-{on.month:02d}"
    last = table.months[-1]
    if len(lacking) == len(table.currencies):
        which = f"no rates for {month} (its last month is {last[0]}-{last[1]:02d})"
    else:
        shown = ", ".join(lacking[:8]) + (", ..." if len(lacking) > 8 else "")
        which = f"no {month} rate for {len(lacking)} of its currencies ({shown})"
    return (
        f"The FX table has {which}: this month's losses are valued in USD at the nearest "
        "month's rate. Add the month to the rates file (COUNTERSCAM_FX_RATES_FILE), restart, "
        "and run `counterscam fx revalue`"
    )


def fx_valuation(currency: str, on: date) -> tuple[Decimal, date]:
    """Return USD per unit of ``currency`` on ``on`` and the day that rate is for."""
    return reference().fx.valuation(currency, on)


def shown_decimals(currency: str) -> int:
    """Return the digits a page shows after the decimal mark in ``currency`` (VND 0, USD 2)."""
    return reference().fx.shown_decimals(currency)


def to_usd(amount: Decimal | int | str, currency: str, on: date) -> Decimal:
    """Return ``amount`` in ``currency`` converted to USD (rounded to the cent)."""
    return convert(reference().fx, amount, currency, on)
