"""The FX table's upkeep: ``counterscam fx status`` and ``counterscam fx revalue``."""

from __future__ import annotations

from datetime import UTC, date, datetime

import typer
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from counterscam import reference
from counterscam.cli.app import app
from counterscam.cli.context import (
    cli_engine,
    console,
    errors,
    operator_only,
    print_table,
    progress_bar,
)
from counterscam.db.engine import session_scope
from counterscam.reference.fx import FxTable, Month

fx_app = typer.Typer(
    help="The FX table that values losses in USD: its months, and reports at a stand-in rate.",
    no_args_is_help=True,
)
app.add_typer(fx_app, name="fx")
BUNDLED = "reference/data/fx_rates.yaml"


def _today() -> date:
    return datetime.now(UTC).date()


def _month(month: Month) -> str:
    return f"{month[0]}-{month[1]:02d}"


def _gaps(months: tuple[Month, ...]) -> int:
    """Return how many months between the first and the last are missing."""
    (y0, m0), (y1, m1) = months[0], months[-1]
    return (y1 * 12 + m1) - (y0 * 12 + m0) + 1 - len(months)


def _table(fx: FxTable, given: dict[str, int]) -> Table:
    """One row per coverage: the 26 currencies of the bundled table share one."""
    rows: dict[tuple[str, str, str, str, str], list[str]] = {}
    for code in fx.currencies:
        months = fx.months_of(code)
        key = (
            str(len(months)),
            _month(months[0]),
            _month(months[-1]),
            str(_gaps(months)),
            str(given.get(code, 0)),
        )
        rows.setdefault(key, []).append(code)
    table = Table("currencies", "months", "first", "last", "missing", "from the file")
    for key, codes in rows.items():
        table.add_row(" ".join(codes), *key)
    return table


def _last_months(fx: FxTable) -> str:
    last = {code: fx.months_of(code)[-1] for code in fx.currencies}
    newest = max(last.values())
    behind = sorted(code for code, month in last.items() if month != newest)
    if not behind:
        return f"Last month: {_month(newest)}, for every currency."
    shown = ", ".join(f"{code} {_month(last[code])}" for code in behind[:8])
    more = f" and {len(behind) - 8} more" if len(behind) > 8 else ""
    return f"Last month: {_month(newest)}; earlier for {len(behind)} currencies ({shown}{more})."


@fx_app.command("status")
def status() -> None:
    """Show the FX table's months per currency and the reports carrying a stand-in rate.

    Says too whether this month (UTC) has every currency's rate.
    """
    from counterscam.intake.revalue import stand_ins  # loads the database and linking layers

    operator_only("counterscam fx status", does="counts every agency's reports")
    fx = reference.reference().fx
    extra = reference.rates_file()
    if extra is None:
        console.print(
            f"FX table: the bundled {BUNDLED}; no rates file (COUNTERSCAM_FX_RATES_FILE)."
        )
        given: dict[str, int] = {}
    else:
        given = {code: len(months) for code, months in extra.rates.items()}
        console.print(
            f"FX table: the bundled {BUNDLED} with the rates file {extra.path} "
            f"({extra.count:,} rate{'s' if extra.count != 1 else ''} for {len(extra.rates)} "
            f"currenc{'ies' if len(extra.rates) != 1 else 'y'})."
        )
    print_table(_table(fx, given))
    console.print(_last_months(fx))
    today = _today()
    gap = reference.fx_gap(today)
    if gap is None:
        console.print(
            f"This month ({_month((today.year, today.month))}): every currency has its rate."
        )
    else:
        errors.print(f"warning: {gap}.", highlight=False)
    with session_scope(cli_engine()) as session:
        found = list(stand_ins(session))
    movable = sum(item.changes() for item in found)
    advice = (
        f"; {movable:,} of them can take their own month's rate now: run `counterscam fx revalue`"
        if movable
        else ""
    )
    console.print(f"Stored reports valued at a stand-in rate: {len(found):,}{advice}.")


@fx_app.command("revalue")
def revalue() -> None:
    """Value again the stored losses that took a stand-in rate, now that the table covers more.

    Only the USD value, its rate and fx_date change; the reports stay as their agencies sent
    them (no new audit row, no new update time). Running it twice changes nothing.
    """
    from counterscam.intake.revalue import revalue as run_revalue

    operator_only("counterscam fx revalue", does="rewrites the USD value of every agency's reports")
    engine = cli_engine()
    columns = (TextColumn("Revaluing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with progress_bar(*columns) as bar, session_scope(engine) as session:
        task = bar.add_task("reports", total=None)
        done = run_revalue(
            session,
            on_total=lambda n: bar.update(task, total=n),
            on_advance=lambda n: bar.advance(task, n),
        )
    plural = "s" if done.clusters != 1 else ""
    clusters = f" and the loss of {done.clusters:,} cluster{plural}" if done.clusters else ""
    console.print(
        f"Revalued {done.changed:,} of {done.stand_ins:,} reports at a stand-in rate{clusters}; "
        f"{done.still:,} still carry a stand-in rate (months the FX table lacks)."
    )
