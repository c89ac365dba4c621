"""Import report files: ``counterscam import PATH... --agency CODE``."""

from __future__ import annotations

import importlib
import os
import re
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.cli.app import app
from counterscam.cli.context import (
    cli_caller,
    cli_engine,
    console,
    errors,
    fail,
    progress_bar,
    writable_file,
)
from counterscam.cli.file_kinds import not_a_file, unread_name, unreadable_folder
from counterscam.cli.region_folder import whole_region
from counterscam.config import get_settings
from counterscam.db.engine import session_factory
from counterscam.db.link_models import Cluster
from counterscam.db.models import Agency, Report
from counterscam.intake.records import RowError, rejections_csv
from counterscam.intake.service import BatchResult, NotAllowed, batch_notes, submit
from counterscam.intake.tables import Limits, Source
from counterscam.intake.worker import prepared_in_worker, prepared_inline, worth_a_worker
from counterscam.link.listing import largest_cluster
from counterscam.link.rules import DEFAULT_RULES

SUFFIXES = (".csv", ".xlsx", ".json")
BULK_IMPORT = 10_000  # reports stored by one import above which a rebuild is advised


def batches_of(paths: list[Path]) -> list[list[Source]]:
    """Group paths into batches: each XLSX or JSON is its own; the CSV files of one folder
    form one set, and so do the CSV files named one by one."""
    files: list[Path] = []
    folders: list[Path] = []
    # Two folders' sets read as one set (`import 2026-01/ 2026-02/`) were refused whole:
    # "a second identifiers file in one batch".
    folder_sets: list[list[Source]] = []
    for path in paths:
        if str(path) == "-" and not path.exists():
            # Other tools' way of naming standard input; it was "no such file or folder".
            raise fail(
                "-: reports are not read from standard input (a pipe), as each file is read "
                "more than once; save the data to a .csv, .xlsx or .json file and import that file"
            )
        if (reason := unreadable_folder(path)) is not None:
            raise fail(reason)
        if path.is_dir():
            if (region := whole_region(path)) is not None:
                raise fail(region, 2)
            folders.append(path)
            # A subfolder named x.csv is a subfolder, not read like the others.
            inside = sorted(
                p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and not p.is_dir()
            )
            for p in inside:
                if (reason := not_a_file(p)) is not None:
                    raise fail(reason)
            files.extend(p for p in inside if p.suffix.lower() != ".csv")
            csvs = [Source(name=p.name, path=p) for p in inside if p.suffix.lower() == ".csv"]
            if csvs:
                folder_sets.append(csvs)
        elif (reason := not_a_file(path)) is not None:
            raise fail(reason)
        elif not path.exists():
            raise fail(f"{path}: no such file or folder")
        elif path.suffix.lower() not in SUFFIXES:
            # Read as CSV it failed row by row ("the header row is not one of the intake files").
            raise fail(unread_name(path))
        else:
            files.append(path)
    if not files and not folder_sets:
        # A folder of agency folders (a whole region) was answered as if it held nothing.
        inner = sorted(p.name for f in folders for p in f.iterdir() if p.is_dir())
        if inner:
            shown = ", ".join(inner[:5]) + (", ..." if len(inner) > 5 else "")
            raise fail(
                f"no .csv, .xlsx or .json files to import; subfolders are not read ({shown}): "
                "give each folder to import, with its agency"
            )
        raise fail("no .csv, .xlsx or .json files to import")
    csv_set = [Source(name=p.name, path=p) for p in files if p.suffix.lower() == ".csv"]
    others = [[Source(name=p.name, path=p)] for p in files if p.suffix.lower() != ".csv"]
    return folder_sets + ([csv_set] if csv_set else []) + others


def _check_agency_folders(paths: list[Path], agency: str | None) -> None:
    """Refuse what --agency-from-folder cannot read: each path must be a folder, and the
    agency comes from its name alone (not from --agency, nor from an API token's user)."""
    if agency is not None:
        raise fail("give either --agency CODE or --agency-from-folder, not both", 2)
    if os.environ.get("COUNTERSCAM_TOKEN", "").strip():
        raise fail(
            "--agency-from-folder imports for several agencies, but COUNTERSCAM_TOKEN signs in "
            "as one user: unset it, or import each folder with that user's agency",
            2,
        )
    for path in paths:
        if not path.is_dir():
            raise fail(
                f"{path}: --agency-from-folder reads folders named by agency code (like "
                "demo-data/MY-NSRC); give folders, or import files with --agency CODE",
                2,
            )


def _check_folder_codes(session: Session, paths: list[Path]) -> None:
    """Refuse, before anything is imported, a folder whose name is no agency's code."""
    known = set(session.scalars(select(Agency.code)))
    strangers = [str(p) for p in paths if p.name.upper() not in known]
    if strangers:
        raise fail(
            f"{', '.join(strangers)}: no agency has this folder's name as its code; with "
            "--agency-from-folder each folder is named by its agency's code ('counterscam "
            "agency list' shows them; a region from synth lists its agencies in agencies.csv: "
            "add them with 'counterscam agency import REGION')",
            2,
        )


