"""Check identifiers against the region's reports: one value, or a CSV file of them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from counterscam.cli.app import app
from counterscam.cli.context import (
    AgencyOpt,
    cli_caller,
    cli_engine,
    console,
    country_code,
    errors,
    fail,
    print_json,
    print_table,
    progress_bar,
    writable_file,
)
from counterscam.cli.file_kinds import not_a_file
from counterscam.db.engine import session_scope
from counterscam.identifiers import KINDS

if TYPE_CHECKING:
    from counterscam.check.lists import Listed
    from counterscam.check.results import CheckResult

CountryOpt = Annotated[
    str | None, typer.Option("--country", help="Country for reading local numbers, e.g. MY.")
]
BULK_CHUNK = 1_000


def _counted(count: int, noun: str) -> str:
    """Return "1 hit", "2 hits": the count with its noun agreeing in number."""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _reports(count: int) -> str:
    return _counted(count, "report")


def _render(result: CheckResult) -> None:
    """Print the answer: HIT or NO HIT first, then the facts and who holds what.

    Values, references and contacts are text, not Rich markup: a checked link holding
    "[/b]" crashed the command, and a reference "[tmp]-1" showed as "-1".
    """
    # Imported here: every CLI command starts without the web package (tests/intake/test_cli).
    from counterscam.web.check_views import reported_loss, seen_in
    from counterscam.web.formatting import local_day

    value = f"{escape(result.kind or '')} {escape(result.value or '')}"
    if result.hit:
        console.print(f"[bold white on red] HIT [/] {value}", markup=True)
    else:
        console.print(f"[bold white on green] NO HIT [/] {value}", markup=True)
    if result.read_in is not None:
        said = _read_in(result.read_in)
        console.print(f"{said[0].upper()}{said[1:]}.", highlight=False)
    if result.account_number is not None:
        console.print(
            "No bank was given: the number was looked up at every bank of the region; the "
            "accounts named in reports you may see are listed as context below."
        )
    if result.shared_note is not None:
        console.print(result.shared_note, style="yellow")
    if result.stop_list is not None:
        stop = result.stop_list
        console.print(
            f"On the hub stop-list (it links no reports and raises no alerts): {stop.reason} "
            f"— listed by {'the hub rules' if stop.automatic else stop.listed_by}, "
            f"{stop.listed_at:%Y-%m-%d %H:%M} UTC",
            style="yellow",
        )
    if result.reports:
        facts = Table(show_header=False, box=None)
        facts.add_row("Reports you may see", f"{result.reports:,}")
        facts.add_row("Countries", ", ".join(result.countries))
        # As on the web page: the date in the calendar of the report seen first (last), so it
        # agrees with that report's row below; the UTC date marked "UTC" only when that report
        # is not listed and the countries seen disagree on the day.
        where = seen_in(result)
        for label, when, country in (
            ("First seen", result.first_seen, where["first"]),
            ("Last seen", result.last_seen, where["last"]),
        ):
            shown = local_day(when, country)
            facts.add_row(label, f"{shown} ({country})" if isinstance(country, str) else shown)
        facts.add_row("Scam types", ", ".join(result.scam_types))
        facts.add_row("Reported loss", reported_loss(result))
        print_table(facts)
        matches = Table("report", "agency", "country", "reported", "scam type", "mark", "roles")
        for m in result.matches:
            matches.add_row(
                m.external_ref,
                m.agency_code,
                m.country,
                local_day(m.reported_at, m.country),
                m.scam_type,
                m.mark,
                ", ".join(m.roles),
            )
        print_table(matches)
    if result.holdings:
        console.print("Records you may not see — ask the holder:")
        # The holder's name too, as the page and the API give it: a code alone may not say
        # whom to ask.
        held = Table("agency", "name", "country", "mark", "reports", "how to ask")
        for h in result.holdings:
            cells = (h.agency_code, h.agency_name, h.country, h.mark, f"{h.reports:,}", h.contact)
            held.add_row(*cells)
        print_table(held)
    for rel in result.related:
        note = (
            f"{rel.shared_note} Not looked up on its own."
            if rel.shared_platform
            else (f"hit, {_reports(rel.reports + rel.hidden_reports)}" if rel.hit else "no hit")
        )
        console.print(f"Context: {rel.kind} {rel.value}: {note}")


@app.command("check")
def check_command(
    kind: Annotated[
        str,
        typer.Argument(metavar="KIND", help="phone, bank_account, ewallet, url, ... or 'auto'."),
    ],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="The value as written.")],
    country: CountryOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    agency: AgencyOpt = None,
) -> None:
    """Tell whether a number, account, wallet or site was reported anywhere in the region."""
    # Imported here (and below): the check service is not needed by the other commands,
    # and every `counterscam` process would load it.
    from counterscam.access.audit import written_through
    from counterscam.check.own_country import own_country
    from counterscam.check.service import check

    country = country_code(country)
    kind = kind.strip().lower()
    if kind not in (*KINDS, "auto"):
        raise fail(f"{kind!r} is not an identifier kind; use auto or one of {', '.join(KINDS)}", 2)
    # Written before the answer is printed: a refused row stops the command (exit 1), where a
    # queued one was refused only at exit, the answer given and the exit code 0.
    with session_scope(cli_engine()) as session, written_through():
        caller = cli_caller(session, agency=agency)
        result = check(
            session,
            caller,
            kind=None if kind == "auto" else kind,
            value=value,
            country=country,
            channel="cli",
            default_country=own_country(caller),
        )
    if as_json:
        # Also for an invalid value: a script reading stdout gets the answer with its error.
        print_json(result)
    if result.error is not None:
        what = "identifier" if kind == "auto" else kind  # not "is not a valid auto"
        read = f" ({_read_in(result.read_in)})" if result.read_in else ""
        raise fail(f"{value!r} is not a valid {what}: {result.error}{read}", code=2)
    if not as_json:
        _render(result)


def _read_in(country: str, values: str = "it") -> str:
    """Say where a value without its country code was read, and how to read it elsewhere."""
    return f"read in {country}, your agency's country; give --country to read {values} in another"


def _read_list(path: Path) -> list[Listed]:
    """Read a CSV or XLSX file with a ``value`` column and, if wanted, a ``kind`` column."""
    from counterscam.check.lists import UnreadableList, read_file

    # A named pipe or /dev/zero was read for ever (and /dev/zero into memory until it ran out).
    instead = "save the list to a .csv or .xlsx file and check that file"
    if (reason := not_a_file(path, instead=instead)) is not None:
        raise fail(reason)
    if not path.exists():
        raise fail(f"{path}: no such file; give the CSV or XLSX file to check")
    try:
        return read_file(path.name, path.read_bytes(), kind=None)
    except OSError as exc:
        raise fail(f"{path}: cannot read it ({exc})") from exc
    except UnreadableList as exc:
        raise fail(str(exc)) from exc


@app.command("check-bulk")
def check_bulk_command(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="CSV or XLSX file with a value column (and a kind column).",
            readable=False,
        ),
    ],
    country: CountryOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write one answer per row to this CSV file, or to a workbook if it ends in "
            ".xlsx (identifiers stay text in Excel).",
        ),
    ] = None,
    agency: AgencyOpt = None,
) -> None:
    """Check every value of a CSV or XLSX file; prints the number of hits and invalid values."""
    from counterscam.access.audit import written_through
    from counterscam.check.bulk_csv import answer_row, write_answers
    from counterscam.check.bulk_xlsx import answers_xlsx
    from counterscam.check.lists import check_listed
    from counterscam.check.own_country import own_country

    country = country_code(country)
    if out is not None:
        writable_file(out, "--out")
    listed = _read_list(file)
    rows: list[list[str]] = []
    hits = invalid = read_in = 0
    default = ""
    try:
        with (
            session_scope(cli_engine()) as session,
            written_through(),
            progress_bar() as progress,
        ):
            caller = cli_caller(session, agency=agency)
            default = own_country(caller)
            task = progress.add_task("Checking", total=len(listed))
            for start in range(0, len(listed), BULK_CHUNK):
                chunk = listed[start : start + BULK_CHUNK]
                result = check_listed(
                    session,
                    caller,
                    listed=chunk,
                    country=country,
                    channel="cli",
                    limit=BULK_CHUNK,
                    default_country=default,
                )
                hits += result.hits
                invalid += result.invalid
                read_in += sum(1 for r in result.items if r.read_in is not None)
                rows.extend(answer_row(e, r) for e, r in zip(chunk, result.items, strict=True))
                progress.advance(task, len(chunk))
    except KeyboardInterrupt:
        # It ended with exit 130 and not a word: was the answer file written, in part?
        written = f"nothing was written to {out}" if out is not None else "no answer printed"
        errors.print(
            f"Interrupted after {len(rows):,} of {len(listed):,} values: {written}. Run the "
            "same command again to check them all.",
            highlight=False,
        )
        raise typer.Exit(130) from None
    if out is not None and out.suffix.lower() == ".xlsx":
        out.write_bytes(answers_xlsx(rows))
    elif out is not None:
        # With a byte-order mark, as the web's download: Excel reads a CSV without one in the
        # machine's code page, and Thai or Vietnamese values came out garbled.
        with out.open("w", newline="", encoding="utf-8-sig") as handle:
            write_answers(handle, rows)
    console.print(
        f"{len(listed):,} checked: {_counted(hits, 'hit')}, {_counted(invalid, 'invalid value')}."
    )
    if read_in:
        # A Malaysian number in a Thai officer's list is not misread without a word.
        were = (
            "value without its country code was"
            if read_in == 1
            else "values without their country code were"
        )
        listed_in = " (see the note column)" if out is not None else ""
        console.print(
            f"{read_in:,} {were} {_read_in(default, 'them')}{listed_in}.", highlight=False
        )
    numbers = [e.line for e in listed if e.note is not None]
    if numbers:
        rows_named = ", ".join(map(str, numbers[:10])) + (", ..." if len(numbers) > 10 else "")
        were = "value was a number cell" if len(numbers) == 1 else "values were number cells"
        console.print(
            f"{len(numbers):,} {were} (rows {rows_named}), which keep no leading zeros: a "
            "value that starts with 0 was checked without it (see the note column). Format "
            "the column as Text, type the values again and check again.",
        )
    if out is not None:
        console.print(f"Answers written to {out}.")
