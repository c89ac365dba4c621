"""The shared Typer application every command module registers on."""

import getpass
import inspect
import warnings
from typing import Any

import typer
from pydantic import ValidationError

# Typer 0.29 parses with its own copy of click and raises its exceptions, not click's (hence
# typer>=0.29 in pyproject.toml).
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from counterscam.cli.closed_pipe import closed_pipe
from counterscam.config import settings_problem

# A password piped in (`printf 'pw\npw\n' | counterscam user add ...`) is read without a
# terminal; Python's warning about it printed two lines of its own source, like a traceback.
warnings.filterwarnings("ignore", category=getpass.GetPassWarning)


def _usage_error(exc: ClickException) -> typer.Exit:
    """Say what was wrong with the command line on one line, as every other error is said.

    Typer drew a box around it, wrapped at 80 columns: five lines in a log for "Missing
    option '--name'", and a long reason cut into pieces inside the box. (Typer parses with
    its own copy of click: its exceptions, not click's, are the ones raised.)
    """
    from counterscam.cli.context import fail  # imported here: it loads the database layer

    ctx = exc.ctx if isinstance(exc, UsageError) else None
    where = f"; see '{ctx.command_path} --help'" if ctx is not None else ""
    return fail(exc.format_message().rstrip(".") + where, exc.exit_code)


def _one_line_paragraphs(help_text: str) -> str:
    """Return ``help_text`` with each paragraph on one line, for the help to wrap as it fits."""
    paragraphs = inspect.cleandoc(help_text).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def _unwrap_help(command: Any) -> None:
    """Join the source's line breaks in the help of ``command`` and of every command under it.

    Typer keeps the line breaks of a docstring's later paragraphs and wraps each line again to
    the terminal: at 80 columns `counterscam import --help` read "commit as they" with "go;"
    on the next line, a ragged paragraph of half lines.
    """
    if command.help:
        command.help = _one_line_paragraphs(command.help)
    for sub in getattr(command, "commands", {}).values():
        _unwrap_help(sub)


class _Commands(TyperGroup):
    """The command group: a setting that cannot be read ends any command with the fix."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _unwrap_help(self)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().main(*args, **kwargs)
        except SystemExit as exc:
            # Typer prints the help through a Rich console of its own, whose closed pipe
            # (`counterscam --help | head -0`) ends in SystemExit(1), the code of a refusal,
            # raised while the BrokenPipeError is handled.
            if exc.code == 1 and isinstance(exc.__context__, BrokenPipeError):
                # Past click's main: its Exit would be a traceback here, so exit as it would.
                raise SystemExit(closed_pipe().exit_code) from None
            raise

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except NoArgsIsHelpError:
            raise  # the help, already printed
        except ClickException as exc:  # `counterscam --bogus`
            raise _usage_error(exc) from exc

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError:
            raise
        except BrokenPipeError as exc:  # `--json | head -1`: typer.echo, not Rich, wrote it
            raise closed_pipe() from exc
        except ClickException as exc:  # a command's missing argument, a wrong type...
            raise _usage_error(exc) from exc
        except typer.Abort as exc:
            # A prompt ends in Abort both at Ctrl-C and at the end of piped input, and said just
            # "Aborted." (exit 1) to both; Ctrl-C ends every other moment of a command with 130.
            if isinstance(exc.__context__, KeyboardInterrupt):
                raise typer.Exit(130) from exc
            if not isinstance(exc.__context__, EOFError):
                raise
            from counterscam.cli.context import fail

            # The only prompts ask for a password.
            raise fail(
                "the input ended before the password was given: type it at the prompt (twice), "
                "or give it with --password"
            ) from exc
        except ValidationError as exc:
            # Settings are read on first use, deep in any command: COUNTERSCAM_MAX_UPLOAD_BYTES=50MB
            # ended it in a pydantic traceback rather than naming the variable to fix.
            problem = settings_problem(exc)
            if problem is None:
                raise
            # Imported here: context imports the settings and the database layer.
            from counterscam.cli.context import fail

            raise fail(problem) from exc
        except RuntimeError as exc:
            # A search the audit log cannot record is refused (access/audit.py); it ended the
            # command in a traceback. Imported here: the audit module loads the database layer.
            from counterscam.access.audit import AuditUnavailable
            from counterscam.db.writer import StoreBusy

            if isinstance(exc, StoreBusy):
                # A check's audit row waited its time for an import's write lock (SQLite): the
                # log is fine, the store is busy; it was a traceback.
                raise _busy("nothing was done") from exc
            if not isinstance(exc, AuditUnavailable):
                if was_interrupted(exc):
                    raise _interrupted() from None
                raise
            from counterscam.cli.context import fail

            raise fail(
                f"searches are paused: the audit log cannot be written ({exc}), and no search "
                "runs without leaving its record. Look at the database (its disk space, "
                "permissions, or whether it accepts writes), then run the command again"
            ) from exc
        except Exception as exc:
            if was_interrupted(exc):
                raise _interrupted() from None
            from counterscam.db.writer import is_busy  # imported here: the database layer

            if not is_busy(exc):
                raise
            # A read's audit row written through (COUNTERSCAM_AUDIT_FLUSH_SECONDS=0) found an
            # import holding the store (SQLite): it was a traceback of "database is locked".
            raise _busy("nothing the command had to write to it was stored") from exc


def _busy(outcome: str) -> typer.Exit:
    """Say that another writer held the store for longer than the command waits."""
    from counterscam.cli.context import fail  # imported here: it loads the database layer

    return fail(
        f"the database is busy with another change (an import, most likely), and {outcome}; "
        "run the command again when it ends"
    )


def was_interrupted(exc: BaseException) -> bool:
    """Tell whether ``exc`` is Ctrl-C, or an error a library raised because of it.

    DuckDB turns Ctrl-C into its own InterruptException, which Splink wraps in its own error.
    """
    if isinstance(exc, typer.Exit):
        return False  # the command said what it had to, and chose its exit code
    seen: BaseException | None = exc
    for _ in range(20):  # a chain of causes is short; this bounds a cycle
        if seen is None:
            return False
        if isinstance(seen, KeyboardInterrupt) or type(seen).__name__ == "InterruptException":
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _interrupted() -> typer.Exit:
    """Say "Interrupted." and return the Exit of Ctrl-C (130).

    Ctrl-C while DuckDB ran a query of person resolution (link --rebuild --persons,
    resolve-persons, demo) ended in Splink's error quoting the whole query, a page of SQL,
    and exit 1, where at any other moment a command exits 130.
    """
    from counterscam.cli.context import errors  # imported here: it loads the database layer

    errors.print("Interrupted.", highlight=False)
    return typer.Exit(130)


app = typer.Typer(
    name="counterscam",
    help="counterscam: the regional anti-scam centre.",
    no_args_is_help=True,
    cls=_Commands,
)
