"""The network view of a cluster: a layout computed on the server, drawn by network.js.

The layout is igraph's (Fruchterman-Reingold up to DRL_ABOVE nodes, DRL above, which stays
near-linear at a few thousand nodes), normalised to the unit square so the browser only
scales and pans. Layouts are pure functions of the graph's shape, so they are cached by it:
a second agency seeing the same nodes, or the page's reload, does not lay it out again.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import igraph
import numpy as np

from counterscam.link.network import ClusterGraph
from counterscam.web.formatting import KIND_LABELS
from counterscam.web.tables import Column, Table

DRL_ABOVE = 2_000
REPORT_COLOUR = "#12263f"
# Identifier kinds by colour (GOV.UK palette); the legend and network.js read this one map.
KIND_COLOURS = {
    "phone": "#d4351c",
    "bank_account": "#00703c",
    "ewallet": "#85994b",
    "crypto_wallet": "#f47738",
    "url": "#1d70b8",
    "domain": "#5694ca",
    "email": "#912b88",
    "handle": "#d53880",
    "ip": "#6f72af",
    "shortcode": "#b58840",
    "sender_id": "#28a197",
    "person": "#4c2c92",  # a suspect, mule or recruiter joining reports (not an identifier)
}
PERSON_LABEL = "Person (suspect, mule, recruiter)"
OTHER_COLOUR = "#505a5f"
CACHE_SIZE = 32
_cache: OrderedDict[str, list[tuple[float, float]]] = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True)
class NetworkSummary:
    """What the network page says before the drawing loads: counts and the legend."""

    reports: int
    identifiers: int
    edges: int
    persons: int
    kinds: list[tuple[str, int, str]]
    truncated: bool
    hidden_reports: int


def summary(graph: ClusterGraph) -> NetworkSummary:
    """Count the graph's reports, identifiers by kind, persons and edges."""
    kinds: dict[str, int] = {}
    for node in graph.nodes:
        if node["type"] != "report":
            kinds[node["kind"]] = kinds.get(node["kind"], 0) + 1
    persons = sum(1 for n in graph.nodes if n["type"] == "person")
    return NetworkSummary(
        reports=sum(1 for n in graph.nodes if n["type"] == "report"),
        identifiers=sum(kinds.values()) - persons,
        edges=len(graph.edges),
        persons=persons,
        kinds=[
            (kind, n, KIND_COLOURS.get(kind, OTHER_COLOUR))
            for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        truncated=graph.truncated,
        hidden_reports=graph.hidden_reports,
    )


def _layout(n: int, pairs: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """Return node positions in [0, 1]², keeping the drawing's aspect ratio."""
    if n == 0:
        return []
    if n == 1:
        return [(0.5, 0.5)]
    graph = igraph.Graph(n=n, edges=pairs)
    # A seeded start makes the same cluster look the same on every visit.
    start = np.random.default_rng(n).random((n, 2)).tolist()
    if n > DRL_ABOVE:
        found = graph.layout_drl(seed=start)
    else:
        found = graph.layout_fruchterman_reingold(seed=start, niter=400, grid="auto")
    coords = np.asarray(found.coords, dtype=float)
    low = coords.min(axis=0)
    span = float((coords.max(axis=0) - low).max()) or 1.0
    unit = (coords - low) / span
    unit += (1.0 - unit.max(axis=0)) / 2  # centre the shorter side
    return [(round(float(x), 5), round(float(y), 5)) for x, y in unit]


def cached_layout(n: int, pairs: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """Return the layout of this shape, from the cache when it was laid out before."""
    digest = hashlib.sha256(f"{n}:{pairs}".encode()).hexdigest()
    with _lock:
        if digest in _cache:
            _cache.move_to_end(digest)
            return _cache[digest]
    coords = _layout(n, pairs)
    with _lock:
        _cache[digest] = coords
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return coords


def network_json(graph: ClusterGraph, root_path: str = "") -> dict[str, Any]:
    """Return the graph with x, y, degree and link of every node, ready for network.js.

    ``root_path`` is the proxy's prefix: network.js follows a report's link as it is.
    """
    index = {node["id"]: i for i, node in enumerate(graph.nodes)}
    pairs = [(index[e["source"]], index[e["target"]]) for e in graph.edges]
    degree = np.bincount(np.asarray(pairs, dtype=np.int64).ravel(), minlength=len(index))
    coords = cached_layout(len(index), pairs)
    nodes = []
    for i, node in enumerate(graph.nodes):
        out = {**node, "x": coords[i][0], "y": coords[i][1], "degree": int(degree[i])}
        if node["type"] == "report":
            out["href"] = f"{root_path}/reports/{node['id'][1:]}"
        nodes.append(out)
    return {
        "key": graph.key,
        "truncated": graph.truncated,
        "hidden_reports": graph.hidden_reports,
        "colours": {"report": REPORT_COLOUR, **KIND_COLOURS, "other": OTHER_COLOUR},
        "kind_labels": {**{k: v for k, v in KIND_LABELS.items() if k}, "person": PERSON_LABEL},
        "nodes": nodes,
        "edges": [{**e, "s": s, "t": t} for e, (s, t) in zip(graph.edges, pairs, strict=True)],
    }


@dataclass(frozen=True)
class Joining:
    """An identifier of the network and the reports (label, address) that name it."""

    kind: str
    value: str
    roles: list[str]
    reports: list[tuple[str, str]]


def joining(graph: ClusterGraph) -> list[Joining]:
    """Return the network as a list: each identifier with its reports, most reports first."""
    by_id = {node["id"]: node for node in graph.nodes}
    reports: dict[str, list[tuple[str, str]]] = {}
    roles: dict[str, set[str]] = {}
    for edge in graph.edges:
        report = by_id[edge["source"]]
        reports.setdefault(edge["target"], []).append(
            (report["label"], f"/reports/{report['id'][1:]}")
        )
        roles.setdefault(edge["target"], set()).add(edge["role"])
    found = [
        Joining(
            kind=by_id[ident]["kind"],
            value=by_id[ident]["label"],
            roles=sorted(roles[ident]),
            reports=sorted(named),
        )
        for ident, named in reports.items()
    ]
    return sorted(found, key=lambda j: (-len(j.reports), j.kind, j.value))


def network_tables(graph: ClusterGraph) -> dict[str, Table]:
    """Return the nodes and the edges of the network as downloadable tables."""
    by_id = {node["id"]: node for node in graph.nodes}
    return {
        "nodes": Table(
            caption="Nodes",
            columns=tuple(
                Column(k, k)
                for k in ("id", "type", "label", "kind", "country", "date", "scam_type")
            ),
            rows=graph.nodes,
            csv_name=f"{graph.key}-nodes.csv",
        ),
        "edges": Table(
            caption="Edges",
            columns=(
                Column("source", "source"),
                Column("report", "report"),
                Column("target", "target"),
                Column("identifier", "identifier"),
                Column("role", "role"),
            ),
            rows=[
                {
                    **e,
                    "report": by_id[e["source"]]["label"],
                    "identifier": by_id[e["target"]]["label"],
                }
                for e in graph.edges
            ],
            csv_name=f"{graph.key}-edges.csv",
        ),
    }
