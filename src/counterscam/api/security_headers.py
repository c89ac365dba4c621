"""Headers that tell the browser what no page of this site needs, on every answer.

- No page may be shown in a frame of another site (``frame-ancestors``, and
  ``X-Frame-Options`` for older browsers): framed invisibly over a decoy, "Mark as read",
  "Add to stop list" and "Sign out" could be clicked by a signed-in officer without knowing.
- ``nosniff``: a CSV or JSON answer that holds text a report's author wrote (``<script>``) is
  never read as HTML.
- ``Referrer-Policy: same-origin``: a link out of the site does not tell the other site the
  address it came from, which can hold a checked phone number or a cluster key.
- The Content-Security-Policy lets pages run and style only from this server: markup slipped
  past the templates' escaping still cannot run a script or send data elsewhere. Swagger UI
  at /api/docs starts from an inline script and styles itself inline, so its pages get the
  same policy with those allowed; it shows no records.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counterscam.api.prefix import app_path

_COMMON = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
PAGE_POLICY = f"{_COMMON}; script-src 'self'; style-src 'self'"
DOCS_POLICY = f"{_COMMON}; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'"
DOCS_PREFIX = "/api/docs"


def _headers(policy: str) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", policy.encode()),
        (b"x-frame-options", b"DENY"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
    ]


PAGE_HEADERS = _headers(PAGE_POLICY)
DOCS_HEADERS = _headers(DOCS_POLICY)


def with_headers(send: Send, added: Sequence[tuple[bytes, bytes]]) -> Send:
    """Return ``send`` setting these headers on the answer, in place of any of the same name."""
    names = {name for name, _ in added}

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            kept = [h for h in message.get("headers", []) if h[0].lower() not in names]
            message = {**message, "headers": [*kept, *added]}
        await send(message)

    return sending


class SecurityHeaders:
    """Pure ASGI middleware: add the headers above to every HTTP answer, assets included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = DOCS_HEADERS if app_path(scope).startswith(DOCS_PREFIX) else PAGE_HEADERS
        await self.app(scope, receive, with_headers(send, added))
