"""Run one command (or a list of commands, separated by ``--next``) and measure them alone.

Prints the wall time of all of them, the largest peak memory, and the last JSON line the
commands printed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from benchmarks.common import children_cpu_seconds, children_peak_mib, emit


def main(argv: list[str]) -> int:
    """Run the commands in turn; stop at the first failure."""
    commands: list[list[str]] = [[]]
    for arg in argv:
        if arg == "--next":
            commands.append([])
        else:
            commands[-1].append(arg)
    output: dict[str, object] = {}
    started = time.perf_counter()
    for command in commands:
        proc = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
        sys.stderr.write(proc.stdout[-2000:] if proc.returncode else "")
        if proc.returncode not in (0,):
            return proc.returncode
        lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
        if lines:
            output = json.loads(lines[-1])
    emit(
        {
            "seconds": time.perf_counter() - started,
            "peak_mib": children_peak_mib(),
            "cpu_seconds": children_cpu_seconds(),
            "output": output,
        }
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
