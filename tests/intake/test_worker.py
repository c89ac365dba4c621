"""A large import prepared in a worker process: the same reports and errors as inline."""

from __future__ import annotations

import csv
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.cli.main import app
from counterscam.config import get_settings
from counterscam.db.engine import engine_for
from counterscam.db.models import Report, Sighting
from counterscam.intake.prepare import Prepared
from counterscam.intake.records import FileProblem, RowError
from counterscam.intake.tables import Limits, Source
from counterscam.intake.worker import prepared_in_worker, prepared_inline, worth_a_worker
from counterscam.synth import generate

LIMITS = Limits(max_unzipped_bytes=10**8)


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic region whose Thai agency's files get a few broken rows."""
    out = tmp_path_factory.mktemp("region")
    generate(reports=1_500, seed=7, out=out)
    folder = out / "TH-AOC"
    with (folder / "reports.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0])
    rows[3]["scam_type"] = "not-a-type"
    rows[10]["reported_at"] = "31/02/2026"
    with (folder / "reports.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fields)
        writer.writeheader()
        writer.writerows(rows)
    with (folder / "identifiers.csv").open("a", newline="", encoding="utf-8") as f:
        csv.writer(f).writerow([rows[20]["external_ref"], "phone", "12", "caller", "", "TH"])
    return folder


def _sources(folder: Path) -> list[Source]:
    return [Source(name=p.name, path=p) for p in sorted(folder.glob("*.csv"))]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_the_workers_prepare_exactly_what_inline_preparing_does(region: Path, workers: int) -> None:
    totals: list[int] = []
    inline = list(prepared_inline(_sources(region), LIMITS, "TH"))
    worked = list(
        prepared_in_worker(_sources(region), LIMITS, "TH", totals.append, workers=workers)
    )
    assert worked == inline
    reports = [p for p in worked if isinstance(p, Prepared)]
    assert totals == [len(reports)]
    rejected = {(e.row, e.column) for p in reports for e in p.errors}
    assert {(5, "scam_type"), (12, "reported_at")} <= rejected
    assert any(e.column == "value" and e.value == "12" for p in reports for e in p.errors)
    assert multiprocessing.active_children() == []


def test_a_file_the_worker_cannot_read_fails_the_batch_as_inline(tmp_path: Path) -> None:
    (tmp_path / "reports.csv").write_text("external_ref,channel\nTH-1,sms\n", encoding="utf-8")
    problems: list[list[RowError]] = []
    with pytest.raises(FileProblem) as caught:
        list(prepared_inline(_sources(tmp_path), LIMITS, "TH"))
    problems.append(caught.value.errors)
    with pytest.raises(FileProblem) as caught:
        list(prepared_in_worker(_sources(tmp_path), LIMITS, "TH", workers=2))
    problems.append(caught.value.errors)
    assert problems[0] == problems[1]
    assert "reported_at" in problems[0][0].reason


def test_stopping_early_stops_the_worker(region: Path) -> None:
    stream = prepared_in_worker(_sources(region), LIMITS, "TH", workers=2)
    assert isinstance(next(stream), Prepared)
    stream.close()
    assert multiprocessing.active_children() == []


def test_small_files_are_prepared_inline_unless_asked(region: Path, tmp_path: Path) -> None:
    assert not worth_a_worker(_sources(region))  # well under the threshold
    assert worth_a_worker(_sources(region), "always")
    big = tmp_path / "reports.csv"
    big.write_bytes(b"x" * 5 * 1024 * 1024)
    assert worth_a_worker([Source(name=big.name, path=big)]) == (len(os.sched_getaffinity(0)) > 1)
    assert not worth_a_worker([Source(name=big.name, path=big)], "never")


def test_an_import_through_the_worker_stores_the_valid_reports_and_lists_the_rest(
    region: Path,
    engine: Engine,
    session: Session,
    agencies: dict[str, Caller],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from counterscam.access.agency_file import add_region_agencies

    add_region_agencies(session, region.parent)
    session.commit()
    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", engine.url.render_as_string(False))
    monkeypatch.setenv("COUNTERSCAM_IMPORT_WORKER", "always")
    get_settings.cache_clear()
    engine_for.cache_clear()
    try:
        rejected = tmp_path / "rejected.csv"
        args = ["import", str(region), "--agency", "TH-AOC", "--keep-valid"]
        result = CliRunner().invoke(app, [*args, "--rejections", str(rejected)])
        again = CliRunner().invoke(app, args)
    finally:
        get_settings.cache_clear()
        engine_for.cache_clear()
    assert result.exit_code == 1, result.output
    total = sum(1 for _ in (region / "reports.csv").open(encoding="utf-8")) - 1
    stored = session.scalar(select(func.count()).select_from(Report))
    assert stored == total - 3
    assert f"{total - 3:,} accepted, 3 rejected" in result.output
    assert "reports.csv,5,scam_type,not-a-type," in rejected.read_text(encoding="utf-8")
    # Resubmitted through the worker: updated in place, nothing duplicated.
    assert f"0 created, {total - 3:,} updated" in again.output
    assert session.scalar(select(func.count()).select_from(Report)) == stored
    assert (session.scalar(select(func.count()).select_from(Sighting)) or 0) > stored


def test_workers_agree_with_inline_when_linked_rows_are_out_of_order(
    region: Path, tmp_path: Path
) -> None:
    # Linked rows in another order than their reports are grouped in memory, and rows
    # pointing at no report come first as errors: each worker must count them alike.
    for path in region.glob("*.csv"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if path.name == "identifiers.csv":
            lines = lines[:1] + lines[:0:-1]  # reversed
            lines.append("NO-SUCH-REPORT,phone,+66812345678,caller,,TH\n")
        (tmp_path / path.name).write_text("".join(lines), encoding="utf-8")
    inline = list(prepared_inline(_sources(tmp_path), LIMITS, "TH"))
    assert isinstance(inline[0], RowError) and "NO-SUCH-REPORT" in inline[0].reason
    for workers in (2, 3):
        assert list(prepared_in_worker(_sources(tmp_path), LIMITS, "TH", workers=workers)) == (
            inline
        )


def test_a_worker_does_not_rerun_the_program_that_started_it(region: Path, tmp_path: Path) -> None:
    # The CLI's entry script imports the whole CLI: a spawned worker that re-ran it as its
    # parent's main would pay that on every import, while the writer waits.
    marker = tmp_path / "runs.txt"
    script = tmp_path / "entry.py"
    script.write_text(
        "import pathlib, sys\n"
        f"pathlib.Path({str(marker)!r}).open('a').write(__name__ + '\\n')\n"
        "from pathlib import Path\n"
        "from counterscam.intake.tables import Limits, Source\n"
        "from counterscam.intake.worker import prepared_in_worker\n"
        "if __name__ == '__main__':\n"
        f"    folder = Path({str(region)!r})\n"
        "    sources = [Source(name=p.name, path=p) for p in sorted(folder.glob('*.csv'))]\n"
        "    items = list(prepared_in_worker(sources, Limits(), 'TH', workers=2))\n"
        "    print(len(items))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True, timeout=120
    )
    assert int(done.stdout) > 100
    assert marker.read_text(encoding="utf-8").split() == ["__main__"]
