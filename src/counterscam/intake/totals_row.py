"""A totals row below the reports, as a spreadsheet's SUM adds one: no report, so say so."""

from __future__ import annotations

from counterscam.intake.records import RawReport, RowError, text_of
from counterscam.intake.schema import blank

# The word a totals row starts with, in the region's languages; folded as _word folds it.
_WORDS = frozenset(
    {
        "total",
        "totals",
        "grand total",
        "sub total",
        "subtotal",
        "sum",
        "jumlah",
        "jumlah keseluruhan",
        "kabuuan",
        "tổng",
        "tổng cộng",
        "cộng",
        "รวม",
        "ยอดรวม",
        "รวมทั้งสิ้น",
    }
)
_REQUIRED = ("reported_at", "scam_type", "channel", "mark")


def _word(value: str) -> str:
    return " ".join(value.replace("-", " ").split()).rstrip(":").strip().lower()


def totals_row(raw: RawReport) -> RowError | None:
    """Return the error of a row that holds a loss and none of a report's required values.

    Such a row (``Total,,,,,3000``) was refused with "required; fill in this column" for
    each required column, which asked the officer to make a report of it.
    """
    data = raw.data
    ref = data.get("external_ref")
    if (
        blank(data.get("loss_amount"))
        or not all(blank(data.get(c)) for c in _REQUIRED)
        or not (blank(ref) or (isinstance(ref, str) and _word(ref) in _WORDS))
        or raw.identifiers
        or raw.parties
        or raw.places
    ):
        return None
    return RowError(
        raw.file,
        raw.row,
        "",
        text_of(data.get("loss_amount")),
        "this row looks like a totals row: it has a loss_amount but no reported_at, "
        "scam_type, channel or mark. Each row is one report: delete the totals row (and any "
        "other row that is not a report) and send the file again",
    )
