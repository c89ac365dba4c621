"""Web page routes (thin: parse, call a service, render), gathered from one module per area."""

from __future__ import annotations

from fastapi import APIRouter

from counterscam.web.errors import install_error_pages
from counterscam.web.routes import (
    alerts,
    auth,
    check,
    check_bulk,
    clusters,
    dashboard,
    intake,
    reports,
    stoplist,
)

router = APIRouter(include_in_schema=False)
# intake before reports: /reports/new must match before /reports/{report_id}.
for _module in (auth, dashboard, intake, reports, check, check_bulk, alerts, clusters, stoplist):
    router.include_router(_module.router)

__all__ = ["install_error_pages", "router"]
