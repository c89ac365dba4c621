"""The web pages' signed session cookie, left out of API calls that send no cookie at all."""

from __future__ import annotations

from typing import Any

from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from counterscam.api.prefix import app_path, root_path


def _sends_cookie(scope: Scope) -> bool:
    return any(name == b"cookie" for name, _ in scope["headers"])


class CookieSessions:
    """Starlette's session middleware, skipped for ``/api/`` requests without a cookie.

    Such a request (a script with a Bearer token, a load balancer's health probe) has no
    session to read and must not be given one, so the middleware's cookie parsing and
    response wrapping would be pure cost on the busiest routes. ``resolve_caller`` reads
    the session only when the middleware put one in the scope. Every other request (web
    pages, and API calls from a signed-in browser) goes through the middleware unchanged.

    Under a proxy's prefix the cookie's path is the prefix: with ``path=/`` the browser sent
    the session to every other application on the same host name.
    """

    def __init__(self, app: ASGIApp, /, **options: Any) -> None:
        self.app = app
        self.options = options
        self.by_root: dict[str, SessionMiddleware] = {}

    def _sessions(self, scope: Scope) -> SessionMiddleware:
        root = root_path(scope)
        sessions = self.by_root.get(root)
        if sessions is None:
            sessions = SessionMiddleware(self.app, **self.options, path=root or "/")
            self.by_root[root] = sessions
        return sessions

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and app_path(scope).startswith("/api/")
            and not _sends_cookie(scope)
        ):
            await self.app(scope, receive, send)
        else:
            await self._sessions(scope)(scope, receive, send)
