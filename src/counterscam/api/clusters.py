"""API routes: clusters of linked reports (candidate syndicates), through the access gateway."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from counterscam.api.check import HoldingOut
from counterscam.api.deps import MAX_PAGE, CurrentCaller, SessionDep
from counterscam.api.error_docs import SIGNED_IN, hidden
from counterscam.api.errors import invalid, strict_query
from counterscam.api.filters import country_filter, scam_type_filter
from counterscam.intake.schema import PLACE_NAME_CHARS
from counterscam.link.brief import ClusterHidden, ClusterNotFound, cluster_brief
from counterscam.link.listing import list_clusters
from counterscam.link.network import cluster_graph
from counterscam.sorting import BadSort

router = APIRouter(tags=["clusters"], dependencies=[Depends(strict_query)], responses=SIGNED_IN)
T = TypeVar("T")


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ClusterSummaryOut(_Out):
    """A cluster as listed: figures over the reports you may see, and how many you may not."""

    key: str
    reports: int
    hidden_reports: int
    total_reports: int
    countries: list[str]
    total_loss_usd: Decimal
    first_seen: datetime | None
    last_seen: datetime | None
    growth_30d: int
    own_reports: int
    compounds: list[str]


class ClusterPageOut(_Out):
    """A page of clusters."""

    total: int
    page: int
    per_page: int
    sort: str
    items: list[ClusterSummaryOut]


class FigureOut(_Out):
    """Reports and loss of one country, month or scam type.

    ``loss_usd`` sums the losses the reports give; ``reports_with_loss`` says how many give one
    (``0.00`` from none of them is no loss known, not a loss of nothing), as the check says.
    """

    name: str
    reports: int
    loss_usd: Decimal
    reports_with_loss: int


class IdentifierUseOut(_Out):
    """An identifier of the cluster, its roles and in how many reports you may see."""

    kind: str
    value: str
    country: str | None
    roles: list[str]
    reports: int


class CompoundOut(_Out):
    """A compound named in the cluster's reports."""

    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    reports: int


class PersonOut(_Out):
    """A person named in the cluster's reports; victims of trafficking have is_victim true."""

    name: str
    role: str
    nationality: str | None
    is_victim: bool
    reports: int
    person_id: int | None


class TiedReportOut(_Out):
    """A rescue or recruitment report outside the cluster, tied to it (not linked)."""

    report: str
    via: str = Field(description="identifier (a recruiter's contact) or compound")
    shared: str


class TraffickingOut(_Out):
    """Trafficking indicators of the cluster, over its reports and the reports tied to it."""

    identified_victims: int = Field(description="distinct victims, own and tied reports")
    victims_in_cluster: int
    recruitment_channels: list[IdentifierUseOut]
    compounds: list[str]
    tied_reports: list[TiedReportOut]


class LinkOut(_Out):
    """Why two reports are in the cluster."""

    report_a: str
    report_b: str
    kind: str
    value: str
    role_a: str
    role_b: str
    days_apart: int
    sentence: str
    via: str = Field(description="identifier, person (resolved) or document (ID or passport)")


class ClusterBriefOut(_Out):
    """Everything you may see of one cluster, and who holds the rest."""

    key: str
    reports: int
    total_reports: int
    total_loss_usd: Decimal
    victim_countries: list[FigureOut]
    operation_countries: list[str]
    identifiers: dict[str, list[IdentifierUseOut]]
    timeline: list[FigureOut]
    scam_types: list[FigureOut]
    compounds: list[CompoundOut]
    persons: list[PersonOut]
    trafficking: TraffickingOut
    links: list[LinkOut]
    links_total: int
    holdings: list[HoldingOut]


class ClusterGraphOut(_Out):
    """The cluster's visible reports and the identifiers joining them (nodes and edges)."""

    key: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    truncated: bool
    hidden_reports: int


def _audited(session: Session, read: Callable[[], T]) -> T:
    """Run a link read and commit its audit row, for 404 and 403 answers too."""
    try:
        result = read()
    except ClusterNotFound as exc:
        session.commit()
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    except ClusterHidden as exc:
        session.commit()
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            {
                "message": "This cluster exists but holds no report your agency may see.",
                "holdings": [HoldingOut.model_validate(h).model_dump() for h in exc.holdings],
            },
        ) from exc
    session.commit()
    return result


@router.get("/clusters", response_model=ClusterPageOut)
def api_list_clusters(
    session: SessionDep,
    caller: CurrentCaller,
    sort: str = Query("loss", description="loss, countries, reports, growth or recent"),
    country: str | None = None,
    scam_type: str | None = None,
    # No name is longer (intake's limit).
    compound: str | None = Query(
        None,
        max_length=PLACE_NAME_CHARS,
        description="part of any of a compound's names, in any spelling",
    ),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(50, ge=1, le=500),
) -> ClusterPageOut:
    """List the clusters holding reports you may see, sorted and filtered."""
    wanted_country, wanted_type = country_filter(country), scam_type_filter(scam_type)
    try:
        found = _audited(
            session,
            lambda: list_clusters(
                session,
                caller,
                sort=sort,
                country=wanted_country,
                scam_type=wanted_type,
                compound=compound,
                page=page,
                per_page=per_page,
                channel="api",
            ),
        )
    except BadSort as exc:
        raise invalid(("query", "sort"), str(exc), sort, "enum") from exc
    return ClusterPageOut.model_validate(found)


@router.get("/clusters/{key}", response_model=ClusterBriefOut, responses=hidden("cluster"))
def api_get_cluster(key: str, session: SessionDep, caller: CurrentCaller) -> ClusterBriefOut:
    """Return the brief of a cluster, or 403 naming the agencies that hold it."""
    brief = _audited(session, lambda: cluster_brief(session, caller, key, channel="api"))
    return ClusterBriefOut.model_validate(brief)


@router.get("/clusters/{key}/graph", response_model=ClusterGraphOut, responses=hidden("cluster"))
def api_cluster_graph(
    key: str,
    session: SessionDep,
    caller: CurrentCaller,
    limit: int = Query(5000, ge=1, le=20000, description="most nodes returned"),
) -> ClusterGraphOut:
    """Return the cluster's network: reports you may see and the identifiers joining them."""
    graph = _audited(
        session, lambda: cluster_graph(session, caller, key, limit=limit, channel="api")
    )
    return ClusterGraphOut.model_validate(graph)
