"""Link reports into clusters: rebuild, the hub stop-list, and the clusters export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import Engine

from counterscam.cli.app import app
from counterscam.cli.context import (
    AgencyOpt,
    cli_caller,
    cli_engine,
    console,
    fail,
    operator_only,
    print_table,
    progress_bar,
    writable_file,
    write_read_audit,
)
from counterscam.db.engine import session_scope
from counterscam.link.export import export_clusters
from counterscam.link.stop_notes import rule_note
from counterscam.link.stoplist import (
    StopEntryMissing,
    StopListForbidden,
    add_stop,
    list_stops,
    remove_stop,
)

link_app = typer.Typer(help="Link reports into clusters (candidate syndicates).")
stop_app = typer.Typer(help="The hub stop-list: identifiers that never link reports.")
export_app = typer.Typer(help="Export results as CSV.")
app.add_typer(link_app, name="link")
link_app.add_typer(stop_app, name="stop")
app.add_typer(export_app, name="export")


def _known_kind(kind: str) -> str:
    """Return ``kind`` in lower case, or fail with the kinds (a usage error, as in `check`).

    An unknown kind exited 1 saying "'bar' is not a valid foo: unknown identifier kind".
    """
    # Imported here: the identifier readers load reference data.
    from counterscam.identifiers import KINDS

    known = kind.strip().lower()
    if known not in KINDS:
        raise fail(f"{kind!r} is not an identifier kind; use one of {', '.join(KINDS)}", 2)
    return known


@link_app.callback(invoke_without_command=True)
def link(
    ctx: typer.Context,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Recompute every cluster from the store.")
    ] = False,
    persons: Annotated[
        bool,
        typer.Option(
            "--persons",
            help="First resolve every party into persons (Splink), so that reports naming "
            "the same suspect, mule or recruiter link; takes minutes on large stores.",
        ),
    ] = False,
) -> None:
    """Recompute clusters with --rebuild; see also `link stop`."""
    if ctx.invoked_subcommand is not None:
        return
    if persons and not rebuild:
        # Shown the help with exit 0, the caller took the persons as resolved.
        raise fail(
            "--persons resolves the parties before a rebuild and does nothing alone: run "
            f"'{ctx.command_path} --rebuild --persons'; see '{ctx.command_path} --help'",
            2,
        )
    if not rebuild:
        console.print(ctx.get_help())
        raise typer.Exit(0)
    from counterscam.link.rebuild import STEPS
    from counterscam.link.rebuild import rebuild as run_rebuild

    # A rebuild reads and rewrites every agency's reports and clusters as no user of the
    # policy: with a partner's (or a made-up) token it ran and printed the region's counts.
    operator_only(
        f"{ctx.command_path} --rebuild", does="recomputes the clusters of every agency's reports"
    )
    engine = cli_engine()
    if persons:
        _resolve_persons(engine)
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with progress_bar(*columns) as bar, session_scope(engine) as session:
        task = bar.add_task("linking", total=len(STEPS))

        def tell(step: str, done: int, total: int) -> None:
            bar.update(task, description=step, completed=done, total=total)

        result = run_rebuild(session, progress=tell)
    console.print(
        f"{result.clusters:,} clusters over {result.linked_reports:,} of {result.reports:,} "
        f"reports ({result.links:,} links, largest {result.largest:,}); "
        f"{result.kept_keys:,} keys kept, {result.new_keys:,} new; "
        f"{result.hubs:,} hubs stopped automatically; {result.seconds:.1f} s"
    )


def _resolve_persons(engine: Engine) -> None:
    from counterscam.link.party_evidence import store_person_ids
    from counterscam.link.persons import resolve_parties

    with console.status("resolving parties into persons (Splink)"), session_scope(engine) as s:
        person_of = resolve_parties(s)
        updated = store_person_ids(s, person_of)
    console.print(f"{updated:,} parties resolved into {len(set(person_of.values())):,} persons")


@stop_app.command("add")
def stop_add(
    kind: Annotated[str, typer.Argument(metavar="KIND", help="Identifier kind, e.g. phone.")],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="The identifier, in any spelling.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it must never link.")],
    agency: AgencyOpt = None,
) -> None:
    """Put an identifier on the stop-list; it stops linking at once and at every rebuild."""
    kind = _known_kind(kind)
    with session_scope(cli_engine()) as session:
        try:
            entry = add_stop(
                session, cli_caller(session, agency=agency), kind=kind, value=value, reason=reason
            )
        except (ValueError, StopListForbidden) as exc:
            raise fail(str(exc)) from exc
    # A value is text, not Rich markup: a URL's "[b]" or "[abc]" must show as written.
    console.print(
        f"stopped {entry.kind} {entry.value}; run `counterscam link --rebuild` to "
        "undo links it made",
    )


@stop_app.command("remove")
def stop_remove(
    kind: Annotated[str, typer.Argument(metavar="KIND", help="Identifier kind, e.g. phone.")],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="The identifier, in any spelling.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it may link again.")] = "",
    agency: AgencyOpt = None,
) -> None:
    """Take an identifier off the stop-list (an automatic hub becomes an allow entry)."""
    kind = _known_kind(kind)
    with session_scope(cli_engine()) as session:
        try:
            entry = remove_stop(
                session, cli_caller(session, agency=agency), kind=kind, value=value, reason=reason
            )
        except (ValueError, StopEntryMissing, StopListForbidden) as exc:
            raise fail(str(exc)) from exc
    if entry is None:
        console.print(f"removed {kind} {value} from the stop-list")
    else:
        console.print(
            f"{entry.kind} {entry.value} is now allowed to link (overrules the hub rule)",
        )


@stop_app.command("list")
def stop_list(agency: AgencyOpt = None) -> None:
    """List the stop-list: analysts' entries first, then hubs found by the rules.

    A value named only in reports the agency may not see is shown as withheld.
    """
    with session_scope(cli_engine()) as session:
        entries = list_stops(session, cli_caller(session, agency=agency), channel="cli")
    for automatic, title in ((False, "Analysts' entries"), (True, "Found by the hub rules")):
        table = Table("kind", "value", "action", "rule", "reason", "by", "when", title=title)
        for e in entries:
            if e.automatic == automatic:
                value = "(withheld: only in reports you may not see)" if e.withheld else e.value
                # The page's words: what the entry does to alerts, withheld with the reports.
                rule, _why = rule_note(e)
                when = f"{e.added_at:%Y-%m-%d}"
                cells = (e.kind, value, e.action, rule, e.reason, e.added_by, when)
                table.add_row(*cells)
        print_table(table)
    write_read_audit()


@export_app.command("clusters")
def export_cluster_csv(
    out: Annotated[Path, typer.Option("--out", help="CSV file to write.")],
    agency: AgencyOpt = None,
) -> None:
    """Write one row per report you may see: agency, external reference, cluster."""
    writable_file(out, "--out")
    with session_scope(cli_engine()) as session:
        # Who is asking first: a refused export must not have emptied the file already.
        caller = cli_caller(session, agency=agency)
        with out.open("w", newline="") as handle:
            rows = export_clusters(session, caller, handle)
    console.print(f"wrote {rows:,} reports to {out}")
    write_read_audit()
