"""Administration: create the database, agencies, users and API tokens."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy import select

from counterscam.access.accounts import (
    MAX_TOKEN_DAYS,
    MIN_PASSWORD,
    AccountError,
    TokenInfo,
    create_agency,
    create_user,
    issue_token,
    list_tokens,
    revoke_token,
)
from counterscam.access.agencies import set_agency_active, set_agency_kind
from counterscam.access.agency_file import add_agencies
from counterscam.access.disabled_agency import enable_agency_command
from counterscam.access.usernames import username_key
from counterscam.cli.app import app
from counterscam.cli.context import (
    UsernameArg,
    cli_engine,
    console,
    fail,
    operator_only,
    print_json_records,
    print_table,
)
from counterscam.cli.file_kinds import not_a_file, unreadable_folder
from counterscam.cli.region_folder import AGENCIES_FILE, agencies_file
from counterscam.config import get_settings
from counterscam.db.engine import session_scope
from counterscam.db.models import Agency
from counterscam.db.schema_version import newer_schema


def _operator_only(ctx: typer.Context) -> None:
    """Refuse account management while ``COUNTERSCAM_TOKEN`` signs the CLI in as one user.

    Commands act as the token's user (docs/cli.md), yet these ran as the local operator
    whatever the token: with a partner's token set, ``token revoke`` revoked an analyst's
    token, and ``token list`` listed every agency's. They manage the accounts themselves,
    which no user of the policy may do: only the operator, who holds the database, runs them.
    """
    command = " ".join(filter(None, (ctx.command_path, ctx.invoked_subcommand)))
    operator_only(command, does="manages agencies, users and tokens")


agency_app = typer.Typer(help="Manage agencies.", no_args_is_help=True, callback=_operator_only)
user_app = typer.Typer(help="Manage users.", no_args_is_help=True, callback=_operator_only)
token_app = typer.Typer(
    help="Issue, list and revoke API tokens.", no_args_is_help=True, callback=_operator_only
)
app.add_typer(agency_app, name="agency")
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")


@app.command()
def init() -> None:
    """Create the database or upgrade it to the newest schema (safe to run twice)."""
    # Imported here: alembic takes ~0.1 s to load and only this command needs it.
    from counterscam.db.migrate import upgrade

    operator_only("counterscam init", does="creates or upgrades the database")
    engine = cli_engine(schema_required=False)
    if (problem := newer_schema(engine)) is not None:
        raise fail(problem)
    upgrade(engine)
    console.print(f"Database ready: {engine.url.render_as_string(hide_password=True)}")


@agency_app.command("add")
def agency_add(
    code: Annotated[
        str,
        typer.Argument(
            metavar="CODE",
            help="Agency code, like MY-NSRC: letters, digits, '-', '_' and '.'; it cannot be "
            "changed later.",
        ),
    ],
    name: Annotated[str, typer.Option(help="Full name of the agency.")],
    country: Annotated[
        str, typer.Option(help="ISO 3166 country code, alpha-2 (MY) or alpha-3 (MYS).")
    ],
    kind: Annotated[str, typer.Option(help="member, secretariat, partner or observer.")],
    contact: Annotated[str, typer.Option(help="How other agencies request records.")] = "",
) -> None:
    """Add an agency."""
    try:
        with session_scope(cli_engine()) as session:
            create_agency(
                session, code=code, name=name, country=country, kind=kind, contact=contact
            )
    except AccountError as exc:
        raise fail(str(exc)) from exc
    console.print(f"Agency {code.strip().upper()} added.")


@agency_app.command("import")
def agency_import(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="CSV with the columns code,name,country,kind,contact, or a region folder "
            "holding the agencies.csv that synth writes.",
            readable=False,  # refused by not_a_file, saying so, not as a usage error
        ),
    ],
) -> None:
    """Add the agencies of a CSV file that the database lacks (those it holds are kept)."""
    # A region from `synth` lists its agencies in agencies.csv, and `import
    # --agency-from-folder` needs them: without this, fourteen `agency add` commands.
    if (reason := unreadable_folder(file)) is not None:
        raise fail(reason)
    if file.is_dir() and (listed := agencies_file(file)) is not None:
        file = listed  # the region folder itself, as synth wrote it
    if file.is_dir():
        raise fail(f"{file} is a folder without {AGENCIES_FILE}; give the agencies CSV file")
    # /dev/zero or a named pipe was answered "no such file", which it is not.
    if (reason := not_a_file(file, instead="save the agencies to a CSV file")) is not None:
        raise fail(reason)
    if not file.is_file():
        raise fail(f"{file}: no such file; give the agencies CSV, like region/agencies.csv")
    try:
        with session_scope(cli_engine()) as session:
            outcome = add_agencies(session, file)
    except AccountError as exc:
        raise fail(f"{exc}; nothing was added") from exc
    except UnicodeDecodeError as exc:
        raise fail(f"{file} is not UTF-8 text; save it as 'CSV UTF-8'; nothing was added") from exc
    kept = len(outcome.listed) - len(outcome.added)
    console.print(
        f"{len(outcome.added)} {'agency' if len(outcome.added) == 1 else 'agencies'} added"
        + (f": {', '.join(outcome.added)}" if outcome.added else "")
        + (f"; {kept} already there, kept as they are." if kept else ".")
    )


@agency_app.command("set-kind")
def agency_set_kind(
    code: Annotated[str, typer.Argument(metavar="CODE", help="Code of the agency, like TL-PNTL.")],
    kind: Annotated[
        str, typer.Argument(metavar="KIND", help="member, secretariat, partner or observer.")
    ],
) -> None:
    """Change an agency's kind; its users see and write as that kind from their next request."""
    try:
        with session_scope(cli_engine()) as session:
            change = set_agency_kind(session, code=code, kind=kind)
    except AccountError as exc:
        raise fail(str(exc)) from exc
    if not change.changed:
        console.print(f"Agency {change.code} was already {_a(change.now)}.")
        return
    console.print(
        f"Agency {change.code} is now {_a(change.now)} (was {_a(change.was)}): its users' web "
        "sign-ins and API tokens see and write as such from their next request."
    )


