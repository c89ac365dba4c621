"""Request bodies are read no further than the upload limit, on every route.

FastAPI reads a route's whole body before any dependency runs, so a dependency cannot refuse
it early: ``POST /api/v1/check/bulk`` took a body of any size, past
COUNTERSCAM_MAX_UPLOAD_BYTES, which docs/configuration.md says is refused with 413. A form
with a file (an upload, the bulk check's file) was worse: the form parser spooled a body of
any size to disk before the route, or its sign-in check, ran, so anyone could fill the
server's disk. ``BodyCap`` bounds every body; ``LimitedBodyRoute`` answers a JSON route's
body past the limit itself, with the limit in its words.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

import anyio
from fastapi import HTTPException, status
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counterscam.config import Settings
from counterscam.intake.tables import size_text


def too_large_detail(limit: int) -> str:
    """Return the 413 message for a body past ``limit`` bytes."""
    return (
        f"The request body is larger than {size_text(limit)} (COUNTERSCAM_MAX_UPLOAD_BYTES); "
        "nothing of it was saved. Send it as several smaller files or requests."
    )


class LimitedBodyRoute(APIRoute):
    """An APIRoute that answers 413 to a body past the upload limit, reading no further."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def limited(request: Request) -> Response:
            settings: Settings = request.app.state.settings
            limit = settings.max_upload_bytes
            declared = request.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                return _refuse(limit)
            chunks: list[bytes] = []
            size = 0
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    return _refuse(limit)
                chunks.append(chunk)
            # FastAPI's handler reads the body again through Request.body(), which returns this.
            request._body = b"".join(chunks)
            return await handler(request)

        return limited


def _refuse(limit: int) -> Response:
    return JSONResponse(
        {"detail": too_large_detail(limit)}, status_code=status.HTTP_413_CONTENT_TOO_LARGE
    )


# Room beside the largest upload for the rest of a form: multipart's boundaries and part
# headers, the form token, a pasted list. A body up to the limit and this room reaches its
# route, which says the limit in its own words (a rejected batch with the file's name).
FORM_ROOM = 1024 * 1024
# A client that stops sending in the middle of a body (a Content-Length larger than what it
# sends, a slow drip) held its connection and the route reading the body for ever.
BODY_IDLE_SECONDS = 60.0


class BodyCap:
    """Pure ASGI middleware: a body past the upload limit (and ``FORM_ROOM``) is answered 413
    without being read, one that stalls for ``idle_seconds`` is answered 408.

    The refusal is raised from ``receive``, in the route that reads the body, so the API
    answers JSON and the pages their error page. A body declared too large is refused before
    any of it is read.
    """

    def __init__(self, app: ASGIApp, *, limit: int, idle_seconds: float | None = None) -> None:
        self.app = app
        self.limit = limit
        self.idle_seconds = BODY_IDLE_SECONDS if idle_seconds is None else idle_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        most = self.limit + FORM_ROOM
        declared = _declared_length(scope)
        received = 0
        ended = False

        async def capped() -> Message:
            nonlocal received, ended
            if ended:  # after the body, receive only waits for a disconnect: no time limit
                return await receive()
            if declared is not None and declared > most:
                raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, too_large_detail(self.limit))
            with anyio.move_on_after(self.idle_seconds) as waited:
                message = await receive()
            if waited.cancelled_caught:
                raise HTTPException(
                    status.HTTP_408_REQUEST_TIMEOUT,
                    f"The request body stopped arriving for {self.idle_seconds:g} seconds, so "
                    "nothing was read or saved. Send the request again.",
                )
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > most:
                    raise HTTPException(
                        status.HTTP_413_CONTENT_TOO_LARGE, too_large_detail(self.limit)
                    )
                ended = not message.get("more_body", False)
            else:
                ended = True
            return message

        await self.app(scope, capped, send)


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None
