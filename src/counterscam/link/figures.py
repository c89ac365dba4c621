"""Per-cluster figures (counts, countries, losses, dates, growth) computed from arrays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import numpy as np
from numpy.typing import NDArray

# Not imported from link.graph: that loads SciPy and igraph, which intake does not need.
IntArray = NDArray[np.int64]


GROWTH_DAYS = 30


@dataclass(frozen=True)
class Figures:
    """The stored figures of one cluster."""

    report_count: int
    country_count: int
    countries: str
    total_loss_usd: Decimal
    first_seen: datetime
    last_seen: datetime
    growth_30d: int

    def as_row(self) -> dict[str, object]:
        """Return the cluster columns these figures fill."""
        return {
            "report_count": self.report_count,
            "country_count": self.country_count,
            "countries": self.countries,
            "total_loss_usd": self.total_loss_usd,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "growth_30d": self.growth_30d,
        }


def as_of(reported_time: IntArray) -> int:
    """Return the time growth is measured back from: now, or the newest report if earlier.

    A region loaded from an archive would otherwise show no growth anywhere.
    """
    now = int(datetime.now(UTC).timestamp())
    return min(now, int(reported_time.max())) if len(reported_time) else now


def _when(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def figures(
    labels: IntArray,
    *,
    link_time: IntArray,
    reported_time: IntArray,
    country: NDArray[np.str_],
    loss_usd: NDArray[np.float64],
    growth_since: int,
) -> dict[int, Figures]:
    """Return the figures of every label, from per-report arrays (same order as labels)."""
    if not len(labels):
        return {}
    n = int(labels.max()) + 1
    count = np.bincount(labels, minlength=n)
    loss = np.bincount(labels, weights=loss_usd, minlength=n)
    first = np.full(n, np.iinfo(np.int64).max)
    last = np.full(n, np.iinfo(np.int64).min)
    np.minimum.at(first, labels, link_time)
    np.maximum.at(last, labels, link_time)
    recent = np.bincount(labels, weights=(reported_time >= growth_since), minlength=n)
    _, codes = np.unique(country, return_inverse=True)
    pairs = np.unique(np.column_stack((labels, codes)), axis=0)
    names = np.unique(country)
    per_label: dict[int, list[str]] = {}
    for label, code in pairs:
        per_label.setdefault(int(label), []).append(str(names[code]))
    return {
        label: Figures(
            report_count=int(count[label]),
            country_count=len(per_label[label]),
            countries=",".join(per_label[label]),
            total_loss_usd=Decimal(f"{loss[label]:.2f}"),
            first_seen=_when(int(first[label])),
            last_seen=_when(int(last[label])),
            growth_30d=int(recent[label]),
        )
        for label in np.flatnonzero(count).tolist()
    }
