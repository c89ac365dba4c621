"""User administration commands beside 'user add': list, disable, enable, set a password, move."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from counterscam.access.accounts import MIN_PASSWORD, AccountError
from counterscam.access.disabled_agency import enable_agency_command
from counterscam.access.usernames import username_key
from counterscam.access.users import list_users, move_user, set_password, set_user_active
from counterscam.cli.admin import user_app
from counterscam.cli.context import (
    UsernameArg,
    cli_engine,
    console,
    fail,
    print_json_records,
    print_table,
)
from counterscam.db.engine import session_scope


@user_app.command("list")
def user_list(
    agency: Annotated[
        str | None, typer.Option("--agency", help="Only this agency's users.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List users by agency: username, role, and whether they may sign in."""
    try:
        with session_scope(cli_engine()) as session:
            users = list_users(session, agency_code=agency)
    except AccountError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        print_json_records(users)
        return
    if not users:
        owner = f" in agency {agency.strip().upper()}" if agency is not None else ""
        console.print(f"No users{owner}.")
        return
    table = Table(title="Users (times in UTC)")
    for header in ("username", "agency", "role", "status", "created"):
        table.add_column(header, overflow="fold")
    for u in users:
        status = "active" if u.active else "disabled"
        if not u.agency_active:
            status += " (agency disabled)"  # the user's own flag is not what keeps them out
        table.add_row(u.username, u.agency, u.role, status, f"{u.created:%Y-%m-%d %H:%M}")
    print_table(table)


def _set_active(username: str, *, active: bool) -> None:
    try:
        with session_scope(cli_engine()) as session:
            done = set_user_active(session, username=username, active=active)
    except AccountError as exc:
        raise fail(str(exc)) from exc
    name = username_key(username)
    state = "enabled" if active else "disabled"
    said = f"User {name} {state}." if done.changed else f"User {name} was already {state}."
    if active and done.agency_disabled is not None:
        # Enabled, and still refused at sign-in: said here, not found out by the officer.
        said += (
            f" Their agency {done.agency_disabled} is disabled, so they cannot sign in or use "
            f"a token until '{enable_agency_command(done.agency_disabled)}'."
        )
    console.print(said)


@user_app.command("disable")
def user_disable(username: UsernameArg) -> None:
    """Disable a user: no sign-in, every API token and web sign-in stops (kept in the audit log)."""
    _set_active(username, active=False)


@user_app.command("enable")
def user_enable(username: UsernameArg) -> None:
    """Enable a disabled user again (their revoked tokens stay revoked)."""
    _set_active(username, active=True)


@user_app.command("set-password")
def user_set_password(
    username: UsernameArg,
    password: Annotated[
        str,
        typer.Option(
            prompt="New password",
            hide_input=True,
            confirmation_prompt=True,
            show_default=False,
            help=f"At least {MIN_PASSWORD} characters; asked for when not given.",
        ),
    ] = "",
) -> None:
    """Set a user's password (forgotten, or known to others); their web sign-ins end."""
    try:
        with session_scope(cli_engine()) as session:
            ended = set_password(session, username=username, password=password)
    except AccountError as exc:
        raise fail(str(exc)) from exc
    name = username_key(username)
    signed_in = f"; {ended} web sign-in{'s' if ended != 1 else ''} ended" if ended else ""
    console.print(f"Password of {name} set{signed_in}. Their API tokens still work.")


@user_app.command("move")
def user_move(
    username: UsernameArg,
    agency: Annotated[str, typer.Option("--agency", help="Code of the user's new agency.")],
) -> None:
    """Move a user to another agency; their web sign-ins end and their API tokens are revoked."""
    try:
        with session_scope(cli_engine()) as session:
            move = move_user(session, username=username, agency_code=agency)
    except AccountError as exc:
        raise fail(str(exc)) from exc
    if move.was == move.now:
        console.print(f"User {move.username} is already in {move.now}.")
        return
    ended = f"{move.sign_ins_ended} web sign-in{'s' if move.sign_ins_ended != 1 else ''} ended"
    revoked = f"{move.tokens_revoked} API token{'s' if move.tokens_revoked != 1 else ''} revoked"
    console.print(
        f"User {move.username} moved from {move.was} to {move.now}; {ended}, {revoked}. "
        f"They sign in again; issue new tokens with 'counterscam token issue {move.username}'."
    )
