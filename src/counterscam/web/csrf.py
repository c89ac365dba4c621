"""Cross-site request forgery protection: a per-session token in every POST form."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import Depends, Form, Request

SESSION_KEY = "csrf"
FIELD = "csrf_token"


class CsrfFailed(Exception):
    """A POST form came without the token of this session (expired page or forged request)."""


def token(request: Request) -> str:
    """Return this session's CSRF token, creating it on first use."""
    value = request.session.get(SESSION_KEY)
    if not isinstance(value, str) or not value:
        value = secrets.token_urlsafe(32)
        request.session[SESSION_KEY] = value
    return value


def rotate(request: Request) -> str:
    """Give the session a new token (at sign-in, so a token seen before it is worthless)."""
    request.session[SESSION_KEY] = secrets.token_urlsafe(32)
    return str(request.session[SESSION_KEY])


def require_token(request: Request, csrf_token: Annotated[str, Form()] = "") -> None:
    """Refuse a POST whose form token is not this session's token."""
    expected = request.session.get(SESSION_KEY)
    if not isinstance(expected, str) or not expected:
        raise CsrfFailed
    if not hmac.compare_digest(expected.encode(), csrf_token.encode()):
        raise CsrfFailed


CsrfChecked = Depends(require_token)
