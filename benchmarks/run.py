"""`make bench`: every figure as a ratio to a baseline measured in the same run.

Environment: BENCH_REPORTS (default 1,000,000), BENCH_CHECKS (values per check benchmark,
default 10,000), BENCH_HTTP_SECONDS (per load round, default 15). Results go to
bench-data/results-N.json and into docs/benchmarks.md between the result markers.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.common import BIN, DATA, PYTHON, ROOT, Measured, run_measured

REPORTS = int(os.environ.get("BENCH_REPORTS", "1000000"))
CHECKS = int(os.environ.get("BENCH_CHECKS", "10000"))
SEED = 20261128


def _log(message: str) -> None:
    sys.stderr.write(f"[bench {datetime.now(UTC):%H:%M:%S}] {message}\n")


def _region() -> tuple[Path, Measured | None]:
    region = DATA / f"region-{REPORTS}"
    if (region / "agencies.csv").exists():
        return region, None
    _log(f"generating a {REPORTS:,}-report region")
    made = run_measured(
        [
            str(BIN / "counterscam"),
            "synth",
            "--reports",
            str(REPORTS),
            "--seed",
            str(SEED),
            "--out",
            str(region),
        ]
    )
    return region, made


def _fresh_db(name: str, region: Path) -> tuple[Path, str]:
    path = DATA / f"{name}-{REPORTS}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    run_measured([PYTHON, "-m", "benchmarks.setup_db", url, str(region)])
    return path, url


def ingest(region: Path) -> dict[str, object]:
    """Time `counterscam import` of every agency against canonicalise + raw bulk insert.

    The region is imported by one command, each folder as its agency's
    (``--agency-from-folder``), as the baseline handles it in one process; then again, into
    another database, by one command per agency, which pays a process start-up (about a
    second: the interpreter, the modules, the workers) per agency: the secondary figure.
    """
    base_path, _ = _fresh_db("baseline", region)
    _log("ingest baseline: canonicalise + raw bulk insert")
    baseline = run_measured(
        [PYTHON, "-m", "benchmarks.ingest_baseline", str(base_path), str(region)]
    )
    agencies = sorted(
        p.name
        for p in region.iterdir()
        if (p / "reports.csv").exists() and p.name != "ground_truth"
    )
    _, url = _fresh_db("import", region)
    folders = [str(region / code) for code in agencies]
    _log(f"ingest: one counterscam import of {len(agencies)} agencies' folders")
    imported = run_measured(
        [str(BIN / "counterscam"), "import", *folders, "--agency-from-folder"],
        env={"COUNTERSCAM_DATABASE_URL": url},
    )
    seq_path, seq_url = _fresh_db("import-per-agency", region)
    command: list[str] = []
    for code in agencies:
        command += [str(BIN / "counterscam"), "import", str(region / code), "--agency", code]
        command.append("--next")
    _log(f"ingest: {len(agencies)} counterscam imports, one per agency")
    per_agency = run_measured(command[:-1], env={"COUNTERSCAM_DATABASE_URL": seq_url})
    for suffix in ("", "-wal", "-shm"):
        Path(f"{seq_path}{suffix}").unlink(missing_ok=True)
    return {
        "reports": baseline.output.get("reports"),
        "sightings": baseline.output.get("sightings"),
        "import_s": imported.seconds,
        "baseline_s": baseline.seconds,
        "ratio": imported.seconds / baseline.seconds,
        "target": "<= 2.0",
        "import_peak_mib": imported.peak_mib,
        "baseline_peak_mib": baseline.peak_mib,
        # The import prepares files in a worker process beside the writer (intake/worker.py);
        # its CPU over the single-process baseline's says what the work costs on one core.
        "import_cpu_s": imported.cpu_seconds,
        "baseline_cpu_s": baseline.cpu_seconds,
        "cpu_ratio": imported.cpu_seconds / baseline.cpu_seconds,
        "per_agency_import_s": per_agency.seconds,
        "per_agency_ratio": per_agency.seconds / baseline.seconds,
        "per_agency_peak_mib": per_agency.peak_mib,
        "database": url,
    }


def check_inprocess(url: str, region: Path) -> dict[str, object]:
    """In-process check against a bare indexed look-up of the same values."""
    _log("check, in-process")
    m = run_measured([PYTHON, "-m", "benchmarks.check_inprocess", url, str(region), str(CHECKS)])
    out = m.output
    return {
        **out,
        "ratio": float(out["check_per_s"]) / float(out["bare_per_s"]),  # type: ignore[arg-type]
        "target": ">= 0.5",
        "ratio_to_canonicalise_and_bare": float(out["check_per_s"])  # type: ignore[arg-type]
        / float(out["canonicalise_and_bare_per_s"]),  # type: ignore[arg-type]
        "bulk_ratio": float(out["bulk_per_s"])  # type: ignore[arg-type]
        / float(out["bare_per_s"]),  # type: ignore[arg-type]
        "peak_mib": m.peak_mib,
    }


def check_http(url: str, region: Path) -> dict[str, object]:
    """HTTP check against a constant endpoint on the same server."""
    _log("check over HTTP")
    m = run_measured(
        [PYTHON, "-m", "benchmarks.check_http", url, str(region), str(min(CHECKS, 5000))]
    )
    out = m.output
    return {
        **out,
        "ratio": float(out["check_rps"]) / float(out["health_rps"]),  # type: ignore[arg-type]
        "target": ">= 0.5",
    }


def link_speed(url: str) -> dict[str, object]:
    """Issue 3: full rebuild over scipy connected components, and one new report's p99."""
    _log("linking: rebuild")
    m = run_measured([PYTHON, "-m", "benchmarks.link_speed", url])
    # In a process of its own, as intake links a report: see benchmarks/link_incremental.py.
    _log("linking: one new report, 300 times")
    one = run_measured([PYTHON, "-m", "benchmarks.link_incremental", url, "300"])
    return {
        **m.output,
        **one.output,
        "ratio": m.output["rebuild_ratio"],
        "target": "<= 3.0",
        "peak_mib": m.peak_mib,
    }


