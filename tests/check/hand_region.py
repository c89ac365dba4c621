"""A region written by hand, apart from ``counterscam synth``, with its answers worked out here.

Reports are written in the JSON import format (docs/formats.md) by agencies of ten countries
and every kind; what each caller's check should answer and which alerts each agency should
hold are computed from those reports, DESIGN.md's access table and the FX reference file
alone, never from the project's own code.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any

import yaml

import counterscam.reference

FX_FILE = Path(counterscam.reference.__file__).parent / "data" / "fx_rates.yaml"

# code, country, kind: members of every country, two in Malaysia, the secretariat, a partner
# and an observer.
AGENCIES = (
    ("MY-NSRC", "MY", "member"),
    ("MY-PDRM", "MY", "member"),
    ("SG-ASCOM", "SG", "member"),
    ("TH-CCIB", "TH", "member"),
    ("ID-POLRI", "ID", "member"),
    ("VN-MPS", "VN", "member"),
    ("PH-PNP", "PH", "member"),
    ("KH-NP", "KH", "member"),
    ("LA-MPS", "LA", "member"),
    ("MM-MPF", "MM", "member"),
    ("BN-RBPF", "BN", "member"),
    ("ASEANAPOL", "MY", "secretariat"),
    ("AU-AFP", "AU", "partner"),
    ("TL-PNTL", "TL", "observer"),
)
KIND = {code: kind for code, _, kind in AGENCIES}
COUNTRY = {code: country for code, country, _ in AGENCIES}
SUBMITTERS = [code for code, _, kind in AGENCIES if kind in ("member", "secretariat")]
MEMBERS = [code for code, _, kind in AGENCIES if kind == "member"]

# The capital's offset: none of these countries keeps summer time.
OFFSET = {
    "MY": timedelta(hours=8),
    "SG": timedelta(hours=8),
    "PH": timedelta(hours=8),
    "BN": timedelta(hours=8),
    "TH": timedelta(hours=7),
    "ID": timedelta(hours=7),
    "VN": timedelta(hours=7),
    "KH": timedelta(hours=7),
    "LA": timedelta(hours=7),
    "MM": timedelta(hours=6, minutes=30),
}
CURRENCIES = ("THB", "IDR", "VND", "PHP", "MYR", "SGD", "KHR", "LAK", "MMK", "BND", "USD", "USDT")
WHOLE = ("IDR", "VND", "KHR", "LAK", "MMK")
MARKS = ("clear", "green", "amber", "amber+strict", "red")
SCAM_TYPES = ("investment", "romance", "job_task", "phishing", "ecommerce", "loan", "recovery")
CHANNELS = ("phone_call", "sms", "whatsapp", "telegram", "facebook", "website", "email")
INNOCENT = ("victim_account", "impersonated_entity")  # not the scammer's: no alert, no public hit

# Valid E.164 mobile numbers of several countries, written in their canonical form.
PHONES = (
    "+60123456789",
    "+60123111222",
    "+60193334444",
    "+60175556666",
    "+6591234567",
    "+6598765432",
    "+66812345678",
    "+66898765432",
    "+6281234567890",
    "+6281298765432",
    "+84912345678",
    "+84987654321",
    "+639171234567",
    "+639181234567",
    "+85512345678",
    "+8562023456789",
    "+959450123456",
    "+6737123456",
)
# Accounts as people write them, with their bank's country, and the canonical form DESIGN.md
# gives (country, the first four letters of the bank's BIC, the digits). The same digits at
# Maybank and CIMB are two accounts.
ACCOUNTS = {
    "MY:MBBE:514012345678": ("Maybank 5140 1234 5678", "MY"),
    "MY:CIBB:514012345678": ("CIMB 5140-1234-5678", "MY"),
    "SG:DBSS:0123456789": ("DBS 012-345678-9", "SG"),
    "TH:KASI:1234567890": ("Kasikorn 123-4-56789-0", "TH"),
    "ID:CENA:1234567890": ("BCA 1234567890", "ID"),
    "VN:BFTV:0011004123456": ("Vietcombank 0011004123456", "VN"),
    "PH:BNOR:001234567890": ("BDO 001234567890", "PH"),
}
EMAILS = tuple(f"agent{n}@payout-desk{n}.com" for n in range(6))
# A short link is one operator's page on a shared platform: it alerts. The platform's front
# page (what a victim who wrote only "Facebook" gives) and the platforms' domains never do.
SHORT_LINK = "https://bit.ly/3abcDEF"
FRONT_PAGE = "https://www.facebook.com/"
SHARED = {"bit.ly", "facebook.com"}
URLS = (*(f"https://secure-pay{n}.com/login" for n in range(6)), SHORT_LINK, FRONT_PAGE)


def domain_of(url: str) -> str:
    """Return the registered domain of one of URLS."""
    host = url.split("/")[2]
    return host.removeprefix("www.")


def shared(kind: str, value: str) -> bool:
    """Is the value a shared platform, or a page on one?"""
    return value in SHARED if kind == "domain" else value in (SHORT_LINK, FRONT_PAGE)


def may_alert(kind: str, value: str) -> bool:
    """Does a match of this value alert at all (docs/check.md, Cross-border alerts)?"""
    if kind == "domain":
        return value not in SHARED
    return value != FRONT_PAGE


@dataclass(frozen=True)
class Sight:
    kind: str
    value: str
    role: str


@dataclass
class Version:
    """A report as its agency last sent it, and what it should be stored as."""

    agency: str
    ref: str
    reported_utc: datetime
    scam_type: str
    mark: str
    share_with: tuple[str, ...]
    loss_usd: Decimal | None
    sightings: tuple[Sight, ...]
    body: dict[str, Any] = field(repr=False)
    order: int = 0  # sent order of first submission: the report's id follows it


@dataclass
class Region:
    """Batches to send, in order, and the final state of every report."""

    batches: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    steps: list[list[Version]] = field(default_factory=list)  # the versions of each batch
    final: dict[tuple[str, str], Version] = field(default_factory=dict)

    def after(self, batches: int) -> Region:
        """The region as it stood after its first ``batches`` batches."""
        state = Region()
        for step in self.steps[:batches]:
            for v in step:
                state.final[(v.agency, v.ref)] = v
        return state

    def add(self, by_agency: dict[str, list[Version]]) -> None:
        """Append one batch per agency."""
        for agency, versions in by_agency.items():
            self.batches.append((agency, [v.body for v in versions]))
            self.steps.append(versions)

    def values(self) -> list[tuple[str, str]]:
        """Every (kind, value) named by any version, and a few never named."""
        named = {(s.kind, s.value) for v in self.final.values() for s in v.sightings}
        asked = {
            ("phone", "+6591110000"),
            ("email", "nobody@nowhere-x.com"),
            ("bank_account", "514012345678"),  # at Maybank and CIMB: no bank named
            ("bank_account", "999912345678"),
        }
        return sorted(named | asked)


class Fx:
    """The monthly rates of the reference file, read here with yaml, not the project."""

    def __init__(self) -> None:
        data = yaml.safe_load(FX_FILE.read_text(encoding="utf-8"))
        self.months = {
            k: {c: Decimal(str(r)) for c, r in v.items()} for k, v in data["rates"].items()
        }
        self.keys = sorted(self.months)

    def rate(self, currency: str, day: date) -> Decimal:
        """USD per unit in the month of ``day``; before the table, its first month."""
        month = f"{day.year:04d}-{day.month:02d}"
        earlier = [k for k in self.keys if k <= month]
        return self.months[earlier[-1] if earlier else self.keys[0]][currency]


def sees(caller: str | None, v: Version) -> bool:
    """May ``caller`` (None: the public) see this report's content? DESIGN.md's table."""
    if caller is None:
        return False
    if caller == v.agency or v.mark in ("clear", "green"):
        return True
    kind = KIND[caller]
    if kind == "secretariat":
        return v.mark in ("amber", "amber+strict")
    if kind == "member" and v.mark == "amber":
        return not v.share_with or caller in v.share_with
    return False


def _amount(rng: random.Random, currency: str) -> tuple[str, Decimal]:
    if currency in WHOLE:
        whole = rng.randrange(50, 5000) * 1000
        written = f"{whole:,}".replace(",", ".") if rng.random() < 0.5 else str(whole)
        return written, Decimal(whole)
    cents = Decimal(rng.randrange(1000, 2_000_000)) / 100
    return f"{cents:.2f}", cents


def _when(rng: random.Random, country: str) -> tuple[str, datetime, date]:
    """A reported_at as written, in UTC, and its day in the reporting country."""
    offset = OFFSET[country]
    start = date(2022, 10, 1)  # before the FX table's first month (2023-01)
    day = start + timedelta(days=rng.randrange((date(2026, 11, 20) - start).days))
    if rng.random() < 0.15:
        day = day.replace(day=1)  # local midnight of the 1st is the last month in UTC
    style = rng.random()
    if style < 0.6:
        local = datetime(day.year, day.month, day.day, tzinfo=timezone(offset))
        return day.isoformat(), local.astimezone(UTC), day
    if style < 0.8:
        hour, minute = rng.randrange(24), rng.randrange(60)
        local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone(offset))
        return f"{day.isoformat()} {hour:02d}:{minute:02d}", local.astimezone(UTC), day
    # A written offset other than the country's: 23:30+07:00 on the last day of a month is
    # already the 1st of the next in Malaysia.
    hour = 23 if rng.random() < 0.5 else rng.randrange(24)
    written = datetime(day.year, day.month, day.day, hour, 30, tzinfo=timezone(timedelta(hours=7)))
    utc = written.astimezone(UTC)
    local_day = (utc + offset).date()
    if local_day > date(2026, 11, 20):
        local_day = day
        utc = datetime(day.year, day.month, day.day, tzinfo=timezone(offset)).astimezone(UTC)
        return day.isoformat(), utc, local_day
    return written.isoformat(), utc, local_day


def _sightings(rng: random.Random) -> list[Sight]:
    picked: list[Sight] = []
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        r = rng.random()
        if r < 0.15:
            role = rng.choice(("beneficiary_account",) * 4 + ("victim_account",))
            picked.append(Sight("bank_account", rng.choice(sorted(ACCOUNTS)), role))
        elif r < 0.6:
            role = rng.choice(("caller", "caller", "messaging_contact", "sms_sender", *INNOCENT))
            picked.append(Sight("phone", rng.choice(PHONES), role))
        elif r < 0.8:
            picked.append(Sight("email", rng.choice(EMAILS), "email_sender"))
        else:
            url = rng.choice(URLS)
            picked.append(Sight("url", url, "website"))
    # A report names a value once per role (the same row twice is one sighting).
    return list(dict.fromkeys(picked))


def _written(s: Sight) -> dict[str, str]:
    """An identifier as a centre writes it: an account with its bank's name and country."""
    if s.kind == "bank_account":
        written, country = ACCOUNTS[s.value]
        return {"kind": s.kind, "value": written, "role": s.role, "country": country}
    return {"kind": s.kind, "value": s.value, "role": s.role}


