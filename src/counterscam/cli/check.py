"""Check identifiers against the region's reports: one value, or a CSV file of them."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from counterscam.cli.app import app
from counterscam.cli.context import cli_caller, cli_engine, console, fail
from counterscam.db.engine import session_scope

if TYPE_CHECKING:
    from counterscam.check.results import CheckItem, CheckResult

CountryOpt = Annotated[
    str | None, typer.Option("--country", help="Country for reading local numbers, e.g. MY.")
]
AgencyOpt = Annotated[
    str, typer.Option("--agency", help="Agency whose admin identity the command acts as.")
]
BULK_CHUNK = 1_000
OUT_COLUMNS = (
    "kind",
    "value",
    "canonical",
    "hit",
    "reports",
    "countries",
    "first_seen",
    "last_seen",
    "scam_types",
    "loss_usd",
    "held_elsewhere",
    "error",
)


def _json_default(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _render(result: CheckResult) -> None:
    """Print the answer: HIT or NO HIT first, then the facts and who holds what.

    Values, references and contacts are text, not Rich markup: a checked link holding
    "[/b]" crashed the command, and a reference "[tmp]-1" showed as "-1".
    """
    # Imported here: every CLI command starts without the web package (tests/intake/test_cli).
    from counterscam.web.formatting import local_day

    value = f"{escape(result.kind or '')} {escape(result.value or '')}"
    if result.hit:
        console.print(f"[bold white on red] HIT [/] {value}")
    else:
        console.print(f"[bold white on green] NO HIT [/] {value}")
    if result.shared_platform:
        console.print("[yellow]A shared platform: many unrelated reports name it.[/]")
    if result.reports:
        facts = Table(show_header=False, box=None)
        facts.add_row("Reports you may see", f"{result.reports:,}")
        facts.add_row("Countries", ", ".join(result.countries))
        # As on the web pages: a report's date in its reporting country's calendar, or the
        # UTC date marked "UTC" when the countries seen disagree on the day.
        facts.add_row("First seen", local_day(result.first_seen, result.countries))
        facts.add_row("Last seen", local_day(result.last_seen, result.countries))
        facts.add_row("Scam types", ", ".join(result.scam_types))
        facts.add_row("Reported loss (USD)", f"{result.loss_usd:,.2f}")
        console.print(facts)
        matches = Table("report", "agency", "country", "reported", "scam type", "mark", "roles")
        for m in result.matches:
            matches.add_row(
                *map(
                    escape,
                    (
                        m.external_ref,
                        m.agency_code,
                        m.country,
                        local_day(m.reported_at, m.country),
                        m.scam_type,
                        m.mark,
                        ", ".join(m.roles),
                    ),
                )
            )
        console.print(matches)
    if result.holdings:
        console.print("Records you may not see — ask the holder:")
        held = Table("agency", "country", "mark", "reports", "how to ask")
        for h in result.holdings:
            held.add_row(
                *map(escape, (h.agency_code, h.country, h.mark, f"{h.reports:,}", h.contact))
            )
        console.print(held)
    for rel in result.related:
        note = (
            "shared platform, not looked up"
            if rel.shared_platform
            else (f"hit, {rel.reports + rel.hidden_reports:,} reports" if rel.hit else "no hit")
        )
        console.print(f"Context: {rel.kind} {rel.value}: {note}", markup=False)


@app.command("check")
def check_command(
    kind: Annotated[str, typer.Argument(help="phone, bank_account, ewallet, url, ... or 'auto'.")],
    value: Annotated[str, typer.Argument(help="The value as written.")],
    country: CountryOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    agency: AgencyOpt = "ASEANAPOL",
) -> None:
    """Tell whether a number, account, wallet or site was reported anywhere in the region."""
    # Imported here (and below): the check service is not needed by the other commands,
    # and every `counterscam` process would load it.
    from counterscam.check.service import check

    with session_scope(cli_engine()) as session:
        caller = cli_caller(session, agency=agency)
        result = check(
            session,
            caller,
            kind=None if kind == "auto" else kind,
            value=value,
            country=country and country.upper(),
            channel="cli",
        )
    if result.error is not None:
        raise fail(f"{value!r} is not a valid {kind}: {result.error}", code=2)
    if as_json:
        typer.echo(json.dumps(dataclasses.asdict(result), default=_json_default, indent=2))
    else:
        _render(result)


def _read_items(path: Path) -> list[CheckItem]:
    """Read a CSV with columns kind and value (kind may be empty: guessed)."""
    from counterscam.check.results import CheckItem

    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            fields = {f.strip().lower() for f in reader.fieldnames or []}
            if "value" not in fields:
                raise fail(f"{path}: row 1 must be a header with the columns kind,value")
            items = []
            for row in reader:
                clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
                items.append(
                    CheckItem(value=clean.get("value", ""), kind=clean.get("kind") or None)
                )
            return items
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise fail(f"{path}: cannot read it as a UTF-8 CSV file ({exc})") from exc


def _row(result: CheckResult, item: CheckItem) -> list[str]:
    return [
        item.kind or "",
        item.value,
        result.value or "",
        "yes" if result.hit else "no",
        str(result.reports),
        " ".join(result.countries),
        # Times in UTC, in full, as every CSV download gives them.
        result.first_seen.isoformat() if result.first_seen else "",
        result.last_seen.isoformat() if result.last_seen else "",
        " ".join(result.scam_types),
        f"{result.loss_usd:.2f}",
        " ".join(f"{h.agency_code}:{h.mark}:{h.reports}" for h in result.holdings),
        result.error or "",
    ]


@app.command("check-bulk")
def check_bulk_command(
    file: Annotated[Path, typer.Argument(help="CSV file with the columns kind,value.")],
    country: CountryOpt = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write one answer per row to this CSV file.")
    ] = None,
    agency: AgencyOpt = "ASEANAPOL",
) -> None:
    """Check every value of a CSV file; prints the number of hits and invalid values."""
    from counterscam.check.service import check_bulk

    items = _read_items(file)
    rows: list[list[str]] = []
    hits = invalid = 0
    with session_scope(cli_engine()) as session, Progress(console=console) as progress:
        caller = cli_caller(session, agency=agency)
        task = progress.add_task("Checking", total=len(items))
        for start in range(0, len(items), BULK_CHUNK):
            chunk = items[start : start + BULK_CHUNK]
            result = check_bulk(
                session,
                caller,
                items=chunk,
                country=country and country.upper(),
                channel="cli",
                limit=BULK_CHUNK,
            )
            hits += result.hits
            invalid += result.invalid
            rows.extend(_row(r, i) for r, i in zip(result.items, chunk, strict=True))
            progress.advance(task, len(chunk))
    if out is not None:
        with out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(OUT_COLUMNS)
            writer.writerows(rows)
    console.print(f"{len(items):,} checked: {hits:,} hits, {invalid:,} invalid.")
    if out is not None:
        console.print(f"Answers written to {out}.")
