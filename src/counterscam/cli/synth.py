"""Generate a synthetic region in the import format, with its ground truth."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn

from counterscam.cli.app import app
from counterscam.cli.context import console, errors, fail, progress_bar


@app.command()
def synth(
    reports: Annotated[int, typer.Option("--reports", help="Number of reports to write.")],
    out: Annotated[Path, typer.Option("--out", help="Folder to write the region into.")],
    seed: Annotated[
        int, typer.Option("--seed", min=0, help="Random seed (0 or more): same seed, same files.")
    ] = 1,
) -> None:
    """Write a synthetic region: one CSV set per agency, agencies.csv and ground_truth/."""
    # Imported here: the generator loads numpy, which every other command would pay for.
    from counterscam.synth import generate

    if reports < 1:
        raise fail("--reports must be at least 1, like --reports 20000", 2)
    if out.exists() and not out.is_dir():
        raise fail(f"--out {out} is a file; give a folder to write the region into", 2)
    columns = (TextColumn("Generating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with progress_bar(*columns) as bar:
            task = bar.add_task("reports", total=reports)
            summary = generate(
                reports=reports, seed=seed, out=out, progress=lambda n: bar.advance(task, n)
            )
    except OSError as exc:
        raise fail(
            f"--out {out}: cannot write there ({exc.strerror}); choose another folder"
        ) from exc
    except KeyboardInterrupt:
        # Ctrl-C left some agencies' files and no agencies.csv, without a word: imported, such
        # a folder is a region cut short.
        errors.print(
            f"Interrupted: {out} holds part of a region, not one to import. Run the same "
            "command again to write it whole (same seed, same files).",
            highlight=False,
        )
        raise typer.Exit(130) from None
    # "19 identifier sightings of 23 identifiers" read as a bug: the 23 were the ground truth's,
    # which lists every identifier the region made, those no report names too.
    unnamed = summary.identifiers - summary.sighted
    console.print(
        f"Wrote {summary.reports:,} {'report' if summary.reports == 1 else 'reports'} "
        f"({summary.duplicates:,} reported twice) of {summary.syndicates:,} syndicates to "
        f"{summary.out}: {summary.sightings:,} identifier sightings naming {summary.sighted:,} "
        f"distinct identifiers, {summary.parties:,} parties, {summary.places:,} places. Ground "
        f"truth in {summary.ground_truth}"
        + (f" (it lists {unnamed:,} more identifiers, named in no report)." if unnamed else "."),
    )
