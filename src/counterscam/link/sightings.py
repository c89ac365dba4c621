"""What linking reads about new reports: every linking sighting of the identifiers they name,
and each report's facts for its cluster's figures.

Linking a round of new reports starts by reading these. A large import can read them ahead,
chunk by chunk as it stores the reports (``ReadAhead``), while the writer would otherwise wait
for the worker processes preparing the next chunk, instead of in the final linking round, which
runs alone on one core (no heavy imports here: intake uses this module).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import BindParameter, Float, bindparam, func, literal_column, select
from sqlalchemy import cast as sql_cast
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session

from counterscam.db.dialect import epoch_seconds_in
from counterscam.db.link_models import ClusterReport
from counterscam.db.models import Identifier, Report, Sighting
from counterscam.db.prepared import Prepared
from counterscam.link.conditions import DAY, allowed, link_time_in
from counterscam.link.named import IN_CHUNK, named_identifiers
from counterscam.link.rules import operator_roles


class Seen(NamedTuple):
    """A linking sighting: the report, the identifier (negative when an analyst allowed it,
    so never a hub), the role, the report's link day and its cluster, if any."""

    # A tuple, not a dataclass: a large import reads millions and a tuple is built ~3x faster.
    report: int
    ident: int
    role: str
    day: int
    cluster: int | None


@lru_cache(maxsize=8)
def _query(dialect: Dialect, of_reports: bool) -> Prepared:
    """Return the read of the given identifiers' sightings (``of_reports``: of the given
    reports only)."""
    # Run on the driver's cursor: a large import's linking reads millions of these rows, and
    # SQLAlchemy's result rows cost a third as much again as SQLite's reading them. Every
    # column comes as the driver gives it: ints, text, and 0/1 or a bool for ``allowed``.
    statement = (
        select(
            Sighting.report_id,
            Sighting.identifier_id,
            Sighting.role,
            link_time_in(dialect.name),
            ClusterReport.cluster_id,
            allowed(),
        )
        .join(Report, Report.id == Sighting.report_id)
        .join(Identifier, Identifier.id == Sighting.identifier_id)
        .outerjoin(ClusterReport, ClusterReport.report_id == Sighting.report_id)
        .where(Sighting.role.in_(bindparam("roles", expanding=True)))
    )
    idents: BindParameter[int] = bindparam("idents", expanding=True)
    if not of_reports:
        statement = statement.where(Sighting.identifier_id.in_(idents))
        return Prepared(statement, dialect, ("idents", "roles"))
    # Found by report (a chunk's few thousand sightings), the identifiers only checked: with
    # both IN lists on the identifier index, SQLite probes every (identifier, report) pair.
    # "+ 0" keeps the identifier column off the index.
    statement = statement.where(
        Sighting.report_id.in_(bindparam("reports", expanding=True)),
        (Sighting.identifier_id + literal_column("0")).in_(idents),
    )
    return Prepared(statement, dialect, ("idents", "roles", "reports"))


def _read(
    connection: Connection, idents: Sequence[int], reports: Sequence[int] | None = None
) -> list[Seen]:
    roles = sorted(operator_roles())
    query = _query(connection.dialect, reports is not None)
    seen: list[Seen] = []
    make = Seen._make  # _make, not Seen(...): the generated __new__ is a Python call per row
    for start in range(0, len(idents), IN_CHUNK):
        params: dict[str, list[Any]] = {
            "idents": list(idents[start : start + IN_CHUNK]),
            "roles": roles,
        }
        if reports is not None:
            params["reports"] = list(reports)
        # Fetched whole: iterating a result asks the driver for one row at a time.
        rows = query.raw(connection, params)
        seen.extend(
            make((r, -i if allow else i, role, t // DAY, c)) for r, i, role, t, c, allow in rows
        )
    return seen


def sightings_of(session: Session, idents: Collection[int]) -> list[Seen]:
    """Return every linking sighting of the given identifiers, each identifier read once."""
    return _read(session.connection(), sorted(idents))


class Facts(NamedTuple):
    """What a report adds to its cluster's figures: its link and reported times (epoch
    seconds), country and loss in USD."""

    link_time: int
    reported_time: int
    country: str
    loss_usd: float


@lru_cache(maxsize=4)
def _facts_query(dialect: Dialect) -> Prepared:
    # On the driver's cursor, as the sightings: every column is an int, text or a float.
    statement = select(
        Report.id,
        link_time_in(dialect.name),
        epoch_seconds_in(dialect.name, Report.reported_at),
        Report.country,
        sql_cast(func.coalesce(Report.loss_usd, 0), Float),
    ).where(Report.id.in_(bindparam("ids", expanding=True)))
    return Prepared(statement, dialect, ("ids",))


def report_facts(session: Session, report_ids: Sequence[int]) -> dict[int, Facts]:
    """Return the figures' facts of the given reports."""
    facts: dict[int, Facts] = {}
    connection = session.connection()
    query = _facts_query(connection.dialect)
    for start in range(0, len(report_ids), IN_CHUNK):
        rows = query.raw(connection, {"ids": list(report_ids[start : start + IN_CHUNK])})
        for rid, t, rep, country, loss in rows:
            facts[rid] = Facts(int(t), int(rep), country, float(loss))
    return facts


@dataclass
class ReadAhead:
    """What a round of new reports will be linked by, read as its chunks are stored.

    Each chunk reads every sighting of the identifiers it is the first to name, and its own
    sightings of those earlier chunks named: together, once the round is stored, what
    ``sightings_of`` would read for all the identifiers the round names. A report resubmitted
    in a later chunk than one that read it had other sightings then: those are dropped.
    """

    idents: set[int] = field(default_factory=set)
    chunks: list[list[Seen]] = field(default_factory=list)
    # The round's reports' facts, read as they are stored: a new report is unclustered, and
    # the figures of the clusters unclustered reports found or join are added from these.
    facts: dict[int, Facts] = field(default_factory=dict)
    # A report rewritten by this round: the chunk that stored it.
    rewritten: dict[int, int] = field(default_factory=dict)

    def add(
        self, session: Session, report_ids: Sequence[int], rewritten: Iterable[int] = ()
    ) -> None:
        """Read for one stored chunk: its reports, and those of them that replaced a stored
        report."""
        at = len(self.chunks)
        self.rewritten.update((r, at) for r in rewritten)
        connection = session.connection()
        named = named_identifiers(session, report_ids)
        fresh = sorted(named - self.idents)
        found = _read(connection, fresh) if fresh else []
        known = sorted(named & self.idents)
        if known:
            found.extend(_read(connection, known, sorted(set(report_ids))))
        self.idents.update(fresh)
        self.chunks.append(found)
        self.facts.update(report_facts(session, report_ids))

    def seen(self, left: Collection[int] = ()) -> list[Seen]:
        """Return the round's sightings as they stand; ``left``: reports that have since left
        their clusters (``link.leaving``), so are in none."""
        rewritten, gone = self.rewritten, set(left)
        out: list[Seen] = []
        for at, chunk in enumerate(self.chunks):
            if not rewritten and not gone:
                out.extend(chunk)
                continue
            for s in chunk:
                if rewritten.get(s.report, -1) > at:
                    continue  # read before the report was rewritten: what it named then
                out.append(s._replace(cluster=None) if s.report in gone else s)
        return out
