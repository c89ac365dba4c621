"""SQL conditions shared by the rebuild and incremental linking (no heavy imports here)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from counterscam.db.dialect import epoch_seconds_in
from counterscam.db.link_models import StopEntry
from counterscam.db.models import Identifier, Report, Sighting

DAY = 86_400


def link_time(session: Session) -> Any:
    """Return SQL for a report's linking time (seconds): the incident, else when reported."""
    return link_time_in(session.get_bind().dialect.name)


def link_time_in(dialect: str) -> Any:
    """Return :func:`link_time`'s SQL for the dialect named ``dialect``."""
    return epoch_seconds_in(dialect, func.coalesce(Report.incident_at, Report.reported_at))


def links_through() -> ColumnElement[bool]:
    """Return a condition true for identifiers that may link reports and raise alerts.

    A shared platform (facebook.com, bit.ly) names unrelated reports and never does; a page on
    it (a profile, a short link) is one operator's, so a URL there does. The platform's front
    page (``https://www.facebook.com/``, what a victim who wrote only "Facebook" gives) is the
    platform again: its path is empty, so nothing follows the slash after the host.
    """
    return or_(
        Identifier.shared_platform == false(),
        and_(Identifier.kind == "url", Identifier.value.like("%://%/_%")),
    )


def _entry(*where: ColumnElement[bool]) -> ColumnElement[bool]:
    """Return a condition true for identifiers with a stop-list entry meeting ``where``."""
    return (
        select(StopEntry.id)
        .where(StopEntry.kind == Identifier.kind, StopEntry.value == Identifier.value, *where)
        .exists()
    )


def stopped(*, auto: bool = True) -> ColumnElement[bool]:
    """Return a condition true for identifiers on the stop-list (``auto`` entries too)."""
    if auto:
        return _entry(StopEntry.action == "stop")
    return _entry(StopEntry.action == "stop", StopEntry.added_by != "auto")


def silenced() -> ColumnElement[bool]:
    """Return a condition true for identifiers whose matches raise no alert.

    An analyst's stop entry, or a busy hub's (see ``stoplist.stop_hubs``). A hub found only by
    its life span still alerts: it has few reports, and may be a mule account kept for a year,
    which a freeze request needs to hear about; each pair of agencies hears of it once.
    """
    return _entry(StopEntry.action == "stop", StopEntry.rule != "span")


def allowed() -> ColumnElement[bool]:
    """Return a condition true for identifiers an analyst declared never to be a hub."""
    return _entry(StopEntry.action == "allow")


def role_code(roles: tuple[str, ...]) -> Any:
    """Return SQL giving a sighting's role as its index in ``roles``."""
    return case({role: i for i, role in enumerate(roles)}, value=Sighting.role, else_=-1)


def may_link() -> ColumnElement[bool]:
    """Return a condition true for identifiers that link reports (alerts: ``may_alert``).

    A shared platform's front page never does (``links_through``); nor does a value on the hub
    stop-list (a genuine hotline reported by mistake, an exchange's deposit wallet): every
    country reports it, and it says nothing about a common operator. An analyst's allow entry
    overrides the stop-list.
    """
    return and_(links_through(), or_(~stopped(), allowed()))


def may_alert() -> ColumnElement[bool]:
    """Return a condition true for identifiers whose cross-border matches raise alerts.

    As ``may_link``, except that a hub found only by its life span alerts (``silenced``).
    """
    return and_(links_through(), or_(~silenced(), allowed()))
