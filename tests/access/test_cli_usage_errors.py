"""The command line as an administrator meets it: one-line errors, prompts, names, widths."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
import typer.testing
from rich.cells import cell_len
from rich.console import Console
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.cli import context
from counterscam.cli.main import app
from tests.factories import PASSWORD, build_policy_region


@pytest.mark.parametrize(
    ("args", "said", "usage"),
    [
        (
            ["agency", "add", "XX-POL", "--country", "MY", "--kind", "member"],
            "Missing option '--name'",
            "counterscam agency add --help",
        ),
        (["agency", "list", "--bogus"], "No such option: --bogus", "counterscam agency list"),
        (["token", "revoke", "abc"], "Invalid value for 'ID'", "counterscam token revoke"),
        (["--bogus"], "No such option: --bogus", "counterscam --help"),
        (["agencies"], "No such command 'agencies'", "counterscam --help"),
        (["serve", "--port", "0"], "Invalid value for '--port'", "counterscam serve --help"),
    ],
)
def test_a_usage_error_is_one_line_saying_what_and_where_to_look(
    runner: CliRunner, session: Session, args: list[str], said: str, usage: str
) -> None:
    # Typer boxed it over five lines, a long reason wrapped inside the box at 80 columns.
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert said in lines[0] and usage in lines[0]
    assert "Traceback" not in result.output


def test_an_error_quoting_brackets_shows_them_as_typed(runner: CliRunner, session: Session) -> None:
    # Read as Rich markup, "--country '[red]'" was said as "--country ''".
    result = runner.invoke(app, ["check", "phone", "1", "--country", "[red]"])
    assert result.exit_code == 2
    assert "--country '[red]' is not a known country" in result.output


def test_a_password_prompt_whose_input_ends_says_how_to_give_it(
    runner: CliRunner, session: Session
) -> None:
    build_policy_region(session)
    # Piped input that ended said only "Aborted.".
    result = runner.invoke(app, ["user", "add", "erin", "--agency", "MY-NSRC"], input="")
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "the input ended before the password was given" in said and "--password" in said
    assert "Aborted" not in said
    listed = runner.invoke(app, ["user", "list", "--json"])
    assert "erin" not in {u["username"] for u in json.loads(listed.output)}


class _CtrlC(io.BytesIO):
    """Input at which the operator presses Ctrl-C."""

    def read1(self, size: int | None = -1, /) -> bytes:
        raise KeyboardInterrupt

    def readline(self, size: int | None = -1, /) -> bytes:
        raise KeyboardInterrupt


def test_ctrl_c_at_the_password_prompt_exits_130_like_anywhere_else(
    runner: CliRunner, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_policy_region(session)
    monkeypatch.setattr(typer.testing, "make_input_stream", lambda *_: _CtrlC())
    # It said "Aborted." and exited 1, where Ctrl-C ends every other moment with 130.
    result = runner.invoke(app, ["user", "add", "erin", "--agency", "MY-NSRC"])
    assert result.exit_code == 130, result.output
    assert "Aborted" not in result.output


def test_json_listings_write_thai_names_as_they_are(runner: CliRunner, session: Session) -> None:
    build_policy_region(session)
    added = runner.invoke(
        app, ["user", "add", "สมชาย", "--agency", "TH-CCIB", "--password", PASSWORD]
    )
    assert added.exit_code == 0, added.output
    issued = runner.invoke(app, ["token", "issue", "สมชาย", "--name", "แล็ปท็อป"])
    assert issued.exit_code == 0, issued.output
    for args in (["user", "list", "--json"], ["token", "list", "--json"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        json.loads(result.output)
        # Not "\u0e2a\u0e21\u0e0a\u0e32\u0e22".
        assert '"สมชาย"' in result.output and "\\u0e" not in result.output


def test_the_token_list_fits_a_60_column_terminal(
    runner: CliRunner, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_policy_region(session)
    for _ in range(2):
        issued = runner.invoke(app, ["token", "issue", "user-my-nsrc", "--name", "laptop"])
        assert issued.exit_code == 0, issued.output
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=60, color_system=None)
    monkeypatch.setattr(context, "console", terminal)
    result = runner.invoke(app, ["token", "list"])
    assert result.exit_code == 0, result.output
    lines = screen.getvalue().splitlines()
    # Its columns' minimum widths made it 76 columns: the terminal wrapped every line.
    assert max(map(cell_len, lines)) <= 60
    assert sum(line.split() == ["user", "user-my-nsrc"] for line in lines) == 2
    assert sum(line.split() == ["last", "used", "never"] for line in lines) == 2


def test_ctrl_c_while_the_commands_load_ends_quietly_with_130() -> None:
    # Loading takes a second or more on a busy machine; Ctrl-C then printed an import traceback.
    code = (
        "import builtins\n"
        "real = builtins.__import__\n"
        "def interrupted(name, *args, **kwargs):\n"
        "    if name == 'counterscam.cli.app':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = interrupted\n"
        "import counterscam.cli.main\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 130
    assert done.stderr == "Interrupted before the command started; nothing was done.\n"


@pytest.mark.parametrize("username", ["[/b]", "[red]ann"])
def test_a_username_in_brackets_is_shown_as_typed(
    runner: CliRunner, session: Session, username: str
) -> None:
    # Read as Rich markup, "[/b]" was stored and then crashed the message with a traceback,
    # and "[red]ann" was listed as "ann".
    build_policy_region(session)
    added = runner.invoke(
        app, ["user", "add", username, "--agency", "MY-NSRC", "--password", PASSWORD]
    )
    assert added.exit_code == 0, added.output
    assert f"User {username} added to MY-NSRC." in added.output
    issued = runner.invoke(app, ["token", "issue", username])
    assert issued.exit_code == 0 and f"for {username} (expires " in issued.output
    for args in (["user", "list"], ["token", "list"]):
        listed = runner.invoke(app, args)
        assert listed.exit_code == 0, listed.output
        assert any(username in line and "MY-NSRC" in line for line in listed.output.splitlines())
    disabled = runner.invoke(app, ["user", "disable", username])
    assert disabled.exit_code == 0 and f"User {username} disabled." in disabled.output
