"""Trafficking reports tied to a cluster: rescued victims, recruitment, and their compounds.

A compound is not evidence of a common operator: one compound houses many syndicates, so
joining reports on it would glue them into one cluster. Compounds, and the reports of victims
rescued from them or of recruitment adverts, are *tied* to clusters as a relation instead,
without merging anything. A trafficking report (one naming a victim of trafficking, a
recruiter, or a recruiter's contact) outside the cluster is tied to it when

- it names, as a recruiter's contact, an identifier the cluster's reports name in an
  operator's role (the same recruitment phone, handle or site): ``via="identifier"``;
- it names a compound the cluster's reports name: ``via="compound"``.

Only reports the caller may see are tied. The brief counts the victims of tied reports among
the cluster's identified victims, their recruiters' contacts among its recruitment channels,
and the compounds of identifier-tied reports among its compounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from counterscam.access.caller import Caller
from counterscam.access.policy import report_visible
from counterscam.db.link_models import ClusterReport
from counterscam.db.models import Identifier, Party, Place, Report, Sighting
from counterscam.link.compound_names import CompoundIdentity, compound_identity
from counterscam.link.conditions import links_through, stopped
from counterscam.link.rules import operator_roles

VICTIM_ROLES = ("victim_of_trafficking",)
RECRUITER_CONTACT = "recruiter_contact"
MAX_TIED = 1_000
IN_CHUNK = 5_000


@dataclass(frozen=True)
class TiedReport:
    """A trafficking report outside the cluster, tied to it, and by what."""

    report_id: int
    report: str  # external reference
    via: str  # identifier | compound
    shared: str  # the identifier's value or the compound's name


def is_trafficking_report() -> ColumnElement[bool]:
    """Return a condition true for reports naming a trafficking victim, recruiter or contact."""
    party = exists().where(
        Party.report_id == Report.id, Party.role.in_((*VICTIM_ROLES, "recruiter"))
    )
    contact = exists().where(Sighting.report_id == Report.id, Sighting.role == RECRUITER_CONTACT)
    return or_(party, contact)


def tied_reports(session: Session, caller: Caller, members: Select[Any]) -> list[TiedReport]:
    """Return the visible trafficking reports outside ``members`` tied to its visible reports."""
    visible_ids = select(Report.id).where(Report.id.in_(members), report_visible(caller))
    theirs = aliased(Sighting)
    ours = (
        select(Sighting.identifier_id)
        .join(Identifier, Identifier.id == Sighting.identifier_id)
        .where(
            Sighting.report_id.in_(visible_ids),
            Sighting.role.in_(sorted(operator_roles())),
            links_through(),
            ~stopped(),
        )
    )
    outside = and_(~Report.id.in_(members), report_visible(caller))
    by_identifier = session.execute(
        select(Report.id, Report.external_ref, Identifier.value)
        .join(theirs, theirs.report_id == Report.id)
        .join(Identifier, Identifier.id == theirs.identifier_id)
        .where(theirs.role == RECRUITER_CONTACT, theirs.identifier_id.in_(ours), outside)
        .order_by(Report.id, Identifier.value)
        .limit(MAX_TIED)
    ).all()
    by_compound = _tied_by_compound(session, visible_ids, outside)
    found: dict[int, TiedReport] = {}
    for via, rows in (("identifier", by_identifier), ("compound", by_compound)):
        for rid, ref, shared in rows:
            found.setdefault(rid, TiedReport(rid, ref, via, shared))
    return sorted(found.values(), key=lambda t: (t.via != "identifier", t.report))


def _tied_by_compound(
    session: Session, visible_ids: Select[Any], outside: ColumnElement[bool]
) -> list[tuple[int, str, str]]:
    """Return (report id, reference, compound as it names it) of the trafficking reports
    outside the cluster naming a compound its reports name: in any spelling or other name of
    it, in its country (``compound_identity``; a name with no country takes the reference
    list's)."""
    named = {
        identity[:2]
        for identity in (
            compound_identity(name, country)
            for name, country in session.execute(
                select(Place.name, Place.country).where(
                    Place.report_id.in_(visible_ids), Place.kind == "compound"
                )
            )
        )
        if identity.key
    }
    if not named:
        return []
    # A report naming the compound with no country is read with the reference list's.
    countries = sorted({country for _, country in named} | {""})
    in_country = func.coalesce(Place.country, "").in_(countries)
    found: list[tuple[int, str, str]] = []
    # Rescue reports naming a compound are few beside the reports of a region; the name is
    # compared here, as a key SQL cannot compute alike on SQLite and PostgreSQL.
    for rid, ref, name, country in session.execute(
        select(Report.id, Report.external_ref, Place.name, Place.country)
        .join(Place, Place.report_id == Report.id)
        .where(Place.kind == "compound", in_country, outside, is_trafficking_report())
        .order_by(Report.id, Place.name)
    ):
        if compound_identity(name, country)[:2] in named:
            found.append((rid, ref, name))
            if len(found) >= MAX_TIED:
                break
    return found


def cluster_compounds(
    session: Session, caller: Caller, cluster_ids: list[int] | None
) -> dict[int, list[str]]:
    """Return the compounds each cluster is tied to, over reports the caller may see.

    Those its own reports name, and those named by trafficking reports whose recruiter's
    contacts the cluster's reports name in an operator's role. ``cluster_ids`` None: every
    cluster's (the walk below costs the same for one cluster as for all).
    """
    if cluster_ids is not None and not cluster_ids:
        return {}
    wanted = true() if cluster_ids is None else ClusterReport.cluster_id.in_(cluster_ids)
    visible = report_visible(caller)
    found: dict[int, set[tuple[str, str | None]]] = {}
    # From the few reports naming compounds (rescues) to their recruiters' contacts, to the
    # clusters naming those, step by step by index: in one join, planners walk every sighting
    # or every report of the clusters.
    places: dict[int, set[tuple[str, str | None]]] = {}
    for rid, name, country in session.execute(
        select(Place.report_id, Place.name, Place.country)
        .join(Report, Report.id == Place.report_id)
        .where(Place.kind == "compound", visible)
    ):
        places.setdefault(rid, set()).add((name, country))
    compounds_of: dict[int, set[tuple[str, str | None]]] = {}
    rescues = sorted(places)
    for start in range(0, len(rescues), IN_CHUNK):
        for rid, ident in session.execute(
            select(Sighting.report_id, Sighting.identifier_id)
            .join(Identifier, Identifier.id == Sighting.identifier_id)
            .where(
                Sighting.report_id.in_(rescues[start : start + IN_CHUNK]),
                Sighting.role == RECRUITER_CONTACT,
                links_through(),
            )
        ):
            compounds_of.setdefault(ident, set()).update(places[rid])
    named: dict[int, set[int]] = {}
    idents = sorted(compounds_of)
    for start in range(0, len(idents), IN_CHUNK):
        for rid, ident in session.execute(
            select(Sighting.report_id, Sighting.identifier_id).where(
                Sighting.identifier_id.in_(idents[start : start + IN_CHUNK]),
                Sighting.role.in_(sorted(operator_roles())),
            )
        ):
            named.setdefault(rid, set()).add(ident)
    reports = sorted(named)
    for start in range(0, len(reports), IN_CHUNK):
        for rid, cid in session.execute(
            select(ClusterReport.report_id, ClusterReport.cluster_id)
            .join(Report, Report.id == ClusterReport.report_id)
            .where(
                ClusterReport.report_id.in_(reports[start : start + IN_CHUNK]),
                wanted,
                visible,
            )
        ):
            for ident in named[rid]:
                found.setdefault(cid, set()).update(compounds_of[ident])
    # The compounds the clusters' own reports name: from the few visible reports naming one
    # (``places``) to their clusters, not from every report of the clusters to its places
    # (0.5 s for a page of large clusters at a million reports).
    for start in range(0, len(rescues), IN_CHUNK):
        for rid, cid in session.execute(
            select(ClusterReport.report_id, ClusterReport.cluster_id).where(
                ClusterReport.report_id.in_(rescues[start : start + IN_CHUNK]), wanted
            )
        ):
            found.setdefault(cid, set()).update(places[rid])
    return {cid: _one_spelling_each(names) for cid, names in found.items()}


def _one_spelling_each(places: set[tuple[str, str | None]]) -> list[str]:
    """Return the compounds of ``places`` (name, country) once each: by the reference list's
    name (Shwe Kokko, not also Yatai New City), or else by one of its spellings (KK Park 2, not
    also K.K. Park 2)."""
    spelled: dict[CompoundIdentity, str] = {}
    for name, country in sorted(places, key=lambda p: (p[0], p[1] or "")):
        identity = compound_identity(name, country)
        spelled.setdefault(identity, identity.label or name)
    return sorted(set(spelled.values()))
