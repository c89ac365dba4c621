"""`counterscam canon`: print the canonical form of one identifier."""

from __future__ import annotations

from typing import Annotated

import typer

from counterscam.cli.app import app
from counterscam.cli.context import country_code, fail
from counterscam.identifiers import KINDS, InvalidIdentifier, canonicalize


@app.command("canon")
def canon(
    kind: Annotated[
        str, typer.Argument(metavar="KIND", help=f"Identifier kind: {', '.join(KINDS)}.")
    ],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="The identifier as written.")],
    country: Annotated[
        str | None, typer.Option("--country", help="Reporting country, e.g. MY.")
    ] = None,
    qualifier: Annotated[
        str | None,
        typer.Option("--qualifier", help="Bank, e-wallet, chain or platform given separately."),
    ] = None,
) -> None:
    """Print the canonical form of an identifier (and its registered domain or IP, if any)."""
    # An unknown kind or country is a usage error (exit 2), as in `check`; exit 1 is kept for
    # a value that does not read, so a script can tell its own mistake from bad data.
    kind = kind.strip().lower()
    if kind not in KINDS:
        raise fail(f"{kind!r} is not an identifier kind; use one of {', '.join(KINDS)}", 2)
    country = country_code(country)
    try:
        result = canonicalize(kind, value, country=country, qualifier=qualifier)
    except InvalidIdentifier as exc:
        raise fail(exc.reason) from exc  # "error: ...", as every command's error line
    typer.echo(result.value)
    for related in result.related:  # shown beside a check's answer, as here
        typer.echo(f"{related.kind}: {related.value}")
