"""The web pages' signed session cookie, left out of API calls that send no cookie at all."""

from __future__ import annotations

from typing import Any

from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send


def _sends_cookie(scope: Scope) -> bool:
    return any(name == b"cookie" for name, _ in scope["headers"])


class CookieSessions:
    """Starlette's session middleware, skipped for ``/api/`` requests without a cookie.

    Such a request (a script with a Bearer token, a load balancer's health probe) has no
    session to read and must not be given one, so the middleware's cookie parsing and
    response wrapping would be pure cost on the busiest routes. ``resolve_caller`` reads
    the session only when the middleware put one in the scope. Every other request (web
    pages, and API calls from a signed-in browser) goes through the middleware unchanged.
    """

    def __init__(self, app: ASGIApp, /, **options: Any) -> None:
        self.app = app
        self.sessions = SessionMiddleware(app, **options)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["path"].startswith("/api/")
            and not _sends_cookie(scope)
        ):
            await self.app(scope, receive, send)
        else:
            await self.sessions(scope, receive, send)
