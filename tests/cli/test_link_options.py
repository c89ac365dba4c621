"""`counterscam link` options as docs/cli.md shows them."""

from __future__ import annotations

from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.cli.main import app


def test_persons_without_rebuild_is_a_usage_error_saying_what_to_run(
    runner: CliRunner, session: Session
) -> None:
    # It printed the help and exited 0, so a script took the parties as resolved into persons.
    result = runner.invoke(app, ["link", "--persons"])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert said.startswith("error: --persons resolves the parties before a rebuild")
    assert "run 'counterscam link --rebuild --persons'" in said
    assert "Usage:" not in said


def test_link_alone_shows_its_help(runner: CliRunner, session: Session) -> None:
    result = runner.invoke(app, ["link"])
    assert result.exit_code == 0 and "--rebuild" in result.output
