"""JSON: ``{"reports": [REPORT, ...]}`` or a bare list of reports; one REPORT for one report."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from counterscam.intake.records import RawChild, RawReport, RowError, file_problem, ref_of
from counterscam.intake.tables import Limits, Source

LINKED = ("identifiers", "parties", "places")


def read_json(
    source: Source, limits: Limits, on_total: Callable[[int], None] | None = None
) -> Iterator[RawReport | RowError]:
    """Yield the reports of a JSON file."""
    data = source.content if source.content is not None else source.path.read_bytes()  # type: ignore[union-attr]
    try:
        document = json.loads(data)
    except UnicodeDecodeError:
        raise file_problem(source.name, "the file is not UTF-8; save it as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise file_problem(
            source.name,
            f"not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
            row=exc.lineno,
        ) from None
    yield from reports_of(document, file=source.name, limits=limits, on_total=on_total)


def reports_of(
    document: Any, *, file: str, limits: Limits, on_total: Callable[[int], None] | None = None
) -> Iterator[RawReport | RowError]:
    """Yield the raw reports of a parsed JSON batch document."""
    if isinstance(document, dict) and "reports" in document:
        items = document["reports"]
    else:
        items = document
    if not isinstance(items, list):
        raise file_problem(
            file, 'a batch is {"reports": [REPORT, ...]} or a list of reports; see docs/formats.md'
        )
    if limits.max_reports is not None and len(items) > limits.max_reports:
        raise file_problem(
            file,
            f"the batch has {len(items):,} reports; at most {limits.max_reports:,} are "
            "accepted in one batch. Split it into several batches",
        )
    if on_total is not None:
        on_total(len(items))
    first_row: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        yield report_of(item, file=file, row=number, first_row=first_row)


def report_of(
    item: Any, *, file: str, row: int, first_row: dict[str, int] | None = None
) -> RawReport:
    """Return one JSON report as a raw report; ``first_row`` finds repeated external_refs."""
    if not isinstance(item, dict):
        raw = RawReport(data={}, file=file, row=row)
        raw.problems.append(
            RowError(file, row, "", str(item)[:200], "a report must be a JSON object")
        )
        return raw
    data = {k: v for k, v in item.items() if k not in LINKED}
    raw = RawReport(data=data, file=file, row=row)
    for name in LINKED:
        children = item.get(name) or []
        if not isinstance(children, list) or not all(isinstance(c, dict) for c in children):
            raw.problems.append(RowError(file, row, name, "", f"{name} must be a list of objects"))
            continue
        getattr(raw, name).extend(
            RawChild(data=c, file=file, row=row, prefix=f"{name}[{i}].")
            for i, c in enumerate(children)
        )
    ref = ref_of(data.get("external_ref"))
    if first_row is not None and ref:
        earlier = first_row.setdefault(ref, row)
        if earlier != row:
            raw.problems.append(duplicate(file, row, ref, earlier))
    return raw


def duplicate(file: str, row: int, ref: str, earlier: int) -> RowError:
    """Return the error for an external_ref given twice in one batch."""
    return RowError(
        file,
        row,
        "external_ref",
        ref,
        f"{ref} is also on row {earlier} of this batch; give "
        "each report once (to change it later, resubmit it in a new batch)",
    )
