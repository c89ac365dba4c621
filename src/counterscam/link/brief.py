"""The cluster brief: what an analyst takes to their chief, over what the caller may see."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session, aliased

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.policy import report_visible
from counterscam.access.reads import MISSING, REFUSED, Holding, holdings
from counterscam.db.link_models import Cluster, ClusterLink, ClusterReport
from counterscam.db.local_time import local_period
from counterscam.db.models import Identifier, Party, Place, Report, Sighting
from counterscam.link.compound_names import CompoundIdentity, compound_identity
from counterscam.link.conditions import may_link
from counterscam.link.listing import given_total
from counterscam.link.rules import operator_roles
from counterscam.link.trafficking import RECRUITER_CONTACT, VICTIM_ROLES, TiedReport, tied_reports

MAX_LINKS = 1_000


class ClusterNotFound(LookupError):
    """No cluster has that key."""


class ClusterHidden(PermissionError):
    """The cluster exists but holds no report the caller may see; ``holdings`` say who to ask."""

    def __init__(self, key: str, found: list[Holding]) -> None:
        # One agency can hold reports of several marks: the mark tells its holdings apart.
        who = ", ".join(f"{h.agency_code} ({h.reports:,} TLP:{h.mark.upper()})" for h in found)
        super().__init__(f"cluster {key} holds only reports you may not see, held by {who}")
        self.holdings = found


@dataclass(frozen=True)
class CountryFigure:
    """Reports and losses of one country (or one month, one scam type).

    ``loss_usd`` sums the losses the reports give and ``reports_with_loss`` says how many give
    one: ``0.00`` from none of them is no loss known, not a loss of nothing.
    """

    name: str
    reports: int
    loss_usd: Decimal
    reports_with_loss: int


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
    """Why two reports are in the cluster, as a sentence and as fields.

    ``via`` is what they share: an ``identifier`` (kind and value; roles are sighting roles),
    a ``person`` resolved across reports, or a ``document`` (the same ID or passport number);
    for the last two ``kind`` is ``person`` or the document's kind, ``value`` names the
    person or document, and the roles are party roles (suspect, mule, recruiter).
    """

    report_a: str
    report_b: str
    kind: str
    value: str
    role_a: str
    role_b: str
    days_apart: int
    sentence: str
    via: str = "identifier"


@dataclass(frozen=True)
class Trafficking:
    """Trafficking indicators: identified victims, recruitment channels, compounds.

    Counted over the cluster's visible reports and the trafficking reports tied to it
    (``tied_reports``, see ``counterscam.link.trafficking``): ``identified_victims`` are
    distinct persons, ``victims_in_cluster`` of them named in the cluster's own reports.
    """

    identified_victims: int
    recruitment_channels: list[IdentifierUse]
    compounds: list[str]
    victims_in_cluster: int = 0
    tied_reports: list[TiedReport] = field(default_factory=list)


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
    given: Counter[str] = Counter()
    loss: dict[str, Decimal] = defaultdict(Decimal)
    for name, amount in rows:
        count[name] += 1
        if amount is not None:  # a loss of 0 (a failed attempt) is a loss given
            given[name] += 1
            loss[name] += amount
    return [
        CountryFigure(
            name=n,
            reports=count[n],
            loss_usd=loss[n].quantize(Decimal("0.01")),
            reports_with_loss=given[n],
        )
        for n in sorted(count, key=lambda n: (-loss[n], n))
    ]


def find_cluster(session: Session, key: str) -> Cluster:
    """Return the cluster with this key, or raise ClusterNotFound."""
    found = session.scalar(select(Cluster).where(Cluster.key == key.upper()))
    if found is None:
        raise ClusterNotFound(f"no cluster {key}; cluster keys look like CL-000123")
    return found


def open_cluster(
    session: Session, caller: Caller, key: str, *, action: str, channel: str
) -> Cluster:
    """Return the cluster with this key for a read; a miss is audited too (keys get guessed).

    The miss's row has the query ``outcome=missing``, as a read of no report has; a cluster
    the caller may see none of is written by its reader with ``outcome=refused``
    (``audit_cluster_read``).
    """
    try:
        return find_cluster(session, key)
    except ClusterNotFound:
        ref = f"cluster:{key.upper()}"[:120]
        audit.record_read(
            session, caller, channel=channel, action=action, query=MISSING, record_ref=ref, hits=0
        )
        raise


def audit_cluster_read(
    session: Session, caller: Caller, cluster: Cluster, *, action: str, channel: str, hits: int
) -> None:
    """Audit a read of ``cluster`` that gave ``hits`` of its reports (``audit.record_read``).

    A read that gave none (every report hidden from the caller: answered with the holders) has
    the query ``outcome=refused``, as a hidden report's read has (docs/access.md, Audit log).
    """
    audit.record_read(
        session,
        caller,
        channel=channel,
        action=action,
        query="" if hits else REFUSED,
        record_ref=f"cluster:{cluster.key}",
        hits=hits,
    )


def cluster_brief(
    session: Session, caller: Caller, key: str, *, channel: str = "web"
) -> ClusterBrief:
    """Return the brief of a cluster over the reports the caller may see; the read is audited.

    Raises:
        ClusterNotFound: no such key.
        ClusterHidden: the caller may see none of its reports (hit/no-hit with holders).
    """
    found = open_cluster(session, caller, key, action="read_cluster", channel=channel)
    members = select(ClusterReport.report_id).where(ClusterReport.cluster_id == found.id)
    visible = and_(Report.id.in_(members), report_visible(caller))
    # The timeline's months are each reporting country's, the dates the pages show.
    month = local_period(session.get_bind().dialect.name, Report.reported_at, Report.country)
    reports = session.execute(
        select(
            Report.id,
            Report.external_ref,
            Report.country,
            Report.scam_type,
            Report.reported_at,
            Report.loss_usd,
            month.label("month"),
        ).where(visible)
    ).all()
    hidden = holdings(session, caller, Report.id.in_(members))
    audit_cluster_read(
        session, caller, found, action="read_cluster", channel=channel, hits=len(reports)
    )
    if not reports:
        raise ClusterHidden(found.key, hidden)
    ids = [r.id for r in reports]
    ref = {r.id: r.external_ref for r in reports}
    idents = _identifiers(session, ids)
    compounds = _compounds(session, ids)
    persons = _persons(session, ids)
    links, links_total = _links(session, found.id, select(Report.id).where(visible), ref)
    tied = tied_reports(session, caller, members)
    phone_countries = _operator_phone_countries(session, ids)
    return ClusterBrief(
        key=found.key,
        reports=len(reports),
        total_reports=len(reports) + sum(h.reports for h in hidden),
        total_loss_usd=given_total(r.loss_usd for r in reports),
        victim_countries=_figures([(r.country, r.loss_usd) for r in reports]),
        operation_countries=sorted({c.country for c in compounds if c.country} | phone_countries),
        identifiers=idents,
        timeline=sorted(
            _figures([(r.month, r.loss_usd) for r in reports]),
            key=lambda f: f.name,
        ),
        scam_types=_figures([(r.scam_type, r.loss_usd) for r in reports]),
        compounds=compounds,
        persons=persons,
        trafficking=_trafficking(session, ids, idents, compounds, tied),
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


def _operator_phone_countries(session: Session, ids: list[int]) -> set[str]:
    """Return the countries of the operators' phone numbers named in these reports.

    Only numbers that link count: a bank's hotline written down as the caller (a shared
    number) or a spoofing service's number on the stop-list is no operator's, and made a
    syndicate of Cambodia and Myanmar look run from Malaysia too.
    """
    return set(
        session.scalars(
            select(Identifier.country)
            .distinct()
            .join(Sighting, Sighting.identifier_id == Identifier.id)
            .where(
                Sighting.report_id.in_(ids),
                Sighting.role.in_(sorted(operator_roles())),
                Identifier.kind == "phone",
                Identifier.country.is_not(None),
                may_link(),
            )
        )
    )


def _compounds(session: Session, ids: list[int]) -> list[CompoundUse]:
    # One compound in its spellings and other names (KK Park, K.K. Park, KK park compound;
    # Shwe Kokko, Yatai New City), under the reference list's name, or else the spelling most
    # of its reports write.
    grouped: dict[CompoundIdentity, list[Place]] = defaultdict(list)
    for place in session.scalars(
        select(Place)
        .where(Place.report_id.in_(ids), Place.kind == "compound")
        .order_by(Place.report_id, Place.id)
    ):
        grouped[compound_identity(place.name, place.country)].append(place)
    uses = []
    for identity, places in sorted(grouped.items(), key=lambda kv: -len(kv[1])):
        spelled = identity.label or Counter(p.name for p in places).most_common(1)[0][0]
        located = next((p for p in places if p.latitude is not None), places[0])
        uses.append(
            CompoundUse(
                spelled,
                identity.country or None,
                located.latitude,
                located.longitude,
                len({p.report_id for p in places}),
            )
        )
    return uses


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


def _trafficking(
    session: Session,
    ids: list[int],
    idents: dict[str, list[IdentifierUse]],
    compounds: list[CompoundUse],
    tied: list[TiedReport],
) -> Trafficking:
    """Count victims, recruitment channels and compounds over own and tied reports."""
    tied_ids = [t.report_id for t in tied]
    victims: dict[bool, set[object]] = {True: set(), False: set()}
    for own, report_ids in ((True, ids), (False, tied_ids)):
        for start in range(0, len(report_ids), 5_000):
            for pid, person in session.execute(
                select(Party.id, Party.person_id).where(
                    Party.report_id.in_(report_ids[start : start + 5_000]),
                    Party.role.in_(VICTIM_ROLES),
                )
            ):
                victims[own].add(person if person is not None else f"party:{pid}")
    channels = [u for uses in idents.values() for u in uses if RECRUITER_CONTACT in u.roles]
    known = {(u.kind, u.value) for u in channels}
    extra: dict[tuple[str, str], tuple[str | None, set[str], set[int]]] = {}
    contacts = (
        select(Identifier.kind, Identifier.value, Identifier.country, Sighting.report_id)
        .join(Sighting, Sighting.identifier_id == Identifier.id)
        .where(Sighting.report_id.in_(tied_ids), Sighting.role == RECRUITER_CONTACT)
    )
    found = [(k, v, c, r, RECRUITER_CONTACT) for k, v, c, r in session.execute(contacts)]
    for report_ids in (ids, tied_ids):
        for start in range(0, len(report_ids), 5_000):
            phones = select(Party.phone, Party.report_id).where(
                Party.report_id.in_(report_ids[start : start + 5_000]),
                Party.role == "recruiter",
                Party.phone != "",
            )
            found += [("phone", p, None, r, "recruiter") for p, r in session.execute(phones)]
    for kind, value, country, report, role in found:
        if (kind, value) in known:
            continue
        entry = extra.setdefault((kind, value), (country, set(), set()))
        entry[1].add(role)
        entry[2].add(report)
    channels += [
        IdentifierUse(kind, value, country, sorted(roles), len(reports))
        for (kind, value), (country, roles, reports) in sorted(
            extra.items(), key=lambda kv: (-len(kv[1][2]), kv[0])
        )
    ]
    names = [c.name for c in compounds]
    by_identifier = [t.report_id for t in tied if t.via == "identifier"]
    seen = {compound_identity(c.name, c.country) for c in compounds}
    tied_places = {
        (name, country)
        for name, country in session.execute(
            select(Place.name, Place.country).where(
                Place.report_id.in_(by_identifier), Place.kind == "compound"
            )
        )
    }
    for name, country in sorted(tied_places, key=lambda p: (p[0], p[1] or "")):
        identity = compound_identity(name, country)
        if identity not in seen:  # another spelling or name of one already named
            seen.add(identity)
            names.append(identity.label or name)
    return Trafficking(
        identified_victims=len(victims[True] | victims[False]),
        recruitment_channels=channels,
        compounds=names,
        victims_in_cluster=len(victims[True]),
        tied_reports=tied,
    )


def _links(
    session: Session, cluster_id: int, visible_ids: Select[int], ref: dict[int, str]
) -> tuple[list[LinkExplanation], int]:
    """Return the explanations of links whose two reports the caller may both see.

    The policy is in the query (``visible_ids``), so no party of a hidden report is read.
    """
    party_a, party_b = aliased(Party), aliased(Party)
    rows = session.execute(
        select(
            ClusterLink.report_a,
            ClusterLink.report_b,
            ClusterLink.via,
            Identifier.kind,
            Identifier.value,
            party_a,
            party_b,
            ClusterLink.role_a,
            ClusterLink.role_b,
            ClusterLink.days_apart,
        )
        .outerjoin(Identifier, Identifier.id == ClusterLink.identifier_id)
        .outerjoin(party_a, party_a.id == ClusterLink.party_a)
        .outerjoin(party_b, party_b.id == ClusterLink.party_b)
        .where(
            ClusterLink.cluster_id == cluster_id,
            ClusterLink.report_a.in_(visible_ids),
            ClusterLink.report_b.in_(visible_ids),
        )
        .order_by(ClusterLink.id)
    )
    out: list[LinkExplanation] = []
    total = 0
    for a, b, via, kind, value, pa, pb, role_a, role_b, days in rows:
        total += 1
        if len(out) >= MAX_LINKS:
            continue
        if via == "identifier":
            out.append(explain(ref[a], ref[b], kind, value, role_a, role_b, days))
        else:
            out.append(explain_party(ref[a], ref[b], via, pa, pb, role_a, role_b, days))
    return out, total


def _roles(role_a: str, role_b: str) -> str:
    a, b = role_a.replace("_", " "), role_b.replace("_", " ")
    return a if a == b else f"{a} / {b}"


def _when(days: int) -> str:
    return "the same day" if days == 0 else f"{days} day{'s' if days != 1 else ''} apart"


# Right-to-left letters and the controls that reorder text: a name holding U+202E (RLO)
# reversed the rest of the sentence quoting it ("(Suspect, 1 day apart)" read backwards).
_REORDERING = frozenset({"R", "AL", "RLE", "RLO", "LRE", "LRO", "RLI", "LRI", "FSI", "PDF", "PDI"})


def isolated(text: str) -> str:
    """Return ``text`` between FSI and PDI when it could reorder what follows it, else as is.

    The isolate keeps the name's own direction inside it and lets the sentence around it read
    in its own, in a page, a CSV cell or a terminal alike.
    """
    if text.isascii() or not any(unicodedata.bidirectional(c) in _REORDERING for c in text):
        return text
    return f"\u2068{text}\u2069"


def explain_party(
    a: str,
    b: str,
    via: str,
    party_a: Party | None,
    party_b: Party | None,
    role_a: str,
    role_b: str,
    days: int,
) -> LinkExplanation:
    """Return a link through one person (resolved, or by the same document) as a sentence."""
    names = sorted({isolated(p.full_name) for p in (party_a, party_b) if p is not None})
    who = " / ".join(names) or "a party since removed"
    first = party_a or party_b
    if via == "person":
        kind = "person"
        person = first.person_id if first is not None else None
        value = f"{who} (P-{person})" if person is not None else who
        what = f"the same person, {value}"
    else:
        kind = (first.id_kind if first is not None else "") or "document"
        number = isolated(first.id_number) if first is not None and first.id_number else ""
        country = f" {first.nationality}" if first is not None and first.nationality else ""
        value = f"{kind.replace('_', ' ')}{country} {number} ({who})"
        what = f"the same {value}"
    sentence = f"reports {a} and {b} name {what} ({_roles(role_a, role_b)}, {_when(days)})"
    return LinkExplanation(a, b, kind, value, role_a, role_b, days, sentence, via)


def explain(
    a: str, b: str, kind: str, value: str, role_a: str, role_b: str, days: int
) -> LinkExplanation:
    """Return one link as fields and as a sentence an analyst can quote."""
    sentence = f"reports {a} and {b} share {value} ({_roles(role_a, role_b)}, {_when(days)})"
    return LinkExplanation(a, b, kind, value, role_a, role_b, days, sentence)
