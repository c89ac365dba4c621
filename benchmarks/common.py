"""Shared helpers: run a measured step in its own process, record results."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench-data"
PYTHON = sys.executable
BIN = Path(PYTHON).parent


@dataclass(frozen=True)
class Measured:
    """Wall time and peak resident memory of one step, and the JSON it printed."""

    seconds: float
    peak_mib: float
    output: dict[str, object]
    cpu_seconds: float = 0.0  # user + system CPU of the step's processes, all cores


def run_measured(args: list[str], *, env: dict[str, str] | None = None) -> Measured:
    """Run ``args`` under benchmarks.wrap, which measures that one child alone."""
    proc = subprocess.run(
        [PYTHON, "-m", "benchmarks.wrap", *args],
        stdout=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        text=True,
        check=False,
    )
    if proc.returncode:
        raise SystemExit(f"benchmark step failed ({proc.returncode}): {' '.join(args)}")
    wrapped = json.loads(proc.stdout.strip().splitlines()[-1])
    return Measured(
        seconds=float(wrapped["seconds"]),
        peak_mib=float(wrapped["peak_mib"]),
        output=dict(wrapped.get("output") or {}),
        cpu_seconds=float(wrapped.get("cpu_seconds", 0.0)),
    )


def self_peak_mib() -> float:
    """Return this process's peak resident memory in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_mib() -> float:
    """Return the largest peak resident memory of the waited-for children, in MiB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def children_cpu_seconds() -> float:
    """Return the user + system CPU seconds of the waited-for children (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def emit(result: dict[str, object]) -> None:
    """Print a step's result as the JSON line the orchestrator reads."""
    sys.stdout.write(json.dumps(result, default=str) + "\n")
    sys.stdout.flush()


def read_into_cache(url: str) -> None:
    """Read a SQLite database's files once, so every timed path finds them in the OS cache.

    On these machines the kernel keeps only part of a freshly written 1 GB database resident:
    whichever path ran first paid the disk reads of the pages it touched (in the check
    benchmark, the bare look-up paid for the index pages and the check for the report pages).
    A server that has been answering checks for a while has them all in memory.
    """
    if not url.startswith("sqlite:///"):
        return
    path = url.removeprefix("sqlite:///")
    for name in (path, f"{path}-wal"):
        if os.path.exists(name):
            with open(name, "rb") as handle:
                while handle.read(16 * 1024 * 1024):
                    pass
