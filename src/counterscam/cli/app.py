"""The shared Typer application every command module registers on."""

import typer

app = typer.Typer(
    name="counterscam", help="counterscam: the regional anti-scam centre.", no_args_is_help=True
)
