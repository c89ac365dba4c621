"""The check command prints values and references as text: Rich markup in them is not run."""

from __future__ import annotations

from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.cli.main import app
from tests.check.conftest import CheckRegion
from tests.check.helpers import add_report


def test_a_checked_link_holding_a_closing_tag_is_answered(
    runner: CliRunner, region: CheckRegion
) -> None:
    # "[/b]" was read as Rich markup: a MarkupError traceback instead of NO HIT.
    result = runner.invoke(app, ["check", "url", "https://evil.example/a[/b]"])
    assert result.exit_code == 0, result.output
    assert "NO HIT" in result.output and "https://evil.example/a[/b]" in result.output


def test_a_reference_in_brackets_is_printed_whole(
    runner: CliRunner, region: CheckRegion, session: Session
) -> None:
    add_report(
        session,
        agency="MY-NSRC",
        ref="[tmp]-1",
        identifiers=[("url", "https://evil.example/[b]x", "website")],
    )
    session.commit()
    result = runner.invoke(
        app, ["check", "url", "https://evil.example/[b]x", "--agency", "MY-NSRC"]
    )
    assert result.exit_code == 0, result.output
    assert "[tmp]-1" in result.output and "https://evil.example/[b]x" in result.output
