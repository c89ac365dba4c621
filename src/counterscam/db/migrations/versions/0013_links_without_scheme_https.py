"""identifiers: a link written without a scheme is its https:// site

A link typed as an address bar shows it (``scam-shop.com/pay``: browsers hide ``https://``) was
stored as ``http://scam-shop.com/pay`` and never met the same link pasted with ``https://``.
Intake now reads it as ``https://...``. This revision moves the sightings stored under the old
reading (their value as written reads, today, as the https:// form of the http:// identifier
they name) to the https:// identifier, creating it or merging into it; an http:// identifier
left with no sighting goes. Alerts and cluster links follow the sightings they were drawn from,
and the stop-list entry of a moved http:// value is copied to its https:// form. Reports that
now share a link, or no longer do, are linked so at the next ``counterscam link --rebuild``,
which the upgrade says when it moved anything.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 12:45:00.000000
"""

from __future__ import annotations

import sys
import uuid
from functools import lru_cache

import sqlalchemy as sa
from alembic import op

from counterscam.identifiers import InvalidIdentifier, canonicalize

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

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


class _Moved:
    """An http:// identifier some of whose sightings went to its https:// form.

    A plain class: Alembic loads a revision outside ``sys.modules``, where a dataclass with
    postponed annotations cannot be built.
    """

    def __init__(self, http_value: str, https_id: int) -> None:
        self.http_value = http_value
        self.https_id = https_id
        self.reports: set[int] = set()  # the reports whose sightings moved


@lru_cache(maxsize=65_536)
def _read_now(raw: str, country: str | None) -> str | None:
    """Return the URL ``raw`` is read as today, None when it is no URL now."""
    try:
        found = canonicalize("url", raw, country=country)
    except InvalidIdentifier:
        return None
    return found.value if found.kind == "url" else None


def upgrade() -> None:
    connection = op.get_bind()
    moved = _move_sightings(connection)
    ids = sorted(moved)
    for start in range(0, len(ids), _CHUNK):
        _settle(connection, {i: moved[i] for i in ids[start : start + _CHUNK]})
    if moved:
        # Cached figures are keyed on the data token: the sightings they counted changed.
        connection.execute(
            sa.text("UPDATE data_version SET token = :token"), {"token": uuid.uuid4().hex}
        )
        sys.stderr.write(
            f"Links written without a scheme now read as https://: sightings of {len(moved):,} "
            "http:// link(s) moved to their https:// form. Run `counterscam link --rebuild` "
            "so that clusters join the reports that now share a link.\n"
        )


def _move_sightings(connection: sa.Connection) -> dict[int, _Moved]:
    """Re-point each sighting whose value as written now reads as the https:// form of the
    http:// identifier it names; return what moved, by http:// identifier id."""
    moved: dict[int, _Moved] = {}
    https_ids: dict[str, int] = {}
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
            .where(
                _sighting.c.id > last,
                _identifier.c.kind == "url",
                _identifier.c.value.startswith("http://"),
            )
            .order_by(_sighting.c.id)
            .limit(_PAGE)
        ).all()
        if not rows:
            return moved
        last = rows[-1][0]
        # (sighting id, report id, role, https:// identifier id)
        page: list[tuple[int, int, str, int]] = []
        for sid, report_id, role, raw, http_id, value, country, shared, where in rows:
            https_value = "https://" + value.removeprefix("http://")
            if _read_now(raw, where) != https_value:
                continue  # written with http://, or read so for another reason: it stays
            if https_value not in https_ids:
                https_ids[https_value] = _https_identifier(connection, https_value, country, shared)
            https_id = https_ids[https_value]
            moved.setdefault(http_id, _Moved(value, https_id)).reports.add(report_id)
            page.append((sid, report_id, role, https_id))
        if page:
            _repoint_sightings(connection, page)


def _https_identifier(
    connection: sa.Connection, value: str, country: str | None, shared: bool
) -> int:
    """Return the id of the url identifier ``value``, created like its http:// form if new."""
    find = sa.select(_identifier.c.id).where(
        _identifier.c.kind == "url", _identifier.c.value == value
    )
    found = connection.execute(find).scalar()
    if found is None:
        connection.execute(
            sa.insert(_identifier).values(
                kind="url", value=value, country=country, shared_platform=bool(shared)
            )
        )
        found = connection.execute(find).scalar_one()
    return int(found)


