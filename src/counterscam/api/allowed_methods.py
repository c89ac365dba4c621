"""The methods an address takes, for the ``Allow`` header and words of a 405."""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Match

# Those a route of this app can take (HEAD is named where a route itself takes it).
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def methods_taken(request: Request) -> str:
    """Name every method the address takes, over all the routes of its path.

    The router's 405 names the methods of the first route of the path alone: ``DELETE
    /api/v1/reports`` was told the address takes GET, and a client never learnt of POST. The
    web pages' 405 named none at all. The router itself is asked, so included routers and a
    proxy's root path are matched as they are for the request.
    """
    routes = request.app.router.routes
    return ", ".join(
        method
        for method in METHODS
        if any(r.matches({**request.scope, "method": method})[0] is Match.FULL for r in routes)
    )
