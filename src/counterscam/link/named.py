"""What linking reads of newly stored reports, read as they are stored (no heavy imports).

Linking new reports reads the sightings that may link them: the identifiers they name (hubs'
front pages and stop-listed values left out) and every sighting of those identifiers, with its
report's date and cluster. A large import writes its reports chunk by chunk while worker
processes prepare the next ones, and links them all at the end of a round
(intake.service.LINK_GROUP), a step that runs alone on one core. Read at the end, those
sightings took about a quarter of the writer's time; ``Gathered`` reads them for each chunk just
written, while the writer would otherwise wait for the workers, and gives linking the same rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Select, bindparam, or_, select
from sqlalchemy.orm import Session

from counterscam.db.link_models import ClusterReport
from counterscam.db.models import Identifier, Report, Sighting
from counterscam.link.conditions import allowed, link_time_in, links_through, stopped
from counterscam.link.rules import operator_roles

IN_CHUNK = 5_000

# A linking sighting: report id, identifier id, role, link time (epoch seconds), the report's
# cluster (None when it has none yet), and whether an analyst allowed the identifier.
SeenRow = tuple[int, int, str, int, int | None, bool]


def _columns(dialect: str) -> tuple[Any, ...]:
    return (
        Sighting.report_id,
        Sighting.identifier_id,
        Sighting.role,
        link_time_in(dialect),
        ClusterReport.cluster_id,
        allowed(),
    )


# Expanding parameters: an IN list of literals costs a Python coercion per value, and a large
# import links many thousands of reports at once. Built once: building a statement costs more
# than SQLite's run of it for one new report.
@lru_cache(maxsize=1)
def _named_query() -> Select[int]:
    # Hubs and shared platforms are left out before their (many) sightings are read.
    return (
        select(Sighting.identifier_id)
        .distinct()
        .join(Identifier, Identifier.id == Sighting.identifier_id)
        .where(
            Sighting.report_id.in_(bindparam("ids", expanding=True)),
            Sighting.role.in_(bindparam("roles", expanding=True)),
            links_through(),
            or_(~stopped(), allowed()),
        )
    )


@lru_cache(maxsize=4)
def _own_query(dialect: str) -> Select[Any]:
    """The linking sightings of given reports (what ``_named_query`` finds, with their rows)."""
    return (
        select(*_columns(dialect))
        .join(Report, Report.id == Sighting.report_id)
        .join(Identifier, Identifier.id == Sighting.identifier_id)
        .outerjoin(ClusterReport, ClusterReport.report_id == Sighting.report_id)
        .where(
            Sighting.report_id.in_(bindparam("ids", expanding=True)),
            Sighting.role.in_(bindparam("roles", expanding=True)),
            links_through(),
            or_(~stopped(), allowed()),
        )
    )


@lru_cache(maxsize=4)
def sightings_query(dialect: str) -> Select[Any]:
    """Every sighting of given identifiers in an operator's role, as ``SeenRow``."""
    return (
        select(*_columns(dialect))
        .join(Report, Report.id == Sighting.report_id)
        .join(Identifier, Identifier.id == Sighting.identifier_id)  # allowed() reads it
        .outerjoin(ClusterReport, ClusterReport.report_id == Sighting.report_id)
        .where(
            Sighting.identifier_id.in_(bindparam("idents", expanding=True)),
            Sighting.role.in_(bindparam("roles", expanding=True)),
        )
    )


def named_identifiers(session: Session, report_ids: Sequence[int]) -> set[int]:
    """Return the identifiers these stored reports name in an operator's role that may link
    them: shared platforms' front pages and stop-listed values (unless allowed) left out."""
    roles = sorted(operator_roles())
    connection = session.connection()
    named: set[int] = set()
    for start in range(0, len(report_ids), IN_CHUNK):
        chunk = list(report_ids[start : start + IN_CHUNK])
        # All at once: iterating a result fetches one row per driver call.
        named.update(connection.scalars(_named_query(), {"ids": chunk, "roles": roles}).all())
    return named


def sightings_of(session: Session, idents: Sequence[int]) -> list[SeenRow]:
    """Return every linking sighting of these identifiers, over all stored reports."""
    roles = sorted(operator_roles())
    connection = session.connection()
    query = sightings_query(connection.dialect.name)
    found: list[SeenRow] = []
    for start in range(0, len(idents), IN_CHUNK):
        # Fetched whole: iterating a result asks the driver for one row at a time, and a
        # large import reads hundreds of thousands of sightings here.
        chunk = list(idents[start : start + IN_CHUNK])
        found.extend(connection.execute(query, {"idents": chunk, "roles": roles}).all())
    return found


_IDENTIFIER_ORDER = itemgetter(1, 0, 2)  # the covering index's: identifier, report, role


@dataclass
class Gathered:
    """The linking sightings of the reports stored since the last linking round.

    ``add`` reads, for each chunk just stored, its reports' own linking sightings and every
    earlier sighting of the identifiers they are the first of the round to name. Nothing of
    what it read can change before the round links (intake links only at the end of a round,
    and only linking adds stop-list entries or clusters), except a report stored again later
    in the round: its own rows are then read again and its earlier ones dropped.
    """

    own: dict[int, list[SeenRow]] = field(default_factory=dict)
    earlier: list[SeenRow] = field(default_factory=list)
    fetched: set[int] = field(default_factory=set)

    def add(self, session: Session, report_ids: Sequence[int]) -> None:
        """Read what linking needs of these reports, just stored."""
        roles = sorted(operator_roles())
        connection = session.connection()
        query = _own_query(connection.dialect.name)
        for report_id in report_ids:
            self.own[report_id] = []
        first: set[int] = set()
        for start in range(0, len(report_ids), IN_CHUNK):
            chunk = list(report_ids[start : start + IN_CHUNK])
            for row in connection.execute(query, {"ids": chunk, "roles": roles}).all():
                self.own[row[0]].append(row)
                if row[1] not in self.fetched:
                    first.add(row[1])
        self.fetched |= first
        # The round's own reports are read above, chunk by chunk; these are the others.
        self.earlier.extend(
            row for row in sightings_of(session, sorted(first)) if row[0] not in self.own
        )

    @property
    def report_ids(self) -> list[int]:
        """Return the reports gathered so far, in id order."""
        return sorted(self.own)

    def rows(self) -> list[SeenRow]:
        """Return every linking sighting of the identifiers the gathered reports name, in the
        order a read of them by identifier gives (the first role of a report is the one kept)."""
        rows = [row for row in self.earlier if row[0] not in self.own]
        rows.extend(row for own in self.own.values() for row in own)
        rows.sort(key=_IDENTIFIER_ORDER)
        return rows
