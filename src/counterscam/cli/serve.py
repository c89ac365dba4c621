"""Serve the web pages and the API."""

from __future__ import annotations

from typing import Annotated

import typer

from counterscam.cli.app import app
from counterscam.cli.context import cli_engine, fail
from counterscam.config import InsecureSettings, get_settings


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    access_log: Annotated[
        bool,
        typer.Option(help="Log every request; off when a proxy in front logs them already."),
    ] = True,
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
        access_log=access_log,  # a log line took ~13% of the server time of a check
    )
