"""A fourteenth operator's probe of the command line: help piped into a reader that stops,
standard input named as `-`, and paths with spaces and letters of the region's scripts."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import create_agency
from counterscam.db.models import Report

HEADER = "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,narrative,mark\n"


def _counterscam(
    engine: Engine, *args: str, stdout: int | None = subprocess.PIPE, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COUNTERSCAM_DATABASE_URL": engine.url.render_as_string(False)}
    env.pop("COUNTERSCAM_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "counterscam.cli.main", *args],
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        input=stdin,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("args", [["--help"], ["import", "--help"], ["agency", "--help"]])
def test_help_piped_into_a_reader_that_stops_ends_as_a_closed_pipe(
    engine: Engine, args: list[str]
) -> None:
    # `counterscam --help | head -0` exited 1, the code of a refusal: Typer prints the help
    # through a console of its own, which ended a closed pipe so.
    read, write = os.pipe()
    os.close(read)
    try:
        done = _counterscam(engine, *args, stdout=write)
    finally:
        os.close(write)
    assert done.returncode == 141, done.stderr
    assert done.stderr == ""


def test_help_read_whole_still_exits_0(engine: Engine) -> None:
    done = _counterscam(engine, "--help")
    assert done.returncode == 0 and "import" in done.stdout


@pytest.fixture
def agency(session: Session) -> str:
    create_agency(session, code="MY-NSRC", name="MY-NSRC", country="MY", kind="member")
    session.commit()
    return "MY-NSRC"


def _stored(session: Session) -> int:
    session.expire_all()
    return int(session.scalar(select(func.count()).select_from(Report)) or 0)


def test_standard_input_named_as_a_dash_is_refused_saying_to_save_a_file(
    engine: Engine, session: Session, agency: str
) -> None:
    done = _counterscam(
        engine,
        "import",
        "-",
        "--agency",
        agency,
        stdin=HEADER + "S-1,2026-03-01,investment,sms,1,MYR,x,green\n",
    )
    assert done.returncode == 1
    assert done.stderr.startswith("error: -: reports are not read from standard input"), done.stderr
    assert "save the data to a .csv, .xlsx or .json file and import that file" in done.stderr
    assert "no such file" not in done.stderr
    assert _stored(session) == 0


def test_paths_with_spaces_and_the_regions_letters_are_imported(
    tmp_path: Path, engine: Engine, session: Session, agency: str
) -> None:
    folder = tmp_path / "báo cáo" / "ชื่อ ไทย"
    folder.mkdir(parents=True)
    # A name written decomposed, as macOS writes file names.
    name = unicodedata.normalize("NFD", "Báo cáo tháng 3.csv")
    (folder / name).write_text(HEADER + "S-2,2026-03-01,investment,sms,1,MYR,x,green\n")
    done = _counterscam(engine, "import", str(folder / name), "--agency", agency)
    assert done.returncode == 0, done.stderr
    again = _counterscam(engine, "import", str(folder), "--agency", agency)
    assert again.returncode == 0, again.stderr
    assert "0 created, 1 updated" in again.stdout
    assert _stored(session) == 1