def _stored(sights: list[Sight]) -> tuple[Sight, ...]:
    """What intake stores: a URL's or an address's registered domain too, in the same role."""
    out: list[Sight] = []
    for s in sights:
        out.append(s)
        if s.kind == "url":
            out.append(Sight("domain", domain_of(s.value), s.role))
        elif s.kind == "email":
            out.append(Sight("domain", s.value.split("@")[1], s.role))
    return tuple(dict.fromkeys(out))


def _version(rng: random.Random, fx: Fx, agency: str, ref: str, keep: Version | None) -> Version:
    country = COUNTRY[agency]
    written, utc, day = _when(rng, country)
    body: dict[str, Any] = {
        "external_ref": ref,
        "reported_at": written,
        "scam_type": rng.choice(SCAM_TYPES),
        "channel": rng.choice(CHANNELS),
        "mark": rng.choice(MARKS),
    }
    rate_day = day
    if rng.random() < 0.4:
        incident = day - timedelta(days=rng.randrange(0, 40))
        body["incident_at"] = incident.isoformat()
        rate_day = incident
    loss: Decimal | None = None
    if rng.random() < 0.85:
        currency = rng.choice(CURRENCIES)
        written_amount, amount = _amount(rng, currency)
        body["loss_amount"], body["loss_currency"] = written_amount, currency
        loss = (amount * fx.rate(currency, rate_day)).quantize(Decimal("0.01"), ROUND_HALF_EVEN)
    share: tuple[str, ...] = ()
    if body["mark"] == "amber" and rng.random() < 0.5:
        others = [c for c in [*MEMBERS, "ASEANAPOL"] if c != agency]
        share = tuple(sorted(rng.sample(others, rng.choice((1, 2)))))
        body["share_with"] = list(share)
    if keep is not None and rng.random() < 0.3:
        sights = keep.sightings  # the resubmission leaves its identifiers out: kept
    else:
        chosen = _sightings(rng)
        body["identifiers"] = [_written(s) for s in chosen]
        sights = _stored(chosen)
    return Version(agency, ref, utc, body["scam_type"], body["mark"], share, loss, sights, body)


