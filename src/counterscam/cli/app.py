"""The shared Typer application every command module registers on."""

from typing import Any

import typer
from pydantic import ValidationError
from typer.core import TyperGroup

from counterscam.config import settings_problem


class _Commands(TyperGroup):
    """The command group: a setting that cannot be read ends any command with the fix."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ValidationError as exc:
            # Settings are read on first use, deep in any command: COUNTERSCAM_MAX_UPLOAD_BYTES=50MB
            # ended it in a pydantic traceback rather than naming the variable to fix.
            problem = settings_problem(exc)
            if problem is None:
                raise
            # Imported here: context imports the settings and the database layer.
            from counterscam.cli.context import fail

            raise fail(problem) from exc


app = typer.Typer(
    name="counterscam",
    help="counterscam: the regional anti-scam centre.",
    no_args_is_help=True,
    cls=_Commands,
)
