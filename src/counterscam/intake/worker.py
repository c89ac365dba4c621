"""Read and prepare a large import in worker processes while the caller writes the store.

Reading the files, validating every field and canonicalising every identifier is about half
of an import's CPU and needs no database; writing, alerting and linking need the one SQLite
writer. On a machine with more than one core a streaming CLI import runs the first part in
worker processes and hands over prepared reports in order, so the two halves overlap.

Each worker reads the whole batch (a report's rows in the linked files can be anywhere in
them) but prepares only every n-th chunk of reports; the writer takes the chunks from the
workers in turn. With two workers on two cores, preparing also uses the time the writer
spends waiting for it. The outcome is the same as preparing inline: the same ``prepare``
runs, the chunks come in file order, and errors keep their file, row and column.

Workers are spawned, not forked: the CLI forks from a process holding a database connection
and Rich's refresh thread, neither of which a forked child may touch safely.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import sys
import traceback
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
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
# Messages the workers together may prepare ahead of the writer (400,000 reports, ~200 MB
# pickled), shared out among them. The writer links in rounds of up to 400,000 reports
# (intake.service.LINK_GROUP); workers held back by a short queue would sit idle through each
# round instead of preparing the next.
_DEPTH = 800
_POLL_SECONDS = 1.0


_MOST_WORKERS = 4  # beyond this the writer cannot keep up anyway
_NICENESS = 10


@dataclass(frozen=True)
class _Job:
    sources: list[Source]
    limits: Limits
    country: str | None
    share: int  # this worker prepares the chunks whose number modulo ``workers`` is ``share``
    workers: int

    def mine(self, position: int) -> bool:
        """Tell whether the item at ``position`` of the stream is in this worker's chunks."""
        return (position // _CHUNK) % self.workers == self.share


def _cores() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return cores or 1


def worth_a_worker(sources: list[Source], setting: str = "auto") -> bool:
    """Tell whether preparing these files in a worker process will pay off here.

    ``setting`` is COUNTERSCAM_IMPORT_WORKER: auto, always or never.
    """
    if setting != "auto":
        return setting == "always"
    return _cores() > 1 and sum(s.size() for s in sources) >= MIN_BYTES


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


@contextmanager
def _main_not_rerun() -> Iterator[None]:
    """Start a spawned worker without it running the program's main script first.

    A spawned child re-imports the parent's ``__main__`` from its path, so that functions
    defined there can be found; the worker's are all in this module. The CLI's entry script
    imports the whole CLI: ~0.55 s more per worker (0.88 s against 0.32 s), at the start of
    every import, while the writer waits for its first chunk. Without a path the child skips
    that step (``multiprocessing.spawn.get_preparation_data``). A main run by module name
    (``python -m``) is imported by name, not path: left as it is.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or path is None or getattr(main.__spec__, "name", None) is not None:
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


@contextmanager
def _deaf_to_ctrl_c() -> Iterator[None]:
    """Start workers that a Ctrl-C at the terminal does not reach.

    The terminal sends SIGINT to the whole process group: each worker printed a
    KeyboardInterrupt traceback (often from the middle of its imports) under the import's
    one-line "Interrupted." The writer gets the signal too, and stops them. A child keeps the
    signal mask of the thread that started it, so SIGINT blocked while they start stays
    blocked in them; one arriving meanwhile waits, and reaches this process once unblocked.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no process groups to signal
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def prepared_in_worker(
    sources: list[Source],
    limits: Limits,
    country: str | None,
    on_total: Callable[[int], None] | None = None,
    meanwhile: Callable[[], object] | None = None,
    workers: int | None = None,
) -> Generator[Prepared | RowError, None, None]:
    """Yield what ``prepared_inline`` yields, prepared in worker processes.

    ``workers`` defaults to the number of cores (at most four). ``meanwhile`` runs once the
    workers have started, while they read the files (the caller would otherwise wait through
    that doing nothing). Raises FileProblem as reading inline would, and RuntimeError when a
    worker fails otherwise; the workers are stopped when the caller stops iterating.
    """
    count = max(1, workers or min(_cores(), _MOST_WORKERS))
    context = multiprocessing.get_context("spawn")
    channels: list[multiprocessing.Queue[tuple[str, Any]]] = []
    processes: list[BaseProcess] = []
    for share in range(count):
        channel: multiprocessing.Queue[tuple[str, Any]] = context.Queue(
            maxsize=max(1, _DEPTH // count)
        )
        process = context.Process(
            target=_work,
            args=(_Job(sources, limits, country, share, count), channel),
            name=f"counterscam-prepare-{share}",
            daemon=True,
        )
        with _main_not_rerun(), _deaf_to_ctrl_c():
            process.start()
        channels.append(channel)
        processes.append(process)
    try:
        if meanwhile is not None:
            meanwhile()
        turn = 0  # the number of the next chunk; worker turn % count prepared it
        while True:
            tag, payload = _receive(channels[turn % count], processes[turn % count])
            if tag == "items":
                yield from (_unpack(item) for item in pickle.loads(payload))
                turn += 1
            elif tag == "total":
                if on_total is not None:
                    on_total(payload)
            elif tag == "problem":
                raise FileProblem(payload)
            elif tag == "failed":
                raise RuntimeError(f"reading the files failed:\n{payload}")
            else:  # done: the worker whose turn it is has no chunk left, so none has
                return
    finally:
        for started in processes:
            if started.is_alive():
                started.terminate()
            started.join()
        for channel in channels:
            channel.close()


# A prepared report as plain tuples: dataclass instances cost about twice as much to pickle
# and unpickle, and the writer's unpickling is time taken from writing.
# A rejected report packs no rows (None) and its share_with codes as written (``shares``).
_Packed = tuple[str, int, list[RowError], tuple[Any, ...] | None, tuple[str, ...]]


def _pack(item: Prepared) -> _Packed:
    n = item.normal
    if n is None:
        return (item.file, item.row, item.errors, None, item.shares)
    sightings = [
        (s.kind, s.value, s.country, s.shared_platform, s.role, s.raw_value) for s in n.sightings
    ]
    values = (tuple(n.values), tuple(n.values.values()))
    return (
        item.file,
        item.row,
        item.errors,
        (n.external_ref, values, sightings, n.parties, n.places, n.share_with, n.given),
        (),
    )


def _pickled(chunk: list[_Packed | RowError]) -> bytes:
    # Pickled here, not by the queue's feeder thread: messages waiting in the queue are then
    # compact bytes rather than the objects, which take several times the memory.
    return pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(item: _Packed | RowError) -> Prepared | RowError:
    if isinstance(item, RowError):
        return item
    file, row, errors, packed, shares = item
    if packed is None:
        return Prepared(file, row, None, errors, shares)
    ref, (names, values), sightings, parties, places, share_with, given = packed
    normal = NormalReport(
        ref,
        dict(zip(names, values, strict=True)),
        [SightingRow(*s) for s in sightings],
        parties,
        places,
        share_with,
        given,
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
    """Run in a worker: read every report, prepare this worker's chunks, send them in order."""
    # The writer is the import's critical path: the workers take the CPU it leaves.
    os.nice(_NICENESS)
    try:
        with bulk_load(on=True):
            normaliser = Normaliser(country=job.country)
            chunk: list[_Packed | RowError] = []
            total = (lambda n: channel.put(("total", n))) if job.share == 0 else None
            items = read_batch(job.sources, job.limits, on_total=total, wanted=job.mine)
            for position, item in enumerate(items):
                if job.mine(position):
                    if isinstance(item, RawReport):
                        chunk.append(_pack(prepare(item, normaliser)))
                    else:
                        chunk.append(item)
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
