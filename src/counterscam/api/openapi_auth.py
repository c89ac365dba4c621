"""The API token in the OpenAPI description: a security scheme, and which routes need it.

Without one the served reference had no Authorize button, so no signed-in route could be
tried from /api/docs with a token, and a client generated from the description did not know
to send ``Authorization: Bearer``. The routes still check credentials themselves (deps.py);
this only describes them.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

SCHEME = "ApiToken"
SIGNED_IN: list[dict[str, list[str]]] = [{SCHEME: []}]
# The empty requirement first: the public check is answered without any credentials.
OPTIONAL: list[dict[str, list[str]]] = [{}, {SCHEME: []}]
_DESCRIBED = {
    "type": "http",
    "scheme": "bearer",
    "description": (
        "An API token from `counterscam token issue USERNAME`, sent as "
        "`Authorization: Bearer cs_...`. The web pages' session cookie works too."
    ),
}


def install(app: FastAPI) -> None:
    """Add the token scheme to ``app``'s description; routes that answer 401 require it."""
    build = app.openapi

    def described() -> dict[str, Any]:
        schema = build()  # FastAPI builds it once and keeps it, so this runs once too
        schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
        if SCHEME in schemes:
            return schema
        schemes[SCHEME] = _DESCRIBED
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                if "401" in operation.get("responses", {}):
                    operation.setdefault("security", SIGNED_IN)
        return schema

    app.openapi = described  # type: ignore[method-assign]
