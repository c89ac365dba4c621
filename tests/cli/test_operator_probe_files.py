"""Files an operator may not read, and output piped into a reader that stops early.

Found by a new operator's probe of the command line (Task H): a report file in an import folder
without read permission ended `counterscam import` in a PermissionError traceback, and
`counterscam token list | head -1` under `set -o pipefail` exited 1, the code of a refusal.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import create_agency
from counterscam.db.models import Report
from counterscam.synth import generate

# Root reads any file whatever its mode; dropping these capabilities makes it read as the
# operator's own account does, so the test means the same under root and under a plain user.
_READ_AS_A_USER = (
    ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    + ["--inh-caps=-dac_override,-dac_read_search"]
    if os.geteuid() == 0
    else []
)


def _said(output: str) -> str:
    return " ".join(output.split())


def _counterscam(
    engine: Engine, *args: str, stdout: int | None = subprocess.PIPE
) -> subprocess.Popen[str]:
    env = {**os.environ, "COUNTERSCAM_DATABASE_URL": engine.url.render_as_string(False)}
    env.pop("COUNTERSCAM_TOKEN", None)
    env.pop("COLUMNS", None)
    return subprocess.Popen(
        [*_READ_AS_A_USER, sys.executable, "-m", "counterscam.cli.main", *args],
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def region(tmp_path: Path, session: Session) -> Path:
    folder = tmp_path / "region"
    generate(reports=30, seed=4, out=folder)
    create_agency(session, code="TH-AOC", name="TH-AOC", country="TH", kind="member")
    session.commit()
    return folder


def test_a_file_without_read_permission_is_named_before_anything_is_imported(
    engine: Engine, session: Session, region: Path
) -> None:
    (region / "TH-AOC" / "parties.csv").chmod(0)
    (region / "agencies.csv").chmod(0)
    for args, unreadable in (
        (["import", str(region / "TH-AOC"), "--agency", "TH-AOC"], "TH-AOC/parties.csv"),
        (
            ["import", str(region / "TH-AOC/parties.csv"), "--agency", "TH-AOC"],
            "TH-AOC/parties.csv",
        ),
        (["agency", "import", str(region)], "agencies.csv"),
    ):
        process = _counterscam(engine, *args)
        _, err = process.communicate(timeout=120)
        assert process.returncode == 1, err
        assert "Traceback" not in err and "PermissionError" not in err, err
        assert _said(err) == (
            f"error: {region / unreadable}: no permission to read it; ask its owner for read "
            "access (or copy it somewhere the user running counterscam can read) and run the "
            "command again"
        )
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Report)) == 0


def test_a_folder_without_read_permission_is_refused_saying_so(
    tmp_path: Path, engine: Engine
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        process = _counterscam(engine, "import", str(locked), "--agency", "TH-AOC")
        _, err = process.communicate(timeout=120)
    finally:
        locked.chmod(0o755)
    assert process.returncode == 1, err
    assert f"{locked}: no permission to list or read this folder" in _said(err)
    assert "Traceback" not in err


@pytest.mark.parametrize("args", [["agency", "list"], ["user", "list", "--json"]])
def test_output_piped_into_a_reader_that_stops_ends_as_a_closed_pipe(
    engine: Engine, region: Path, args: list[str]
) -> None:
    # `counterscam agency list | head -0`: the reader has gone before the first row.
    read, write = os.pipe()
    os.close(read)
    try:
        process = _counterscam(engine, *args, stdout=write)
    finally:
        os.close(write)
    _, err = process.communicate(timeout=120)
    # 141 as grep or cat (128 + SIGPIPE); exit 1 says the command was refused.
    assert process.returncode == 141, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert err == ""
