"""Figures over what a caller may see, kept per visibility class until the data changes.

What a caller may see (``access.policy.report_visible``) depends only on its agency and the
agency's kind, so every user of an agency shares one set of figures: the dashboard's counts and
the cluster list's per-cluster figures, each computed in SQL with the policy in the query.
They are kept under the data token (``db.data_version``), read on every request (one read by
primary key) before anything else, so a page never shows figures older than the data it reads.

Process-local, on purpose: nothing to deploy or keep consistent besides the database. Each
server process checks the token itself, so several processes are as correct as one; the price
is that each process computes a class's figures once per change of the data. Only the newest
token's entries are kept (a change drops the rest), and at most ``size`` of them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.data_version import current

T = TypeVar("T")


def visibility_class(caller: Caller) -> Hashable:
    """Return what the access policy looks at in a caller: callers equal here see the same."""
    if caller.is_public or caller.agency_id is None:
        return ("nothing",)
    return (caller.agency_id, caller.agency_kind)


class FiguresCache:
    """Values computed per (visibility class, key) and reused while the data token stays.

    One cache holds values of several kinds (a page's figures, an order, a filter's matches):
    each key always names values of one kind, which ``get`` returns as ``compute`` made them.
    """

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._token: str | None = None
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, session: Session, caller: Caller, key: Hashable, compute: Callable[[], T]) -> T:
        """Return the value for the caller's class and ``key``, computing it when not kept.

        ``compute`` runs in ``session``, after the token was read (see ``data_version.current``).
        With no token yet (a store nothing was written to through counterscam) nothing is kept.
        """
        token = current(session)
        if token is None:
            return compute()
        full = (visibility_class(caller), key)
        with self._lock:
            if token == self._token and full in self._entries:
                self._entries.move_to_end(full)
                return cast(T, self._entries[full])
        value = compute()
        with self._lock:
            if token != self._token:
                self._entries.clear()
                self._token = token
            self._entries[full] = value
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every value (tests, and a store edited outside counterscam)."""
        with self._lock:
            self._entries.clear()
            self._token = None
