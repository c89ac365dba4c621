"""Turn parsed YAML documents into validated reference records."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from counterscam.reference._files import (
    Fields,
    ReferenceDataError,
    check_unique,
    entries,
    normalize_name,
)
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

_COUNTRY = re.compile(r"[A-Z]{2}")
_ALPHA3 = re.compile(r"[A-Z]{3}")
_BIC_CODE = re.compile(r"[A-Z]{4}")
_SLUG = re.compile(r"[a-z0-9_]+")
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]")
FAMILIES = ("bitcoin", "evm", "tron", "solana", "ton")


def parse_countries(doc: dict[str, Any]) -> tuple[Country, ...]:
    """Validate countries.yaml."""
    out = []
    for f in entries(doc, "countries", "countries.yaml"):
        code = f.text("code")
        if not _COUNTRY.fullmatch(code):
            raise f.fail(f"code {code!r} must be two capital letters (ISO 3166-1 alpha-2)")
        alpha3 = f.text("alpha3")
        if not _ALPHA3.fullmatch(alpha3):
            raise f.fail(f"alpha3 {alpha3!r} must be three capital letters (ISO 3166-1 alpha-3)")
        calling = f.text("calling_code")
        if not calling.isdigit():
            raise f.fail(f"calling_code {calling!r} must be digits without '+'")
        out.append(
            Country(
                code,
                f.text("name"),
                f.text("currency"),
                calling,
                f.flag("member"),
                alpha3,
                f.texts("written", required=False),
            )
        )
    check_unique([c.code for c in out], "country code", "countries.yaml")
    check_unique([c.alpha3 for c in out], "country alpha3 code", "countries.yaml")
    # A file's country cell is read against every code and name at once: one that named two
    # countries would be read as either. A country's own alpha-3 may repeat one of its names
    # (LAO, "Lao").
    names = [
        n for c in out for n in dict.fromkeys(x.casefold() for x in (c.label, c.alpha3, *c.written))
    ]
    check_unique(names, "country name", "countries.yaml")
    return tuple(out)


def _check_aliases(owner: str, aliases: tuple[str, ...], seen: dict[str, str], f: Fields) -> None:
    for alias in aliases:
        key = normalize_name(alias)
        if not key:
            raise f.fail(f"alias {alias!r} has no letters or digits")
        if seen.get(key, owner) != owner:
            raise f.fail(f"alias {alias!r} is also used by {seen[key]!r}")
        seen[key] = owner


def parse_banks(doc: dict[str, Any], countries: set[str]) -> tuple[Bank, ...]:
    """Validate banks.yaml."""
    name = "banks.yaml"
    by_country = doc.get("banks")
    if not isinstance(by_country, dict) or not by_country:
        raise ReferenceDataError(f"{name}: `banks` must map country codes to lists of banks")
    out: list[Bank] = []
    for country, items in by_country.items():
        if country not in countries:
            raise ReferenceDataError(f"{name}: unknown country {country!r} (not in countries.yaml)")
        seen_alias: dict[str, str] = {}
        codes: list[str] = []
        for f in entries({"list": items}, "list", f"{name}: banks.{country}"):
            code = f.text("code")
            bic = f.flag("bic", True)
            if not _BIC_CODE.fullmatch(code):
                raise f.fail(f"code {code!r} must be four capital letters")
            if bic == code.startswith("X"):
                raise f.fail(f"code {code!r}: X codes are for banks without a BIC (bic: false)")
            length = f.item.get("account_length")
            if length is not None and not (
                isinstance(length, list)
                and len(length) == 2
                and all(isinstance(n, int) and not isinstance(n, bool) for n in length)
                and 1 <= length[0] <= length[1] <= 34
            ):
                raise f.fail("account_length must be [min, max] digits, or null")
            other_codes = f.texts("other_codes", required=False)
            for other in other_codes:
                if not _BIC_CODE.fullmatch(other) or other.startswith("X") or not bic:
                    raise f.fail(f"other code {other!r} must be a BIC's four capital letters")
            label = f.text("label")
            aliases = tuple(dict.fromkeys((code, label, *f.texts("aliases"))))
            _check_aliases(code, aliases, seen_alias, f)
            codes.append(code)
            out.append(
                Bank(
                    country=country,
                    code=code,
                    label=label,
                    name=f.text("name", label),
                    aliases=aliases,
                    account_length=(length[0], length[1]) if length else None,
                    bic=bic,
                    iban=f.flag("iban", False),
                    other_codes=other_codes,
                )
            )
            codes.extend(other_codes)
        check_unique(codes, f"bank code in {country}", name)
    return tuple(out)


def parse_ewallets(doc: dict[str, Any], countries: set[str]) -> tuple[EwalletProvider, ...]:
    """Validate ewallets.yaml."""
    name = "ewallets.yaml"
    out: list[EwalletProvider] = []
    seen: dict[str, dict[str, str]] = {}
    for f in entries(doc, "providers", name):
        code = f.text("code")
        if not _SLUG.fullmatch(code):
            raise f.fail(f"code {code!r} must be a lowercase slug (a-z, 0-9, _)")
        kind, account = f.text("kind"), f.text("account")
        if kind not in ("wallet", "proxy"):
            raise f.fail(f"kind {kind!r} must be wallet or proxy")
        if account not in ("phone", "phone_or_id", "id"):
            raise f.fail(f"account {account!r} must be phone, phone_or_id or id")
        id_format = f.optional_text("id_format")
        if id_format not in (None, "name@bank"):
            raise f.fail(f"id_format {id_format!r} must be name@bank, or left out")
        provider_countries = f.texts("countries")
        for country in provider_countries:
            if country not in countries:
                raise f.fail(f"unknown country {country!r} (not in countries.yaml)")
        label = f.text("label")
        aliases = tuple(dict.fromkeys((code, label, *f.texts("aliases"))))
        for country in provider_countries:
            _check_aliases(code, aliases, seen.setdefault(country, {}), f)
        out.append(
            EwalletProvider(code, label, kind, provider_countries, account, aliases, id_format)
        )
    check_unique([p.code for p in out], "provider code", name)
    return tuple(out)


def parse_chains(doc: dict[str, Any]) -> tuple[CryptoChain, ...]:
    """Validate crypto_chains.yaml."""
    name = "crypto_chains.yaml"
    out: list[CryptoChain] = []
    seen: dict[str, str] = {}
    for f in entries(doc, "chains", name):
        code, family = f.text("code"), f.text("family")
        if not _SLUG.fullmatch(code):
            raise f.fail(f"code {code!r} must be a lowercase slug")
        if family not in FAMILIES:
            raise f.fail(f"family {family!r} must be one of {', '.join(FAMILIES)}")
        label = f.text("label")
        aliases = tuple(dict.fromkeys((code, label, *f.texts("aliases"))))
        _check_aliases(code, aliases, seen, f)
        versions = f.integers("base58_versions")
        if family in ("bitcoin", "tron") and not versions:
            raise f.fail("base58_versions is required for the bitcoin and tron families")
        hrp = f.optional_text("bech32_hrp")
        out.append(
            CryptoChain(code, label, family, f.flag("case_sensitive"), aliases, versions, hrp)
        )
    check_unique([c.code for c in out], "chain code", name)
    return tuple(out)


def parse_platforms(doc: dict[str, Any]) -> tuple[Platform, ...]:
    """Validate platforms.yaml."""
    name = "platforms.yaml"
    out: list[Platform] = []
    seen: dict[str, str] = {}
    hosts_seen: list[str] = []
    for f in entries(doc, "platforms", name):
        code = f.text("code")
        if not _SLUG.fullmatch(code):
            raise f.fail(f"code {code!r} must be a lowercase slug")
        label = f.text("label")
        aliases = tuple(dict.fromkeys((code, label, *f.texts("aliases"))))
        _check_aliases(code, aliases, seen, f)
        hosts = tuple(h.lower() for h in f.texts("hosts"))
        for host in hosts:
            if not _HOST.fullmatch(host):
                raise f.fail(f"host {host!r} is not a host name")
        hosts_seen.extend(hosts)
        pattern = f.text("handle_pattern")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise f.fail(f"handle_pattern is not a valid regular expression ({exc})") from exc
        out.append(
            Platform(
                code=code,
                label=label,
                case_sensitive=f.flag("case_sensitive"),
                phone_based=f.flag("phone_based"),
                aliases=aliases,
                hosts=hosts,
                handle_pattern=pattern,
                handle_hint=f.text("handle_hint"),
            )
        )
    check_unique([p.code for p in out], "platform code", name)
    check_unique(hosts_seen, "platform host", name)
    return tuple(out)


def parse_shared_domains(doc: dict[str, Any]) -> tuple[SharedDomain, ...]:
    """Validate shared_domains.yaml."""
    name = "shared_domains.yaml"
    groups = doc.get("groups")
    if not isinstance(groups, dict) or not groups:
        raise ReferenceDataError(f"{name}: `groups` must map group names to lists of domains")
    out = []
    for group, domains in groups.items():
        for domain in Fields({"d": domains}, f"{name}: groups.{group}").texts("d"):
            if not _HOST.fullmatch(domain):
                raise ReferenceDataError(f"{name}: {domain!r} is not a lower-case domain name")
            out.append(SharedDomain(domain, str(group)))
    check_unique([d.domain for d in out], "domain", name)
    return tuple(out)


def parse_terms(doc: dict[str, Any], name: str, key: str = "items") -> tuple[Term, ...]:
    """Validate a plain vocabulary file."""
    out = [
        Term(
            f.text("code"),
            f.text("label"),
            f.optional_text("description") or "",
            f.texts("written", required=False),
        )
        for f in entries(doc, key, name)
    ]
    check_unique([t.code for t in out], "code", name)
    check_unique([w.casefold() for t in out for w in t.written], "written form", name)
    return tuple(out)


def parse_marks(doc: dict[str, Any]) -> tuple[Mark, ...]:
    """Validate marks.yaml (ranks must increase)."""
    name = "marks.yaml"
    out = []
    for f in entries(doc, "items", name):
        rank = f.integer("rank")
        assert rank is not None  # integer() without optional never returns None
        out.append(Mark(f.text("code"), f.text("label"), f.text("description"), rank))
    check_unique([m.code for m in out], "code", name)
    if [m.rank for m in out] != sorted({m.rank for m in out}):
        raise ReferenceDataError(f"{name}: ranks must be distinct and increasing")
    return tuple(out)


def parse_sighting_roles(doc: dict[str, Any]) -> tuple[SightingRole, ...]:
    """Validate sighting_roles.yaml."""
    name = "sighting_roles.yaml"
    out = [
        SightingRole(
            f.text("code"),
            f.text("label"),
            f.flag("evidence_of_operator"),
            f.optional_text("description") or "",
        )
        for f in entries(doc, "items", name)
    ]
    check_unique([r.code for r in out], "code", name)
    return tuple(out)


def parse_age_bands(doc: dict[str, Any]) -> tuple[AgeBand, ...]:
    """Validate the age bands of demographics.yaml (no overlaps)."""
    name = "demographics.yaml"
    out = []
    for f in entries(doc, "age_bands", name):
        low, high = f.integer("min_age", optional=True), f.integer("max_age", optional=True)
        if low is not None and high is not None and low > high:
            raise f.fail("min_age is above max_age")
        out.append(AgeBand(f.text("code"), f.text("label"), low, high))
    check_unique([b.code for b in out], "age band", name)
    bounded = sorted((b.min_age, b.max_age) for b in out if b.min_age is not None)
    for (_, high), (low, _) in zip(bounded, bounded[1:], strict=False):
        if high is None or high >= low:
            raise ReferenceDataError(f"{name}: age bands overlap")
    return tuple(out)


_ZONE_NAME = re.compile(r"[A-Z]{2,6}")
_OFFSET = re.compile(r"([+-])(\d{2}):([0-5]\d)")
# Read by the intake code itself, with or without an offset after them (UTC+7).
_BUILT_IN_ZONES = ("UTC", "GMT", "Z")


def parse_zone_names(doc: dict[str, Any]) -> tuple[ZoneName, ...]:
    """Validate time_zones.yaml: fixed-offset names, then the ambiguous names refused."""
    name = "time_zones.yaml"
    out: list[ZoneName] = []
    for f in entries(doc, "zones", name):
        zone, offset = f.text("name"), f.text("offset")
        _check_zone_name(zone, f)
        match = _OFFSET.fullmatch(offset)
        if not match:
            raise f.fail(f'offset {offset!r} must be written like "+07:00" (in quotes)')
        sign, hours, minutes = match.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes))
        delta = -delta if sign == "-" else delta
        if not timedelta(hours=-12) <= delta <= timedelta(hours=14):
            raise f.fail(f"offset {offset!r} must be from -12:00 to +14:00")
        out.append(ZoneName(zone, f.text("label"), delta, f.flag("dot_clock", False)))
    for f in entries(doc, "ambiguous", name):
        zone = f.text("name")
        _check_zone_name(zone, f)
        out.append(ZoneName(zone, f.text("label"), None))
    check_unique([z.name for z in out], "zone name", name)
    return tuple(out)


def _check_zone_name(zone: str, f: Fields) -> None:
    if not _ZONE_NAME.fullmatch(zone):
        raise f.fail(f"name {zone!r} must be 2 to 6 capital letters")
    if zone in _BUILT_IN_ZONES:
        raise f.fail(f"name {zone!r} is read without being listed: remove it")
