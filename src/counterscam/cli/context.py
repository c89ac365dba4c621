"""What every command needs: the engine, and the identity it acts as."""

from __future__ import annotations

import os

import typer
from rich.console import Console
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counterscam.access.accounts import AccountError, admin_caller, caller_for_token
from counterscam.access.caller import Caller
from counterscam.config import get_settings
from counterscam.db.engine import engine_for
from counterscam.db.schema_version import schema_problem

console = Console()
errors = Console(stderr=True)


def cli_engine(*, schema_required: bool = True) -> Engine:
    """Return the engine of the configured database; refuse one without the current schema."""
    engine = engine_for(get_settings().resolved_database_url)
    if schema_required:
        problem = schema_problem(engine)
        if problem:
            raise fail(problem)
    return engine


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` on stderr and return the Exit to raise."""
    errors.print(f"[red]error:[/red] {message}", highlight=False, markup=True)
    return typer.Exit(code)


def cli_caller(session: Session, *, agency: str | None) -> Caller:
    """Return who a command acts as: an API token's user, else the admin identity of an agency.

    ``COUNTERSCAM_TOKEN`` signs the CLI in as that token's user. Without it the local operator,
    who already holds the database, acts as the admin identity of ``--agency`` (the secretariat
    by default); either way the policy and the audit log apply.
    """
    token = os.environ.get("COUNTERSCAM_TOKEN", "").strip()
    if token:
        caller = caller_for_token(session, token)
        if caller is None:
            raise fail("COUNTERSCAM_TOKEN is unknown or revoked; issue a new one")
        return caller
    try:
        return admin_caller(session, agency or "ASEANAPOL")
    except AccountError as exc:
        raise fail(str(exc)) from exc
