"""Parties as linking evidence: the same operator-side person named in two reports.

Suspects, money mules and recruiters are evidence of a common operator, as the identifiers
they use are; a victim of trafficking or a witness is not (trafficked workers are sold on
between syndicates, and they are victims). Two keys say two parties are one person: the
person that person resolution wrote to ``party.person_id`` (Splink, run in batch), and,
available at intake without it, the same ID or passport number (read as ``documents`` reads
it for persons too) with the same nationality, else the issuing country written before the
number, else the same kind of document. Each key is linked like
an identifier: chained in date order, within the time window, never when it behaves like a
hub (a placeholder number, a nominee used by everyone).

A resolved person links only parties that also give the same birth date. Resolution may
merge namesakes by name alone (its threshold suits listing persons, where an analyst sees
the merge); one such merge between two mules glues two syndicates into one cluster.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import cast

from sqlalchemy import (
    ColumnElement,
    Delete,
    Select,
    Table,
    and_,
    bindparam,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from counterscam.db.link_models import ClusterLink, ClusterReport, PartyDocument
from counterscam.db.models import Party, Report
from counterscam.link.conditions import DAY, link_time
from counterscam.link.documents import is_document, read_document
from counterscam.link.rules import DEFAULT_RULES, LinkRules
from counterscam.link.writes import insert_rows

OPERATOR_PARTY_ROLES = ("mule", "recruiter", "suspect")
IN_CHUNK = 5_000
Node = tuple[str, int]  # ("c", cluster id) or ("r", report id), as incremental linking has


def document_key(
    id_number: str | None, nationality: str | None, id_kind: str | None, country: str | None
) -> str | None:
    """Return a party's document key: the number as compared and its nationality or kind.

    ``"A59078998:MY"``; without a nationality the issuing country written before the number
    stands in (``"VNM B1234567"``: ``"B1234567:VN"``), else the kind
    (``"4493251471294:national_id"``), so a number of unknown nationality never joins one of a
    known nationality. ``country`` is the reporting agency's, which persons resolution also
    reads a two-letter prefix against. None for a placeholder (``is_document``).
    """
    number, issuer = read_document(id_number or "", (nationality, country))
    if not is_document(number):
        return None
    return f"{number}:{nationality or issuer or id_kind or ''}"


@cache
def _has_person() -> ColumnElement[bool]:
    return and_(
        Party.role.in_(OPERATOR_PARTY_ROLES),
        Party.person_id.is_not(None),
        Party.birth_date.is_not(None),
    )


def _person_key(person: int | None, born: date | None) -> str:
    # Both are set where _has_person() holds, which every caller's query requires.
    return f"person:{person}:{born}"


def _gives_number() -> ColumnElement[bool]:
    return and_(Party.role.in_(OPERATOR_PARTY_ROLES), Party.id_number != "")


@cache
def _documents() -> Select[int, int, str, str, str | None, str, str, str | None, str | None]:
    """Return every operator-side party that gives a number, with its report's country (a
    two-letter prefix is read against it) and its stored key, if any."""
    return (
        select(
            Party.id,
            Party.report_id,
            Party.role,
            Party.id_number,
            Party.nationality,
            Party.id_kind,
            Report.country,
            PartyDocument.key,
            PartyDocument.role,
        )
        .join(Report, Report.id == Party.report_id)
        .outerjoin(PartyDocument, PartyDocument.party_id == Party.id)
        .where(_gives_number())
    )


def refresh_documents(session: Session) -> None:
    """Bring every operator-side party's document key up to date (the rebuild's first step).

    Intake keeps the keys of new reports, so most stored keys are right: only the keys that
    changed are rewritten (rewriting all of them cost twice the read on PostgreSQL), and the
    keys are made in Python by the same reading as at intake and in persons resolution.
    """
    connection = session.connection()
    connection.execute(
        # NOT EXISTS, not NOT IN: PostgreSQL plans a NOT IN over a million ids row by row.
        delete(PartyDocument).where(
            ~select(Party.id).where(Party.id == PartyDocument.party_id, _gives_number()).exists()
        )
    )
    stale: list[int] = []
    fresh: list[tuple[int, int, str, str]] = []
    for (
        party,
        report,
        role,
        number,
        nationality,
        kind,
        country,
        stored,
        stored_role,
    ) in connection.execute(_documents()):
        key = document_key(number, nationality, kind, country)
        if (key, role) == (stored, stored_role if stored is not None else role):
            continue
        if stored is not None:
            stale.append(party)
        if key is not None:
            fresh.append((party, report, key, role))
    for start in range(0, len(stale), IN_CHUNK):
        connection.execute(_forget_parties(), {"ids": stale[start : start + IN_CHUNK]})
    insert_rows(session, PartyDocument, ("party_id", "report_id", "key", "role"), fresh)


@cache
def _forget_parties() -> Delete:
    return delete(PartyDocument).where(PartyDocument.party_id.in_(bindparam("ids", expanding=True)))


@dataclass(frozen=True)
class PartyRow:
    """One operator-side party under one key (``person:12:1990-04-01``, ``document:A5907:MY``)."""

    report_id: int
    party_id: int
    role: str
    key: str


def party_rows(session: Session) -> list[PartyRow]:
    """Return every operator-side party with its person key and its document key, if any."""
    person = (
        select(Party.report_id, Party.id, Party.role, Party.person_id, Party.birth_date)
        .where(_has_person())
        .order_by(Party.id)
    )
    found = [
        PartyRow(r, p, role, _person_key(k, born))
        for r, p, role, k, born in session.execute(person)
    ]
    document = select(
        PartyDocument.report_id, PartyDocument.party_id, PartyDocument.role, PartyDocument.key
    ).order_by(PartyDocument.party_id)
    found += [PartyRow(r, p, role, f"document:{k}") for r, p, role, k in session.execute(document)]
    return found


def store_person_ids(session: Session, person_of: dict[int, str]) -> int:
    """Write resolved persons to ``party.person_id`` (from ``persons.resolve_parties``).

    The person key is the smallest party id of that person; returns the parties updated.
    """
    rows = [{"pid": party, "person": int(key)} for party, key in person_of.items()]
    table = cast(Table, Party.__table__)
    statement = (
        update(table).where(table.c.id == bindparam("pid")).values(person_id=bindparam("person"))
    )
    for start in range(0, len(rows), 20_000):
        session.connection().execute(statement, rows[start : start + 20_000])
    return len(rows)


@dataclass(frozen=True)
class PartyLink:
    """Two reports naming one operator-side person, as incremental linking stores it.

    ``node_a``/``node_b`` are the reports' cluster nodes, as incremental linking unites them:
    ``("c", cluster id)`` for a clustered report, ``("r", report id)`` for one without.
    """

    report_a: int
    report_b: int
    party_a: int
    party_b: int
    role_a: str
    role_b: str
    days_apart: int
    via: str  # person | document
    node_a: Node
    node_b: Node


@dataclass(frozen=True)
class _Seen:
    report: int
    party: int
    role: str
    key: str
    day: int
    cluster: int | None

    @property
    def node(self) -> Node:
        return ("c", self.cluster) if self.cluster is not None else ("r", self.report)


_DocumentMentions = Select[int, int, str, str, int, int | None]
_PersonMentions = Select[int, int, str, int | None, date | None, int, int | None]
_mentions: dict[str, tuple[_DocumentMentions, _PersonMentions]] = {}


def _mention_queries(session: Session) -> tuple[_DocumentMentions, _PersonMentions]:
    """Return the mention reads, built once per dialect (building costs more than running)."""
    dialect = session.get_bind().dialect.name
    if dialect not in _mentions:
        when = link_time(session)
        documents = (
            select(
                PartyDocument.report_id,
                PartyDocument.party_id,
                PartyDocument.role,
                PartyDocument.key,
                when,
                ClusterReport.cluster_id,
            )
            .join(Report, Report.id == PartyDocument.report_id)
            .outerjoin(ClusterReport, ClusterReport.report_id == PartyDocument.report_id)
            .where(PartyDocument.key.in_(bindparam("keys", expanding=True)))
        )
        persons = (
            select(
                Party.report_id,
                Party.id,
                Party.role,
                Party.person_id,
                Party.birth_date,
                when,
                ClusterReport.cluster_id,
            )
            .join(Report, Report.id == Party.report_id)
            .outerjoin(ClusterReport, ClusterReport.report_id == Party.report_id)
            .where(Party.person_id.in_(bindparam("keys", expanding=True)), _has_person())
        )
        _mentions[dialect] = (documents, persons)
    return _mentions[dialect]


def _seen(session: Session, keys: list[str]) -> list[_Seen]:
    """Return every operator-side mention of these keys, with date and current cluster."""
    documents = [k.removeprefix("document:") for k in keys if k.startswith("document:")]
    persons = sorted({int(k.split(":")[1]) for k in keys if k.startswith("person:")})
    by_document, by_person = _mention_queries(session)
    connection = session.connection()
    found: list[_Seen] = []
    for start in range(0, len(documents), IN_CHUNK):
        found += [
            _Seen(r, p, role, f"document:{k}", int(t) // DAY, c)
            for r, p, role, k, t, c in connection.execute(
                by_document, {"keys": documents[start : start + IN_CHUNK]}
            )
        ]
    for start in range(0, len(persons), IN_CHUNK):
        found += [
            _Seen(r, p, role, _person_key(k, born), int(t) // DAY, c)
            for r, p, role, k, born, t, c in connection.execute(
                by_person, {"keys": persons[start : start + IN_CHUNK]}
            )
        ]
    return found


def _chained(seen: Iterable[_Seen], new: set[int], rules: LinkRules) -> list[tuple[_Seen, _Seen]]:
    """Chain each key's mentions by date; keep links touching a new report, hubs left out."""
    by_key: dict[str, dict[int, _Seen]] = defaultdict(dict)
    for s in sorted(seen, key=lambda s: s.party):
        by_key[s.key].setdefault(s.report, s)
    found: list[tuple[_Seen, _Seen]] = []
    for items in by_key.values():
        chain = sorted(items.values(), key=lambda s: (s.day, s.report))
        if len(chain) < 2 or chain[-1].day - chain[0].day > rules.hub_span_days:
            continue
        run: list[tuple[_Seen, _Seen]] = []
        size, hub = 1, False
        for a, b in zip(chain, chain[1:], strict=False):
            if b.day - a.day > rules.window_days:
                size = 1
                continue
            size += 1
            hub = hub or size > rules.hub_reports
            if a.report in new or b.report in new:
                run.append((a, b))
        if not hub:
            found.extend(run)
    return found


