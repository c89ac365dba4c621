"""``counterscam demo``: build the synthetic demo region and say how to sign in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.engine import make_url

from counterscam.cli.app import app, was_interrupted
from counterscam.cli.context import (
    cli_engine,
    console,
    errors,
    operator_only,
    print_table,
    progress_bar,
)
from counterscam.config import get_settings
from counterscam.db.url_problems import shown


@app.command()
def demo(
    reports: Annotated[int, typer.Option(min=1, help="Number of synthetic reports.")] = 20_000,
    seed: Annotated[int, typer.Option(help="Random seed of the region.")] = 2026,
    folder: Annotated[Path, typer.Option("--dir", help="Where generated files go.")] = Path(
        "demo-data"
    ),
) -> None:
    """Build the demo region in the configured database (once) and print the demo sign-ins."""
    # Imported here: the demo builder loads numpy (via synth), which other commands don't need.
    from counterscam.demo import DEMO_PASSWORD, build_demo

    operator_only("counterscam demo", does="builds a region of agencies, users and reports")
    try:
        with progress_bar(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()
        ) as progress:
            current: list[TaskID] = []

            def on_stage(name: str, total: int | None) -> None:
                current.append(progress.add_task(name, total=total))

            def on_progress(n: int) -> None:
                if current:
                    progress.advance(current[-1], n)

            summary = build_demo(
                engine=cli_engine(schema_required=False),  # the demo creates the schema
                reports=reports,
                seed=seed,
                folder=folder,
                on_stage=on_stage,
                on_progress=on_progress,
            )
    except Exception as exc:
        if not was_interrupted(exc):
            raise
        raise _interrupted() from None
    except KeyboardInterrupt:
        raise _interrupted() from None
    if summary.already_built:
        console.print(
            f"The demo region is already built ({summary.reports:,} reports); "
            f"{_how_to_start_again()}",
        )
    else:
        console.print(
            f"Demo region built: {summary.reports:,} reports ({summary.rejected:,} rejected)."
        )
    table = Table("username", "password", "agency", "sees", title="Demo sign-ins")
    for user in summary.users:
        table.add_row(user.username, DEMO_PASSWORD, user.agency, user.sees)
    print_table(table)
    # `make demo` serves next; run alone, the command left a newcomer at a page that did not load.
    console.print(
        "Serve it with 'COUNTERSCAM_DEMO=1 counterscam serve' (make demo does), open "
        "http://127.0.0.1:8000 and sign in with one of the accounts above."
    )


def _interrupted() -> typer.Exit:
    """Say that the region is part built, and how to start again; return the Exit (130)."""
    # Run again, the command said "already built" of the part built before Ctrl-C (7,925 of
    # 20,000 reports), and the demo went on with it.
    errors.print(
        "Interrupted: the demo region is only partly built, and running the command again "
        f"would take it as built; {_how_to_start_again()}",
        highlight=False,
    )
    return typer.Exit(130)


def _how_to_start_again() -> str:
    """Say how to empty the configured database: "the data folder" is only the default's."""
    url = make_url(get_settings().resolved_database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return f"delete {url.database} to build it again."
    return f"drop and re-create the database {shown(str(url))} to build it again."
