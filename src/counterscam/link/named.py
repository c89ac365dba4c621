"""The identifiers that may link newly stored reports (no heavy imports: intake uses it).

A large import writes its reports chunk by chunk while worker processes prepare the next
ones, and links them all at the end (intake.service.LINK_GROUP). Finding which identifiers
the new reports name is the first step of linking; done for each chunk just written, it runs
while the writer would otherwise wait for the workers, instead of in the final linking round,
which runs alone on one core (about a seventh of the writer's time in a 100,000-report import).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from counterscam.db.models import Identifier, Sighting
from counterscam.db.prepared import Prepared
from counterscam.link.conditions import may_link
from counterscam.link.rules import operator_roles

IN_CHUNK = 5_000


# Expanding parameters: an IN list of literals costs a Python coercion per value, and a large
# import links many thousands of reports at once. Built once: building a statement costs more
# than SQLite's run of it for one new report. Run on the driver's cursor (db.prepared).
@lru_cache(maxsize=4)
def _named_query(dialect: Dialect) -> Prepared:
    # Hubs and shared platforms are left out before their (many) sightings are read.
    statement = (
        select(Sighting.identifier_id)
        .distinct()
        .join(Identifier, Identifier.id == Sighting.identifier_id)
        .where(
            Sighting.report_id.in_(bindparam("ids", expanding=True)),
            Sighting.role.in_(bindparam("roles", expanding=True)),
            may_link(),
        )
    )
    return Prepared(statement, dialect, ("ids", "roles"))


def named_identifiers(session: Session, report_ids: Sequence[int]) -> set[int]:
    """Return the identifiers these stored reports name in an operator's role that may link
    them: shared platforms' front pages and stop-listed values (unless allowed) left out.

    Reads the stop-list as it stands: a caller gathering this ahead of linking must not let
    linking change the stop-list in between (intake links only at the end of a round).
    """
    roles = sorted(operator_roles())
    connection = session.connection()
    query = _named_query(connection.dialect)
    named: set[int] = set()
    for start in range(0, len(report_ids), IN_CHUNK):
        chunk = list(report_ids[start : start + IN_CHUNK])
        named.update(r[0] for r in query.raw(connection, {"ids": chunk, "roles": roles}))
    return named
