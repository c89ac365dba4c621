"""Typed request dependencies: the database session and the caller, resolved once per request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counterscam.access.accounts import caller_for_token, caller_for_user_id
from counterscam.access.caller import PUBLIC, Caller
from counterscam.config import Settings


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


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def resolve_caller(request: Request, session: Session) -> Caller | None:
    """Return the caller from a Bearer token or the signed session cookie, or None."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        caller = caller_for_token(session, header[7:].strip())
        if session.dirty:
            session.commit()
        return caller
    user_id = request.session.get("user_id") if "session" in request.scope else None
    if isinstance(user_id, int):
        return caller_for_user_id(session, user_id)
    return None


async def optional_caller(request: Request, session: SessionDep) -> Caller:
    """Return the caller, or the anonymous public caller."""
    return resolve_caller(request, session) or PUBLIC


async def required_caller(request: Request, session: SessionDep) -> Caller:
    """Return the caller or answer 401."""
    caller = resolve_caller(request, session)
    if caller is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Sign in, or send 'Authorization: Bearer <token>' with an API token.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return caller


CurrentCaller = Annotated[Caller, Depends(required_caller)]
AnyCaller = Annotated[Caller, Depends(optional_caller)]
