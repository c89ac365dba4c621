"""The answers of a bulk check as a CSV file, one row per value: the CLI's and the web's."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from counterscam.check.lists import Listed
from counterscam.check.results import CheckResult
from counterscam.spreadsheet import safe_cell

COLUMNS = (
    "line",
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
    "note",
    "stop_list",
    # Last: files read by column position before it was added still read as they did.
    "reports_with_loss",
)


def answer_row(listed: Listed, result: CheckResult) -> list[str]:
    """Return one value's answer as cells of text, as written (``write_answers`` makes them
    safe for a CSV file; a workbook's text cells are safe as they are)."""
    return [
        str(listed.line),
        result.kind or listed.item.kind or "",  # the kind looked up, guessed or given
        listed.item.value,
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
        _note(listed, result),
        result.stop_list.reason if result.stop_list else "",
        str(result.reports_with_loss),
    ]


def _note(listed: Listed, result: CheckResult) -> str:
    """Return the row's warnings: a number cell's lost zeros, the country a value was read in."""
    notes = [listed.note] if listed.note else []
    if result.read_in:
        # So a Malaysian number in a Thai officer's list is not misread without a word.
        notes.append(f"read in {result.read_in}, your agency's country: no country was given")
    return "; ".join(notes)


def write_answers(handle: TextIO, rows: Iterable[list[str]]) -> None:
    """Write the header and the answer rows (from ``answer_row``) as CSV; text people wrote
    never runs as a formula (numbers and dates are left as they are by ``safe_cell``)."""
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
