"""Read submitted files (CSV sets, XLSX workbooks, JSON) into a stream of raw reports."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from counterscam.intake import csv_files, join, json_files, xlsx_files
from counterscam.intake.other_documents import refuse_other_documents
from counterscam.intake.records import RawReport, RowError, TooLarge, file_problem
from counterscam.intake.tables import Limits, Source, check_size, too_large


def read_batch(
    sources: list[Source],
    limits: Limits,
    on_total: Callable[[int], None] | None = None,
    wanted: Callable[[int], bool] | None = None,
    *,
    root_path: str = "",
) -> Iterator[RawReport | RowError]:
    """Yield the raw reports (and unattached errors) of one batch of files.

    A CSV set (reports plus its linked files) is one batch, so is one workbook or one JSON
    file. Raises FileProblem (during iteration) when a file cannot be read; ``on_total`` is
    told the number of reports once the files have been scanned.

    ``wanted`` is asked, for a CSV set, whether the item at each position of the stream (0
    for the first item yielded, errors included) is needed; a report that is not is yielded
    as ``records.SKIPPED``, without its linked rows. Other formats yield every item whole.
    ``root_path``: the prefix a proxy serves the API under, for addresses messages name.
    """
    if not sources:
        raise file_problem("upload", "no file was given; choose a CSV, XLSX or JSON file")
    check_size(sources, limits)
    for source in sources:
        refuse_other_documents(source, root_path)
    formats = {s.format for s in sources}
    if len(sources) > 1 and formats != {"csv"}:
        raise file_problem(
            "upload",
            "give one XLSX workbook, one JSON file, or a set of CSV files "
            f"(got {', '.join(s.name for s in sources)})",
        )
    fmt = formats.pop()
    if fmt == "json":
        yield from json_files.read_json(sources[0], limits, on_total, root_path=root_path)
        return
    if fmt == "xlsx":
        tables = xlsx_files.read_workbook(sources[0], limits)
    else:
        tables = [csv_files.csv_table(s) for s in sources]
    yield from join.assemble(tables, limits, on_total, wanted)


@dataclass(frozen=True)
class Uploaded:
    """Uploaded files as read, and the refusal when together they pass the size limit."""

    sources: list[Source]
    too_large: TooLarge | None = None

    @property
    def names(self) -> str:
        """Return the file names, as the batch records them."""
        return ", ".join(s.name for s in self.sources)

    @property
    def format(self) -> str:
        """Return the batch's source: one file's format, or csv for a set of files."""
        return self.sources[0].format if len(self.sources) == 1 else "csv"

    def reports(self, limits: Limits, *, root_path: str = "") -> Iterable[RawReport | RowError]:
        """Return the raw reports of the files, or the size refusal as their one error.

        ``root_path`` is the prefix of the request the files came with (api/prefix.py).
        """
        if self.too_large:
            return self.too_large.errors
        return read_batch(self.sources, limits, root_path=root_path)


def read_uploads(files: Iterable[tuple[str, IO[bytes]]], limit: int) -> Uploaded:
    """Read uploaded files, never more than ``limit`` bytes in all.

    Each file is read one byte past what is left of the limit: that tells an oversized upload
    without holding it whole. Files after the one that passes the limit are not read.
    """
    sources: list[Source] = []
    budget = limit
    for name, stream in files:
        content = stream.read(budget + 1)
        budget -= len(content)
        sources.append(Source(name=name, content=content))
        if budget < 0:
            return Uploaded(sources, too_large(", ".join(s.name for s in sources), limit))
    return Uploaded(sources)