def build(seed: int = 20261130, reports: int = 260, resubmissions: int = 60) -> Region:
    """Write the region's batches and work out the final state of every report."""
    rng = random.Random(seed)
    fx = Fx()
    region = Region()
    order = 0
    for batch_no in range(0, reports, 30):
        by_agency: dict[str, list[Version]] = {}
        for n in range(batch_no, min(batch_no + 30, reports)):
            agency = rng.choice(SUBMITTERS)
            version = _version(rng, fx, agency, f"{agency}-{n:04d}", None)
            version.order = order = order + 1
            region.final[(agency, version.ref)] = version
            by_agency.setdefault(agency, []).append(version)
        region.add(by_agency)
    keys = sorted(region.final)
    for _ in range(0, resubmissions, 15):
        by_agency = {}
        for key in rng.sample(keys, 15):
            old = region.final[key]
            version = _version(rng, fx, old.agency, old.ref, old)
            version.order = old.order
            region.final[key] = version
            by_agency.setdefault(old.agency, []).append(version)
        region.add(by_agency)
    return region


@dataclass(frozen=True)
class Expected:
    """What a check should answer a caller, in the API's terms."""

    hit: bool
    reports: int
    countries: list[str]
    first_seen: datetime | None
    last_seen: datetime | None
    scam_types: list[str]
    loss_usd: Decimal
    matches: set[tuple[str, str]]  # (agency, external_ref), all of them
    holdings: set[tuple[str, str, int]]  # (agency, mark, reports)
    # (agency, external_ref) -> country, reported_at, scam type, mark, roles
    details: dict[tuple[str, str], tuple[str, datetime, str, str, list[str]]] = field(
        default_factory=dict
    )


