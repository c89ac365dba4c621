"""Ctrl-C: one short message saying what was left, and exit 130, from a command and its workers.

A terminal sends SIGINT to the whole foreground process group, so the worker processes that
read a large import got it too, and each printed its own KeyboardInterrupt traceback under
the import's one-line "Interrupted.".
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from counterscam.access.accounts import create_agency
from counterscam.cli.main import app
from counterscam.config import get_settings
from counterscam.db.engine import engine_for, make_engine, session_factory
from counterscam.db.models import Report
from tests.intake.conftest import write_csv_set

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX process groups")


def _workers(pid: int) -> list[int]:
    """Return the ids of the worker processes ``pid`` spawned (not its resource tracker),
    once Python in them handles SIGINT (before that, it ends one silently)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            status = (entry / "status").read_text()
        except OSError:
            continue  # ended meanwhile
        # Caught (Python's handler), ignored or blocked: SIGINT no longer ends it silently.
        caught = 0
        for field in ("SigCgt:", "SigIgn:", "SigBlk:"):
            caught |= int(status.split(field)[1].split()[0], 16)
        # The command name in field 2 is in parentheses and may hold spaces.
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and "spawn_main" in cmdline and caught & (1 << (signal.SIGINT - 1)):
            found.append(int(entry.name))
    return found


def test_ctrl_c_reaching_the_import_workers_prints_one_message_and_no_traceback(
    sqlite_template: Path, tmp_path: Path
) -> None:
    database = tmp_path / "counterscam.db"
    shutil.copyfile(sqlite_template, database)
    engine = make_engine(f"sqlite:///{database}")
    with session_factory(engine)() as session:
        create_agency(session, code="MY-NSRC", name="MY-NSRC", country="MY", kind="member")
        session.commit()
    folder = tmp_path / "in"
    folder.mkdir()
    write_csv_set(folder)
    env = {
        **os.environ,
        "COUNTERSCAM_DATABASE_URL": f"sqlite:///{database}",
        "COUNTERSCAM_IMPORT_WORKER": "always",
    }
    env.pop("COUNTERSCAM_TOKEN", None)
    command = [sys.executable, "-m", "counterscam.cli.main", "import", str(folder)]
    # Its own process group, as a shell gives a foreground job: Ctrl-C signals all of it.
    process = subprocess.Popen(
        [*command, "--agency", "MY-NSRC"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not (workers := _workers(process.pid)):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no worker process started"
            time.sleep(0.02)
        # The terminal signals every process of the group; the workers first here, as the
        # writer stopping them at once could otherwise hide what they print.
        for worker in workers:
            os.kill(worker, signal.SIGINT)
        time.sleep(1)
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    # 130, or ended by the signal itself at the very end (a shell shows both as 130).
    assert process.returncode in (130, -signal.SIGINT), (out, err)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert "Interrupted." in err
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count()).select_from(Report)) == 0
    engine.dispose()


def test_an_interrupted_synth_says_its_folder_is_no_region(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl-C left some agencies' files and no agencies.csv, and said nothing (exit 130).
    import counterscam.synth

    def cut_short(**_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(counterscam.synth, "generate", cut_short)
    out = tmp_path / "region"
    result = CliRunner().invoke(app, ["synth", "--reports", "10", "--out", str(out)])
    assert result.exit_code == 130
    said = " ".join(result.output.split())
    assert f"Interrupted: {out} holds part of a region, not one to import" in said
    assert "Run the same command again" in said


class InterruptException(Exception):
    """Named as DuckDB names the error it raises at Ctrl-C."""


class SplinkException(Exception):
    """As Splink's error wrapping any error of a query."""


def _splink_error_at_ctrl_c(*_: object, **__: object) -> None:
    try:
        raise InterruptException("INTERRUPT Error: Interrupted!")
    except InterruptException as exc:
        # Splink wraps it in an error quoting the whole query.
        raise SplinkException("Error executing the following sql: SELECT ... Error was: ") from exc


def test_ctrl_c_during_person_resolution_exits_130_without_a_page_of_sql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import counterscam.link.persons

    monkeypatch.setattr(counterscam.link.persons, "resolve_persons", _splink_error_at_ctrl_c)
    records = tmp_path / "persons.csv"
    records.write_text("record_id,full_name\n1,Ahmad bin Ali\n2,Ahmad Ali\n")
    out = tmp_path / "resolved.csv"
    result = CliRunner().invoke(app, ["resolve-persons", "--in", str(records), "--out", str(out)])
    assert result.exit_code == 130
    assert "Interrupted." in result.output
    assert "SELECT" not in result.output and not out.exists()


@pytest.mark.parametrize("ctrl_c", ["python", "duckdb"])
def test_an_interrupted_demo_says_the_region_is_only_partly_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ctrl_c: str
) -> None:
    # Run again, the command called the part built before Ctrl-C "already built".
    import counterscam.demo

    def interrupted(**_: object) -> None:
        if ctrl_c == "duckdb":
            _splink_error_at_ctrl_c()
        raise KeyboardInterrupt

    monkeypatch.setattr(counterscam.demo, "build_demo", interrupted)
    database = tmp_path / "demo.db"
    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.delenv("COUNTERSCAM_TOKEN", raising=False)
    get_settings.cache_clear()
    engine_for.cache_clear()
    try:
        result = CliRunner().invoke(app, ["demo", "--reports", "10", "--dir", str(tmp_path)])
    finally:
        get_settings.cache_clear()
        engine_for.cache_clear()
    assert result.exit_code == 130
    said = " ".join(result.output.split())
    assert "Interrupted: the demo region is only partly built" in said
    assert f"delete {database} to build it again" in said
    assert "SELECT" not in said


def test_an_interrupted_import_says_so_once(
    sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The import's own message, not followed by a second, bare "Interrupted.".
    from counterscam.cli import intake as intake_cli

    database = tmp_path / "counterscam.db"
    shutil.copyfile(sqlite_template, database)
    engine = make_engine(f"sqlite:///{database}")
    with session_factory(engine)() as session:
        create_agency(session, code="MY-NSRC", name="MY-NSRC", country="MY", kind="member")
        session.commit()
    engine.dispose()
    write_csv_set(tmp_path)

    def ctrl_c(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(intake_cli, "submit", ctrl_c)
    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.delenv("COUNTERSCAM_TOKEN", raising=False)
    get_settings.cache_clear()
    engine_for.cache_clear()
    try:
        result = CliRunner().invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    finally:
        get_settings.cache_clear()
        engine_for.cache_clear()
    assert result.exit_code == 130
    assert result.output.count("Interrupted") == 1, result.output


def test_an_interrupted_bulk_check_says_nothing_was_written(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import counterscam.check.lists

    added = runner.invoke(
        app, ["agency", "add", "SEC", *"--name S --country MY --kind secretariat".split()]
    )
    assert added.exit_code == 0, added.output

    def ctrl_c(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(counterscam.check.lists, "check_listed", ctrl_c)
    listing = tmp_path / "numbers.csv"
    listing.write_text("value\n+60123456789\n+60123456788\n")
    out = tmp_path / "answers.csv"
    result = runner.invoke(app, ["check-bulk", str(listing), "--out", str(out)])
    assert result.exit_code == 130
    said = " ".join(result.output.split())
    assert f"Interrupted after 0 of 2 values: nothing was written to {out}" in said
    assert not out.exists()
