"""A file a command writes must be a regular file: a pipe or device is refused before the work."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.cli.main import app
from tests.intake.conftest import REPORTS_CSV
from tests.intake.test_cli_special_files import _within
from tests.intake.test_files import reports_count


def _run(runner: CliRunner, *args: str) -> tuple[int, str]:
    with _within(20):
        result = runner.invoke(app, list(args))
    return result.exit_code, " ".join(result.output.split())


def test_import_refuses_a_named_pipe_for_rejections_before_importing(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    # The import ran, then waited for ever on the pipe to write its rejected rows.
    reports = tmp_path / "reports.csv"
    reports.write_text(REPORTS_CSV.replace("2026-03-01,", "2026-03-01x,"))
    pipe = tmp_path / "rejected.csv"
    os.mkfifo(pipe)
    code, output = _run(
        runner, "import", str(reports), "--agency", "MY-NSRC", "--rejections", str(pipe)
    )
    assert code == 2, output
    assert (
        f"--rejections {pipe}: not a regular file but a named pipe (FIFO); give the name of a "
        "regular file to write, like out.csv"
    ) in output
    assert reports_count(session) == 0


@pytest.mark.parametrize(
    "args",
    [
        ["check-bulk", "{input}", "--out", "{target}", "--agency", "MY-NSRC"],
        ["export", "clusters", "--out", "{target}", "--agency", "MY-NSRC"],
        ["resolve-persons", "--in", "{input}", "--out", "{target}"],
    ],
    ids=["check-bulk", "export clusters", "resolve-persons"],
)
def test_every_output_option_refuses_a_pipe_and_takes_dev_null(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path, args: list[str]
) -> None:
    values = tmp_path / "values.csv"
    values.write_text("record_id,full_name,value\nr1,Ahmad,0123456789\n")
    pipe = tmp_path / "answers.xlsx"
    os.mkfifo(pipe)
    filled = [a.format(input=values, target=pipe) for a in args]
    code, output = _run(runner, *filled)
    assert code == 2, output
    assert (
        f"--out {pipe}: not a regular file but a named pipe (FIFO); give the name of a regular "
        "file to write, like out.xlsx"
    ) in output
    # A character device takes the output at once: /dev/null keeps only the summary.
    code, output = _run(runner, *[a.format(input=values, target="/dev/null") for a in args])
    assert code == 0, output


def test_a_regular_file_is_still_written(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    out = tmp_path / "clusters.csv"
    out.write_text("old\n")
    code, output = _run(runner, "export", "clusters", "--out", str(out), "--agency", "MY-NSRC")
    assert code == 0, output
    assert out.read_text().startswith("agency,")
