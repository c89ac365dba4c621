"""Agencies, users, passwords and API tokens."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Select, bindparam, delete, or_, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import InstrumentedAttribute, Session, contains_eager

from counterscam.access.caller import AGENCY_KINDS, Caller
from counterscam.access.disabled_agency import DisabledAgency, enable_agency_command
from counterscam.access.token_refusal import TokenRefusal, malformed
from counterscam.access.usernames import legacy_key, username_key, username_problem
from counterscam.db.base import column_chars, utcnow
from counterscam.db.models import Agency, ApiToken, User, WebSession
from counterscam.db.prepared import Prepared

_hasher = PasswordHasher()
TOKEN_PREFIX = "cs_"
USER_ROLES = ("analyst", "admin")
MIN_PASSWORD = 10
# Ids are 64-bit integers (db/base.py): a larger number names no token, and looked up as it
# is it overflowed the driver (a traceback, not "no token").
_MAX_ID = 2**63 - 1


class AccountError(ValueError):
    """A request about agencies, users or tokens that cannot be done, with the reason."""


@dataclass(frozen=True)
class IssuedToken:
    """A new API token; the secret is shown once and never stored."""

    id: int
    secret: str
    username: str
    expires: datetime | None


@dataclass(frozen=True)
class TokenInfo:
    """What an administrator may know of an API token: never its secret or digest."""

    id: int
    user: str
    agency: str
    name: str
    created: datetime
    last_used: datetime | None
    revoked: datetime | None
    expires: datetime | None


def hash_password(password: str) -> str:
    """Return the argon2id hash of ``password``."""
    return _hasher.hash(password)


_AGENCY_CODE = re.compile(r"[A-Z0-9][A-Z0-9._-]*")


def _fits(what: str, text: str, column: InstrumentedAttribute[str]) -> None:
    """Refuse text longer than its column keeps, which PostgreSQL failed with a traceback."""
    if len(text) > (most := column_chars(column)):
        raise AccountError(f"{what} is {len(text):,} characters; at most {most} are kept")


def agency_kind(text: str) -> str:
    """Return the agency kind ``text`` names (any case), or raise AccountError."""
    kind = text.strip().lower()
    if kind not in AGENCY_KINDS:
        raise AccountError(f"agency kind must be one of {', '.join(AGENCY_KINDS)}, not {kind!r}")
    return kind


def create_agency(
    session: Session, *, code: str, name: str, country: str, kind: str, contact: str = ""
) -> Agency:
    """Add an agency; codes are unique and upper-cased, the country is a known ISO code."""
    # Imported here: the vocabulary reads the reference data, which most callers never need.
    from counterscam.intake.vocab import iso_country

    kind = agency_kind(kind)
    code = code.strip().upper()
    if not code or len(code) > 32:
        raise AccountError("agency code must be 1 to 32 characters")
    # An agency cannot be renamed or removed, and 'BAD CODE' or 'A;B' could never be named in
    # a report's share_with (codes separated by ';') nor typed as one command-line word.
    if not _AGENCY_CODE.fullmatch(code):
        raise AccountError(
            f"agency code {code!r} may hold only letters, digits, '-', '_' and '.', starting "
            "with a letter or digit, like MY-NSRC"
        )
    if not name.strip():
        raise AccountError("give the agency's full name, like 'National Scam Response Centre'")
    _fits("the agency's name", name.strip(), Agency.name)
    _fits("the contact", contact.strip(), Agency.contact)
    # The country is the default region of every local phone number the agency submits:
    # stored as 'MALAYSIA', it made each of them invalid.
    given = country.strip().upper()
    known = iso_country(given)
    if known is None:
        raise AccountError(
            f"country {given!r} is not an ISO 3166 alpha-2 code; give one like MY, SG or TH "
            "(or a listed country's alpha-3 code, like MYS)"
        )
    country = known
    if session.scalar(select(Agency).where(Agency.code == code)) is not None:
        raise AccountError(f"agency {code} already exists")
    # A contact pasted from a CRLF file kept its "\r": pages and CSVs showed it quoted.
    agency = Agency(
        code=code, name=name.strip(), country=country, kind=kind, contact=contact.strip()
    )
    session.add(agency)
    session.flush()
    return agency


def agency_by_code(session: Session, code: str) -> Agency:
    """Return the agency with ``code`` or raise AccountError."""
    agency = session.scalar(select(Agency).where(Agency.code == code.strip().upper()))
    if agency is None:
        raise AccountError(
            f"no agency with code {code!r}; list them with 'counterscam agency list'"
        )
    return agency


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    agency_code: str,
    role: str = "analyst",
    display_name: str = "",
) -> User:
    """Add a user of an agency with an argon2-hashed password."""
    role = role.strip().lower()
    if role not in USER_ROLES:
        raise AccountError(f"role must be one of {', '.join(USER_ROLES)}, not {role!r}")
    username = username_key(username)
    if (problem := username_problem(username, column_chars(User.username))) is not None:
        raise AccountError(problem)
    check_password(password)
    if _find_user(session, username) is not None:
        raise AccountError(f"user {username} already exists")
    agency = agency_by_code(session, agency_code)
    user = User(
        username=username,
        display_name=display_name or username,
        password_hash=hash_password(password),
        agency_id=agency.id,
        role=role,
    )
    session.add(user)
    session.flush()
    return user


def check_password(password: str) -> None:
    """Raise AccountError, saying what to change, for a password too short or too plain."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password must be at least {MIN_PASSWORD} characters long")
    # Ten spaces or "aaaaaaaaaa" passed the length rule.
    if len(set(password.strip())) < 5:
        raise AccountError(
            "password is too plain: use at least 5 different characters, like a short sentence"
        )


