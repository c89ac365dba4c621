"""The cluster brief: what an analyst takes to their chief, over what the caller may see."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.policy import report_visible
from counterscam.access.reads import Holding, holdings
from counterscam.db.link_models import Cluster, ClusterLink, ClusterReport
from counterscam.db.models import Identifier, Party, Place, Report, Sighting
from counterscam.link.rules import operator_roles

MAX_LINKS = 1_000
VICTIM_ROLES = ("victim_of_trafficking",)


class ClusterNotFound(LookupError):
    """No cluster has that key."""


class ClusterHidden(PermissionError):
    """The cluster exists but holds no report the caller may see; ``holdings`` say who to ask."""

    def __init__(self, key: str, found: list[Holding]) -> None:
        who = ", ".join(f"{h.agency_code} ({h.reports})" for h in found)
        super().__init__(f"cluster {key} holds only reports you may not see, held by {who}")
        self.holdings = found


@dataclass(frozen=True)
class CountryFigure:
    """Reports and losses of one country (or one month, one scam type)."""

    name: str
    reports: int
    loss_usd: Decimal


@dataclass(frozen=True)
class IdentifierUse:
    """An identifier of the cluster, the roles it played and in how many visible reports."""

    kind: str
    value: str
    country: str | None
    roles: list[str]
    reports: int


@dataclass(frozen=True)
class PersonUse:
    """A party named in the cluster's reports; trafficking victims are ``is_victim``."""

    name: str
    role: str
    nationality: str | None
    is_victim: bool
    reports: int
    person_id: int | None


@dataclass(frozen=True)
class CompoundUse:
    """A compound named in the cluster's reports."""

    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    reports: int


@dataclass(frozen=True)
class LinkExplanation:
    """Why two reports are in the cluster, as a sentence and as fields."""

    report_a: str
    report_b: str
    kind: str
    value: str
    role_a: str
    role_b: str
    days_apart: int
    sentence: str


@dataclass(frozen=True)
class Trafficking:
    """Trafficking indicators: identified victims, recruitment channels, compounds."""

    identified_victims: int
    recruitment_channels: list[IdentifierUse]
    compounds: list[str]


@dataclass(frozen=True)
class ClusterBrief:
    """Everything the caller may see of one cluster; ``holdings`` name the rest's holders."""

    key: str
    reports: int
    total_reports: int
    total_loss_usd: Decimal
    victim_countries: list[CountryFigure]
    operation_countries: list[str]
    identifiers: dict[str, list[IdentifierUse]]
    timeline: list[CountryFigure]
    scam_types: list[CountryFigure]
    compounds: list[CompoundUse]
    persons: list[PersonUse]
    trafficking: Trafficking
    links: list[LinkExplanation]
    links_total: int
    holdings: list[Holding] = field(default_factory=list)


def _figures(rows: list[tuple[str, Decimal | None]]) -> list[CountryFigure]:
    count: Counter[str] = Counter()
    loss: dict[str, Decimal] = defaultdict(Decimal)
    for name, amount in rows:
        count[name] += 1
        loss[name] += amount or Decimal(0)
    return [
        CountryFigure(name=n, reports=count[n], loss_usd=loss[n].quantize(Decimal("0.01")))
        for n in sorted(count, key=lambda n: (-loss[n], n))
    ]


def find_cluster(session: Session, key: str) -> Cluster:
    """Return the cluster with this key, or raise ClusterNotFound."""
    found = session.scalar(select(Cluster).where(Cluster.key == key.upper()))
    if found is None:
        raise ClusterNotFound(f"no cluster {key}; cluster keys look like CL-000123")
    return found


def cluster_brief(
    session: Session, caller: Caller, key: str, *, channel: str = "web"
) -> ClusterBrief:
    """Return the brief of a cluster over the reports the caller may see; the read is audited.

    Raises:
        ClusterNotFound: no such key.
        ClusterHidden: the caller may see none of its reports (hit/no-hit with holders).
    """
    found = find_cluster(session, key)
    members = select(ClusterReport.report_id).where(ClusterReport.cluster_id == found.id)
    visible = and_(Report.id.in_(members), report_visible(caller))
    reports = session.execute(
        select(
            Report.id,
            Report.external_ref,
            Report.country,
            Report.scam_type,
            Report.reported_at,
            Report.loss_usd,
        ).where(visible)
    ).all()
    hidden = holdings(session, caller, Report.id.in_(members))
    audit.record(
        session,
        caller,
        channel=channel,
        action="read_cluster",
        record_ref=f"cluster:{found.key}",
        hits=len(reports),
    )
    if not reports:
        raise ClusterHidden(found.key, hidden)
    ids = [r.id for r in reports]
    ref = {r.id: r.external_ref for r in reports}
    idents = _identifiers(session, ids)
    compounds = _compounds(session, ids)
    persons = _persons(session, ids)
    links, links_total = _links(session, found.id, ref)
    phone_countries = {i.country for i in idents.get("phone", []) if i.country}
    return ClusterBrief(
        key=found.key,
        reports=len(reports),
        total_reports=len(reports) + sum(h.reports for h in hidden),
        total_loss_usd=sum((r.loss_usd or Decimal(0) for r in reports), start=Decimal(0)),
        victim_countries=_figures([(r.country, r.loss_usd) for r in reports]),
        operation_countries=sorted({c.country for c in compounds if c.country} | phone_countries),
        identifiers=idents,
        timeline=sorted(
            _figures([(f"{r.reported_at:%Y-%m}", r.loss_usd) for r in reports]),
            key=lambda f: f.name,
        ),
        scam_types=_figures([(r.scam_type, r.loss_usd) for r in reports]),
        compounds=compounds,
        persons=persons,
        trafficking=Trafficking(
            identified_victims=sum(1 for p in persons if p.is_victim),
            recruitment_channels=[
                i for uses in idents.values() for i in uses if "recruiter_contact" in i.roles
            ],
            compounds=[c.name for c in compounds],
        ),
        links=links,
        links_total=links_total,
        holdings=hidden,
    )


