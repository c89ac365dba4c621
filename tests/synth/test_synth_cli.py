"""`counterscam synth`: wrong output folders and seeds are named, never a traceback."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from counterscam.cli.main import app

runner = CliRunner()


def test_synth_refuses_a_file_as_its_folder_and_a_negative_seed(tmp_path: Path) -> None:
    taken = tmp_path / "region.txt"
    taken.write_text("")
    result = runner.invoke(app, ["synth", "--reports", "5", "--out", str(taken)])
    assert result.exit_code == 2 and "is a file; give a folder" in " ".join(result.output.split())
    result = runner.invoke(app, ["synth", "--reports", "5", "--seed", "-1", "--out", "r"])
    assert result.exit_code == 2 and "--seed" in result.output  # numpy's traceback before


def test_synth_with_no_reports_is_a_usage_error(tmp_path: Path) -> None:
    # docs/cli.md: a value out of range is a usage error (exit 2), as `demo --reports 0` is.
    result = runner.invoke(app, ["synth", "--reports", "0", "--out", str(tmp_path / "r")])
    assert result.exit_code == 2 and "--reports must be at least 1" in result.output
    assert not (tmp_path / "r").exists()
