"""`counterscam resolve-persons`: dedupe a CSV of person records into persons."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.progress import BarColumn, TextColumn, TimeElapsedColumn

from counterscam.cli.app import app
from counterscam.cli.context import console, fail, progress_bar, writable_file
from counterscam.cli.file_kinds import not_a_file

REQUIRED = ("record_id", "full_name")
OPTIONAL = (
    "given_name",
    "family_name",
    "birth_date",
    "nationality",
    "id_number",
    "phone",
    "country",
)
# Other spellings of the column names accepted in a partner's file.
ALIASES = {
    "id": "record_id",
    "name": "full_name",
    "date_of_birth": "birth_date",
    "dob": "birth_date",
    "passport": "id_number",
    "passport_number": "id_number",
    "id_or_passport": "id_number",
    "surname": "family_name",
    "first_name": "given_name",
}
STAGES = 6


@app.command("resolve-persons")
def resolve_persons_command(
    src: Annotated[
        Path,
        typer.Option("--in", help="CSV of person records (UTF-8, header row).", readable=False),
    ],
    out: Annotated[Path, typer.Option("--out", help="CSV to write: record_id, person_id.")],
    backend: Annotated[
        str, typer.Option("--backend", help="Where Splink runs: duckdb, or spark (local).")
    ] = "duckdb",
    threshold: Annotated[
        float | None,
        typer.Option("--threshold", help="Match probability needed to merge two records."),
    ] = None,
) -> None:
    """Resolve person records (names, birth dates, documents, phones) into persons."""
    import polars as pl

    from counterscam.link.persons import DEFAULT_THRESHOLD, BadRecord, resolve_persons

    # A value out of range is a usage error (exit 2), as docs/cli.md says of every command.
    if backend not in ("duckdb", "spark"):
        raise fail(f"--backend {backend!r} is not known: use duckdb or spark", 2)
    chosen: Literal["duckdb", "spark"] = "spark" if backend == "spark" else "duckdb"
    cut = DEFAULT_THRESHOLD if threshold is None else threshold
    if not 0.0 < cut < 1.0:
        raise fail(f"--threshold {cut} is out of range: give a probability such as 0.9", 2)
    if chosen == "spark":
        from counterscam.link.persons_spark import spark_problem

        # Said before the records are read: a traceback after the work had started before.
        problem = spark_problem()
        if problem is not None:
            raise fail(problem)
    # One message said "does not exist or is not a file" of a folder, a FIFO and a typo alike.
    instead = "save the person records to a CSV file and give that file"
    if (reason := not_a_file(src, instead=instead)) is not None:
        raise fail(reason)
    if not src.is_file():
        raise fail(f"{src}: no such file; give the CSV of person records, like persons.csv")
    writable_file(out, "--out")
    try:
        frame = pl.read_csv(src, infer_schema=False, encoding="utf8")
    except pl.exceptions.NoDataError as exc:
        raise fail(f"{src} is empty; it needs a header row ({', '.join(REQUIRED)}, ...)") from exc
    except (pl.exceptions.ComputeError, UnicodeDecodeError) as exc:
        raise fail(f"{src} is not a readable UTF-8 CSV: {exc}") from exc
    frame = frame.rename(
        {c: ALIASES.get(c.strip().lower(), c.strip().lower()) for c in frame.columns}
    )
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise fail(
            f"{src} lacks the column(s) {', '.join(missing)}; the header needs "
            f"{', '.join(REQUIRED)} and may have {', '.join(OPTIONAL)}"
        )
    why = {"record_id": "every row needs an id", "full_name": "every row needs the name as written"}
    for column in REQUIRED:
        # An empty name became a person of its own, matched on nothing: say where it is.
        empty = frame.with_row_index("row", 1).filter(
            pl.col(column).is_null() | (pl.col(column).str.strip_chars() == "")
        )
        if empty.height:
            raise fail(f"{src} row {empty['row'][0]}, column {column}: empty; {why[column]}")
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with progress_bar(*columns) as bar:
        task = bar.add_task("reading", total=STAGES)

        def stage(text: str) -> None:
            bar.update(task, description=text.capitalize())
            bar.advance(task)

        try:
            result = resolve_persons(frame, backend=chosen, threshold=cut, progress=stage)
        except BadRecord as exc:
            raise fail(f"{src} row {exc.row}, column {exc.column}: {exc.reason}") from exc
        stage("writing")
    pl.DataFrame(
        {"record_id": list(result.person_of), "person_id": list(result.person_of.values())}
    ).write_csv(out)
    console.print(
        f"Resolved {len(result.person_of):,} records into {result.persons:,} persons "
        f"(threshold {cut}); wrote {out}",
    )
