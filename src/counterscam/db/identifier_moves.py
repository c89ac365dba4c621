"""Moving sightings from one identifier to another, for migrations whose reading rules changed.

When intake starts reading a value as another canonical form (a link without a scheme is its
https:// site; an Islamic bank's BIC is its group's bank), the sightings stored under the old
form must move to the new one, or the two never meet. This module does that for a revision:
each sighting the revision names moves to the identifier it reads as now (created, or merged
into when it exists); alerts and cluster links follow the sightings they were drawn from; a
stop-list entry of a moved value is copied to the new value; an identifier left with no
sighting goes; cached figures are told the data changed.

The table stubs below are the schema as of revisions 0013-0015. A later revision that changes
these tables must not edit this module (earlier revisions rely on it as it is): it copies what
it needs into itself, as migrations do.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import sqlalchemy as sa

_PAGE = 10_000  # sightings read at a time, so a large store is never held whole
_CHUNK = 500  # identifiers settled at a time (IN lists stay well within every driver's limit)

_identifier = sa.table(
    "identifier",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("value", sa.String),
    sa.column("country", sa.String),
    sa.column("shared_platform", sa.Boolean),
)
_sighting = sa.table(
    "sighting",
    sa.column("id", sa.Integer),
    sa.column("report_id", sa.Integer),
    sa.column("identifier_id", sa.Integer),
    sa.column("role", sa.String),
    sa.column("raw_value", sa.String),
)
_report = sa.table("report", sa.column("id", sa.Integer), sa.column("country", sa.String))
_alert = sa.table(
    "alert",
    sa.column("id", sa.Integer),
    sa.column("agency_id", sa.Integer),
    sa.column("identifier_id", sa.Integer),
    sa.column("other_agency_id", sa.Integer),
    sa.column("report_id", sa.Integer),
)
_link = sa.table(
    "cluster_link",
    sa.column("id", sa.Integer),
    sa.column("cluster_id", sa.Integer),
    sa.column("report_a", sa.Integer),
    sa.column("report_b", sa.Integer),
    sa.column("identifier_id", sa.Integer),
)
_stop = sa.table(
    "stop_entry",
    sa.column("kind", sa.String),
    sa.column("value", sa.String),
    sa.column("action", sa.String),
    sa.column("reason", sa.String),
    sa.column("added_by", sa.String),
    sa.column("added_at", sa.DateTime),
    sa.column("rule", sa.String),
)
_STOP_COPIED = ("action", "reason", "added_by", "added_at", "rule")

# (the stored identifier's value, the sighting's value as written, the report's country)
# -> the value the sighting reads as now, or None when it stays. One stored value moves to one
# new value only, whichever sighting it is read from.
NewValue = Callable[[str, str, str | None], str | None]


class Moved:
    """An identifier some of whose sightings went to another identifier of the same kind.

    A plain class: Alembic loads a revision outside ``sys.modules``, where a dataclass with
    postponed annotations cannot be built.
    """

    def __init__(self, old_value: str, new_value: str, new_id: int) -> None:
        self.old_value = old_value
        self.new_value = new_value
        self.new_id = new_id
        self.reports: set[int] = set()  # the reports whose sightings moved


# the stored value's column -> which of the kind's identifiers may move
Names = Callable[[sa.ColumnClause[str]], sa.ColumnElement[bool]]


def move_identifiers(
    connection: sa.Connection, kind: str, names: Names, new_value: NewValue
) -> int:
    """Move the sightings of the ``kind`` identifiers ``names`` selects to the value
    ``new_value`` gives each, with what hangs on them; return how many identifiers lost
    sightings (0: nothing changed, not even the data token)."""
    moved = _move_sightings(connection, kind, names(_identifier.c.value), new_value)
    ids = sorted(moved)
    for start in range(0, len(ids), _CHUNK):
        _settle(connection, kind, {i: moved[i] for i in ids[start : start + _CHUNK]})
    if moved:
        # Cached figures are keyed on the data token: the sightings they counted changed.
        connection.execute(
            sa.text("UPDATE data_version SET token = :token"), {"token": uuid.uuid4().hex}
        )
    return len(moved)


def _move_sightings(
    connection: sa.Connection, kind: str, names: sa.ColumnElement[bool], new_value: NewValue
) -> dict[int, Moved]:
    """Re-point each selected sighting that reads as another value now; return what moved,
    by old identifier id."""
    moved: dict[int, Moved] = {}
    new_ids: dict[str, int] = {}
    last = 0
    while True:
        rows = connection.execute(
            sa.select(
                _sighting.c.id,
                _sighting.c.report_id,
                _sighting.c.role,
                _sighting.c.raw_value,
                _identifier.c.id,
                _identifier.c.value,
                _identifier.c.country,
                _identifier.c.shared_platform,
                _report.c.country,
            )
            .join(_identifier, _identifier.c.id == _sighting.c.identifier_id)
            .join(_report, _report.c.id == _sighting.c.report_id)
            .where(_sighting.c.id > last, _identifier.c.kind == kind, names)
            .order_by(_sighting.c.id)
            .limit(_PAGE)
        ).all()
        if not rows:
            return moved
        last = rows[-1][0]
        # (sighting id, report id, role, new identifier id)
        page: list[tuple[int, int, str, int]] = []
        for sid, report_id, role, raw, old_id, value, country, shared, where in rows:
            target = new_value(value, raw, where)
            if target is None or target == value:
                continue
            if target not in new_ids:
                new_ids[target] = _identifier_id(connection, kind, target, country, shared)
            new_id = new_ids[target]
            entry = moved.setdefault(old_id, Moved(value, target, new_id))
            if entry.new_id != new_id:
                raise ValueError(f"{value!r} would move to both {entry.new_value!r} and {target!r}")
            entry.reports.add(report_id)
            page.append((sid, report_id, role, new_id))
        if page:
            _repoint_sightings(connection, page)


def _identifier_id(
    connection: sa.Connection, kind: str, value: str, country: str | None, shared: bool
) -> int:
    """Return the id of the ``kind`` identifier ``value``, created like the old one if new."""
    find = sa.select(_identifier.c.id).where(
        _identifier.c.kind == kind, _identifier.c.value == value
    )
    found = connection.execute(find).scalar()
    if found is None:
        connection.execute(
            sa.insert(_identifier).values(
                kind=kind, value=value, country=country, shared_platform=bool(shared)
            )
        )
        found = connection.execute(find).scalar_one()
    return int(found)


def _repoint_sightings(connection: sa.Connection, page: list[tuple[int, int, str, int]]) -> None:
    """Move the page's sightings; one whose report already names the new identifier in that
    role is deleted instead (the unique report, identifier and role)."""
    named = {
        (report_id, identifier_id, role)
        for report_id, identifier_id, role in connection.execute(
            sa.select(_sighting.c.report_id, _sighting.c.identifier_id, _sighting.c.role).where(
                _sighting.c.identifier_id.in_({p[3] for p in page}),
                _sighting.c.report_id.in_({p[1] for p in page}),
            )
        )
    }
    doubles = [sid for sid, report_id, role, new in page if (report_id, new, role) in named]
    moves = [
        {"sid": sid, "new": new}
        for sid, report_id, role, new in page
        if (report_id, new, role) not in named
    ]
    if doubles:
        connection.execute(sa.delete(_sighting).where(_sighting.c.id.in_(doubles)))
    if moves:
        connection.execute(
            sa.update(_sighting)
            .where(_sighting.c.id == sa.bindparam("sid"))
            .values(identifier_id=sa.bindparam("new")),
            moves,
        )


def _settle(connection: sa.Connection, kind: str, moved: dict[int, Moved]) -> None:
    """Carry alerts, cluster links and stop-list entries over to the new identifiers, and
    delete the old identifiers no sighting names any more."""
    kept = set(
        connection.execute(
            sa.select(_sighting.c.identifier_id)
            .where(_sighting.c.identifier_id.in_(list(moved)))
            .distinct()
        ).scalars()
    )
    _carry_alerts(connection, moved, kept)
    _carry_links(connection, moved, kept)
    _copy_stop_entries(connection, kind, list(moved.values()))
    gone = [i for i in moved if i not in kept]
    if gone:
        connection.execute(sa.delete(_identifier).where(_identifier.c.id.in_(gone)))


def _carry_alerts(connection: sa.Connection, moved: dict[int, Moved], kept: set[int]) -> None:
    """Re-point an alert to the new identifier when its agency's report moved there (all of
    them when the old one goes); one the agency already has there is deleted."""
    targets = {m.new_id for m in moved.values()}
    have = {
        (identifier_id, agency, other)
        for identifier_id, agency, other in connection.execute(
            sa.select(_alert.c.identifier_id, _alert.c.agency_id, _alert.c.other_agency_id).where(
                _alert.c.identifier_id.in_(targets)
            )
        )
    }
    doubles: list[int] = []
    moves: list[dict[str, int]] = []
    for alert_id, old_id, agency, other, report_id in connection.execute(
        sa.select(
            _alert.c.id,
            _alert.c.identifier_id,
            _alert.c.agency_id,
            _alert.c.other_agency_id,
            _alert.c.report_id,
        ).where(_alert.c.identifier_id.in_(list(moved)))
    ).all():
        gone = moved[old_id]
        if old_id in kept and report_id not in gone.reports:
            continue
        key = (gone.new_id, agency, other)
        if key in have:
            doubles.append(alert_id)
        else:
            have.add(key)
            moves.append({"aid": alert_id, "new": gone.new_id})
    if doubles:
        connection.execute(sa.delete(_alert).where(_alert.c.id.in_(doubles)))
    if moves:
        connection.execute(
            sa.update(_alert)
            .where(_alert.c.id == sa.bindparam("aid"))
            .values(identifier_id=sa.bindparam("new")),
            moves,
        )


def _carry_links(connection: sa.Connection, moved: dict[int, Moved], kept: set[int]) -> None:
    """Re-point a cluster link to the new identifier when both its reports moved there (all
    of them when the old one goes); a link the pair already has there is deleted. A link whose
    reports no longer share the value stays until the next rebuild redraws it."""
    targets = {m.new_id for m in moved.values()}
    have = {
        tuple(row)
        for row in connection.execute(
            sa.select(
                _link.c.identifier_id, _link.c.cluster_id, _link.c.report_a, _link.c.report_b
            ).where(_link.c.identifier_id.in_(targets))
        )
    }
    doubles: list[int] = []
    moves: list[dict[str, int]] = []
    for link_id, old_id, cluster_id, report_a, report_b in connection.execute(
        sa.select(
            _link.c.id,
            _link.c.identifier_id,
            _link.c.cluster_id,
            _link.c.report_a,
            _link.c.report_b,
        ).where(_link.c.identifier_id.in_(list(moved)))
    ).all():
        gone = moved[old_id]
        if old_id in kept and not {report_a, report_b} <= gone.reports:
            continue
        key = (gone.new_id, cluster_id, report_a, report_b)
        if key in have:
            doubles.append(link_id)
        else:
            have.add(key)
            moves.append({"lid": link_id, "new": gone.new_id})
    if doubles:
        connection.execute(sa.delete(_link).where(_link.c.id.in_(doubles)))
    if moves:
        connection.execute(
            sa.update(_link)
            .where(_link.c.id == sa.bindparam("lid"))
            .values(identifier_id=sa.bindparam("new")),
            moves,
        )


def _copy_stop_entries(connection: sa.Connection, kind: str, moved: list[Moved]) -> None:
    """Copy the stop-list entry of each moved value to its new value, which has none: the
    analyst listed what was typed, now read as the new value. The old entry stays, for reports
    that still name that form."""
    values = [m.old_value for m in moved]
    listed = set(
        connection.execute(
            sa.select(_stop.c.value).where(_stop.c.kind == kind, _stop.c.value.in_(values))
        ).scalars()
    )
    wanted = {m.new_value: m.old_value for m in moved if m.old_value in listed}
    if not wanted:
        return
    taken = set(
        connection.execute(
            sa.select(_stop.c.value).where(_stop.c.kind == kind, _stop.c.value.in_(list(wanted)))
        ).scalars()
    )
    for new, old in wanted.items():
        if new in taken:
            continue
        source = sa.select(
            _stop.c.kind,
            sa.literal(new, sa.String).label("value"),
            *(_stop.c[name] for name in _STOP_COPIED),
        ).where(_stop.c.kind == kind, _stop.c.value == old)
        connection.execute(sa.insert(_stop).from_select(["kind", "value", *_STOP_COPIED], source))