def link_quality(url: str, region: Path) -> dict[str, object]:
    """Issue 3: cluster quality against the ground truth, as intake left them and rebuilt."""
    _log("linking: quality against the ground truth")
    m = run_measured([PYTHON, "-m", "benchmarks.link_quality", url, str(region)])
    ours = m.output["ours"]
    assert isinstance(ours, dict)
    return {
        **m.output,
        "ratio": ours["recall_of_ceiling"],
        "target": "precision >= 0.95, recall >= 0.95 of the ceiling",
    }


def persons(region: Path) -> dict[str, object]:
    """Issue 3: resolve BENCH_REPORTS person records with Splink, over an exact-key dedupe."""
    # The region's parties, topped up with namesakes to one record per report (1,000,000 at
    # the default size): benchmarks/persons_speed.py says how.
    command = [
        PYTHON,
        "-m",
        "benchmarks.persons_speed",
        "--persons",
        str(region / "ground_truth" / "persons.csv"),
        "--records",
        str(REPORTS),
    ]
    _log(f"persons: exact-key baseline, then Splink, {REPORTS:,} records")
    baseline = run_measured([*command, "--baseline"])
    splink = run_measured(command)
    out, base = splink.output, baseline.output
    return {
        **out,
        "baseline": base,
        "ratio": float(out["seconds"]) / float(base["seconds"]),  # type: ignore[arg-type]
        "target": "time and peak memory reported",
        "peak_mib": splink.peak_mib,
        "baseline_peak_mib": baseline.peak_mib,
    }


def _write_doc(results: dict[str, object]) -> None:
    doc = ROOT / "docs" / "benchmarks.md"
    text = doc.read_text() if doc.exists() else ""
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    block = f"{start}\n```json\n{json.dumps(results, indent=2, default=str)}\n```\n{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text += "\n" + block + "\n"
    doc.write_text(text)


def main() -> None:
    """Run every benchmark and record the ratios."""
    DATA.mkdir(exist_ok=True)
    started = time.perf_counter()
    region, made = _region()
    results: dict[str, object] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "reports": REPORTS,
        "machine": f"{os.cpu_count()} cores",
    }
    if made:
        results["synth"] = {"seconds": made.seconds, "peak_mib": made.peak_mib}
    results["ingest"] = ingest(region)
    url = str(results["ingest"]["database"])  # type: ignore[index]
    results["check_inprocess"] = check_inprocess(url, region)
    results["check_http"] = check_http(url, region)
    # Before link_speed, whose rebuild replaces the clusters intake built.
    results["link_quality"] = link_quality(url, region)
    results["link"] = link_speed(url)
    results["persons"] = persons(region)
    results["total_s"] = time.perf_counter() - started
    (DATA / f"results-{REPORTS}.json").write_text(json.dumps(results, indent=2, default=str))
    _write_doc(results)
    for name in ("ingest", "check_inprocess", "check_http", "link_quality", "link", "persons"):
        r = results[name]
        assert isinstance(r, dict)
        sys.stdout.write(f"{name:16} ratio {r['ratio']:.3f} (target {r['target']})\n")


if __name__ == "__main__":
    main()
