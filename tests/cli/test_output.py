"""What the commands print: what was typed or read (no emoji codes turned into pictures), and
progress where a person sees it (never in a log)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from counterscam.cli import context
from counterscam.cli.main import app
from tests.intake.conftest import write_csv_set


def test_a_line_quoted_from_a_file_keeps_its_colons(runner: CliRunner, tmp_path: Path) -> None:
    # Rich read ":x:" as an emoji code: the error quoted "root❌0:0".
    listing = tmp_path / "passwd.csv"
    listing.write_text("root:x:0:0:root:/root:/bin/bash\n")
    result = runner.invoke(app, ["check-bulk", str(listing)])
    assert result.exit_code == 1
    assert "root:x:0:0:root" in result.output
    assert "\u274c" not in result.output


def test_a_name_with_an_emoji_code_is_listed_as_written(runner: CliRunner) -> None:
    added = runner.invoke(
        app,
        [
            "agency",
            "add",
            "XX-OK",
            "--name",
            "Unit :ok: :x:",
            *"--country MY --kind member".split(),
        ],
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["agency", "list"])
    assert "Unit :ok: :x:" in listed.output


def test_an_import_into_a_log_still_shows_its_progress_on_a_terminal(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `counterscam import ... > import.log` from a terminal: stdout is the log, stderr the
    # terminal. The bar was drawn only when stdout was a terminal, so such an import showed
    # nothing for minutes.
    terminal = io.StringIO()
    monkeypatch.setattr(
        context, "errors", Console(file=terminal, force_terminal=True, width=120, emoji=False)
    )
    added = runner.invoke(
        app, ["agency", "add", "MY-NSRC", "--name", "N", "--country", "MY", "--kind", "member"]
    )
    assert added.exit_code == 0, added.output
    write_csv_set(tmp_path)
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    assert "2/2" in terminal.getvalue() and "reports" in terminal.getvalue()
    assert "━" not in result.output and "\x1b" not in result.output  # the log: lines only
    assert "Total: 2 accepted" in result.output


def test_an_output_file_that_is_also_stdout_is_refused_before_it_is_mangled(
    sqlite_template: Path, tmp_path: Path
) -> None:
    # `export clusters --out /dev/stdout > clusters.csv` wrote the rows, then the summary line
    # over the file's first rows ("wrote 3 reports to /dev/stdout" in place of the header).
    database = tmp_path / "counterscam.db"
    shutil.copyfile(sqlite_template, database)
    env = {**os.environ, "COUNTERSCAM_DATABASE_URL": f"sqlite:///{database}"}
    env.pop("COUNTERSCAM_TOKEN", None)
    command = [sys.executable, "-m", "counterscam.cli.main"]
    added = subprocess.run(
        [*command, *"agency add SEC --name S --country MY --kind secretariat".split()],
        env=env,
        capture_output=True,
        text=True,
    )
    assert added.returncode == 0, added.stderr
    target = tmp_path / "clusters.csv"
    with target.open("w") as stdout:
        result = subprocess.run(
            [*command, "export", "clusters", "--out", "/dev/stdout"],
            env=env,
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert result.returncode == 2
    assert "--out /dev/stdout is where this command prints its summary" in result.stderr
    assert "give the file itself, like --out out.csv" in result.stderr


def test_an_import_without_its_agency_is_a_usage_error_not_a_rejection(
    runner: CliRunner, tmp_path: Path
) -> None:
    # Exit 1 is "some rows were rejected" to a script; a missing option is exit 2.
    write_csv_set(tmp_path)
    result = runner.invoke(app, ["import", str(tmp_path)])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "give --agency CODE" in said and "see 'counterscam import --help'" in said
