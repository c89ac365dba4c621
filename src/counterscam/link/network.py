"""The network view of a cluster: reports and the identifiers and persons joining them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.access.policy import report_visible
from counterscam.access.reads import holdings
from counterscam.db.link_models import ClusterLink, ClusterReport, PartyDocument
from counterscam.db.models import Identifier, Party, Report, Sighting
from counterscam.link.brief import ClusterHidden, audit_cluster_read, open_cluster


@dataclass(frozen=True)
class ClusterGraph:
    """Nodes and edges for a network view (e.g. Cytoscape or vis-network JSON).

    Nodes: ``{"id": "r12", "type": "report", "label": external ref, "country", "date",
    "scam_type"}``, ``{"id": "i34", "type": "identifier", "label": value, "kind"}`` and
    ``{"id": "p56", "type": "person", "label": name as written, "kind": "person"}`` for a
    suspect, mule or recruiter joining reports (by resolved person, or by document: then the
    id is ``d`` and the document key). Edges: ``{"source": "r12", "target": "i34", "role"}``:
    a visible report naming an identifier or person that joins reports of the cluster, with
    its role there. Hidden reports are never nodes; victims of trafficking never join.
    """

    key: str
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False
    hidden_reports: int = 0


def cluster_graph(
    session: Session, caller: Caller, key: str, *, limit: int = 5000, channel: str = "web"
) -> ClusterGraph:
    """Return the cluster's visible reports and what joins them, at most ``limit`` nodes."""
    found = open_cluster(session, caller, key, action="read_cluster_graph", channel=channel)
    members = select(ClusterReport.report_id).where(ClusterReport.cluster_id == found.id)
    visible = and_(Report.id.in_(members), report_visible(caller))
    reports = {
        r.id: r
        for r in session.execute(
            select(
                Report.id, Report.external_ref, Report.country, Report.reported_at, Report.scam_type
            ).where(visible)
        )
    }
    hidden = holdings(session, caller, Report.id.in_(members))
    audit_cluster_read(
        session, caller, found, action="read_cluster_graph", channel=channel, hits=len(reports)
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
    named = [
        (rid, role, f"i{ident}", {"type": "identifier", "label": value, "kind": kind})
        for rid, role, ident, kind, value in rows
    ]
    named += _persons(session, found.id, select(Report.id).where(visible))
    for rid, role, node_id, node in named:
        wanted = [w for w in (f"r{rid}", node_id) if w not in nodes]
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
        nodes.setdefault(node_id, {"id": node_id, **node})
        edges.setdefault(
            (f"r{rid}", node_id), {"source": f"r{rid}", "target": node_id, "role": role}
        )
    return ClusterGraph(
        key=found.key,
        nodes=list(nodes.values()),
        edges=list(edges.values()),
        truncated=truncated,
        hidden_reports=sum(h.reports for h in hidden),
    )


def _persons(
    session: Session, cluster_id: int, visible_ids: Select[int]
) -> list[tuple[int, str, str, dict[str, Any]]]:
    """Return (report, role, node id, node) for the parties of person and document links.

    Only parties of reports the caller may see are read (``visible_ids`` carries the policy).
    """
    ends = session.execute(
        select(ClusterLink.party_a, ClusterLink.party_b).where(
            ClusterLink.cluster_id == cluster_id, ClusterLink.via != "identifier"
        )
    ).all()
    parties = sorted({p for pair in ends for p in pair if p is not None})
    found: list[tuple[int, str, str, dict[str, Any]]] = []
    for start in range(0, len(parties), 5_000):
        rows = session.execute(
            select(Party.report_id, Party.role, Party.full_name, Party.person_id)
            .add_columns(PartyDocument.key)
            .outerjoin(PartyDocument, PartyDocument.party_id == Party.id)
            .where(Party.id.in_(parties[start : start + 5_000]), Party.report_id.in_(visible_ids))
            .order_by(Party.report_id, Party.id)
        )
        for rid, role, name, person, key in rows:
            # One node per person: the resolved one when known, else the document.
            node_id = f"p{person}" if person is not None else f"d{key}"
            found.append((rid, role, node_id, {"type": "person", "label": name, "kind": "person"}))
    return found
