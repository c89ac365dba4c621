"""Check over HTTP: requests per second of /api/v1/check over /api/v1/health, same server."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import BIN, emit, read_into_cache
from benchmarks.samples import pick
from benchmarks.setup_db import BENCH_PASSWORD, BENCH_USER
from counterscam.access.accounts import create_user, issue_token
from counterscam.db.engine import make_engine, session_scope
from counterscam.db.models import Agency, User

DURATION = int(os.environ.get("BENCH_HTTP_SECONDS", "15"))
CONNECTIONS = 8
WARM_UP_SECONDS = 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not start: {url}")


def _wrk(token: str, paths: list[str], base: str, seconds: int) -> tuple[float, float]:
    """Run wrk against ``paths`` in turn; return (requests/s, p99 ms)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        quoted = ",\n".join(f'"{p}"' for p in paths)
        script.write(
            f"local paths = {{{quoted}}}\nlocal i = 0\n"
            "request = function()\n  i = i + 1\n"
            f'  return wrk.format("GET", paths[(i % #paths) + 1], '
            f'{{["Authorization"] = "Bearer {token}"}})\nend\n'
        )
    out = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", script.name, base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    p99_ms = float(p99.group(1)) * scale[p99.group(2)] if p99 else float("nan")
    return rps, p99_ms


def _python_load(token: str, paths: list[str], port: int, seconds: int) -> tuple[float, float]:
    """Fallback load generator: keep-alive connections from threads."""
    import http.client
    import threading

    latencies: list[float] = []
    stop = time.perf_counter() + seconds
    lock = threading.Lock()

    def worker(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port)
        i = offset
        mine: list[float] = []
        while time.perf_counter() < stop:
            t = time.perf_counter()
            conn.request("GET", paths[i % len(paths)], headers={"Authorization": f"Bearer {token}"})
            conn.getresponse().read()
            mine.append(time.perf_counter() - t)
            i += CONNECTIONS
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(CONNECTIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    return len(latencies) / seconds, latencies[int(0.99 * len(latencies))] * 1000


def _peak_mib(pid: int) -> float:
    """Return a live process's peak resident memory (VmHWM) in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _cpu_seconds(pid: int) -> float:
    """Return the CPU time (user + system) a live process has used so far, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(url: str, region: Path, n: int) -> None:
    """Serve the database and load both endpoints in alternating rounds."""
    engine = make_engine(url)
    with session_scope(engine) as session:
        if session.query(User).filter_by(username=BENCH_USER).one_or_none() is None:
            create_user(
                session, username=BENCH_USER, password=BENCH_PASSWORD, agency_code="MY-NSRC"
            )
        token = issue_token(session, username=BENCH_USER, name="bench").secret
        agencies = {a.code: a.country for a in session.query(Agency).filter_by(kind="member")}
    engine.dispose()
    samples = pick(region, agencies, n=n)
    check_paths = [
        "/api/v1/check?"
        + urllib.parse.urlencode({"kind": s.kind, "value": s.raw, "country": s.country})
        for s in samples
    ]
    read_into_cache(url)
    port = _free_port()
    env = {**os.environ, "COUNTERSCAM_DATABASE_URL": url, "COUNTERSCAM_DEMO": "1"}
    server = subprocess.Popen(
        [str(BIN / "counterscam"), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base + "/api/v1/health")
        load_for: Callable[[list[str], int], tuple[float, float]] = (
            (lambda paths, seconds: _wrk(token, paths, base, seconds))
            if shutil.which("wrk")
            else (lambda paths, seconds: _python_load(token, paths, port, seconds))
        )
        # Untimed, so the server's one-time costs (first connections, statement compiling)
        # fall on neither endpoint's rounds.
        for paths in (["/api/v1/health"], check_paths):
            load_for(paths, WARM_UP_SECONDS)
        results: dict[str, list[tuple[float, float]]] = {"check": [], "health": []}
        # Diagnostic only: the server's CPU time per request is steadier than requests/s on a
        # machine other jobs share, and says which side a change made cheaper.
        cpu_ms: dict[str, list[float]] = {"check": [], "health": []}
        for _ in range(2):  # alternate rounds so machine noise falls on both
            for name, paths in (("health", ["/api/v1/health"]), ("check", check_paths)):
                before = _cpu_seconds(server.pid)
                results[name].append(load_for(paths, DURATION))
                served = results[name][-1][0] * DURATION
                cpu_ms[name].append((_cpu_seconds(server.pid) - before) * 1000 / served)
        server_peak = _peak_mib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    check_rps = sum(r for r, _ in results["check"]) / 2
    health_rps = sum(r for r, _ in results["health"]) / 2
    emit(
        {
            "tool": "wrk" if shutil.which("wrk") else "python",
            "check_rps": check_rps,
            "health_rps": health_rps,
            "check_p99_ms": max(p for _, p in results["check"]),
            "health_p99_ms": max(p for _, p in results["health"]),
            "connections": CONNECTIONS,
            "seconds_per_round": DURATION,
            "server_peak_mib": server_peak,
            "check_server_cpu_ms": sum(cpu_ms["check"]) / 2,
            "health_server_cpu_ms": sum(cpu_ms["health"]) / 2,
        }
    )


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))
