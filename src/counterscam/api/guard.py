"""Two rules for every answer, kept in one place so no route can forget them.

- An address whose path or query holds a NUL character is refused with 422 saying where.
  PostgreSQL cannot store or compare text holding NUL: such a value reached the database as a
  filter or a guessed key and failed there (500), and the guess went unaudited.
- Every answer but the static assets is sent ``Cache-Control: no-store``. The pages, CSVs and
  JSON carry the records the signed-in agency may see; stored in the browser's cache, a red
  report stayed readable through Back and the history after sign-out on a shared computer.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi.responses import JSONResponse
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from counterscam.api.security_headers import with_headers

NO_STORE = (b"cache-control", b"no-store")


def nul_problem(scope: Scope) -> str | None:
    """Return what in the request's address holds a NUL character, or None."""
    if "\x00" in scope["path"]:
        return "The address holds a NUL character (%00); remove it from the path."
    query: bytes = scope["query_string"]
    if b"%00" not in query and b"\x00" not in query:
        return None
    names = [
        name or "(unnamed)"
        for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True)
        if "\x00" in name or "\x00" in value
    ]
    where = ", ".join(sorted(set(names))) or "the query"
    return f"The query parameter {where} holds a NUL character (%00); remove it and try again."


class RequestGuard:
    """Pure ASGI middleware: refuse NUL in the address, mark dynamic answers no-store."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        problem = nul_problem(scope)
        if problem is not None:
            await _refuse(scope, problem)(scope, receive, send)
            return
        if path.startswith("/static/"):
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, with_headers(send, [NO_STORE]))


def _refuse(scope: Scope, problem: str) -> ASGIApp:
    if scope["path"].startswith("/api/"):
        return JSONResponse(
            {"detail": problem}, status_code=422, headers={"Cache-Control": "no-store"}
        )
    from counterscam.web.errors import error_page  # the web layer needs the app's templates

    response = error_page(Request(scope), 422, problem)
    response.headers["Cache-Control"] = "no-store"
    return response
