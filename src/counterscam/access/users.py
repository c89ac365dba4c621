"""User administration: list the accounts of the region and disable those that must stop.

An officer who leaves, or whose password may be known to others, is disabled rather than
deleted: the audit log keeps naming them, their API tokens stop at once, and their web
sign-ins end at the next page (``caller_for_web_session`` asks for an active user).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.accounts import agency_by_code, forget_tokens_of, user_by_name
from counterscam.db.models import Agency, User


@dataclass(frozen=True)
class UserInfo:
    """What an administrator sees of a user: never the password hash."""

    username: str
    agency: str
    role: str
    active: bool
    created: datetime


def list_users(session: Session, *, agency_code: str | None = None) -> list[UserInfo]:
    """Return the users, by agency then username, optionally of one agency.

    Raises:
        AccountError: when ``agency_code`` names no agency; an empty list would read as "it
            has no users".
    """
    query = (
        select(User, Agency.code)
        .join(Agency, Agency.id == User.agency_id)
        .order_by(Agency.code, User.username)
    )
    if agency_code is not None:
        query = query.where(Agency.id == agency_by_code(session, agency_code).id)
    return [
        UserInfo(
            username=user.username,
            agency=code,
            role=user.role,
            active=user.active,
            created=user.created_at,
        )
        for user, code in session.execute(query)
    ]


def set_user_active(session: Session, *, username: str, active: bool) -> bool:
    """Enable or disable a user; return False when the user already was so (nothing changed).

    Raises:
        AccountError: when no user has this username.
    """
    user = user_by_name(session, username)
    if user.active == active:
        return False
    user.active = active
    if not active:
        forget_tokens_of(user.id)
    return True
