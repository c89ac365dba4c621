"""Process settings for a large streaming import: fewer collector runs.

(The bigger SQLite page cache an import needs is set on every connection, in db/engine.py.)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# An import keeps many small objects alive (rows of the chunk, cached canonical forms,
# identifier ids); with the default thresholds (700, 10, 10) the cyclic collector runs so
# often that it costs ~15% of an import. It still runs, only less often.
_THRESHOLDS = (100_000, 50, 50)


@contextmanager
def bulk_load(*, on: bool) -> Iterator[None]:
    """Tune the collector while a streaming import runs."""
    if not on:
        yield
        return
    thresholds = gc.get_threshold()
    gc.set_threshold(*_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
