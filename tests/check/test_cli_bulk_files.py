"""`counterscam check-bulk` refuses what is not a file to read, at once and saying so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterscam.cli.main import app
from tests.check.conftest import CheckRegion


def test_a_device_or_a_named_pipe_is_refused_rather_than_read_for_ever(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    # /dev/zero was read into memory until it ran out; a named pipe waited for a writer.
    fifo = tmp_path / "values.csv"
    os.mkfifo(fifo)
    for path, kind in ((Path("/dev/zero"), "a character device"), (fifo, "a named pipe")):
        result = runner.invoke(app, ["check-bulk", str(path)])
        assert result.exit_code == 1, result.output
        said = " ".join(result.output.split())
        assert f"{path}: not a regular file but {kind}" in said
        assert "save the list to a .csv or .xlsx file" in said


@pytest.mark.parametrize("name", ["missing.csv", ""])
def test_a_missing_file_or_a_folder_is_named_plainly(
    runner: CliRunner, region: CheckRegion, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name if name else tmp_path
    result = runner.invoke(app, ["check-bulk", str(path)])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "Errno" not in said  # "cannot read it ([Errno 2] No such file or directory: ...)"
    assert ("no such file" if name else "not a regular file but a folder") in said
