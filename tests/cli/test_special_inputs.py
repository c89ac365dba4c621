"""A device, a pipe or a folder given as an input file is named for what it is."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from counterscam.cli.main import app


def _said(output: str) -> str:
    return " ".join(output.split())


def test_agency_import_of_a_device_says_what_it_is(runner: CliRunner) -> None:
    # It said "/dev/zero: no such file".
    result = runner.invoke(app, ["agency", "import", "/dev/zero"])
    assert result.exit_code == 1
    said = _said(result.output)
    assert "/dev/zero: not a regular file but a character device" in said
    assert "no such file" not in said


def test_resolve_persons_tells_a_folder_from_a_missing_file(tmp_path: Path) -> None:
    # Both were "does not exist or is not a file".
    out = str(tmp_path / "persons-resolved.csv")
    folder = CliRunner().invoke(app, ["resolve-persons", "--in", str(tmp_path), "--out", out])
    assert folder.exit_code == 1
    assert f"{tmp_path}: not a regular file but a folder" in _said(folder.output)
    missing = tmp_path / "persons.csv"
    typo = CliRunner().invoke(app, ["resolve-persons", "--in", str(missing), "--out", out])
    assert typo.exit_code == 1
    assert f"{missing}: no such file" in _said(typo.output)