def _a(kind: str) -> str:
    """Return the kind with its article, as a sentence says it."""
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _set_active(code: str, *, active: bool) -> None:
    try:
        with session_scope(cli_engine()) as session:
            change = set_agency_active(session, code=code, active=active)
    except AccountError as exc:
        raise fail(str(exc)) from exc
    state = "enabled" if active else "disabled"
    if not change.changed:
        console.print(f"Agency {change.code} was already {state}.")
    elif active:
        console.print(
            f"Agency {change.code} enabled: its users sign in again, and their API tokens work "
            "again, except those of users disabled one by one and tokens revoked or expired."
        )
    else:
        ended = change.sign_ins_ended
        console.print(
            f"Agency {change.code} disabled: its users cannot sign in and their API tokens are "
            f"refused from their next request; {ended} web sign-in{'s' if ended != 1 else ''} "
            f"ended. Its reports still match. Undo with '{enable_agency_command(change.code)}'."
        )


@agency_app.command("disable")
def agency_disable(
    code: Annotated[str, typer.Argument(metavar="CODE", help="Code of the agency, like MY-NSRC.")],
) -> None:
    """Disable an agency: none of its users signs in or uses a token; its reports still match."""
    _set_active(code, active=False)


@agency_app.command("enable")
def agency_enable(
    code: Annotated[str, typer.Argument(metavar="CODE", help="Code of the agency, like MY-NSRC.")],
) -> None:
    """Enable a disabled agency: its users work again as they were before it was disabled."""
    _set_active(code, active=True)


@agency_app.command("list")
def agency_list() -> None:
    """List agencies, with whether each is enabled."""
    table = Table("code", "name", "country", "kind", "status")
    with session_scope(cli_engine()) as session:
        for a in session.scalars(select(Agency).order_by(Agency.code)):
            table.add_row(a.code, a.name, a.country, a.kind, "active" if a.active else "disabled")
    print_table(table)


@user_app.command("add")
def user_add(
    username: Annotated[
        str, typer.Argument(metavar="USERNAME", help="Username to create: no spaces, not taken.")
    ],
    agency: Annotated[str, typer.Option(help="Code of the user's agency.")],
    role: Annotated[str, typer.Option(help="analyst or admin.")] = "analyst",
    password: Annotated[
        str,
        typer.Option(
            prompt=True,
            hide_input=True,
            confirmation_prompt=True,
            show_default=False,  # the prompt read "Password []:"
            help=f"At least {MIN_PASSWORD} characters; asked for when not given.",
        ),
    ] = "",
) -> None:
    """Add a user; the password is asked for unless given."""
    try:
        with session_scope(cli_engine()) as session:
            create_user(
                session, username=username, password=password, agency_code=agency, role=role
            )
    except AccountError as exc:
        raise fail(str(exc)) from exc
    console.print(f"User {username_key(username)} added to {agency.strip().upper()}.")


