"""The interactive API reference at /api/docs, with Swagger UI served from this server.

FastAPI's own docs page loads Swagger UI's script, stylesheet and icon from a public CDN, so
on an air-gapped police network it stays blank. The same files come here from the installed
``fastapi-offline`` package (Swagger UI 5, which reads the OpenAPI 3.1 FastAPI writes).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from counterscam.api.prefix import root_path, url

DOCS_URL = "/api/docs"
ASSETS_URL = f"{DOCS_URL}/assets"
_ASSETS = Path(str(files("fastapi_offline") / "static"))


def install(app: FastAPI) -> None:
    """Serve the reference page and its assets; ``app`` must be built with ``docs_url=None``."""
    openapi_url = app.openapi_url
    if openapi_url is None:
        raise ValueError("the API reference needs the app's OpenAPI schema: set openapi_url")
    app.mount(ASSETS_URL, StaticFiles(directory=_ASSETS), name="api-docs-assets")
    # Where FastAPI serves them by default, so where an integrator looks first: these answered
    # the web pages' 404. Both targets are public, so the redirects open nothing new.
    for usual, served in (("/openapi.json", openapi_url), ("/docs", DOCS_URL)):
        app.add_api_route(usual, _redirect(served), methods=["GET"], include_in_schema=False)

    @app.get(DOCS_URL, include_in_schema=False)
    async def api_docs(request: Request) -> HTMLResponse:
        root = root_path(request.scope)
        return get_swagger_ui_html(
            openapi_url=root + openapi_url,
            title=f"{app.title} API reference",
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}/static/favicon.svg",
            # Swagger UI would otherwise send the schema to validator.swagger.io for a badge.
            swagger_ui_parameters={"validatorUrl": None},
        )


def _redirect(served: str) -> Callable[[Request], Awaitable[RedirectResponse]]:
    async def redirect(request: Request) -> RedirectResponse:
        return RedirectResponse(url(request.scope, served), status_code=307)

    return redirect
