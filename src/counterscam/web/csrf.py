"""Cross-site request forgery protection: a per-session token in every POST form."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated
from urllib.parse import urlsplit

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


def _from_this_site(request: Request) -> bool:
    # Browsers say where a form was sent from; a form posted from another site is never shown
    # back with its values, so a forged request cannot pre-fill a form for the user to save.
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site == "same-origin"
    origin = request.headers.get("origin", "")
    return bool(origin) and urlsplit(origin).netloc == request.headers.get("host", "")


def expired_form(request: Request, csrf_token: Annotated[str, Form()] = "") -> bool:
    """Return True for a form of this site sent with an older token of a live session.

    A user who signed in again in another tab (each sign-in gives a new token) lost a
    report typed for half an hour to "This form has expired": such a form is shown again
    with what was typed, saved by nothing. A forged or sessionless form is refused as before.
    """
    expected = request.session.get(SESSION_KEY)
    if not isinstance(expected, str) or not expected:
        raise CsrfFailed
    if hmac.compare_digest(expected.encode(), csrf_token.encode()):
        return False
    if not _from_this_site(request):
        raise CsrfFailed
    return True


CsrfChecked = Depends(require_token)
# A handler taking ``expired: FormExpired`` shows the form again, typed values kept, when True.
FormExpired = Annotated[bool, Depends(expired_form)]
