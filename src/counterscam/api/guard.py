"""Rules for every request and answer, kept in one place so no route can forget them.

- An address no route can read (a NUL character, %-escapes that are not UTF-8; see
  address_flaws) is refused with 422 saying where: in the API's list shape (``loc`` naming
  the parameter), on a page as a sentence.
- A body with a Content-Encoding (gzip, br) is refused with 415: nothing here decompresses it.
- An API token in the query string is refused with 401, its owner told to revoke it (see
  token_in_address).
- Every answer but the static assets is sent ``Cache-Control: no-store``. The pages, CSVs and
  JSON carry the records the signed-in agency may see; stored in the browser's cache, a red
  report stayed readable through Back and the history after sign-out on a shared computer.
"""

from __future__ import annotations

from fastapi.responses import JSONResponse
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from counterscam.api.address_flaws import Flaw, address_flaws, flaw_errors, flaw_sentence
from counterscam.api.errors import explained
from counterscam.api.prefix import app_path
from counterscam.api.security_headers import with_headers
from counterscam.api.token_in_address import token_in_address, token_parameter

NO_STORE = (b"cache-control", b"no-store")
NO_STORE_TEXT = ("Cache-Control", "no-store")
# RFC 9110 §12.5.3: a 415 for a content coding says which codings the server reads.
ACCEPTS_IDENTITY = (("Accept-Encoding", "identity"),)
ASKS_FOR_BEARER = (("WWW-Authenticate", "Bearer"),)


class RequestGuard:
    """Pure ASGI middleware: refuse unreadable addresses and bodies, mark answers no-store."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        flaws = address_flaws(scope)
        if flaws:
            await _refuse(scope, flaws)(scope, receive, send)
            return
        if (name := token_parameter(scope)) is not None:
            refused = _answer(scope, 401, token_in_address(name), ASKS_FOR_BEARER)
            await refused(scope, receive, send)
            return
        coding = _content_coding(scope)
        if coding:
            await _answer(scope, 415, _encoded(coding), ACCEPTS_IDENTITY)(scope, receive, send)
            return
        if app_path(scope).startswith("/static/"):
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, with_headers(send, [NO_STORE]))


def _content_coding(scope: Scope) -> str:
    """Return the body's Content-Encoding when it is one the server would have to undo."""
    headers: list[tuple[bytes, bytes]] = scope["headers"]
    for name, value in headers:
        if name == b"content-encoding":
            coding = value.decode("latin-1").strip()
            if coding.lower() not in ("", "identity"):
                return coding
    return ""


def _encoded(coding: str) -> str:
    # Nothing undoes a Content-Encoding here: a gzip body was read as it came and answered
    # "not UTF-8 text", a "br" one labelled but not compressed was read as if it were plain.
    return (
        f"The request body is sent with Content-Encoding: {coding[:40]}, which this server does "
        "not read; send the body uncompressed, without a Content-Encoding header. Nothing was "
        "read or saved."
    )


def _refuse(scope: Scope, flaws: list[Flaw]) -> ASGIApp:
    if app_path(scope).startswith("/api/"):
        detail = [explained(e, None) for e in flaw_errors(flaws)]
        return JSONResponse({"detail": detail}, status_code=422, headers=dict([NO_STORE_TEXT]))
    return _answer(scope, 422, flaw_sentence(flaws))


def _answer(
    scope: Scope, status: int, detail: str, headers: tuple[tuple[str, str], ...] = ()
) -> ASGIApp:
    """Return the API's JSON ``{"detail": ...}`` or the pages' error page, never stored."""
    sent = dict((NO_STORE_TEXT, *headers))
    if app_path(scope).startswith("/api/"):
        return JSONResponse({"detail": detail}, status_code=status, headers=sent)
    from counterscam.web.errors import error_page  # the web layer needs the app's templates

    response = error_page(Request(scope), status, detail)
    response.headers.update(sent)
    return response
