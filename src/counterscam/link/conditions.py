"""SQL conditions shared by the rebuild and incremental linking (no heavy imports here)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, case, func, select
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


def stopped(*, auto: bool = True) -> ColumnElement[bool]:
    """Return a condition true for identifiers on the stop-list (``auto`` entries too)."""
    query = select(StopEntry.id).where(
        StopEntry.kind == Identifier.kind,
        StopEntry.value == Identifier.value,
        StopEntry.action == "stop",
    )
    if not auto:
        query = query.where(StopEntry.added_by != "auto")
    return query.exists()


def allowed() -> ColumnElement[bool]:
    """Return a condition true for identifiers an analyst declared never to be a hub."""
    return (
        select(StopEntry.id)
        .where(
            StopEntry.kind == Identifier.kind,
            StopEntry.value == Identifier.value,
            StopEntry.action == "allow",
        )
        .exists()
    )


def role_code(roles: tuple[str, ...]) -> Any:
    """Return SQL giving a sighting's role as its index in ``roles``."""
    return case({role: i for i, role in enumerate(roles)}, value=Sighting.role, else_=-1)
