"""Moving-window limits of the server: public checks per address, failed sign-ins.

The public check answers hit or no-hit on clear reports to anyone, so without a limit it
would let a scraper walk the number space. Signed-in agencies are not limited here: their
searches are audited and tied to an account. Failed sign-ins are limited so that a password
cannot be guessed at the server's speed. The windows live in the server process (``limits``'
memory storage); a deployment with several server processes gets one window per process, so
it should also limit at its reverse proxy.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request
from limits import RateLimitItem, parse, storage, strategies

from counterscam.access.usernames import username_key

_NAMESPACE = "public-check"
_SIGN_IN = "sign-in-failures"
ADDRESS_SHARE = 10  # failed sign-ins one address may make, in usernames' limits
# Longer than any username (80 characters): every longer name is counted as one.
_KEY_CHARS = 81
_T = TypeVar("_T")


def _seconds_until(reset: float) -> int:
    return max(1, math.ceil(reset - time.time()))


def _of_app(request: Request, name: str, make: Callable[[Any], _T]) -> _T:
    """Return the app's limit called ``name``, made from its settings on first use."""
    state = request.app.state
    found: _T | None = getattr(state, name, None)
    if found is None:
        found = make(state.settings)
        setattr(state, name, found)
    return found


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
        return _seconds_until(
            self._limiter.get_window_stats(self.item, _NAMESPACE, client).reset_time
        )


def client_address(request: Request) -> str:
    """Return the address the limit counts against (the proxy's, unless it forwards it)."""
    return request.client.host if request.client else "unknown"


def public_throttle(request: Request) -> Throttle:
    """Return the app's public-check throttle, made from its settings on first use."""
    return _of_app(
        request, "public_throttle", lambda settings: Throttle(settings.public_check_rate)
    )


def over_limit(request: Request) -> int | None:
    """Count a public check; return seconds to wait when over the limit, else None."""
    throttle = public_throttle(request)
    client = client_address(request)
    if throttle.allow(client):
        return None
    return throttle.retry_after(client)


class SignInLimit:
    """Failed sign-ins in a moving window, counted per username and per client address.

    Without it, a password could be guessed at whatever speed the server answers. Once a
    username, or an address, has failed ``rate`` times, sign-in is refused, even with the
    right password, until the oldest failure leaves the window (an address may fail
    ``ADDRESS_SHARE`` times as often as one username). Unknown usernames count too,
    so the refusal says nothing about which accounts exist.
    """

    def __init__(self, rate: str) -> None:
        self.item: RateLimitItem = parse(rate)
        # A police centre signs in from behind one address: its officers' typing mistakes
        # together must not lock them all out, so an address may fail ADDRESS_SHARE times more.
        self.address_item: RateLimitItem = type(self.item)(
            self.item.amount * ADDRESS_SHARE, self.item.multiples
        )
        self._limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())

    def _items(self, username: str, client: str) -> list[tuple[RateLimitItem, str, str]]:
        return [(self.item, "user", _user_key(username)), (self.address_item, "address", client)]

    def wait(self, username: str, client: str) -> int | None:
        """Return seconds to wait when the username or the address is over the limit."""
        for item, *key in self._items(username, client):
            if not self._limiter.test(item, _SIGN_IN, *key):
                return _seconds_until(
                    self._limiter.get_window_stats(item, _SIGN_IN, *key).reset_time
                )
        return None

    def failed(self, username: str, client: str) -> None:
        """Count one failed sign-in against the username and the address."""
        for item, *key in self._items(username, client):
            self._limiter.hit(item, _SIGN_IN, *key)

    def succeeded(self, username: str) -> None:
        """Forget the username's failures (its owner typed the password at last)."""
        self._limiter.clear(self.item, _SIGN_IN, "user", _user_key(username))


def _user_key(username: str) -> str:
    """Return the name a username's failures are counted under.

    The name the account is looked up by, so that every spelling that signs in as admin
    (ADMIN, full-width letters) counts against admin. Cut short: each megabyte-long name sent
    was kept in the server's memory as a key of its own.
    """
    return username_key(username.strip()[: _KEY_CHARS * 4])[:_KEY_CHARS]


def sign_in_limit(request: Request) -> SignInLimit:
    """Return the app's failed sign-in limit, made from its settings on first use."""
    return _of_app(
        request, "sign_in_limit", lambda settings: SignInLimit(settings.sign_in_failures)
    )
