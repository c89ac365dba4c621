"""The network view of a cluster: reports and the identifiers joining them, as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.policy import report_visible
from counterscam.access.reads import holdings
from counterscam.db.link_models import ClusterLink, ClusterReport
from counterscam.db.models import Identifier, Report, Sighting
from counterscam.link.brief import ClusterHidden, find_cluster


@dataclass(frozen=True)
class ClusterGraph:
    """Nodes and edges for a network view (e.g. Cytoscape or vis-network JSON).

    Nodes: ``{"id": "r12", "type": "report", "label": external ref, "country", "date",
    "scam_type"}`` and ``{"id": "i34", "type": "identifier", "label": value, "kind"}``.
    Edges: ``{"source": "r12", "target": "i34", "role": ...}``: a visible report naming an
    identifier that joins reports of the cluster. Hidden reports are never nodes.
    """

    key: str
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False
    hidden_reports: int = 0


def cluster_graph(
    session: Session, caller: Caller, key: str, *, limit: int = 5000, channel: str = "web"
) -> ClusterGraph:
    """Return the cluster's visible reports and joining identifiers, at most ``limit`` nodes."""
    found = find_cluster(session, key)
    members = select(ClusterReport.report_id).where(ClusterReport.cluster_id == found.id)
    reports = {
        r.id: r
        for r in session.execute(
            select(
                Report.id, Report.external_ref, Report.country, Report.reported_at, Report.scam_type
            ).where(and_(Report.id.in_(members), report_visible(caller)))
        )
    }
    hidden = holdings(session, caller, Report.id.in_(members))
    audit.record(
        session,
        caller,
        channel=channel,
        action="read_cluster_graph",
        record_ref=f"cluster:{found.key}",
        hits=len(reports),
    )
    if not reports:
        raise ClusterHidden(found.key, hidden)
    joining = select(ClusterLink.identifier_id).where(ClusterLink.cluster_id == found.id)
    rows = session.execute(
        select(Sighting.report_id, Sighting.role, Identifier.id, Identifier.kind, Identifier.value)
        .join(Identifier, Identifier.id == Sighting.identifier_id)
        .where(Sighting.report_id.in_(list(reports)), Sighting.identifier_id.in_(joining))
        .order_by(Sighting.report_id, Identifier.id)
    )
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    truncated = False
    for rid, role, ident, kind, value in rows:
        wanted = [w for w in (f"r{rid}", f"i{ident}") if w not in nodes]
        if len(nodes) + len(wanted) > limit:
            truncated = True
            break
        r = reports[rid]
        nodes.setdefault(
            f"r{rid}",
            {
                "id": f"r{rid}",
                "type": "report",
                "label": r.external_ref,
                "country": r.country,
                "date": f"{r.reported_at:%Y-%m-%d}",
                "scam_type": r.scam_type,
            },
        )
        nodes.setdefault(
            f"i{ident}", {"id": f"i{ident}", "type": "identifier", "label": value, "kind": kind}
        )
        edges.setdefault(
            (f"r{rid}", f"i{ident}"), {"source": f"r{rid}", "target": f"i{ident}", "role": role}
        )
    return ClusterGraph(
        key=found.key,
        nodes=list(nodes.values()),
        edges=list(edges.values()),
        truncated=truncated,
        hidden_reports=sum(h.reports for h in hidden),
    )
