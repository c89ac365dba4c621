"""How often the anonymous public may check: a moving window per client address.

The public check answers hit or no-hit on clear reports to anyone, so without a limit it
would let a scraper walk the number space. Signed-in agencies are not limited here: their
searches are audited and tied to an account. The window lives in the server process
(``limits``' memory storage); a deployment with several server processes gets one window per
process, so it should also limit at its reverse proxy.
"""

from __future__ import annotations

import math
import time

from fastapi import Request
from limits import RateLimitItem, parse, storage, strategies

_NAMESPACE = "public-check"


class Throttle:
    """A moving-window limit on public checks, keyed by the client's address."""

    def __init__(self, rate: str) -> None:
        self.item: RateLimitItem = parse(rate)
        self._limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())

    def allow(self, client: str) -> bool:
        """Count one check from ``client``; tell whether it is within the limit."""
        return self._limiter.hit(self.item, _NAMESPACE, client)

    def retry_after(self, client: str) -> int:
        """Return how many seconds ``client`` should wait before its next check."""
        reset = self._limiter.get_window_stats(self.item, _NAMESPACE, client).reset_time
        return max(1, math.ceil(reset - time.time()))


def client_address(request: Request) -> str:
    """Return the address the limit counts against (the proxy's, unless it forwards it)."""
    return request.client.host if request.client else "unknown"


def public_throttle(request: Request) -> Throttle:
    """Return the app's public-check throttle, made from its settings on first use."""
    state = request.app.state
    throttle: Throttle | None = getattr(state, "public_throttle", None)
    if throttle is None:
        throttle = Throttle(state.settings.public_check_rate)
        state.public_throttle = throttle
    return throttle


def over_limit(request: Request) -> int | None:
    """Count a public check; return seconds to wait when over the limit, else None."""
    throttle = public_throttle(request)
    client = client_address(request)
    if throttle.allow(client):
        return None
    return throttle.retry_after(client)
