"""Cross-border alerts: raised when an ingested identifier matches another country's records."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, Table, and_, bindparam, delete, func, select, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from counterscam.check.inbox import (
    AlertItem,
    AlertNotFound,
    AlertPage,
    AlertReport,
    inbox,
    mark_read,
    unread_count,
)
from counterscam.db.base import utcnow
from counterscam.db.dialect import insert_for, lock_intake
from counterscam.db.models import Alert, Identifier, Report, Sighting
from counterscam.db.prepared import Prepared
from counterscam.link.conditions import may_alert

__all__ = [
    "AlertItem",
    "AlertNotFound",
    "AlertPage",
    "AlertReport",
    "inbox",
    "mark_read",
    "operator_roles",
    "raise_alerts",
    "raise_alerts_for_value",
    "unread_count",
]

_CHUNK = 5_000
_ALERT: Table = Alert.__table__  # type: ignore[assignment]


@lru_cache(maxsize=1)
def operator_roles() -> frozenset[str]:
    """Return the sighting roles that point at an operator (not a victim or impersonated body)."""
    from counterscam import reference

    return frozenset(r.code for r in reference.sighting_roles() if r.evidence_of_operator)


@dataclass(frozen=True)
class _Side:
    """One agency's first report sighting an identifier."""

    agency_id: int
    country: str
    report_id: int