@token_app.command("issue")
def token_issue(
    username: UsernameArg,
    name: Annotated[str, typer.Option(help="What the token is for.")] = "",
    days: Annotated[
        int | None,
        typer.Option(
            show_default=False,
            help=f"Days the token works, 0 to {MAX_TOKEN_DAYS}; 0: until revoked. "
            "[default: COUNTERSCAM_TOKEN_LIFETIME_DAYS, 90]",
        ),
    ] = None,
) -> None:
    """Issue an API token for a user, shown once; it works until it expires or is revoked."""
    if days is not None and not 0 <= days <= MAX_TOKEN_DAYS:
        # Typer's range check answered in its validator's words ("Input should be less than or
        # equal to 3650"), naming neither the unit nor the way to a token with no end.
        raise fail(
            f"--days {days}: a token works 1 to {MAX_TOKEN_DAYS:,} days (ten years); give 0 "
            "for one that works until it is revoked",
            2,
        )
    if days is None:
        days = get_settings().token_lifetime_days
    lifetime = timedelta(days=days) if days else None
    try:
        with session_scope(cli_engine()) as session:
            issued = issue_token(session, username=username, name=name, lifetime=lifetime)
    except AccountError as exc:
        raise fail(str(exc)) from exc
    until = (
        "never expires: revoke it when it is no longer needed"
        if issued.expires is None
        else f"expires {issued.expires:%Y-%m-%d %H:%M} UTC"
    )
    console.print(f"Token {issued.id} for {issued.username} ({until}; shown once):")
    typer.echo(issued.secret)


@token_app.command("list")
def token_list(
    user: Annotated[str | None, typer.Option("--user", help="Only this user's tokens.")] = None,
    agency: Annotated[
        str | None, typer.Option("--agency", help="Only tokens of this agency's users.")
    ] = None,
    active: Annotated[
        bool,
        typer.Option(
            "--active", help="Only tokens that work: not revoked or expired, user enabled."
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List API tokens, newest first, with the ids 'token revoke' takes; never their secrets."""
    try:
        with session_scope(cli_engine()) as session:
            tokens = list_tokens(session, username=user, agency_code=agency, active_only=active)
    except AccountError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        print_json_records(tokens)
        return
    if not tokens:
        console.print(_no_tokens(user=user, agency=agency, active=active))
        return
    print_table(_token_table(tokens))


def _no_tokens(*, user: str | None, agency: str | None, active: bool) -> str:
    """Say that no token matched, and which filters were applied."""
    kinds = "active API tokens" if active else "API tokens"
    owners = [f"user {user.strip().lower()}"] if user is not None else []
    owners += [f"agency {agency.strip().upper()}"] if agency is not None else []
    return f"No {kinds}" + (f" of {' in '.join(owners)}." if owners else ".")


def _token_table(tokens: list[TokenInfo]) -> Table:
    def when(at: datetime | None, *, none: str) -> str:
        return none if at is None else f"{at:%Y-%m-%d %H:%M}"

    # On a narrow terminal the times wrap at their space, and names fold rather than being cut
    # to "aisyah.ra…": the id and the owner are what an administrator is looking for.
    table = Table(title="API tokens (times in UTC)")
    table.add_column("id", no_wrap=True)
    for header in ("user", "agency", "name"):
        table.add_column(header, overflow="fold", min_width=7)
    for header in ("created", "last used", "expires", "revoked"):
        table.add_column(header, overflow="fold", min_width=10)
    for t in tokens:
        table.add_row(
            str(t.id),
            t.user,
            t.agency,
            t.name,
            when(t.created, none=""),
            when(t.last_used, none="never"),
            when(t.expires, none="never"),
            when(t.revoked, none=""),
        )
    return table


@token_app.command("revoke")
def token_revoke(
    token_id: Annotated[
        int,
        typer.Argument(
            metavar="ID", help="The token's id, as 'token issue' printed it ('token list')."
        ),
    ],
) -> None:
    """Revoke an API token (revoking it twice is harmless).

    The id is the number 'token issue' printed; 'counterscam token list' shows them all.
    """
    try:
        with session_scope(cli_engine()) as session:
            earlier = revoke_token(session, token_id=token_id)
    except AccountError as exc:
        raise fail(str(exc)) from exc
    if earlier is None:
        console.print(f"Token {token_id} revoked.")
    else:
        console.print(f"Token {token_id} was already revoked on {earlier:%Y-%m-%d %H:%M} UTC.")