def _batch_name(sources: list[Source], *, several: bool) -> str:
    """Name a batch by its files, and by their folder when several batches are imported."""
    name = ", ".join(s.name for s in sources)
    folders = {s.path.parent for s in sources if s.path is not None}
    if several and len(folders) == 1:
        return f"{folders.pop()}/ {name}"
    return name


@app.command("import")
def import_reports(
    paths: Annotated[
        list[Path],
        # readable=False: a file the user may not read is refused by not_a_file, saying so,
        # as one found in a folder is, not as a usage error (exit 2) naming the argument.
        typer.Argument(
            metavar="PATH", help="Files, or folders of .csv/.xlsx/.json.", readable=False
        ),
    ],
    agency: Annotated[
        str | None, typer.Option(help="Code of the agency whose reports these are.")
    ] = None,
    keep_valid: Annotated[
        bool, typer.Option("--keep-valid", help="Store valid reports; list the rejected ones.")
    ] = False,
    rejections: Annotated[
        Path | None, typer.Option(help="Write rejected rows to this CSV file.")
    ] = None,
    agency_from_folder: Annotated[
        bool,
        typer.Option(
            "--agency-from-folder",
            help="Each PATH is a folder named by the code of the agency whose reports it "
            "holds (a region, as synth and demo write one).",
        ),
    ] = False,
) -> None:
    """Import reports from CSV, XLSX or JSON files; exit 1 when any row is rejected.

    A CSV set (reports.csv with identifiers.csv, parties.csv, places.csv) is one batch.
    Without --keep-valid a batch is all or nothing. With it, large imports commit as they
    go; re-running the same files resumes safely, because a report resubmitted with the same
    external_ref is updated, never duplicated.
    """
    if agency_from_folder:
        _check_agency_folders(paths, agency)
    elif agency is None and not os.environ.get("COUNTERSCAM_TOKEN"):
        # A usage error (2), as any missing option is: exit 1 says rows were rejected.
        raise fail(
            "give --agency CODE: the agency whose reports these are (or --agency-from-folder); "
            "see 'counterscam import --help'",
            2,
        )
    settings = get_settings()
    # The CLI streams CSV, so only workbook unpacking and one report's rows (held whole, in
    # any order) are limited; file size and batch size limits are for uploads.
    limits = Limits(
        max_unzipped_bytes=max(300 * 1024 * 1024, 20 * settings.max_upload_bytes),
        max_report_linked=settings.max_report_linked_rows,
    )
    owned = (
        [(p.name.upper(), group) for p in paths for group in batches_of([p])]
        if agency_from_folder
        else [(agency, group) for group in batches_of(paths)]
    )
    groups = [group for _, group in owned]
    if rejections is not None:
        writable_file(rejections, "--rejections")
    results: list[BatchResult] = []
    session = session_factory(cli_engine())()
    try:
        if agency_from_folder:
            _check_folder_codes(session, paths)
        callers = {code: cli_caller(session, agency=code) for code, _ in owned}
        with progress_bar(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("reports"),
            TimeElapsedColumn(),
            transient=False,
        ) as progress:
            for owner, sources in owned:
                caller = callers[owner]
                name = _batch_name(sources, several=len(groups) > 1)
                # A file name is text, not markup: "[red]x.csv" must show as it is.
                task = progress.add_task(escape(name), total=None)

                def on_total(n: int, task: TaskID = task) -> None:
                    progress.update(task, total=n)

                def on_progress(n: int, task: TaskID = task) -> None:
                    progress.update(task, completed=n)

                # Large files are read and checked in a worker process while this one writes;
                # linking's modules (numpy, scipy, igraph) load while the worker reads.
                if worth_a_worker(sources, settings.import_worker):
                    stream = prepared_in_worker(
                        sources, limits, caller.country, on_total, meanwhile=_load_linking
                    )
                else:
                    stream = prepared_inline(sources, limits, caller.country, on_total)
                try:
                    result = submit(
                        session,
                        caller,
                        reports=stream,
                        source="cli",
                        filename=name,
                        keep_valid=keep_valid,
                        settings=settings,
                        streaming=True,
                        on_progress=on_progress,
                    )
                except NotAllowed as exc:
                    raise fail(str(exc)) from exc
                finally:
                    stream.close()  # stops the worker if the batch ended early
                results.append(result)
                _print(name, result)
        if any(r.accepted for r in results):
            # Under a token every batch is the token's user's; without one, the operator's.
            caller = next(iter(callers.values()))
            _advise_rebuild(session, sum(r.created + r.updated for r in results), caller)
    except KeyboardInterrupt:
        raise _interrupted(results, keep_valid=keep_valid) from None
    finally:
        session.close()  # rolls back the batch being written, unless --keep-valid committed it
    all_errors: list[RowError] = [e for r in results for e in r.errors]
    if rejections is not None:
        # With a byte-order mark, as the upload page's download: without one Excel reads the
        # file in the local code page, and Thai, Vietnamese or Khmer values come out garbled.
        rejections.write_text(rejections_csv(all_errors), encoding="utf-8-sig")
        if all_errors:
            console.print(f"Rejected rows written to {rejections}")
        else:  # still written: a stale file from an earlier run must not stand
            console.print(f"No row was rejected; {rejections} holds the header only")
    console.print(
        f"Total: {sum(r.accepted for r in results):,} accepted, "
        f"{sum(r.rejected for r in results):,} rejected, {sum(r.created for r in results):,} "
        f"created, {sum(r.updated for r in results):,} updated"
    )
    if any(r.rejected or r.errors for r in results):
        raise typer.Exit(1)


