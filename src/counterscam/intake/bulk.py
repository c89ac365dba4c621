"""Process settings for a large streaming import: fewer collector runs, a bigger SQLite cache."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.orm import Session

# An import keeps many small objects alive (rows of the chunk, cached canonical forms,
# identifier ids); with the default thresholds (700, 10, 10) the cyclic collector runs so
# often that it costs ~15% of an import. It still runs, only less often.
_THRESHOLDS = (100_000, 50, 50)
# The default 2 MiB page cache thrashes on the indexes of a large load; 64 MiB (negative
# means KiB) keeps their upper levels in memory. It stays on the connection, which is harmless.
_SQLITE_CACHE = text("PRAGMA cache_size=-65536")


@contextmanager
def bulk_load(session: Session, *, on: bool) -> Iterator[None]:
    """Tune the collector and the SQLite page cache while a streaming import runs."""
    if not on:
        yield
        return
    if session.get_bind().dialect.name == "sqlite":
        session.execute(_SQLITE_CACHE)
    thresholds = gc.get_threshold()
    gc.set_threshold(*_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
