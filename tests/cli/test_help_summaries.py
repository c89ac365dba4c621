"""A command's line in its group's list is one whole sentence, at any terminal width."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import typer.main
from typer.testing import CliRunner

from counterscam.cli.main import app


def _commands(command: Any, path: list[str]) -> Iterator[tuple[str, Any]]:
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, [*path, name])
    if path:
        yield " ".join(path), command


def test_no_command_summary_breaks_mid_sentence() -> None:
    # Typer lists a command by its docstring's first paragraph, keeping its line breaks: in a
    # wide terminal `counterscam fx --help` read "...whether this month is covered, and" with
    # "how many stored reports..." on a line of its own.
    broken = {
        path: command.help
        for path, command in _commands(typer.main.get_command(app), [])
        if "\n" in (command.help or "").strip().split("\n\n")[0]
    }
    assert broken == {}


def test_fx_lists_status_on_one_line_in_a_wide_terminal() -> None:
    listed = CliRunner().invoke(app, ["fx", "--help"], env={"COLUMNS": "200"}).output
    line = next(s for s in listed.splitlines() if " status " in s)
    assert "stand-in rate." in line
