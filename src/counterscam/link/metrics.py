"""Clustering quality against a ground truth: pairwise and B-cubed precision and recall."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


@dataclass(frozen=True)
class Quality:
    """How a predicted clustering compares with the truth.

    Attributes:
        precision, recall, f1: over pairs of items put together.
        bcubed_precision, bcubed_recall, bcubed_f1: B-cubed, averaged over items.
        largest_share: the largest predicted cluster's share of all items.
        clusters: the number of predicted clusters (singletons included).
    """

    precision: float
    recall: float
    f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    largest_share: float
    clusters: int


def _pairs(counts: NDArray[np.int64]) -> float:
    return float((counts * (counts - 1) // 2).sum())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def compare(predicted: NDArray[np.int64], truth: NDArray[np.int64]) -> Quality:
    """Compare two labelings of the same items (labels are any non-negative integers)."""
    n = len(predicted)
    _, pred = np.unique(predicted, return_inverse=True)
    _, true = np.unique(truth, return_inverse=True)
    key = pred.astype(np.int64) * (int(true.max()) + 1) + true
    _, cell_of, cell = np.unique(key, return_inverse=True, return_counts=True)
    pred_size = np.bincount(pred)
    true_size = np.bincount(true)
    together = _pairs(cell)
    precision = together / _pairs(pred_size) if _pairs(pred_size) else 1.0
    recall = together / _pairs(true_size) if _pairs(true_size) else 1.0
    shared = cell[cell_of].astype(np.float64)
    b_p = float((shared / pred_size[pred]).mean()) if n else 1.0
    b_r = float((shared / true_size[true]).mean()) if n else 1.0
    return Quality(
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
        bcubed_precision=b_p,
        bcubed_recall=b_r,
        bcubed_f1=_f1(b_p, b_r),
        largest_share=float(pred_size.max()) / n if n else 0.0,
        clusters=len(pred_size),
    )