def authenticate(session: Session, *, username: str, password: str) -> User | DisabledAgency | None:
    """Return the active user whose password matches, or None.

    A user of a disabled agency whose password matches is told so (``DisabledAgency``):
    "enter a correct password" sent them to reset one that was right. Only who knows the
    password learns it, as with any answer after a correct one.
    """
    # No username holds NUL, and PostgreSQL refuses to compare text holding it (a 500).
    user = None if "\x00" in username else _find_user(session, username)
    if user is None or not user.active:
        _hasher.hash(password)  # same cost either way, so timing does not reveal names
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    if not user.agency.active:
        return DisabledAgency(user.agency.code)
    return user


def _find_user(session: Session, username: str) -> User | None:
    """Return the user named ``username`` in any case or compatibility form, or None.

    A name stored before usernames were NFKC-normalised is found under its old form too; the
    name in today's form wins when both exist.
    """
    key = username_key(username)
    names = {key, legacy_key(username)}
    users = session.scalars(select(User).where(User.username.in_(names))).all()
    return next((u for u in users if u.username == key), users[0] if users else None)


def user_by_name(session: Session, username: str) -> User:
    """Return the user with this username (any case or compatibility form), or raise
    AccountError."""
    user = None if "\x00" in username else _find_user(session, username)
    if user is None:
        raise AccountError(f"no user {username!r}; list them with 'counterscam user list'")
    return user


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# Ten years: a longer lifetime is no lifetime, and a huge one overflowed the date.
MAX_TOKEN_DAYS = 3650


def issue_token(
    session: Session, *, username: str, name: str = "", lifetime: timedelta | None = None
) -> IssuedToken:
    """Create an API token for a user; only its digest is kept.

    Args:
        lifetime: how long the token works from now; None: until it is revoked.
    """
    user = user_by_name(session, username)
    if not user.active:
        # Issued anyway, the token was shown as if it worked and then refused every request.
        raise AccountError(
            f"user {user.username} is disabled, so a token would not work; enable them first "
            f"with 'counterscam user enable {user.username}'"
        )
    if not user.agency.active:
        raise AccountError(
            f"agency {user.agency.code} of user {user.username} is disabled, so a token would "
            f"not work; enable it first with '{enable_agency_command(user.agency.code)}'"
        )
    _fits("the token's name", name, ApiToken.name)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    if lifetime is not None and lifetime <= timedelta(0):
        raise AccountError("a token's lifetime must be positive; give no lifetime for none")
    expires = None if lifetime is None else utcnow() + lifetime
    token = ApiToken(
        user_id=user.id,
        name=name,
        token_hash=_digest(secret),
        prefix=secret[:10],
        expires_at=expires,
    )
    session.add(token)
    session.flush()
    return IssuedToken(id=token.id, secret=secret, username=user.username, expires=expires)


