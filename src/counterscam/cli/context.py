"""What every command needs: the engine, and the identity it acts as."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic_core import to_json
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, ProgressColumn
from rich.table import Table
from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from counterscam.access.accounts import AccountError, admin_caller, token_caller
from counterscam.access.caller import Caller
from counterscam.access.token_refusal import TokenRefusal
from counterscam.cli.closed_pipe import PipeConsole
from counterscam.cli.file_kinds import unwritable_kind
from counterscam.cli.tables import fits_whole_words, stacked
from counterscam.config import get_settings
from counterscam.db.engine import engine_for
from counterscam.db.models import Agency
from counterscam.db.schema_version import schema_problem
from counterscam.db.url_problems import database_problem, in_memory, missing_sqlite_file
from counterscam.db.writer import commit_unless_busy

# Soft wrap: a message piped into a log stays one line, not cut at Rich's default 80 columns.
# Output is text, not Rich markup: what is printed quotes values, names, references and paths
# people typed ("[/b]" crashed a listing, "[red]ann" read "ann", "--country '[red]'" showed
# "''"). The few styled lines ask for markup, with what they quote escaped. Nor are emoji codes
# read: a line quoted from a file, "root:x:0:0", printed as "root\u274c0:0" (a red cross).
console = PipeConsole(soft_wrap=True, markup=False, emoji=False)
errors = Console(stderr=True, soft_wrap=True, markup=False, emoji=False)


def cli_engine(*, schema_required: bool = True) -> Engine:
    """Return the engine of the configured database; refuse one without the current schema."""
    url = get_settings().resolved_database_url
    if (memory := in_memory(url)) is not None:
        raise fail(memory)
    try:
        problem = missing_sqlite_file(url) if schema_required else None
        if problem is None:
            engine = engine_for(url)
            if schema_required:
                problem = schema_problem(engine)
            else:
                engine.connect().close()  # a wrong host or password, said before any work
    except (SQLAlchemyError, ModuleNotFoundError) as exc:
        # ModuleNotFoundError: the URL names a driver that is not installed (psycopg2, MySQLdb).
        raise fail(database_problem(url, exc)) from exc
    if problem:
        raise fail(problem)
    return engine


# The identity a command acts as (docs/cli.md, "Who a command acts as"); one wording for all.
AgencyOpt = Annotated[
    str | None,
    typer.Option(
        "--agency",
        help="Agency whose admin identity the command acts as (default: the secretariat); "
        "with COUNTERSCAM_TOKEN, the token's agency.",
        show_default=False,
    ),
]


UsernameArg = Annotated[
    str,
    typer.Argument(
        metavar="USERNAME", help="The user's username, as 'counterscam user list' shows it."
    ),
]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` on stderr and return the Exit to raise."""
    errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, markup=True)
    return typer.Exit(code)


def write_read_audit() -> None:
    """Write the audit rows of the records the command read, before it ends.

    They were queued, as a server queues them, so the read answered while an import held the
    store (SQLite); at exit a row still queued waits at most five minutes, then is lost.
    Here it waits for as long as the import takes, and the command says so on stderr.
    """
    from counterscam.access.audit import flush_waiting  # imported here: it loads the models

    flush_waiting(
        lambda _queued: errors.print(
            "waiting for the database, busy with another change (an import, most likely), to "
            "write the audit record of what was read; the answer above is complete, and the "
            "command ends once the record is written",
            highlight=False,
        )
    )


def operator_only(command: str, *, does: str) -> None:
    """Refuse ``command`` while ``COUNTERSCAM_TOKEN`` signs the CLI in as one user.

    Commands act as the token's user (docs/cli.md). A command that acts on the whole region
    rather than as a user of the policy (``does`` says what it does) is the local operator's,
    who holds the database: it ran as the operator whatever the token, a partner's, a revoked
    or a made-up one.
    """
    if os.environ.get("COUNTERSCAM_TOKEN", "").strip():
        raise fail(
            f"'{command}' {does}, which only the local operator (who holds the database) "
            "does, not a user signed in by COUNTERSCAM_TOKEN: unset COUNTERSCAM_TOKEN to run it"
        )


def cli_caller(session: Session, *, agency: str | None) -> Caller:
    """Return who a command acts as: an API token's user, else the admin identity of an agency.

    ``COUNTERSCAM_TOKEN`` signs the CLI in as that token's user. Without it the local operator,
    who already holds the database, acts as the admin identity of ``--agency`` (the secretariat
    by default); either way the policy and the audit log apply. An ``--agency`` other than
    the token's agency is refused, not ignored.
    """
    token = os.environ.get("COUNTERSCAM_TOKEN", "").strip()
    if token:
        caller = token_caller(session, token)
        if isinstance(caller, TokenRefusal):
            raise fail(
                f"{caller.message('COUNTERSCAM_TOKEN')}; or unset COUNTERSCAM_TOKEN to act as "
                "an agency's admin identity with --agency"
            )
        # The token decides who acts: an --agency that names another agency was ignored, and
        # an import meant for it was stored as the token's agency's without a word.
        if agency is not None and agency.strip().upper() != caller.agency_code:
            raise fail(
                f"COUNTERSCAM_TOKEN signs in as {caller.username} of {caller.agency_code}, but "
                f"--agency names {agency.strip().upper()}: drop --agency, or unset "
                "COUNTERSCAM_TOKEN to act as that agency's admin identity"
            )
        if session.dirty:
            # The minute stamp of the token's use waits for no import, as the API's does: left
            # to the command's commit, it made a read during an import fail 30 s later (SQLite).
            commit_unless_busy(session)
        return caller
    try:
        return admin_caller(session, agency or _secretariat(session))
    except AccountError as exc:
        raise fail(str(exc)) from exc


