"""Serve the web pages and the API."""

from __future__ import annotations

from typing import Annotated

import typer

from counterscam.cli.app import app
from counterscam.cli.context import cli_engine, fail
from counterscam.config import InsecureSettings, get_settings


def _prefix(value: str) -> str:
    """Return ``--root-path`` as the app wants it: ``/counterscam``, or ``""`` for the root."""
    prefix = value.strip().rstrip("/")
    if prefix and (not prefix.startswith("/") or "//" in prefix or "?" in prefix):
        raise typer.BadParameter(
            f"{value!r} is not a path prefix: write it as the proxy's location, "
            "like /counterscam (or leave it out to serve at the root of the host name)."
        )
    return prefix


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    # One flag, not Typer's --access-log/--no-access-log pair: at 80 columns the pair's second
    # column cut the help to "--forwarded-allo…" (the log is on unless this is given).
    no_access_log: Annotated[
        bool,
        typer.Option(
            "--no-access-log", help="Log no line per request, where a proxy in front logs them."
        ),
    ] = False,
    root_path: Annotated[
        str,
        typer.Option(
            callback=_prefix,
            help="Path prefix the reverse proxy serves the app under (/counterscam); "
            "the proxy strips it before passing the request on.",
        ),
    ] = "",
    forwarded_allow_ips: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated addresses of the proxies trusted to say the client's address "
            "and scheme (X-Forwarded-For, X-Forwarded-Proto); '*' trusts any. "
            "Default: $FORWARDED_ALLOW_IPS, else 127.0.0.1,::1.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the web pages and the API."""
    # Imported here: the server stack is heavy and only this command needs it.
    import uvicorn

    try:
        get_settings().require_safe_secrets()
    except InsecureSettings as exc:
        raise fail(str(exc)) from exc
    cli_engine()  # refuses, with the fix, a database without the current schema
    uvicorn.run(
        "counterscam.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=not no_access_log,  # a log line took ~13% of the server time of a check
        root_path=root_path,
        # The sign-in and public-check limits count per client address: behind a proxy that
        # is not trusted, every client counts as the proxy and one guesser locks out all.
        proxy_headers=True,
        forwarded_allow_ips=forwarded_allow_ips,
    )