def _repoint_sightings(connection: sa.Connection, page: list[tuple[int, int, str, int]]) -> None:
    """Move the page's sightings; one whose report already names the https:// form in that
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


def _settle(connection: sa.Connection, moved: dict[int, _Moved]) -> None:
    """Carry alerts, cluster links and stop-list entries over to the https:// identifiers,
    and delete the http:// identifiers no sighting names any more."""
    kept = set(
        connection.execute(
            sa.select(_sighting.c.identifier_id)
            .where(_sighting.c.identifier_id.in_(list(moved)))
            .distinct()
        ).scalars()
    )
    _carry_alerts(connection, moved, kept)
    _carry_links(connection, moved, kept)
    _copy_stop_entries(connection, list(moved.values()))
    gone = [i for i in moved if i not in kept]
    if gone:
        connection.execute(sa.delete(_identifier).where(_identifier.c.id.in_(gone)))


def _carry_alerts(connection: sa.Connection, moved: dict[int, _Moved], kept: set[int]) -> None:
    """Re-point an alert to the https:// identifier when its agency's report moved there (all
    of them when the http:// one goes); one the agency already has there is deleted."""
    targets = {m.https_id for m in moved.values()}
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
    for alert_id, http_id, agency, other, report_id in connection.execute(
        sa.select(
            _alert.c.id,
            _alert.c.identifier_id,
            _alert.c.agency_id,
            _alert.c.other_agency_id,
            _alert.c.report_id,
        ).where(_alert.c.identifier_id.in_(list(moved)))
    ).all():
        gone = moved[http_id]
        if http_id in kept and report_id not in gone.reports:
            continue
        key = (gone.https_id, agency, other)
        if key in have:
            doubles.append(alert_id)
        else:
            have.add(key)
            moves.append({"aid": alert_id, "new": gone.https_id})
    if doubles:
        connection.execute(sa.delete(_alert).where(_alert.c.id.in_(doubles)))
    if moves:
        connection.execute(
            sa.update(_alert)
            .where(_alert.c.id == sa.bindparam("aid"))
            .values(identifier_id=sa.bindparam("new")),
            moves,
        )


def _carry_links(connection: sa.Connection, moved: dict[int, _Moved], kept: set[int]) -> None:
    """Re-point a cluster link to the https:// identifier when both its reports moved there
    (all of them when the http:// one goes); a link the pair already has there is deleted.
    A link whose reports no longer share the value stays until the next rebuild redraws it."""
    targets = {m.https_id for m in moved.values()}
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
    for link_id, http_id, cluster_id, report_a, report_b in connection.execute(
        sa.select(
            _link.c.id,
            _link.c.identifier_id,
            _link.c.cluster_id,
            _link.c.report_a,
            _link.c.report_b,
        ).where(_link.c.identifier_id.in_(list(moved)))
    ).all():
        gone = moved[http_id]
        if http_id in kept and not {report_a, report_b} <= gone.reports:
            continue
        key = (gone.https_id, cluster_id, report_a, report_b)
        if key in have:
            doubles.append(link_id)
        else:
            have.add(key)
            moves.append({"lid": link_id, "new": gone.https_id})
    if doubles:
        connection.execute(sa.delete(_link).where(_link.c.id.in_(doubles)))
    if moves:
        connection.execute(
            sa.update(_link)
            .where(_link.c.id == sa.bindparam("lid"))
            .values(identifier_id=sa.bindparam("new")),
            moves,
        )


def _copy_stop_entries(connection: sa.Connection, moved: list[_Moved]) -> None:
    """Copy the stop-list entry of each moved http:// value to its https:// form, which has
    none: the analyst listed what was typed, now read as https://. The http:// entry stays,
    for reports that give that form explicitly."""
    values = [m.http_value for m in moved]
    listed = set(
        connection.execute(
            sa.select(_stop.c.value).where(_stop.c.kind == "url", _stop.c.value.in_(values))
        ).scalars()
    )
    wanted = {"https://" + v.removeprefix("http://"): v for v in values if v in listed}
    if not wanted:
        return
    taken = set(
        connection.execute(
            sa.select(_stop.c.value).where(_stop.c.kind == "url", _stop.c.value.in_(list(wanted)))
        ).scalars()
    )
    for https_value, http_value in wanted.items():
        if https_value in taken:
            continue
        source = sa.select(
            _stop.c.kind,
            sa.literal(https_value, sa.String).label("value"),
            *(_stop.c[name] for name in _STOP_COPIED),
        ).where(_stop.c.kind == "url", _stop.c.value == http_value)
        connection.execute(sa.insert(_stop).from_select(["kind", "value", *_STOP_COPIED], source))


def downgrade() -> None:
    pass  # the old reading joined nothing the new one parts: nothing to undo