def _secretariat(session: Session) -> str:
    """Return the code of the one secretariat agency, the default identity of a command.

    Taken from the database, not a fixed code: a deployment whose secretariat is not coded
    ASEANAPOL (the demo's) was told "no agency with code 'ASEANAPOL'" by every --agency-less
    command.
    """
    codes = session.scalars(
        select(Agency.code).where(Agency.kind == "secretariat").order_by(Agency.code)
    ).all()
    if len(codes) == 1:
        return codes[0]
    if not codes:
        raise fail(
            "no --agency given and there is no secretariat agency to act as: give --agency CODE, "
            "or add the secretariat with 'counterscam agency add CODE --name N --country CC "
            "--kind secretariat'"
        )
    raise fail(
        f"no --agency given and there are several secretariat agencies ({', '.join(codes)}): "
        "give --agency CODE to say which one acts"
    )


def progress_bar(*columns: str | ProgressColumn, **kwargs: Any) -> Progress:
    """Return Rich's progress bar on a terminal: stdout's, else stderr's; else a silent one.

    ``counterscam import ... > import.log`` showed no progress at all through a long import:
    the bar is drawn on stderr then, and the log gets only the result lines (piped, Rich
    printed the bar's last frame there, cut at 80 columns: "18/… reports 0:00:…"). With
    stderr not a terminal either (cron), there is no bar.
    """
    shown = console if console.is_terminal else errors
    return Progress(
        *columns,
        console=shown,
        disable=not shown.is_terminal,
        # Lines written to stdout meanwhile go above the bar on a terminal, into a log as they are.
        redirect_stdout=console.is_terminal,
        **kwargs,
    )


def print_table(table: Table) -> None:
    """Print ``table``: on a terminal folded to its width, piped at the table's natural width.

    Piped, Rich laid tables out at 80 columns: rows wrapped onto several lines and long values
    were cut with "…" (an identifier, a URL, an agency's name), so a grep or a log lost them.
    On a terminal a value too long for its column folds onto the next line instead of being
    cut, unless the table asked for its column never to wrap. A terminal too narrow for the
    table without splitting short words (dates, codes, references) gets one block per row,
    each value beside its header.
    """
    if console.is_terminal:
        if table.show_header and table.row_count and not fits_whole_words(table, console.width):
            for block in stacked(table):
                console.print(block)
            return
        for column in table.columns:
            if column.overflow == "ellipsis" and not column.no_wrap:
                column.overflow = "fold"
        console.print(table)
        return
    natural = console.measure(table, options=console.options.update_width(sys.maxsize)).maximum
    width = max(console.width, natural)
    PipeConsole(file=console.file, soft_wrap=True, markup=False, emoji=False, width=width).print(
        table
    )


def print_json(value: Any) -> None:
    """Print ``value`` (dataclasses, lists, dicts) as JSON, written as the API writes it.

    The API's serializer (pydantic's) is the one used: times in ISO 8601 with UTC as ``Z``,
    amounts as decimal strings. ``json.dumps`` wrote UTC as ``+00:00``, so a script reading
    both the API and ``user list --json`` needed two parsers. Names are written as they are
    (UTF-8), not as \\u escapes: a Thai username read "\\u0e2a\\u0e21...".
    """
    typer.echo(to_json(value, indent=2, fallback=str).decode())


def print_json_records(records: Sequence[Any]) -> None:
    """Print dataclass records as one JSON array; ``[]`` when there are none.

    An empty listing stays a JSON array: a script reads [] and no sentence.
    """
    print_json(list(records))


def writable_file(path: Path, option: str) -> Path:
    """Return ``path`` if a file can be written there, else fail with how to fix it (exit 2).

    Checked before the work starts: an import or a resolution can take minutes, and its
    output must not then be lost to a typo in the file name.
    """
    if path.is_dir():
        raise fail(f"{option} {path} is a folder; give a file name, like {path / 'out.csv'}", 2)
    kind = unwritable_kind(path)
    if kind is not None:
        raise fail(
            f"{option} {path}: not a regular file but {kind}; give the name of a regular "
            f"file to write, like {Path('out').with_suffix(path.suffix or '.csv')}",
            2,
        )
    if _is_stdout(path):
        # `--out /dev/stdout > x.csv`: the file was opened anew from its start, and the summary
        # line printed to stdout then overwrote the file's first rows.
        raise fail(
            f"{option} {path} is where this command prints its summary, which would overwrite "
            f"the file's first rows; give the file itself, like "
            f"{option} {Path('out').with_suffix(path.suffix or '.csv')}",
            2,
        )
    folder = path.parent
    if not folder.is_dir():
        raise fail(f"{option} {path}: the folder {folder} does not exist; create it first", 2)
    if not os.access(path if path.exists() else folder, os.W_OK):
        raise fail(f"{option} {path}: no permission to write there; choose another place", 2)
    return path


def _is_stdout(path: Path) -> bool:
    """Tell whether ``path`` is the file this process's stdout writes to."""
    try:
        target, out = path.stat(), os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no such file; stdout with no descriptor
        return False
    return (target.st_dev, target.st_ino) == (out.st_dev, out.st_ino)


def country_code(value: str | None) -> str | None:
    """Return the alpha-2 code a --country option names (an alpha-2 code, or a reference
    country's alpha-3, in any case), or fail (exit 2) when no country has that code."""
    if value is None:
        return None
    # Imported here: the intake vocabulary loads reference data a command may not need.
    from counterscam.intake.vocab import iso_country

    code = iso_country(value)
    if code is None:
        raise fail(
            f"--country {value!r} is not a known country; give its ISO 3166 alpha-2 code, "
            "like MY, SG or TH (or its alpha-3 code, like MYS)",
            2,
        )
    return code