def _interrupted(done: list[BatchResult], *, keep_valid: bool) -> typer.Exit:
    """Say what an interrupted import stored, and return the Exit (130, as for any Ctrl-C)."""
    finished = (
        f"{len(done)} batch(es) finished before it ({sum(r.accepted for r in done):,} reports "
        "accepted) are stored. "
        if done
        else ""
    )
    current = (
        "With --keep-valid the batch being written keeps the rounds it had committed."
        if keep_valid
        else "Nothing of the batch being written was stored (a batch is all or nothing)."
    )
    errors.print(
        f"Interrupted. {finished}{current} Run the same command again to finish: a report "
        "resubmitted with the same external_ref is updated, never duplicated.",
        highlight=False,
    )
    return typer.Exit(130)


def _load_linking() -> None:
    importlib.import_module("counterscam.link.incremental")


def _advise_rebuild(session: Session, stored: int, caller: Caller) -> None:
    """Say to rebuild when intake's linking has made a giant cluster or a bulk import ran.

    Intake links each round of reports on what is stored by then and never splits: an
    identifier that only later shows itself a hub has already joined clusters (on another
    generator's region, pairwise precision 0.6 before a rebuild, 0.98 after: docs/link.md).
    The local operator is told the region's figures and to rebuild. A user signed in by
    ``COUNTERSCAM_TOKEN`` is told only what they may see, and to ask the operator: the rebuild
    is refused to them.
    """
    if caller.user_id is None:  # the local operator, who holds the database
        largest = session.scalar(select(func.max(Cluster.report_count))) or 0
        reports = session.scalar(select(func.count()).select_from(Report)) or 0
        holds = f"The largest cluster now holds {largest:,} of {reports:,} reports"
        rebuild = "run `counterscam link --rebuild`"
    else:
        # Region-wide figures counted other agencies' reports the user may not see (red and
        # amber+strict ones too), and the rebuild they were told to run is the operator's.
        visible = largest_cluster(session, caller)
        largest, reports = visible.reports, visible.of_reports
        holds = (
            f"The largest cluster you may see now holds {largest:,} of the {reports:,} "
            "reports you may see"
        )
        rebuild = (
            "ask the local operator (who holds the database) to run `counterscam link --rebuild`"
        )
    if largest > DEFAULT_RULES.giant_above(reports):
        console.print(
            f"{holds}. Intake links but never splits: {rebuild} to split giant clusters at "
            "their weak bridges (and after every bulk import)."
        )
    elif stored >= BULK_IMPORT:
        console.print(
            f"{stored:,} reports were linked as they came. Intake links but never splits: "
            f"{rebuild} after a bulk import, to review every cluster with everything now known."
        )


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _one_line(text: str) -> str:
    """Return ``text`` with its control characters escaped, to print it on one line."""
    # A file found in a folder named "a\nTotal: 999 accepted" printed a forged summary line,
    # and an escape sequence in a file name or heading (ESC [2J) cleared the screen.
    return _CONTROL.sub(lambda found: repr(found.group())[1:-1], text)


def _print(name: str, result: BatchResult) -> None:
    name = _one_line(name)
    console.print(
        f"{name}: batch {result.batch_id} {result.status}: {result.accepted:,} accepted, "
        f"{result.rejected:,} rejected, {result.created:,} created, {result.updated:,} updated",
        highlight=False,
    )
    for note in batch_notes(result):
        # The references a widening note names come from the file: one line each, as above.
        console.print(f"  {name}: {_one_line(note)}", highlight=False, markup=False)
    if not result.accepted and not result.errors:
        # Not an error (an agency may have nothing to send), but rarely what was meant.
        empty = (
            "no reports in it"
            if name.lower().endswith(".json")
            else "no reports under the header row"
        )
        errors.print(f"  {name}: {empty}; nothing was stored", highlight=False)
    for e in result.errors[:20]:
        # Row 0 is the file as a whole (a missing column, an unreadable or empty file).
        where = (f"{e.file} row {e.row}" if e.row else e.file) + (
            f", {e.column}" if e.column else ""
        )
        errors.print(_one_line(f"  {where}: {e.reason}"), highlight=False)
    if len(result.errors) > 20:
        errors.print(
            f"  ... {len(result.errors) - 20:,} more; use --rejections FILE to list them all",
            highlight=False,
        )
