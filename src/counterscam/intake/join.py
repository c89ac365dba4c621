"""Join the rows of the linked files (identifiers, parties, places) to their reports.

Files are read twice: a first pass learns every report's external_ref (and finds linked rows
that point nowhere), the second streams reports with their linked rows. When a linked file is
in the same order as the reports file (as exports usually are) it is merged as it streams, so
a million reports import in bounded memory; otherwise its rows are grouped in memory. The first
pass also counts linked rows per report and per batch against the limits (``_Count``).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from counterscam.intake import columns
from counterscam.intake.json_files import duplicate
from counterscam.intake.records import (
    SHARES,
    SKIPPED,
    FileProblem,
    RawChild,
    RawReport,
    RowError,
    file_problem,
    formula_hint,
    ref_of,
    text_of,
)
from counterscam.intake.tables import (
    Limits,
    Table,
    too_many_linked_for_batch,
    too_many_linked_for_report,
    too_many_reports,
)

Totals = Callable[[int], None]
Wanted = Callable[[int], bool]  # the position of an item in the stream: is it needed?


def assemble(
    tables: list[Table],
    limits: Limits,
    on_total: Totals | None = None,
    wanted: Wanted | None = None,
) -> Iterator[RawReport | RowError]:
    """Yield each report with its linked rows, then nothing else; errors for orphan rows.

    ``wanted``: see ``files.read_batch``.
    """
    by_kind: dict[str, Table] = {}
    for table in tables:
        if table.kind in by_kind:
            raise FileProblem(
                [
                    RowError(
                        table.label,
                        1,
                        "",
                        "",
                        f"a second {table.kind} file in one batch "
                        f"(the first is {by_kind[table.kind].label}); import them separately",
                    )
                ]
            )
        by_kind[table.kind] = table
    reports = by_kind.get("reports")
    if reports is None:
        raise file_problem(
            tables[0].label if tables else "upload",
            "no reports file: one file must have the "
            f"reports header ({', '.join(columns.names('reports'))})",
        )
    first_row = _index_reports(reports, limits)
    if on_total is not None:
        on_total(len(first_row))
    merged: dict[str, _Linked] = {}
    at = 0  # the position in the stream of the next item yielded
    moved = cache(lambda: _shifted_refs(reports))
    count = _Count(limits, first_row, reports.label)
    for kind in columns.LINKED:
        if kind in by_kind:
            linked = _Linked(by_kind[kind], first_row, moved, count)
            yield from linked.orphans
            at += len(linked.orphans)
            merged[kind] = linked
    # A linked file left out of the batch keeps a resubmitted report's stored rows of its kind,
    # and a reports file without a share_with column its stored share list. Every row holds
    # every column of its header, an empty cell as "" or None: that cell clears the list.
    given = frozenset(merged)
    with_shares = given | {SHARES}
    for row, values, problems in reports.open_rows():
        at += 1
        ref = ref_of(values.get("external_ref"))
        first = first_row.get(ref)
        if wanted is not None and not wanted(at - 1):
            if first == row:
                for linked in merged.values():
                    linked.skip(first)
            yield SKIPPED
            continue
        raw = RawReport(
            data=values,
            file=reports.label,
            row=row,
            problems=problems,
            given=with_shares if SHARES in values else given,
        )
        if first is not None and first != row:
            raw.problems.append(duplicate(reports.label, row, ref, first))
        elif first is not None:
            for kind, linked in merged.items():
                getattr(raw, kind).extend(linked.children(first))
        yield raw


def _index_reports(reports: Table, limits: Limits) -> dict[str, int]:
    first_row: dict[str, int] = {}
    count = 0
    for row, ref in reports.refs():
        count += 1
        if limits.max_reports is not None and count > limits.max_reports:
            raise too_many_reports(reports.label, limits.max_reports, row)
        if ref:
            first_row.setdefault(ref, row)
    return first_row


class _Count:
    """The linked rows of a batch, counted in the first pass: per report and in all.

    Each row is held in memory (as a raw row, then canonical, then written) until the batch
    commits, at 2-3 KB a row: so a batch past the limits is refused here, before any row is
    built, and not once the rows have taken the memory.
    """

    def __init__(self, limits: Limits, first_row: dict[str, int], reports: str) -> None:
        self.report_limit = limits.max_report_linked
        self.batch_limit = limits.max_batch_linked
        self.reports = reports
        self.total = 0
        # By the report's row in the reports file: a number each, not a dict entry each, for
        # a CLI import of hundreds of thousands of reports.
        self.per_report = array("L")
        if self.report_limit is not None and first_row:
            self.per_report = array("L", [0]) * (max(first_row.values()) + 1)

    def add(self, label: str, row: int, ref: str, position: int | None) -> None:
        """Count one linked row (``position``: its report's row, None for none); FileProblem
        at the first row past a limit."""
        self.total += 1
        if self.batch_limit is not None and self.total > self.batch_limit:
            raise too_many_linked_for_batch(label, row, self.batch_limit)
        if position is None or self.report_limit is None:
            return
        self.per_report[position] += 1
        if self.per_report[position] > self.report_limit:
            where = f"row {position} of {self.reports}"
            raise too_many_linked_for_report(label, row, ref, self.report_limit, where=where)


# A linked row found to belong to a report: (report's position, row, values, problems).
_Row = tuple[int, int, dict[str, Any], list[RowError]]


class _Linked:
    """The rows of one linked file, handed out per report."""

    def __init__(
        self,
        table: Table,
        first_row: dict[str, int],
        moved: Callable[[], set[str]],
        count: _Count,
    ) -> None:
        self.table = table
        self.first_row = first_row
        self.orphans: list[RowError] = []
        in_order = True
        last = 0
        for row, ref in table.refs():
            position = first_row.get(ref)
            count.add(table.label, row, ref, position)
            if position is None:
                self.orphans.append(_orphan(table.label, row, ref))
            elif position < last:
                in_order = False
            else:
                last = position
        if self.orphans:
            self.orphans = _causes(self.orphans, table, moved)
        self._grouped: dict[int, list[RawChild]] | None = None
        self._stream: Iterator[_Row] | None = None
        self._head: _Row | None = None
        if in_order:
            self._stream = self._known()
            self._head = next(self._stream, None)
        else:
            self._grouped = {}
            for position, row, values, problems in self._known():
                child = self._child(row, values, problems)
                self._grouped.setdefault(position, []).append(child)

    def _known(self) -> Iterator[_Row]:
        for row, values, problems in self.table.open_rows():
            position = self.first_row.get(ref_of(values.get("external_ref")))
            if position is not None:
                yield position, row, values, problems

    def _child(self, row: int, values: dict[str, Any], problems: list[RowError]) -> RawChild:
        data = values.copy()  # a workbook's rows are kept, so leave them as they are
        data.pop("external_ref", None)
        return RawChild(data=data, file=self.table.label, row=row, problems=problems)

    def children(self, position: int) -> list[RawChild]:
        """Return the rows that belong to the report first seen at ``position``."""
        if self._grouped is not None:
            return self._grouped.pop(position, [])
        found: list[RawChild] = []
        while self._head is not None and self._head[0] <= position:
            if self._head[0] == position:
                _, row, values, problems = self._head
                found.append(self._child(row, values, problems))
            self._head = next(self._stream, None) if self._stream else None
        return found

    def skip(self, position: int) -> None:
        """Pass over the rows of the report first seen at ``position`` without building them."""
        if self._grouped is not None:
            self._grouped.pop(position, None)
            return
        while self._head is not None and self._head[0] <= position:
            self._head = next(self._stream, None) if self._stream else None


def _shifted_refs(reports: Table) -> set[str]:
    """Return the references of the reports rows refused as shifted, as they were written."""
    if reports.open_shifted is None:
        return set()
    # As an orphan's error shows its reference (``_orphan``), to be compared with it.
    return {text_of(ref) for _, refs, _ in reports.open_shifted() for ref in refs if ref}


def _causes(orphans: list[RowError], table: Table, moved: Callable[[], set[str]]) -> list[RowError]:
    """Say why linked rows point at no report, where a row shifted by an unquoted comma tells.

    A reports row shifted before its external_ref column reads another column's value there
    (its narrative, say), so every row linked to it was refused as pointing at no report
    ID-2026-00005, which is in the file: its own error names the cause, once. A linked row
    shifted so is refused for that, not for the reference it was read with.
    """
    own = {}
    if table.open_shifted is not None:
        own = {row: error for row, _, error in table.open_shifted()}
    if unfilled := {o.row for o in orphans if not o.value} - own.keys():
        own.update(_ref_errors(table, unfilled))
    causes: list[RowError] = []
    for orphan in orphans:
        if orphan.row in own:
            causes.append(own[orphan.row])
        elif orphan.value not in moved():
            causes.append(orphan)
    return causes


def _ref_errors(table: Table, rows: set[int]) -> dict[int, RowError]:
    """Return the reader's own errors of the empty external_ref cells of ``rows``.

    A reference merged down a linked sheet's rows is stored in the first cell alone: the rows
    under it, which show it, were refused as "required; fill in this column", the merged
    cells' reason named on the first row only. Read again on this error path only.
    """
    found: dict[int, RowError] = {}
    for row, _, problems in table.open_rows():
        if row in rows:
            found.update((row, e) for e in problems if e.column == "external_ref")
    return found


def _orphan(label: str, row: int, ref: str) -> RowError:
    if not ref:
        return RowError(label, row, "external_ref", "", "required; fill in this column")
    shown = text_of(ref)  # a reference of 10,000 characters was echoed twice in full
    return RowError(
        label,
        row,
        "external_ref",
        shown,
        f"no report {shown} in the reports file of this batch; "
        "every row must point at a report in the same batch" + formula_hint(ref),
    )
