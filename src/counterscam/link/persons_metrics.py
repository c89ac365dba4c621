"""Score a clustering of records against the true persons: pairwise and B-cubed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1, pairwise and B-cubed."""

    pair_precision: float
    pair_recall: float
    pair_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _groups(assign: Mapping[str, str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for rid, key in assign.items():
        out[key].add(rid)
    return out


def _pairs(groups: dict[str, set[str]]) -> int:
    return sum(len(g) * (len(g) - 1) // 2 for g in groups.values())


def score(predicted: Mapping[str, str], truth: Mapping[str, str]) -> Scores:
    """Compare ``predicted`` (record -> cluster) with ``truth`` (record -> person)."""
    pred, true = _groups(predicted), _groups(truth)
    both: dict[tuple[str, str], int] = defaultdict(int)
    for rid, key in predicted.items():
        both[(key, truth[rid])] += 1
    agree = sum(n * (n - 1) // 2 for n in both.values())
    pp = agree / _pairs(pred) if _pairs(pred) else 1.0
    pr = agree / _pairs(true) if _pairs(true) else 1.0
    # B-cubed: per record, the share of its cluster that is its person and vice versa.
    n = len(predicted)
    bp = sum(c * c / len(pred[k]) for (k, _), c in both.items()) / n
    br = sum(c * c / len(true[t]) for (_, t), c in both.items()) / n
    return Scores(pp, pr, _f1(pp, pr), bp, br, _f1(bp, br))
