"""Typed request dependencies: the database session and the caller, resolved once per request."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Path, Request, status
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counterscam.access.accounts import caller_for_web_session, token_caller
from counterscam.access.caller import PUBLIC, Caller
from counterscam.access.disabled_agency import DisabledAgency
from counterscam.access.token_refusal import TokenRefusal
from counterscam.api.prefix import app_path
from counterscam.config import Settings
from counterscam.db.writer import commit_unless_busy

log = logging.getLogger(__name__)


def get_engine(request: Request) -> Engine:
    """Return the app's engine."""
    engine: Engine = request.app.state.engine
    return engine


def get_settings_dep(request: Request) -> Settings:
    """Return the app's settings."""
    settings: Settings = request.app.state.settings
    return settings


async def get_session(request: Request) -> AsyncIterator[Session]:
    """Yield a session for this request; services commit their own units of work.

    Async so FastAPI does not hop to a worker thread for it: opening a session does no I/O
    (the connection is taken on first use, inside the route's own thread).
    """
    session: Session = request.app.state.sessions()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


# Ids and pages no database column can hold are invalid input (422), not a driver overflow (500).
MAX_ROW_ID = 2**63 - 1  # BIGINT on PostgreSQL, INTEGER on SQLite
MAX_PAGE = 10**9
RowId = Annotated[int, Path(ge=-MAX_ROW_ID, le=MAX_ROW_ID)]

SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


_SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))


def cross_site(request: Request) -> bool:
    """Tell whether a browser sent this request from another site (or another origin).

    ``Sec-Fetch-Site`` is set by the browser itself; browsers without it still send ``Origin``
    on a POST, compared here with the host the request was sent to.
    """
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return False  # not a browser (a script reusing its cookie), or a same-origin GET
    return urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower()


def to_api(request: Request) -> bool:
    """Tell whether the request is for the API, also where a proxy serves the app under a
    prefix (``root_path``): the path then starts with the prefix, not with ``/api/``."""
    return app_path(request.scope).startswith("/api/")


def _bearer(request: Request) -> str | None:
    """Return the token of an ``Authorization: Bearer`` header, or None when none was sent."""
    header = request.headers.get("authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else None


def resolve_caller(request: Request, session: Session) -> Caller | None:
    """Return the caller from a Bearer token or the signed session cookie, or None.

    The cookie names a web sign-in the server can end (at sign-out), not only a user.

    The cookie travels with every request the browser makes, also those another site's page
    makes it send. Web forms carry a CSRF token; API calls carry none, so a cookie may not
    authorise an API write sent from another site or origin (answered 403).
    """
    found = credential(request, session)
    return found if isinstance(found, Caller) else None


Refusal = TokenRefusal | DisabledAgency


def credential(request: Request, session: Session) -> Caller | Refusal | None:
    """Return the caller, why the Bearer token or the web sign-in of a disabled agency's user
    was refused, or None with no credential (or a sign-in that has ended)."""
    token = _bearer(request)
    if token is not None:
        caller = token_caller(session, token)
        if session.dirty:
            # The stamp of the token's use waits for no import: this runs on the event loop.
            commit_unless_busy(session)
        return caller
    cookie = request.session if "session" in request.scope else {}
    user_id, session_id = cookie.get("user_id"), cookie.get("sid")
    if not isinstance(user_id, int) or not isinstance(session_id, int):
        return None
    # Under a proxy's prefix the path did not start with /api/, and another site's page could
    # make a signed-in browser submit reports or mark alerts read through the API.
    if request.method not in _SAFE_METHODS and to_api(request) and cross_site(request):
        raise HTTPException(
            status_code=status.HTTP_403_FORBIDDEN,
            detail="A request from another site may not use the web session; "
            "send 'Authorization: Bearer <token>' with an API token.",
        )
    settings: Settings = request.app.state.settings
    return caller_for_web_session(
        session,
        user_id=user_id,
        session_id=session_id,
        lifetime_seconds=settings.session_max_age_seconds,
    )


# Said by ``TokenRefusal``: which of unknown, revoked (when), expired (when) or of a disabled
# user, each with its own fix; never the token itself.
_TOKEN = "The API token"


def _refused_token(request: Request, refusal: TokenRefusal, detail: str) -> HTTPException:
    """Return the 401 of a refused token, and log the use of one that was issued.

    A refused request searches and reads nothing, so it writes no audit row (docs/access.md):
    the server's log keeps the issued token's id, since a revoked one still in use is a
    leaked token being tried or a script its owner forgot.
    """
    if refusal.token_id is not None:
        log.warning(
            "refused on %s %s: %s",
            request.method,
            app_path(request.scope),
            refusal.message("the API token"),
        )
    return _unauthorised(detail)


def _unauthorised(detail: str) -> HTTPException:
    return HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail=detail,
        headers={"WWW-Authenticate": "Bearer"},
    )