def _identifiers(session: Session, ids: list[int]) -> dict[str, list[IdentifierUse]]:
    roles: dict[int, set[str]] = defaultdict(set)
    seen: dict[int, set[int]] = defaultdict(set)
    info: dict[int, tuple[str, str, str | None]] = {}
    rows = session.execute(
        select(
            Identifier.id,
            Identifier.kind,
            Identifier.value,
            Identifier.country,
            Sighting.role,
            Sighting.report_id,
        )
        .join(Sighting, Sighting.identifier_id == Identifier.id)
        .where(Sighting.report_id.in_(ids), Sighting.role.in_(sorted(operator_roles())))
    )
    for ident, kind, value, country, role, report in rows:
        info[ident] = (kind, value, country)
        roles[ident].add(role)
        seen[ident].add(report)
    out: dict[str, list[IdentifierUse]] = defaultdict(list)
    for ident in sorted(info, key=lambda i: (-len(seen[i]), info[i][1])):
        kind, value, country = info[ident]
        out[kind].append(
            IdentifierUse(kind, value, country, sorted(roles[ident]), len(seen[ident]))
        )
    return dict(sorted(out.items()))


def _compounds(session: Session, ids: list[int]) -> list[CompoundUse]:
    grouped: dict[tuple[str, str | None], list[Place]] = defaultdict(list)
    for place in session.scalars(
        select(Place).where(Place.report_id.in_(ids), Place.kind == "compound")
    ):
        grouped[(place.name, place.country)].append(place)
    return [
        CompoundUse(
            name,
            country,
            places[0].latitude,
            places[0].longitude,
            len({p.report_id for p in places}),
        )
        for (name, country), places in sorted(grouped.items(), key=lambda kv: -len(kv[1]))
    ]


def _persons(session: Session, ids: list[int]) -> list[PersonUse]:
    grouped: dict[tuple[object, str], list[Party]] = defaultdict(list)
    for party in session.scalars(select(Party).where(Party.report_id.in_(ids))):
        who = party.person_id if party.person_id is not None else f"party:{party.id}"
        grouped[(who, party.role)].append(party)
    return [
        PersonUse(
            name=parties[0].full_name,
            role=role,
            nationality=parties[0].nationality,
            is_victim=role in VICTIM_ROLES,
            reports=len({p.report_id for p in parties}),
            person_id=parties[0].person_id,
        )
        for (_who, role), parties in sorted(grouped.items(), key=lambda kv: -len(kv[1]))
    ]


def _links(
    session: Session, cluster_id: int, ref: dict[int, str]
) -> tuple[list[LinkExplanation], int]:
    """Return the explanations of links whose two reports the caller may both see."""
    rows = session.execute(
        select(
            ClusterLink.report_a,
            ClusterLink.report_b,
            Identifier.kind,
            Identifier.value,
            ClusterLink.role_a,
            ClusterLink.role_b,
            ClusterLink.days_apart,
        )
        .join(Identifier, Identifier.id == ClusterLink.identifier_id)
        .where(ClusterLink.cluster_id == cluster_id)
        .order_by(ClusterLink.id)
    )
    out: list[LinkExplanation] = []
    total = 0
    for a, b, kind, value, role_a, role_b, days in rows:
        if a not in ref or b not in ref:
            continue
        total += 1
        if len(out) < MAX_LINKS:
            out.append(explain(ref[a], ref[b], kind, value, role_a, role_b, days))
    return out, total


def explain(
    a: str, b: str, kind: str, value: str, role_a: str, role_b: str, days: int
) -> LinkExplanation:
    """Return one link as fields and as a sentence an analyst can quote."""
    roles = (
        role_a.replace("_", " ")
        if role_a == role_b
        else (f"{role_a.replace('_', ' ')} / {role_b.replace('_', ' ')}")
    )
    when = "the same day" if days == 0 else f"{days} day{'s' if days != 1 else ''} apart"
    sentence = f"reports {a} and {b} share {value} ({roles}, {when})"
    return LinkExplanation(a, b, kind, value, role_a, role_b, days, sentence)
