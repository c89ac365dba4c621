"""User administration: list the accounts of the region and disable those that must stop.

An officer who leaves, or whose password may be known to others, is disabled rather than
deleted: the audit log keeps naming them, their API tokens stop at once, and their web
sign-ins end for good (enabled again, they sign in anew).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, or_, select, update
from sqlalchemy.orm import Session

from counterscam.access.accounts import (
    agency_by_code,
    check_password,
    hash_password,
    user_by_name,
)
from counterscam.db.base import utcnow
from counterscam.db.models import Agency, ApiToken, User, WebSession


@dataclass(frozen=True)
class UserInfo:
    """What an administrator sees of a user: never the password hash."""

    username: str
    agency: str
    role: str
    active: bool
    created: datetime
    # False when the user's agency is disabled: an active user of it still cannot sign in
    agency_active: bool = True


def list_users(session: Session, *, agency_code: str | None = None) -> list[UserInfo]:
    """Return the users, by agency then username, optionally of one agency.

    Raises:
        AccountError: when ``agency_code`` names no agency; an empty list would read as "it
            has no users".
    """
    query = (
        select(User, Agency.code, Agency.active)
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
            agency_active=agency_active,
        )
        for user, code, agency_active in session.execute(query)
    ]


@dataclass(frozen=True)
class UserState:
    """A user enabled or disabled, and whether anything changed."""

    changed: bool  # False: the user already was so
    # The user's agency's code when the agency is disabled: enabled, the user is still out
    agency_disabled: str | None


def set_user_active(session: Session, *, username: str, active: bool) -> UserState:
    """Enable or disable a user; ``changed`` is False when the user already was so.

    Disabling ends the user's web sign-ins. Refusing them only while the user was disabled
    brought them back on enabling: a browser someone else had signed in on (the reason to
    disable) was signed in again without a password. API tokens stop while the user is
    disabled and work again after, unless revoked meanwhile (docs/cli.md).

    Raises:
        AccountError: when no user has this username.
    """
    user = user_by_name(session, username)
    blocked = None if user.agency.active else user.agency.code
    if user.active == active:
        return UserState(changed=False, agency_disabled=blocked)
    user.active = active
    if not active:
        end_sign_ins(session, user.id)
    return UserState(changed=True, agency_disabled=blocked)


def set_password(session: Session, *, username: str, password: str) -> int:
    """Give a user a new password and end their web sign-ins; return how many were ended.

    For an officer who forgot theirs, or whose password others may know: a browser signed in
    with the old one (someone else's, perhaps) must sign in again. API tokens are credentials
    of their own and stay; revoke them with 'counterscam token revoke' if they leaked too.

    Raises:
        AccountError: when no user has this username, or the password is too short or plain.
    """
    user = user_by_name(session, username)
    check_password(password)
    user.password_hash = hash_password(password)
    return end_sign_ins(session, user.id)


@dataclass(frozen=True)
class UserMove:
    """A user moved to another agency, and the credentials the move stopped."""

    username: str
    was: str
    now: str
    sign_ins_ended: int
    tokens_revoked: int


def move_user(session: Session, *, username: str, agency_code: str) -> UserMove:
    """Move a user to another agency; end their web sign-ins and revoke their API tokens.

    A token is often held by a system of the agency the user leaves (its case system, a
    script): left working, it read the new agency's red reports and submitted reports in its
    name from the next request on. A browser signed in before the move is ended as well, so
    the user signs in again knowingly as the new agency. A move to the agency the user is in
    already changes nothing (``was`` equals ``now``).

    Raises:
        AccountError: when no user has this username or no agency this code.
    """
    user = user_by_name(session, username)
    agency = agency_by_code(session, agency_code)
    was = session.get_one(Agency, user.agency_id).code
    if user.agency_id == agency.id:
        return UserMove(user.username, was, was, sign_ins_ended=0, tokens_revoked=0)
    user.agency_id = agency.id
    now = utcnow()
    revoked = session.execute(
        update(ApiToken)
        .where(
            ApiToken.user_id == user.id,
            ApiToken.revoked_at.is_(None),
            or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > now),
        )
        .values(revoked_at=now)
    )
    return UserMove(
        user.username,
        was,
        agency.code,
        sign_ins_ended=end_sign_ins(session, user.id),
        tokens_revoked=int(getattr(revoked, "rowcount", 0) or 0),
    )


def end_sign_ins(session: Session, users: int | Select[int]) -> int:
    """End every web sign-in still open of a user, or of the users a query of ids selects;
    return how many."""
    whose = WebSession.user_id == users if isinstance(users, int) else WebSession.user_id.in_(users)
    ended = session.execute(
        update(WebSession).where(whose, WebSession.ended_at.is_(None)).values(ended_at=utcnow())
    )
    return int(getattr(ended, "rowcount", 0) or 0)
