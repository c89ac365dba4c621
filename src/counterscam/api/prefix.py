"""The path prefix a reverse proxy serves the app under (``uvicorn --root-path``).

Served at ``https://host/counterscam/``, the server puts the prefix in ``root_path`` and
also at the start of ``path`` (ASGI 3), so a test of ``path`` against ``/api/`` or
``/static/`` fails, and an address written ``/reports`` leaves the prefix (and the app).
Routes and view models speak in app paths (``/reports/7``); ``url`` turns one into the
address a browser must be sent, at the one edge where answers leave the app.
"""

from __future__ import annotations

from starlette.types import Scope


def root_path(scope: Scope) -> str:
    """Return the prefix the app is served under, ``""`` at the root of a host name."""
    root: str = scope.get("root_path", "")
    return root.rstrip("/")


def app_path(scope: Scope) -> str:
    """Return the request's path inside the app: ``/api/v1/check`` under any prefix."""
    path: str = scope["path"]
    root = root_path(scope)
    if root and (path == root or path.startswith(root + "/")):
        return path[len(root) :] or "/"
    return path


def url(scope: Scope, path: str) -> str:
    """Return the browser's address of an app path (``/reports`` -> ``/counterscam/reports``)."""
    return root_path(scope) + path
