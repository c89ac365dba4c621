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

    A request that came over HTTPS (or through a trusted proxy that says so) is answered with
    a ``Secure`` cookie even where ``https_only`` was left off: a site served over HTTPS without
    COUNTERSCAM_SECURE_COOKIES set sent its sign-in in clear text to whoever made the browser
    load any ``http://`` address of the same host.
    """

    def __init__(self, app: ASGIApp, /, **options: Any) -> None:
        self.app = app
        self.options = options
        self.https_only = bool(options.pop("https_only", False))
        self.by_root: dict[tuple[str, bool], SessionMiddleware] = {}

    def _sessions(self, scope: Scope) -> SessionMiddleware:
        root = root_path(scope)
        secure = self.https_only or scope.get("scheme") == "https"
        sessions = self.by_root.get((root, secure))
        if sessions is None:
            sessions = SessionMiddleware(
                self.app, **self.options, path=root or "/", https_only=secure
            )
            self.by_root[root, secure] = sessions
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
