"""Read submitted files (CSV sets, XLSX workbooks, JSON) into a stream of raw reports."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from counterscam.intake import csv_files, join, json_files, xlsx_files
from counterscam.intake.records import RawReport, RowError, file_problem
from counterscam.intake.tables import Limits, Source, check_size


def read_batch(
    sources: list[Source], limits: Limits, on_total: Callable[[int], None] | None = None
) -> Iterator[RawReport | RowError]:
    """Yield the raw reports (and unattached errors) of one batch of files.

    A CSV set (reports plus its linked files) is one batch, so is one workbook or one JSON
    file. Raises FileProblem (during iteration) when a file cannot be read; ``on_total`` is
    told the number of reports once the files have been scanned.
    """
    if not sources:
        raise file_problem("upload", "no file was given; choose a CSV, XLSX or JSON file")
    check_size(sources, limits)
    formats = {s.format for s in sources}
    if len(sources) > 1 and formats != {"csv"}:
        raise file_problem(
            "upload",
            "give one XLSX workbook, one JSON file, or a set of CSV files "
            f"(got {', '.join(s.name for s in sources)})",
        )
    fmt = formats.pop()
    if fmt == "json":
        yield from json_files.read_json(sources[0], limits, on_total)
        return
    if fmt == "xlsx":
        tables = xlsx_files.read_workbook(sources[0], limits)
    else:
        tables = [csv_files.csv_table(s) for s in sources]
    yield from join.assemble(tables, limits, on_total)