@cache
def _forget_documents() -> Delete:
    return delete(PartyDocument).where(
        PartyDocument.report_id.in_(bindparam("ids", expanding=True))
    )


@cache
def _new_parties() -> Select[int, int, str, int | None, date | None, str, str | None, str, str]:
    # Built once: composing these expressions costs more than running the statement.
    return (
        select(
            Party.id,
            Party.report_id,
            Party.role,
            Party.person_id,
            Party.birth_date,
            Party.id_number,
            Party.nationality,
            Party.id_kind,
            Report.country,
        )
        .join(Report, Report.id == Party.report_id)
        .where(
            Party.report_id.in_(bindparam("ids", expanding=True)),
            Party.role.in_(OPERATOR_PARTY_ROLES),
        )
    )


def party_links(
    session: Session, report_ids: list[int], *, rules: LinkRules = DEFAULT_RULES
) -> list[PartyLink]:
    """Return the party links (earlier, later) that touch these newly stored reports.

    Records the new reports' document keys first (replacing a resubmission's), so the same
    rules as a rebuild apply. The caller unites ``node_a``/``node_b`` with its identifier
    links and stores the result with ``store_party_links``; nothing is committed.
    """
    if not report_ids:
        return []
    ids = sorted(set(report_ids))
    # Core statements: the ORM's bookkeeping costs more than these indexed reads at intake.
    connection = session.connection()
    keys: set[str] = set()
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        # One read of the new parties gives both keys; a resubmission's old keys go first.
        connection.execute(_forget_documents(), {"ids": chunk})
        documents: list[dict[str, object]] = []
        for (
            party,
            report,
            role,
            person,
            born,
            number,
            nationality,
            kind,
            country,
        ) in connection.execute(_new_parties(), {"ids": chunk}):
            if person is not None and born is not None:
                keys.add(_person_key(person, born))
            document = document_key(number, nationality, kind, country)
            if document is not None:
                keys.add(f"document:{document}")
                documents.append(
                    {"party_id": party, "report_id": report, "key": document, "role": role}
                )
        if documents:
            connection.execute(insert(PartyDocument), documents)
    if not keys:
        return []
    return [
        PartyLink(
            report_a=a.report,
            report_b=b.report,
            party_a=a.party,
            party_b=b.party,
            role_a=a.role,
            role_b=b.role,
            days_apart=b.day - a.day,
            via=a.key.split(":", 1)[0],
            node_a=a.node,
            node_b=b.node,
        )
        for a, b in _chained(_seen(session, sorted(keys)), set(ids), rules)
    ]


def store_party_links(
    session: Session, links: list[PartyLink], cluster_of: Callable[[Node], int | None]
) -> int:
    """Store party links as explained cluster links; ``cluster_of`` maps a node to its cluster."""
    columns = (
        "cluster_id",
        "report_a",
        "report_b",
        "identifier_id",
        "via",
        "party_a",
        "party_b",
        "role_a",
        "role_b",
        "days_apart",
    )
    return insert_rows(
        session,
        ClusterLink,
        columns,
        (
            (
                cluster_of(link.node_a),
                link.report_a,
                link.report_b,
                None,
                link.via,
                link.party_a,
                link.party_b,
                link.role_a,
                link.role_b,
                link.days_apart,
            )
            for link in links
        ),
    )