def revoke_token(session: Session, *, token_id: int) -> datetime | None:
    """Revoke a token; requests with it fail from now on.

    Returns:
        None when revoked now; the time of the earlier revocation, which is kept, when the
        token was already revoked.
    """
    token = session.get(ApiToken, token_id) if 0 < token_id <= _MAX_ID else None
    if token is None:
        raise AccountError(
            f"no token with id {token_id}; list the ids with 'counterscam token list'"
        )
    if token.revoked_at is not None:
        return token.revoked_at
    token.revoked_at = utcnow()
    return None


def list_tokens(
    session: Session,
    *,
    username: str | None = None,
    agency_code: str | None = None,
    active_only: bool = False,
) -> list[TokenInfo]:
    """Return the API tokens, newest first, optionally of one user or agency, or only working.

    Raises:
        AccountError: when ``username`` or ``agency_code`` names no user or agency; an empty
            list would read as "they have no tokens".
    """
    query = (
        select(ApiToken, User.username, Agency.code)
        .join(User, User.id == ApiToken.user_id)
        .join(Agency, Agency.id == User.agency_id)
        .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    )
    if username is not None:
        query = query.where(User.id == user_by_name(session, username).id)
    if agency_code is not None:
        query = query.where(Agency.id == agency_by_code(session, agency_code).id)
    if active_only:
        # Those that work now: a disabled user's, or disabled agency's, tokens are refused
        # though not revoked.
        query = query.where(
            ApiToken.revoked_at.is_(None),
            User.active.is_(True),
            Agency.active.is_(True),
            or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > utcnow()),
        )
    return [
        TokenInfo(
            id=token.id,
            user=user,
            agency=agency,
            name=token.name,
            created=token.created_at,
            last_used=token.last_used_at,
            revoked=token.revoked_at,
            expires=token.expires_at,
        )
        for token, user, agency in session.execute(query)
    ]


def caller_for_user(user: User) -> Caller:
    """Return the caller a signed-in user acts as."""
    agency = user.agency
    return Caller(
        agency_id=agency.id,
        agency_code=agency.code,
        agency_kind=agency.kind,
        country=agency.country,
        user_id=user.id,
        username=user.username,
        user_role=user.role,
    )


def _token_statement() -> Select[*tuple[Any, ...]]:
    """The token of a digest, with its user and agency: one indexed read.

    Revoked tokens and disabled users and agencies are told apart in Python, not left out by
    the query: the refusal then says which, at no extra query, and an accepted token costs no more.
    """
    return (
        select(
            ApiToken.id,
            ApiToken.last_used_at,
            ApiToken.expires_at,
            ApiToken.revoked_at,
            User.active,
            User.id,
            User.username,
            User.role,
            Agency.id,
            Agency.code,
            Agency.kind,
            Agency.country,
            Agency.active,
        )
        .join(User, User.id == ApiToken.user_id)
        .join(Agency, Agency.id == User.agency_id)
        .where(ApiToken.token_hash == bindparam("digest"))
    )


@lru_cache(maxsize=8)
def _token_query(dialect: Dialect) -> Prepared:
    return Prepared(_token_statement(), dialect, ("digest",))


# Recording every use would turn each read into a write; a minute's precision is enough.
_LAST_USED_PRECISION = timedelta(seconds=60)


