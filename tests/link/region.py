"""A tiny region built in code for linking tests: reports with dated, role-tagged identifiers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller, create_agency
from counterscam.access.caller import Caller
from counterscam.db.link_models import Cluster, ClusterReport
from counterscam.db.models import Identifier, Party, Place, Report, Sighting

START = datetime(2026, 1, 1, tzinfo=UTC)
AGENCIES = [
    ("MY-NSRC", "MY", "member"),
    ("SG-ASCOM", "SG", "member"),
    ("ASEANAPOL", "MY", "secretariat"),
    ("AU-AFP", "AU", "partner"),
]


@dataclass
class Region:
    """Agencies by code and reports by external reference."""

    agencies: dict[str, int] = field(default_factory=dict)
    reports: dict[str, int] = field(default_factory=dict)

    def caller(self, session: Session, code: str) -> Caller:
        return admin_caller(session, code)


def make_region(session: Session) -> Region:
    region = Region()
    for code, country, kind in AGENCIES:
        agency = create_agency(session, code=code, name=code, country=country, kind=kind)
        region.agencies[code] = agency.id
    return region


def identifier(session: Session, kind: str, value: str, *, shared: bool = False) -> int:
    found = session.scalar(
        select(Identifier.id).where(Identifier.kind == kind, Identifier.value == value)
    )
    if found is not None:
        return found
    ident = Identifier(kind=kind, value=value, country="MY", shared_platform=shared)
    session.add(ident)
    session.flush()
    return ident.id


def add_report(
    session: Session,
    region: Region,
    ref: str,
    *,
    day: int,
    names: list[tuple[str, str, str]],
    agency: str = "MY-NSRC",
    mark: str = "green",
    loss: str = "100",
    shared: tuple[str, ...] = (),
) -> int:
    """Add a report dated ``day`` days after START naming (kind, value, role) identifiers."""
    country = next(c for code, c, _ in AGENCIES if code == agency)
    report = Report(
        agency_id=region.agencies[agency],
        external_ref=ref,
        country=country,
        reported_at=START + timedelta(days=day, hours=1),
        incident_at=START + timedelta(days=day),
        scam_type="investment",
        channel="phone_call",
        loss_amount=Decimal(loss),
        loss_currency="USD",
        loss_usd=Decimal(loss),
        mark=mark,
    )
    session.add(report)
    session.flush()
    for kind, value, role in names:
        ident = identifier(session, kind, value, shared=value in shared)
        session.add(Sighting(report_id=report.id, identifier_id=ident, role=role, raw_value=value))
    session.flush()
    region.reports[ref] = report.id
    return report.id


def add_party(
    session: Session,
    report_id: int,
    name: str,
    role: str,
    *,
    id_number: str = "",
    id_kind: str = "",
    nationality: str | None = None,
    person_id: int | None = None,
    birth_date: date | None = None,
) -> int:
    party = Party(
        report_id=report_id,
        birth_date=birth_date,
        role=role,
        full_name=name,
        id_number=id_number,
        id_kind=id_kind,
        nationality=nationality,
        person_id=person_id,
    )
    session.add(party)
    session.flush()
    return party.id


def add_compound(session: Session, report_id: int, name: str, country: str) -> None:
    session.add(Place(report_id=report_id, kind="compound", name=name, country=country))
    session.flush()


def clusters_by_ref(session: Session, region: Region) -> dict[str, str | None]:
    """Return each report's cluster key (None when it is in no cluster)."""
    query = select(ClusterReport.report_id, Cluster.key).join(
        Cluster, Cluster.id == ClusterReport.cluster_id
    )
    keys = {report_id: key for report_id, key in session.execute(query)}
    return {ref: keys.get(rid) for ref, rid in region.reports.items()}


def groups(session: Session, region: Region) -> set[frozenset[str]]:
    """Return the clusters as sets of references, lone reports as singletons."""
    found: dict[str, set[str]] = {}
    for ref, key in clusters_by_ref(session, region).items():
        found.setdefault(key or f"lone:{ref}", set()).add(ref)
    return {frozenset(g) for g in found.values()}
