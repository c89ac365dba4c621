"""The ASGI application: JSON API under /api/v1, web pages at /, assets at /static."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from counterscam import __version__
from counterscam.access import audit
from counterscam.api import (
    alerts,
    check,
    clusters,
    docs_page,
    errors,
    health,
    intake,
    openapi_auth,
    reports,
)
from counterscam.api.body_limit import BodyCap
from counterscam.api.guard import RequestGuard
from counterscam.api.head import HeadAsGet
from counterscam.api.security_headers import SecurityHeaders
from counterscam.api.sessions import CookieSessions
from counterscam.config import Settings, get_settings
from counterscam.db.engine import engine_for, session_factory
from counterscam.web import pages
from counterscam.web.paths import STATIC_DIR


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    yield
    audit.shutdown()  # write the search audit rows still queued in memory


def create_app(*, settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """Build the app; refuses default secrets outside demo mode."""
    settings = settings or get_settings()
    settings.require_safe_secrets()
    engine = engine or engine_for(settings.resolved_database_url)
    app = FastAPI(
        title="counterscam",
        version=__version__,
        description="API of the regional anti-scam centre.",
        docs_url=None,  # served by docs_page, from local assets
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
    app.add_middleware(
        CookieSessions,
        secret_key=settings.secret_key,
        session_cookie="counterscam_session",
        max_age=settings.session_max_age_seconds,
        same_site="strict",
        https_only=settings.secure_cookies,
    )
    app.add_middleware(RequestGuard)  # no NUL reaches the database; answers are no-store
    app.add_middleware(BodyCap, limit=settings.max_upload_bytes)  # no body read past the limit
    app.add_middleware(HeadAsGet)  # sessions and routes see a GET
    app.add_middleware(SecurityHeaders)  # outermost: every answer gets them
    # Routes are matched in order: the check, the busiest route, right after the probe.
    for module in (health, check, reports, intake, alerts, clusters):
        app.include_router(module.router, prefix="/api/v1")
    app.include_router(pages.router)
    pages.install_error_pages(app)
    errors.install(app)  # the API's own words for its errors; the pages keep theirs
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    docs_page.install(app)
    openapi_auth.install(app)  # the token scheme, for the reference's Authorize button
    return app
