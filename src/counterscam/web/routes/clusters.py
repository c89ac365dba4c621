"""Clusters: the list (with CSV), the brief of one cluster, and its network view."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.datastructures import QueryParams

from counterscam.api.deps import MAX_PAGE
from counterscam.api.prefix import root_path
from counterscam.link.brief import ClusterHidden, ClusterNotFound
from counterscam.link.listing import SORTS
from counterscam.web.cluster_brief_view import (
    IDENTIFIERS_SHOWN,
    LINKS_PER_PAGE,
    brief_charts,
    brief_tables,
    check_href,
    person_groups,
)
from counterscam.web.cluster_network import (
    PERSON_LABEL,
    joining,
    network_json,
    network_tables,
    summary,
)
from counterscam.web.cluster_views import (
    SORT_LABELS,
    ClusterFilters,
    cluster_list,
    export_cluster_list,
    read_brief,
    read_graph,
)
from counterscam.web.formatting import KIND_LABELS, member_countries, options
from counterscam.web.forms import FormErrors
from counterscam.web.list_filters import country_and_scam_type, refused
from counterscam.web.render import Page, SignedIn
from counterscam.web.tables import Sorting, chosen_sort, csv_response

router = APIRouter()
JOINING_PER_PAGE = 100


def _filters(
    sort: str, country: str, scam_type: str, compound: str, errors: FormErrors, query: QueryParams
) -> ClusterFilters:
    code, kind = country_and_scam_type(country, scam_type, errors, query)
    return ClusterFilters(
        sort=sort.strip() or "loss", country=code, scam_type=kind, compound=compound.strip()[:100]
    )


def _hidden(page: Page, key: str, exc: ClusterHidden) -> Response:
    return page.render(
        "cluster_hidden.html",
        section="clusters",
        title="You cannot open this cluster",
        key=key.upper(),
        holdings=exc.holdings,
        status_code=403,
    )


@router.get("/clusters", response_class=HTMLResponse)
def clusters_list(
    page: SignedIn,
    sort: str = "loss",
    country: str = "",
    scam_type: str = "",
    compound: str = "",
    p: int = Query(1, ge=1, le=MAX_PAGE, alias="page"),
) -> Response:
    """List the clusters holding reports the caller may see, sorted and filtered."""
    errors = FormErrors()
    filters = _filters(sort, country, scam_type, compound, errors, page.request.query_params)
    sort = chosen_sort(
        filters.sort,
        SORTS,
        "loss",
        errors,
        list(SORT_LABELS.values()),
        query=page.request.query_params,
        message="Choose how to sort the clusters from the “Sort by” list",
    )
    filters = replace(filters, sort=sort)
    view = cluster_list(page.session, page.caller, filters=filters, page=p)
    query = filters.query_string()
    base_url = "/clusters" + (f"?{query}" if query else "")
    return page.render(
        "clusters.html",
        section="clusters",
        title="Clusters",
        view=view,
        filters=filters,
        errors=errors,
        sorts=list(SORT_LABELS.items()),
        base_url=base_url,
        # The rows come sorted by SQL over all pages: a Sorting turns the headings' in-browser
        # sort off (it re-ordered only the page shown); "Sort by" orders the whole list.
        server_sorted=Sorting(current=sort, url=base_url),
        csv_url="/clusters.csv" + (f"?{query}" if query else ""),
        countries=member_countries(),
        scam_types=options("scam_type"),
        status_code=400 if errors else 200,
    )


@router.get("/clusters.csv")
def clusters_csv(
    page: SignedIn, sort: str = "loss", country: str = "", scam_type: str = "", compound: str = ""
) -> Response:
    """Download the cluster list under the same sort and filters as CSV."""
    errors = FormErrors()
    filters = _filters(sort, country, scam_type, compound, errors, page.request.query_params)
    if errors:
        raise HTTPException(400, refused(errors))
    if filters.sort not in SORTS:
        raise HTTPException(400, f"Unknown sort {filters.sort!r}: use {', '.join(SORTS)}")
    return csv_response(export_cluster_list(page.session, page.caller, filters=filters))


@router.get("/clusters/{key}", response_class=HTMLResponse)
def cluster_detail(
    key: str, page: SignedIn, p: int = Query(1, ge=1, le=MAX_PAGE, alias="page")
) -> Response:
    """Show the brief of one cluster, or who holds it when the caller may see none of it."""
    try:
        brief = read_brief(page.session, page.caller, key)
    except ClusterNotFound as exc:
        raise HTTPException(404) from exc
    except ClusterHidden as exc:
        return _hidden(page, key, exc)
    start = (p - 1) * LINKS_PER_PAGE
    return page.render(
        "cluster.html",
        section="clusters",
        title=f"Cluster {brief.key}",
        b=brief,
        tables=brief_tables(brief),
        chart=brief_charts(brief),
        people=person_groups(brief),
        check_href=check_href,
        shown=IDENTIFIERS_SHOWN,
        kind_labels=KIND_LABELS,
        links=brief.links[start : start + LINKS_PER_PAGE],
        links_page=p,
        links_per_page=LINKS_PER_PAGE,
    )


@router.get("/clusters/{key}/network", response_class=HTMLResponse)
def cluster_network(key: str, page: SignedIn) -> Response:
    """Show the interactive network of a cluster (drawn by network.js from graph.json)."""
    try:
        graph = read_graph(page.session, page.caller, key)
    except ClusterNotFound as exc:
        raise HTTPException(404) from exc
    except ClusterHidden as exc:
        return _hidden(page, key, exc)
    return page.render(
        "cluster_network.html",
        section="clusters",
        title=f"Network of cluster {graph.key}",
        key=graph.key,
        s=summary(graph),
        kind_labels=KIND_LABELS,
    )


@router.get("/clusters/{key}/network/table", response_class=HTMLResponse)
def cluster_network_table(
    key: str, page: SignedIn, p: int = Query(1, ge=1, le=MAX_PAGE, alias="page")
) -> Response:
    """Show the network as a table: each identifier and the reports that name it."""
    try:
        graph = read_graph(page.session, page.caller, key)
    except ClusterNotFound as exc:
        raise HTTPException(404) from exc
    except ClusterHidden as exc:
        return _hidden(page, key, exc)
    rows = joining(graph)
    start = (p - 1) * JOINING_PER_PAGE
    return page.render(
        "cluster_network_table.html",
        section="clusters",
        title=f"Network of cluster {graph.key} as a table",
        key=graph.key,
        s=summary(graph),
        rows=rows[start : start + JOINING_PER_PAGE],
        person_label=PERSON_LABEL,
        total=len(rows),
        page_number=p,
        per_page=JOINING_PER_PAGE,
    )


@router.get("/clusters/{key}/network/{slug}.csv")
def cluster_network_csv(key: str, slug: str, page: SignedIn) -> Response:
    """Download the network's nodes or edges as CSV."""
    try:
        tables = network_tables(read_graph(page.session, page.caller, key))
    except ClusterNotFound as exc:
        raise HTTPException(404) from exc
    except ClusterHidden as exc:
        raise HTTPException(403, str(exc)) from exc
    if slug not in tables:
        raise HTTPException(404)
    return csv_response(tables[slug])


@router.get("/clusters/{key}/graph.json")
def cluster_graph_json(key: str, page: SignedIn) -> Response:
    """Return the network with its layout (x, y in the unit square) for network.js."""
    try:
        graph = read_graph(page.session, page.caller, key)
    except ClusterNotFound:
        return JSONResponse({"detail": f"no cluster {key}"}, status_code=404)
    except ClusterHidden as exc:
        return JSONResponse({"detail": str(exc)}, status_code=403)
    return JSONResponse(network_json(graph, root_path(page.request.scope)))


@router.get("/clusters/{key}/{slug}.csv")
def cluster_table_csv(key: str, slug: str, page: SignedIn) -> Response:
    """Download one table of the brief as CSV."""
    try:
        tables = brief_tables(read_brief(page.session, page.caller, key))
    except ClusterNotFound as exc:
        raise HTTPException(404) from exc
    except ClusterHidden as exc:
        raise HTTPException(403, str(exc)) from exc
    if slug not in tables:
        raise HTTPException(404)
    return csv_response(tables[slug])