def names(s: Sight, kind: str, value: str) -> bool:
    """Does the sighting name the value asked? Digits alone asked as an account are the
    account with those digits at every bank (docs/check.md)."""
    if kind == "bank_account" and value.isdigit():
        return s.kind == kind and s.value.endswith(f":{value}")
    return (s.kind, s.value) == (kind, value)


def naming(region: Region, kind: str, value: str) -> list[Version]:
    """The final reports naming the value, in any role."""
    return [v for v in region.final.values() if any(names(s, kind, value) for s in v.sightings)]


def expected_check(region: Region, caller: str | None, kind: str, value: str) -> Expected:
    """Work out a check's answer from the final reports and DESIGN.md's table."""
    named = naming(region, kind, value)
    if caller is None:
        public = any(
            v.mark == "clear"
            and any(names(s, kind, value) and s.role not in INNOCENT for s in v.sightings)
            for v in named
        )
        return Expected(public, 0, [], None, None, [], Decimal(0), set(), set())
    seen = [v for v in named if sees(caller, v)]
    hidden: dict[tuple[str, str], int] = {}
    for v in named:
        if not sees(caller, v):
            hidden[(v.agency, v.mark)] = hidden.get((v.agency, v.mark), 0) + 1
    times = [v.reported_utc for v in seen]
    return Expected(
        hit=bool(named),
        reports=len(seen),
        countries=sorted({COUNTRY[v.agency] for v in seen}),
        first_seen=min(times) if times else None,
        last_seen=max(times) if times else None,
        scam_types=sorted({v.scam_type for v in seen}),
        loss_usd=sum((v.loss_usd for v in seen if v.loss_usd is not None), Decimal(0)),
        matches={(v.agency, v.ref) for v in seen},
        holdings={(a, m, n) for (a, m), n in hidden.items()},
        details={
            (v.agency, v.ref): (
                COUNTRY[v.agency],
                v.reported_utc,
                v.scam_type,
                v.mark,
                sorted({s.role for s in v.sightings if names(s, kind, value)}),
            )
            for v in seen
        },
    )


def operator_agencies(region: Region, kind: str, value: str) -> dict[str, list[Version]]:
    """Per agency, its final reports naming the value in a role that points at an operator."""
    out: dict[str, list[Version]] = {}
    for v in region.final.values():
        if any((s.kind, s.value) == (kind, value) and s.role not in INNOCENT for s in v.sightings):
            out.setdefault(v.agency, []).append(v)
    return out


def expected_alerts(region: Region) -> set[tuple[str, str, str, str]]:
    """(recipient, kind, value, other agency) of every alert the region should hold."""
    alerts: set[tuple[str, str, str, str]] = set()
    for kind, value in region.values():
        if not may_alert(kind, value):
            continue
        sides = operator_agencies(region, kind, value)
        for a in sides:
            for b in sides:
                if COUNTRY[a] != COUNTRY[b]:
                    alerts.add((a, kind, value, b))
    return alerts


def expected_related(region: Region, caller: str, kind: str, value: str) -> dict[str, Expected]:
    """The context beside an answer, by canonical value: a URL's or an address's domain; for
    digits asked as an account, each account with them named in a report the caller may see."""
    if kind in ("url", "email"):
        domain = domain_of(value) if kind == "url" else value.split("@")[1]
        if domain in SHARED:  # shown as a shared platform, not looked up
            return {domain: Expected(False, 0, [], None, None, [], Decimal(0), set(), set())}
        return {domain: expected_check(region, caller, "domain", domain)}
    if kind == "bank_account" and value.isdigit():
        accounts = {
            s.value
            for v in naming(region, kind, value)
            if sees(caller, v)
            for s in v.sightings
            if names(s, kind, value)
        }
        return {a: expected_check(region, caller, kind, a) for a in accounts}
    return {}