def _chunks(values: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# Built once with expanding parameters: an IN list of literals costs a Python coercion per
# value each time a statement is built, and a chunk has thousands.
_NEW_SIDES = (
    select(Sighting.identifier_id, Report.agency_id, Report.country, func.min(Report.id))
    .join(Report, Report.id == Sighting.report_id)
    .join(Identifier, Identifier.id == Sighting.identifier_id)
    .where(
        Sighting.report_id.in_(bindparam("ids", expanding=True)),
        Sighting.role.in_(bindparam("roles", expanding=True)),
        # No shared platform's front page, nothing an analyst or a busy hub put on the
        # stop-list unless an analyst allowed it (a hub found by its life span alone alerts).
        may_alert(),
    )
    .group_by(Sighting.identifier_id, Report.agency_id, Report.country)
)
_ALL_SIDES = (
    select(Sighting.identifier_id, Report.agency_id, Report.country, func.min(Report.id))
    .join(Report, Report.id == Sighting.report_id)
    .where(
        Sighting.identifier_id.in_(bindparam("ids", expanding=True)),
        Sighting.role.in_(bindparam("roles", expanding=True)),
    )
    .group_by(Sighting.identifier_id, Report.agency_id, Report.country)
)


# Reports changed since they were created: only they can hold alerts that went stale. A new
# report is stamped once (both columns the same instant); a rewrite is stamped by the clock of
# whichever server wrote it, which may be behind the creator's (another host, or a request that
# read the time before queueing for the intake lock), so "different", not "later".
_UPDATED = select(Report.id, Report.agency_id).where(
    Report.id.in_(bindparam("ids", expanding=True)), Report.updated_at != Report.created_at
)
# An agency's alerts on these reports for identifiers the report no longer names as an
# operator's (the agency index narrows the scan to one agency's alerts).
_STALE = select(_ALERT.c.id, _ALERT.c.identifier_id, _ALERT.c.other_agency_id).where(
    _ALERT.c.agency_id == bindparam("agency"),
    _ALERT.c.report_id.in_(bindparam("ids", expanding=True)),
    ~(
        select(Sighting.report_id)
        .where(
            Sighting.report_id == _ALERT.c.report_id,
            Sighting.identifier_id == _ALERT.c.identifier_id,
            Sighting.role.in_(bindparam("roles", expanding=True)),
        )
        .exists()
    ),
)
# The agency's first report that still names each identifier as an operator's.
_STILL = (
    select(Sighting.identifier_id, func.min(Report.id))
    .join(Report, Report.id == Sighting.report_id)
    .where(
        Sighting.identifier_id.in_(bindparam("idents", expanding=True)),
        Sighting.role.in_(bindparam("roles", expanding=True)),
        Report.agency_id == bindparam("agency"),
    )
    .group_by(Sighting.identifier_id)
)


@lru_cache(maxsize=8)
def _prepared(statement: Select[int, int, str, int], dialect: Dialect) -> Prepared:
    # On the driver's cursor (db.prepared): an import's chunk reads thousands of sides.
    return Prepared(statement, dialect, ("ids", "roles"))


def _sides(
    session: Session,
    statement: Select[int, int, str, int],
    ids: Sequence[int],
    roles: frozenset[str],
) -> dict[int, list[_Side]]:
    found: dict[int, list[_Side]] = defaultdict(list)
    session.flush()  # the connection does not autoflush: send pending sightings first
    connection = session.connection()
    query = _prepared(statement, connection.dialect)
    for chunk in _chunks(ids, _CHUNK):
        rows = query.raw(connection, {"ids": list(chunk), "roles": sorted(roles)})
        for ident, agency, country, report in rows:
            found[ident].append(_Side(agency, country, report))
    return found


def _new_sides(
    session: Session, report_ids: Sequence[int], roles: frozenset[str]
) -> dict[int, list[_Side]]:
    """Return, per identifier of these reports, the agencies that sighted it as an operator's."""
    return _sides(session, _NEW_SIDES, report_ids, roles)


def _all_sides(
    session: Session, identifier_ids: Sequence[int], roles: frozenset[str]
) -> dict[int, list[_Side]]:
    """Return, per identifier, every agency in the region that sighted it as an operator's."""
    return _sides(session, _ALL_SIDES, identifier_ids, roles)


# The twin of an agency's alert: the other agency's alert about the same identifier.
_TWIN = and_(
    _ALERT.c.agency_id == bindparam("other"),
    _ALERT.c.identifier_id == bindparam("ident"),
    _ALERT.c.other_agency_id == bindparam("agency"),
)
_MOVE = (
    update(_ALERT).where(_ALERT.c.id == bindparam("alert")).values(report_id=bindparam("report"))
)
_MOVE_TWIN = update(_ALERT).where(_TWIN).values(other_report_id=bindparam("report"))
_DROP = delete(_ALERT).where(_ALERT.c.id == bindparam("alert"))
_DROP_TWIN = delete(_ALERT).where(_TWIN)


def _withdraw_stale(session: Session, report_ids: Sequence[int], roles: frozenset[str]) -> None:
    """Put right the alerts of resubmitted reports that no longer name their identifier.

    An alert points at the report of each side that named the identifier. A resubmission that
    corrects the value (a mistyped number) takes the sighting away: the alert, and its twin at
    the other agency, then point at another report of the same agency that still names it, or
    are deleted when none does, so neither agency is told of a match that is not there.
    Only reports rewritten since they were created can hold such alerts; the rest cost one
    look-up by primary key.
    """
    connection = session.connection()
    for chunk in _chunks(report_ids, _CHUNK):
        updated = connection.execute(_UPDATED, {"ids": list(chunk)}).all()
        by_agency: dict[int, list[int]] = defaultdict(list)
        for report, agency in updated:
            by_agency[agency].append(report)
        for agency, reports in by_agency.items():
            stale = connection.execute(
                _STALE, {"agency": agency, "ids": reports, "roles": sorted(roles)}
            ).all()
            if not stale:
                continue
            idents = sorted({ident for _, ident, _ in stale})
            still = dict(
                connection.execute(
                    _STILL, {"agency": agency, "idents": idents, "roles": sorted(roles)}
                ).all()
            )
            moves: list[dict[str, int]] = []
            drops: list[dict[str, int]] = []
            for alert_id, ident, other in stale:
                pair = {"alert": alert_id, "agency": agency, "ident": ident, "other": other}
                if ident in still:
                    moves.append({**pair, "report": still[ident]})
                else:
                    drops.append(pair)
            # One executemany each: a re-import may correct thousands of numbers.
            for statement, rows in ((_MOVE, moves), (_MOVE_TWIN, moves), (_DROP, drops)):
                if rows:
                    connection.execute(statement, rows)
            if drops:
                connection.execute(_DROP_TWIN, drops)


def raise_alerts(session: Session, report_ids: list[int], *, done: set[int] | None = None) -> int:
    """Create alerts for both agencies of every cross-border match of these reports' identifiers.

    Only sightings whose role is evidence of an operator count, on both sides; identifiers of
    shared platforms (other than a page on one) never alert. Re-raising is harmless (one alert
    per agency, identifier and other agency). Alerts of resubmitted reports that no longer
    name their identifier are moved to the agency's other report naming it, or withdrawn.
    Returns the number of new alerts. Does not commit.

    ``done``: for an import that calls this once per chunk of one agency's reports, in one
    transaction: the identifiers alerted for by earlier chunks. Their alerts exist already
    (the other agencies' sightings cannot change meanwhile), so they are skipped; the
    identifiers of this call are added.
    """
    if not report_ids:
        return 0
    roles = operator_roles()
    session.flush()
    _withdraw_stale(session, sorted(set(report_ids)), roles)
    # Restrict to the identifiers of the new reports first, so the cost follows the batch,
    # not the size of the store.
    new = _new_sides(session, sorted(set(report_ids)), roles)
    if done is not None:
        new = {ident: sides for ident, sides in new.items() if ident not in done}
        done.update(new)
    if not new:
        return 0
    everyone = _all_sides(session, sorted(new), roles)
    now = utcnow()
    rows: dict[tuple[int, int, int], dict[str, Any]] = {}
    for ident, mine in new.items():
        for a in mine:
            for b in everyone.get(ident, ()):
                if a.country == b.country:
                    continue
                for own, other in ((a, b), (b, a)):
                    rows.setdefault(
                        (own.agency_id, ident, other.agency_id), _row(ident, own, other, now)
                    )
    return _insert_new(session, list(rows.values()))


def _row(ident: int, own: _Side, other: _Side, now: datetime) -> dict[str, Any]:
    """Return the alert row telling ``own``'s agency of ``other``'s report naming ``ident``."""
    return {
        "agency_id": own.agency_id,
        "identifier_id": ident,
        "other_agency_id": other.agency_id,
        "report_id": own.report_id,
        "other_report_id": other.report_id,
        "created_at": now,
    }


def raise_alerts_for_value(session: Session, *, kind: str, value: str) -> int:
    """Raise the alerts the reports naming a value would have had, had it never been stopped.

    For a value taken off the stop-list, or allowed over a hub entry: while it was stopped,
    imports naming it alerted no agency, and the next import alerts only its own agency's
    pairs, so the agencies that reported it in different countries were never told. Every
    pair of agencies in different countries that sighted it as an operator's is alerted now,
    as an import would; pairs alerted already are left as they are (read or unread). Nothing
    is raised while the value still may not alert (a shared platform, another stop entry).

    The cost follows the agencies naming the value, not its reports: one grouped read gives a
    row per agency (an exchange's wallet in 100,000 reports is still one row an agency),
    then at most one alert per ordered pair of agencies. Holds the intake lock, so an import
    writing meanwhile either sees the entry gone or has committed its sightings before this
    reads them. Returns the number of new alerts. Does not commit.
    """
    lock_intake(session)
    session.flush()
    ident = session.scalar(
        select(Identifier.id).where(Identifier.kind == kind, Identifier.value == value, may_alert())
    )
    if ident is None:
        return 0
    sides = _all_sides(session, [ident], operator_roles()).get(ident, [])
    now = utcnow()
    rows = [
        _row(ident, own, other, now)
        for own in sides
        for other in sides
        if own.country != other.country
    ]
    return _insert_new(session, rows)


def _insert_new(session: Session, rows: list[dict[str, Any]]) -> int:
    """Insert alert rows, skipping those that exist; return how many were new."""
    if not rows:
        return 0
    stmt = (
        insert_for(session, _ALERT)
        .on_conflict_do_nothing(index_elements=["agency_id", "identifier_id", "other_agency_id"])
        .returning(_ALERT.c.id)
    )
    # One statement with many parameter sets: SQLAlchemy batches it ("insertmanyvalues") with a
    # cached compiled form. RETURNING counts the rows really inserted (rowcount is not
    # reliable for ON CONFLICT batches on psycopg).
    return len(session.connection().execute(stmt, rows).all())
