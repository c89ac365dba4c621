"""What the check pages show of an answer: where its dates come from, a list's table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from counterscam.check.lists import Listed
from counterscam.check.results import BulkCheckResult, CheckResult
from counterscam.web.formatting import loss_text, sentence

# The bulk page lists every hit and every invalid value; values with no hit, usually most of
# a long list, up to this many (the CSV download holds them all).
SHOWN_NO_HITS = 500


def check_address(kind: str, value: str) -> str:
    """Return the app path that checks a value at once and opens on its answer."""
    # The check form is sent to #verdict; links without it opened a phone at the form, the
    # answer out of sight below it.
    return "/check?" + urlencode({"kind": kind, "value": value}) + "#verdict"


def seen_in(result: CheckResult | None) -> dict[str, str | list[str]]:
    """Return the reporting country of the first and last seen report, for their local dates.

    The last is always the newest match; the first is the oldest match unless more reports
    match than are listed, when only the countries of all of them are known.
    """
    if result is None:
        return {}
    countries: dict[str, str | list[str]] = {}
    for name, when in (("first", result.first_seen), ("last", result.last_seen)):
        picked = [m.country for m in result.matches if m.reported_at == when]
        countries[name] = picked[0] if len(set(picked)) == 1 else list(result.countries)
    return countries


def reported_loss(result: CheckResult, currency: bool = True) -> str:
    """Return the loss of the reports the caller may see as the answer states it, or "" when
    the caller may see none; ``currency`` False leaves out "USD " (a column saying so)."""
    seen, given = result.reports, result.reports_with_loss
    if not seen:
        return ""
    where = "the report" if seen == 1 else f"any of the {seen:,} reports"
    return loss_text(
        result.loss_usd,
        given=given,
        seen=seen,
        currency=currency,
        none=f"Not given in {where} you may see",
    )


@dataclass(frozen=True)
class BulkRow:
    """One value of the list with its answer and the countries its dates are local to."""

    listed: Listed
    result: CheckResult
    seen_in: dict[str, str | list[str]]

    @property
    def answer(self) -> str:
        """Return ``hit``, ``invalid`` or ``nohit``: the row's group, in the page's order."""
        if self.result.hit:
            return "hit"
        return "invalid" if self.result.error is not None else "nohit"

    @property
    def reason(self) -> str:
        """Return why the value is not valid, as a sentence; '' for a valid one."""
        return sentence(self.result.error) if self.result.error else ""

    @property
    def note(self) -> str:
        """Return the caution about how the value was written, as a sentence; '' for none."""
        return sentence(self.listed.note) if self.listed.note else ""


@dataclass(frozen=True)
class BulkView:
    """A checked list as its page shows it: the counts, then hits, invalid values, no hits."""

    checked: int
    hits: int
    invalid: int
    rows: list[BulkRow]
    hidden_no_hits: int  # values with no hit not listed on the page (the CSV has them)


_ORDER = {"hit": 0, "invalid": 1, "nohit": 2}


def bulk_view(listed: Sequence[Listed], bulk: BulkCheckResult) -> BulkView:
    """Return the page of a checked list: hits first, then invalid values, each by line."""
    rows = [
        BulkRow(listed=e, result=r, seen_in=seen_in(r) if r.hit else {})
        for e, r in zip(listed, bulk.items, strict=True)
    ]
    rows.sort(key=lambda row: _ORDER[row.answer])  # stable: each group keeps the list's order
    no_hits = sum(1 for row in rows if row.answer == "nohit")
    hidden = max(0, no_hits - SHOWN_NO_HITS)
    return BulkView(
        checked=bulk.checked,
        hits=bulk.hits,
        invalid=bulk.invalid,
        rows=rows[: len(rows) - hidden],
        hidden_no_hits=hidden,
    )
