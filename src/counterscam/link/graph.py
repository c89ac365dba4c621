"""Cluster reports from columnar evidence: pure NumPy, SciPy and igraph, no database.

The graph: reports are nodes; two reports are joined when they name the same identifier in a
role that points at the operator, within the time window of each other. Each identifier's
sightings, in date order, are cut into *runs* wherever the gap exceeds the window; a run is
chained (each report to the next), which joins the same reports as every pair would, with
far fewer edges. Runs that behave like hubs (too many reports, or in use for too long) never
link. Components too large to be one chain of evidence are split by Leiden; every stored
link is a pair of reports in one final cluster that share an identifier in one run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import igraph as ig
import numpy as np
from numpy.typing import NDArray
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from counterscam.link.figures import IntArray
from counterscam.link.rules import DEFAULT_RULES, LinkRules


@dataclass(frozen=True)
class Evidence:
    """Linking sightings as parallel arrays; report and identifier are dense indices.

    Attributes:
        report_day: the date of each report (days since 1970-01-01), indexed by report.
        rep: the report of each sighting.
        ident: the identifier of each sighting.
        allowed: per identifier, True when an analyst declared it never a hub (optional).
    """

    report_day: IntArray
    rep: IntArray
    ident: IntArray
    allowed: NDArray[np.bool_] | None = None


@dataclass(frozen=True)
class Partition:
    """Clusters over the reports of an Evidence, and the links that explain them.

    Attributes:
        labels: a cluster label per report (0..n_clusters-1); lone reports get their own.
        link_a, link_b: the two reports of each stored link (indices, a's date <= b's).
        link_ident: the identifier joining them.
        hub_ident, hub_reports, hub_span: the identifiers treated as hubs, with the number of
            reports of their busiest run and its span in days.
    """

    labels: IntArray
    link_a: IntArray
    link_b: IntArray
    link_ident: IntArray
    hub_ident: IntArray
    hub_reports: IntArray
    hub_span: IntArray

    @property
    def n_clusters(self) -> int:
        """Return the number of clusters, singletons included."""
        return int(self.labels.max()) + 1 if len(self.labels) else 0


@dataclass(frozen=True)
class _Runs:
    rep: IntArray  # sightings in (identifier, day) order, one per (identifier, report)
    ident: IntArray
    day: IntArray
    run: IntArray  # run id per sighting


def _runs(ev: Evidence, rules: LinkRules) -> tuple[_Runs, IntArray, IntArray, IntArray]:
    day = ev.report_day[ev.rep]
    order = np.lexsort((ev.rep, day, ev.ident))
    rep, ident, day = ev.rep[order], ev.ident[order], day[order]
    keep = np.ones(len(rep), dtype=bool)
    keep[1:] = (ident[1:] != ident[:-1]) | (rep[1:] != rep[:-1])
    rep, ident, day = rep[keep], ident[keep], day[keep]
    starts = np.ones(len(rep), dtype=bool)
    starts[1:] = (ident[1:] != ident[:-1]) | (day[1:] - day[:-1] > rules.window_days)
    run = np.cumsum(starts) - 1
    n_runs = int(run[-1]) + 1 if len(run) else 0
    size = np.bincount(run, minlength=n_runs)
    first = day[starts]
    last = np.zeros(n_runs, dtype=np.int64)
    if n_runs:
        ends = np.append(np.flatnonzero(starts)[1:], len(day)) - 1
        last = day[ends]
    # Spans are over an identifier's whole life, not one run: a hotline or an aggregator is
    # named now and then for years, an operator's own number for a few weeks.
    run_ident = ident[starts]
    life_first = np.full(int(ident.max()) + 1 if len(ident) else 0, np.iinfo(np.int64).max)
    life_last = np.full(len(life_first), np.iinfo(np.int64).min)
    np.minimum.at(life_first, run_ident, first)
    np.maximum.at(life_last, run_ident, last)
    span = (life_last - life_first)[run_ident]
    hub_run = (size > rules.hub_reports) | (span > rules.hub_span_days)
    if ev.allowed is not None and len(ev.allowed):
        hub_run &= ~ev.allowed[run_ident]
    hub_idents = np.unique(run_ident[hub_run])
    busiest = np.zeros(0, dtype=np.int64)
    spans = np.zeros(0, dtype=np.int64)
    if len(hub_idents):
        pick = np.isin(run_ident, hub_idents)
        frame = np.lexsort((size[pick], run_ident[pick]))
        ri, sz, sp = run_ident[pick][frame], size[pick][frame], span[pick][frame]
        last_of = np.append(ri[1:] != ri[:-1], True)
        busiest, spans = sz[last_of], sp[last_of]
    linking = ~np.isin(ident, hub_idents)
    kept = _Runs(rep=rep[linking], ident=ident[linking], day=day[linking], run=run[linking])
    return kept, hub_idents.astype(np.int64), busiest.astype(np.int64), spans.astype(np.int64)


def _chain(runs: _Runs, group: IntArray) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """Chain consecutive sightings of the same run and the same group (by date)."""
    order = np.lexsort((runs.day, group, runs.run))
    rep, run, grp, ident = runs.rep[order], runs.run[order], group[order], runs.ident[order]
    same = (run[1:] == run[:-1]) & (grp[1:] == grp[:-1])
    return rep[:-1][same], rep[1:][same], ident[1:][same], run[1:][same]


def components(n: int, a: IntArray, b: IntArray) -> IntArray:
    """Return the connected component of each of ``n`` nodes joined by the pairs (a, b).

    Components are numbered in order of their lowest node.
    """
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return np.asarray(labels, dtype=np.int64)


def _communities(
    n: int, a: IntArray, b: IntArray, w: NDArray[np.float64], comp: IntArray, rules: LinkRules
) -> IntArray:
    """Split the giant components (see ``LinkRules.split_share``) with Leiden, one at a time."""
    community = comp.copy()
    sizes = np.bincount(comp, minlength=int(comp.max()) + 1 if n else 0)
    big = np.flatnonzero(sizes > rules.giant_above(n))
    if not len(big):
        return community
    next_label = int(comp.max()) + 1
    edge_comp = comp[a]
    order = np.argsort(edge_comp, kind="stable")
    bounds = np.searchsorted(edge_comp[order], big, side="left")
    ends = np.searchsorted(edge_comp[order], big, side="right")
    for c, lo, hi in zip(big, bounds, ends, strict=True):
        edges = order[lo:hi]
        nodes = np.flatnonzero(comp == c)
        local = np.full(n, -1, dtype=np.int64)
        local[nodes] = np.arange(len(nodes))
        graph = ig.Graph(
            n=len(nodes),
            edges=np.column_stack((local[a[edges]], local[b[edges]])).tolist(),
        )
        ig.set_random_number_generator(random.Random(rules.seed))
        found = graph.community_leiden(
            objective_function="modularity",
            weights=w[edges].tolist(),
            resolution=rules.resolution,
            n_iterations=-1,
        )
        membership = np.asarray(found.membership, dtype=np.int64)
        community[nodes] = membership + next_label
        next_label += int(membership.max()) + 1
    return community


def _rejoin(community: IntArray, a: IntArray, b: IntArray, ident: IntArray, k: int) -> IntArray:
    """Undo the splits that cut through ``k`` or more distinct shared identifiers.

    Leiden also cuts a long-lived syndicate into periods; the periods of one syndicate are
    joined by many identifiers (every lane that rotated across the cut), a false bridge
    between two syndicates by one or two (a spoofed number, a mistyped account).
    """
    ca, cb = community[a], community[b]
    cross = ca != cb
    if not cross.any():
        return community
    lo, hi = np.minimum(ca, cb)[cross], np.maximum(ca, cb)[cross]
    triples = np.unique(np.column_stack((lo, hi, ident[cross])), axis=0)
    pairs, counts = np.unique(triples[:, :2], axis=0, return_counts=True)
    strong = pairs[counts >= k]
    n = int(community.max()) + 1
    joined = components(n, strong[:, 0], strong[:, 1])
    return joined[community]


def cluster(ev: Evidence, rules: LinkRules = DEFAULT_RULES) -> Partition:
    """Return the clusters of the reports in ``ev`` and the links that explain them."""
    n = len(ev.report_day)
    runs, hub_ident, hub_reports, hub_span = _runs(ev, rules)
    a, b, ident, run = _chain(runs, np.zeros(len(runs.rep), dtype=np.int64))
    comp = components(n, a, b)
    if len(a):
        size = np.bincount(runs.run)
        weight = 1.0 / np.log2(1.0 + size[run])
        pa, pb, pw = _pair_weights(a, b, weight)
        community = _communities(n, pa, pb, pw, comp=comp, rules=rules)
        community = _rejoin(community, a, b, ident, rules.rejoin_identifiers)
        a, b, ident, run = _chain(runs, community[runs.rep])
    labels = components(n, a, b)
    return Partition(
        labels=labels,
        link_a=a,
        link_b=b,
        link_ident=ident,
        hub_ident=hub_ident,
        hub_reports=hub_reports,
        hub_span=hub_span,
    )


def _pair_weights(
    a: IntArray, b: IntArray, w: NDArray[np.float64]
) -> tuple[IntArray, IntArray, NDArray[np.float64]]:
    """Return one edge per report pair, weighing the more the rarer the identifiers shared."""
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    key = lo * (int(hi.max()) + 1) + hi
    uniq, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    total = np.bincount(inverse, weights=w).astype(np.float64)
    return lo[first].astype(np.int64), hi[first].astype(np.int64), total
