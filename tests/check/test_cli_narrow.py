"""`counterscam check` on a 60-column terminal: every value read whole, no line wider."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.cli import check as check_cli
from counterscam.cli import context
from counterscam.cli.main import app
from tests.check.conftest import PHONE, CheckRegion
from tests.check.helpers import add_report


def _terminal(monkeypatch: pytest.MonkeyPatch, width: int) -> io.StringIO:
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=width, color_system=None)
    monkeypatch.setattr(context, "console", terminal)
    monkeypatch.setattr(check_cli, "console", terminal)
    return screen


def test_at_60_columns_each_match_keeps_its_date_country_and_reference_whole(
    runner: CliRunner, region: CheckRegion, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The seven-column table split "country" into "count/ry", each date into "2025-1/1-02"
    # and each reference over three lines.
    screen = _terminal(monkeypatch, 60)
    result = runner.invoke(app, ["check", "phone", PHONE, "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    lines = screen.getvalue().splitlines()
    assert max(map(cell_len, lines)) <= 60
    fields = [line.split(maxsplit=1) for line in lines if line.strip()]
    assert ["report", "SG-green"] in [[f[0], f[1].strip()] for f in fields if len(f) == 2]
    assert any(line.split() == ["reported", "2025-11-02"] for line in lines)
    assert any(line.split() == ["country", "SG"] for line in lines)
    # The holders' table too: the agency that holds the red report, and how to ask it.
    assert any(line.split() == ["agency", "TH-CCIB"] for line in lines)


def test_a_wide_terminal_still_shows_the_matches_as_a_table(
    runner: CliRunner, region: CheckRegion, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _terminal(monkeypatch, 160)
    result = runner.invoke(app, ["check", "phone", PHONE, "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    row = next(line for line in screen.getvalue().splitlines() if "SG-green" in line)
    assert all(v in row for v in ("SG-ASCOM", "SG", "2025-11-02", "romance", "green"))


def test_a_related_domain_named_in_one_report_says_one_report(
    runner: CliRunner, region: CheckRegion, session: Session
) -> None:
    add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-site",
        identifiers=[
            ("url", "https://evil-one.example/login", "website"),
            ("domain", "evil-one.example", "website"),
        ],
    )
    session.commit()
    result = runner.invoke(app, ["check", "url", "https://evil-one.example/login"])
    assert result.exit_code == 0, result.output
    assert "Context: domain evil-one.example: hit, 1 report\n" in result.output  # not "1 reports"