def _names_a_sign_in(request: Request) -> bool:
    """Tell whether the request carries a session cookie naming a web sign-in."""
    cookie = request.session if "session" in request.scope else {}
    return isinstance(cookie.get("user_id"), int) and isinstance(cookie.get("sid"), int)


_WRONG_SCHEME = (
    "The Authorization header is not 'Bearer <token>': send 'Authorization: Bearer cs_...' "
    "with an API token"
)
_ENDED_SIGN_IN = (
    "Your sign-in has ended (its time ran out, it was signed out elsewhere, or the account "
    "was disabled); sign in again"
)


def caller_or_public(request: Request, session: Session) -> Caller:
    """Return the caller, or the anonymous public caller when no credential was sent.

    A credential that is sent but not valid answers 401: a token unknown, revoked or expired,
    or a disabled user's or agency's, an Authorization header of another scheme, or a session
    cookie whose sign-in has ended (or whose user's agency is disabled).
    Answered as the public, a police script whose token was revoked, or an analyst whose
    sign-in timed out, would read "no hit" for values held in amber and red reports, and take
    it for the region's answer.
    """
    caller = credential(request, session)
    if isinstance(caller, TokenRefusal):
        raise _refused_token(
            request,
            caller,
            f"{caller.message(_TOKEN)}; or send no Authorization header for the public answer.",
        )
    if isinstance(caller, DisabledAgency):
        raise _unauthorised(f"{caller.message()} Or send no session cookie for the public answer.")
    if caller is not None:
        return caller
    if "authorization" in request.headers:
        raise _unauthorised(
            f"{_WRONG_SCHEME}, or send no Authorization header for the public answer."
        )
    if _names_a_sign_in(request):
        raise _unauthorised(f"{_ENDED_SIGN_IN}, or send no session cookie for the public answer.")
    return PUBLIC


async def optional_caller(request: Request, session: SessionDep) -> Caller:
    """Return the caller, or the public caller; 401 for a token sent but not valid."""
    return caller_or_public(request, session)


async def required_caller(request: Request, session: SessionDep) -> Caller:
    """Return the caller or answer 401."""
    caller = credential(request, session)
    if isinstance(caller, TokenRefusal):
        # Said as such: "sign in" told a script whose token was revoked nothing it could use.
        raise _refused_token(request, caller, f"{caller.message(_TOKEN)}.")
    if isinstance(caller, DisabledAgency):
        raise _unauthorised(caller.message())
    if caller is None and "authorization" in request.headers:
        raise _unauthorised(f"{_WRONG_SCHEME}.")
    if caller is None and _names_a_sign_in(request):
        raise _unauthorised(f"{_ENDED_SIGN_IN}, or send 'Authorization: Bearer <token>'.")
    if caller is None:
        raise _unauthorised("Sign in, or send 'Authorization: Bearer <token>' with an API token.")
    return caller


CurrentCaller = Annotated[Caller, Depends(required_caller)]
AnyCaller = Annotated[Caller, Depends(optional_caller)]
