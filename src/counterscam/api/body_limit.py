"""A JSON route whose body is read no further than the upload limit.

FastAPI reads a route's whole body before any dependency runs, so a dependency cannot refuse
it early: ``POST /api/v1/check/bulk`` took a body of any size, past
COUNTERSCAM_MAX_UPLOAD_BYTES, which docs/configuration.md says is refused with 413.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import status
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response

from counterscam.config import Settings
from counterscam.intake.tables import size_text


def too_large_detail(limit: int) -> str:
    """Return the 413 message for a body past ``limit`` bytes."""
    return (
        f"The request body is larger than {size_text(limit)} (COUNTERSCAM_MAX_UPLOAD_BYTES). "
        "Send the values in several smaller requests."
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
