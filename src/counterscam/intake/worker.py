"""Read and prepare a large import in a worker process while the caller writes the store.

Reading the files, validating every field and canonicalising every identifier is about
three fifths of an import's CPU and needs no database; writing, alerting and linking need
the one SQLite writer. On a machine with more than one core a streaming CLI import runs the
first part here, in a process of its own, and hands over prepared reports in order, so the
two halves overlap. The outcome is the same as preparing inline: the same ``prepare`` runs,
in file order, and errors keep their file, row and column.

The worker is spawned, not forked: the CLI forks from a process holding a database
connection and Rich's refresh thread, neither of which a forked child may touch safely.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import traceback
from collections.abc import Callable, Generator
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from typing import Any

from counterscam.intake.bulk import bulk_load
from counterscam.intake.files import read_batch
from counterscam.intake.normalise import Normaliser, NormalReport, SightingRow
from counterscam.intake.prepare import Prepared, prepare
from counterscam.intake.records import FileProblem, RawReport, RowError
from counterscam.intake.tables import Limits, Source

# Below this many bytes of files the worker's start-up (~0.7 s) costs more than it saves.
MIN_BYTES = 4 * 1024 * 1024
_CHUNK = 500  # prepared reports per message: fewer, larger messages cost less to pass
# Messages the worker may prepare ahead of the writer (200,000 reports, ~100 MB pickled). The
# writer links in rounds of up to 100,000 reports (intake.service.LINK_GROUP); a worker held
# back by a short queue would sit idle through each round instead of preparing the next.
_DEPTH = 400
_POLL_SECONDS = 1.0


@dataclass(frozen=True)
class _Job:
    sources: list[Source]
    limits: Limits
    country: str | None


def worth_a_worker(sources: list[Source], setting: str = "auto") -> bool:
    """Tell whether preparing these files in a worker process will pay off here.

    ``setting`` is COUNTERSCAM_IMPORT_WORKER: auto, always or never.
    """
    if setting != "auto":
        return setting == "always"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) > 1 and sum(s.size() for s in sources) >= MIN_BYTES


def prepared_inline(
    sources: list[Source],
    limits: Limits,
    country: str | None,
    on_total: Callable[[int], None] | None = None,
) -> Generator[Prepared | RowError, None, None]:
    """Yield each report of the files prepared in this process (errors read unattached too)."""
    normaliser = Normaliser(country=country)
    for item in read_batch(sources, limits, on_total=on_total):
        yield prepare(item, normaliser) if isinstance(item, RawReport) else item


def prepared_in_worker(
    sources: list[Source],
    limits: Limits,
    country: str | None,
    on_total: Callable[[int], None] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Generator[Prepared | RowError, None, None]:
    """Yield what ``prepared_inline`` yields, prepared in a worker process.

    ``meanwhile`` runs once the worker has started, while it reads the files (the caller
    would otherwise wait through that doing nothing). Raises FileProblem as reading inline
    would, and RuntimeError when the worker fails otherwise; the worker is stopped when the
    caller stops iterating.
    """
    context = multiprocessing.get_context("spawn")
    channel: multiprocessing.Queue[tuple[str, Any]] = context.Queue(maxsize=_DEPTH)
    process = context.Process(
        target=_work,
        args=(_Job(sources, limits, country), channel),
        name="counterscam-prepare",
        daemon=True,
    )
    process.start()
    try:
        if meanwhile is not None:
            meanwhile()
        while True:
            tag, payload = _receive(channel, process)
            if tag == "items":
                yield from (_unpack(item) for item in pickle.loads(payload))
            elif tag == "total":
                if on_total is not None:
                    on_total(payload)
            elif tag == "problem":
                raise FileProblem(payload)
            elif tag == "failed":
                raise RuntimeError(f"reading the files failed:\n{payload}")
            else:  # done
                return
    finally:
        if process.is_alive():
            process.terminate()
        process.join()
        channel.close()


# A prepared report as plain tuples: dataclass instances cost about twice as much to pickle
# and unpickle, and the writer's unpickling is time taken from writing.
_Packed = tuple[str, int, list[RowError], tuple[Any, ...] | None]


def _pack(item: Prepared) -> _Packed:
    n = item.normal
    if n is None:
        return (item.file, item.row, item.errors, None)
    sightings = [
        (s.kind, s.value, s.country, s.shared_platform, s.role, s.raw_value) for s in n.sightings
    ]
    values = (tuple(n.values), tuple(n.values.values()))
    return (
        item.file,
        item.row,
        item.errors,
        (n.external_ref, values, sightings, n.parties, n.places, n.share_with),
    )


def _pickled(chunk: list[_Packed | RowError]) -> bytes:
    # Pickled here, not by the queue's feeder thread: messages waiting in the queue are then
    # compact bytes rather than the objects, which take several times the memory.
    return pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(item: _Packed | RowError) -> Prepared | RowError:
    if isinstance(item, RowError):
        return item
    file, row, errors, packed = item
    if packed is None:
        return Prepared(file, row, None, errors)
    ref, (names, values), sightings, parties, places, share_with = packed
    normal = NormalReport(
        ref,
        dict(zip(names, values, strict=True)),
        [SightingRow(*s) for s in sightings],
        parties,
        places,
        share_with,
    )
    return Prepared(file, row, normal, errors)


def _receive(channel: multiprocessing.Queue[tuple[str, Any]], process: BaseProcess) -> Any:
    while True:
        try:
            return channel.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            # A worker killed from outside (out of memory) sends nothing more: don't wait.
            if not process.is_alive():
                raise RuntimeError(
                    f"the process reading the files stopped (exit code {process.exitcode}); "
                    "nothing of this batch was stored"
                ) from None


def _work(job: _Job, channel: multiprocessing.Queue[tuple[str, Any]]) -> None:
    """Run in the worker: prepare every report and send them on in chunks, in order."""
    try:
        with bulk_load(on=True):
            chunk: list[_Packed | RowError] = []
            items = prepared_inline(
                job.sources, job.limits, job.country, lambda n: channel.put(("total", n))
            )
            for item in items:
                chunk.append(_pack(item) if isinstance(item, Prepared) else item)
                if len(chunk) >= _CHUNK:
                    channel.put(("items", _pickled(chunk)))
                    chunk = []
            if chunk:
                channel.put(("items", _pickled(chunk)))
        channel.put(("done", None))
    except FileProblem as exc:
        channel.put(("problem", exc.errors))
    except Exception:
        channel.put(("failed", traceback.format_exc()))
