"""The audit trail: every search and every read of sensitive data leaves a row."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import AuditEvent


def record(
    session: Session,
    caller: Caller,
    *,
    channel: str,
    action: str,
    query: str = "",
    hits: int = 0,
    record_ref: str = "",
) -> None:
    """Add an audit row to the session; it commits with the caller's unit of work."""
    session.add(
        AuditEvent(
            user_id=caller.user_id,
            agency_id=caller.agency_id,
            actor=caller.actor,
            channel=channel,
            action=action,
            query=query[:4000],
            hits=hits,
            record_ref=record_ref,
        )
    )