def token_caller(session: Session, secret: str) -> Caller | TokenRefusal:
    """Return the caller for a live API token, or why the token signs nobody in.

    Read from the database on every call, so a revocation or a disabled user holds from the
    next request on, whichever process made it. The read is one prepared query (token, user
    and agency): through the ORM, a token and the two objects it leads to cost three queries
    and more CPU than the check it authorises. A refused token costs that query too and no
    other; a secret that cannot be a token costs none.

    A use a minute after the last one recorded is recorded in the session: the caller commits.
    """
    if (refusal := malformed(secret, TOKEN_PREFIX)) is not None:
        return refusal
    if session.autoflush:
        # As an ORM query would: a revocation pending in this session already holds.
        session.flush()
    connection = session.connection()
    rows = _token_query(connection.dialect).rows(connection, {"digest": _digest(secret)})
    if not rows:
        return TokenRefusal()
    (
        token_id,
        last_used,
        expires,
        revoked,
        active,
        user_id,
        username,
        role,
        agency_id,
        code,
        kind,
        country,
        agency_active,
    ) = rows[0]
    now = utcnow()
    expired = expires if expires is not None and expires <= now else None
    if revoked is not None or expired is not None or not active or not agency_active:
        return TokenRefusal(
            token_id=token_id,
            revoked=revoked,
            expired=expired,
            user_disabled=not active,
            agency_disabled=None if agency_active else code,
        )
    if last_used is None or now - last_used > _LAST_USED_PRECISION:
        session.get_one(ApiToken, token_id).last_used_at = now
    return Caller(
        agency_id=agency_id,
        agency_code=code,
        agency_kind=kind,
        country=country,
        user_id=user_id,
        username=username,
        user_role=role,
    )


def caller_for_token(session: Session, secret: str) -> Caller | None:
    """Return the caller for a live API token, or None for an unknown, revoked or expired one,
    or one whose user or agency is disabled (``token_caller`` says which)."""
    found = token_caller(session, secret)
    return found if isinstance(found, Caller) else None


def start_web_session(session: Session, user: User, *, lifetime_seconds: int) -> int:
    """Record a web sign-in of ``user`` and return its id, for the signed session cookie.

    The user's ended sign-ins and those older than ``lifetime_seconds`` (whose cookies have
    expired) are removed, so the table holds about one row per signed-in user.
    """
    cutoff = utcnow() - timedelta(seconds=lifetime_seconds)
    session.execute(
        delete(WebSession).where(
            WebSession.user_id == user.id,
            or_(WebSession.ended_at.is_not(None), WebSession.started_at < cutoff),
        )
    )
    row = WebSession(user_id=user.id)
    session.add(row)
    session.flush()
    return row.id


def end_web_session(session: Session, session_id: int) -> None:
    """End a web sign-in: its cookie, and every copy of it, signs nobody in from now on."""
    row = session.get(WebSession, session_id)
    if row is not None and row.ended_at is None:
        row.ended_at = utcnow()


def caller_for_web_session(
    session: Session, *, user_id: int, session_id: int, lifetime_seconds: int
) -> Caller | DisabledAgency | None:
    """Return the caller of a live web sign-in of an active user (from a signed cookie).

    A sign-in lasts ``lifetime_seconds`` from when it started, however busy: the cookie is
    signed again with every answer, so its own age never runs out while the page is used.

    A sign-in of a disabled agency's user is refused as such (``DisabledAgency``), also once
    disabling ended it, so that its user learns why. One query reads the sign-in, its user and
    the user's agency: the agency (kind and state) was a second query on every request.
    """
    row = session.execute(
        select(User, WebSession.ended_at, WebSession.started_at)
        .join(WebSession, WebSession.user_id == User.id)
        .join(User.agency)
        .options(contains_eager(User.agency))
        .where(WebSession.id == session_id, WebSession.user_id == user_id)
    ).first()
    if row is None:
        return None
    user, ended, started = row
    if not user.agency.active:
        return DisabledAgency(user.agency.code)
    started_after = utcnow() - timedelta(seconds=lifetime_seconds)
    if ended is not None or started <= started_after or not user.active:
        return None
    return caller_for_user(user)


def admin_caller(session: Session, agency_code: str) -> Caller:
    """Return the CLI admin identity acting for an agency (local operator with database access).

    Raises:
        AccountError: when no agency has this code, or it is disabled.
    """
    agency = agency_by_code(session, agency_code)
    if not agency.active:
        # Its users' tokens and sign-ins are refused, yet a command run as its admin identity
        # imported reports, listed stop-list entries and read its red reports in its name, as
        # if its membership had never been suspended.
        raise AccountError(
            f"agency {agency.code} is disabled, so no command acts for it; enable it first "
            f"('{enable_agency_command(agency.code)}'), or give --agency another agency"
        )
    return Caller(
        agency_id=agency.id,
        agency_code=agency.code,
        agency_kind=agency.kind,
        country=agency.country,
        username="cli-admin",
        user_role="admin",
    )
