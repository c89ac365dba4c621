"""The advice ``counterscam import`` prints after an import: to the local operator the region's
figures and the rebuild to run, to a user signed in by ``COUNTERSCAM_TOKEN`` only what they may
see, and that the rebuild is the operator's."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import create_user, issue_token
from counterscam.access.caller import Caller
from counterscam.cli import intake as intake_cli
from counterscam.cli.main import app
from tests.intake.conftest import REPORTS_CSV

# One phone in every report, written with its country code: it links them all into one cluster.
PHONE = "+60 12-345 6789"


def _set(folder: Path, prefix: str, mark: str | None = None) -> Path:
    """Write the two reports of REPORTS_CSV as ``prefix``-1 and -2, both naming PHONE."""
    folder.mkdir()
    reports = REPORTS_CSV.replace("MY-", f"{prefix}-")
    if mark is not None:
        reports = reports.replace(",amber,\n", f",{mark},\n").replace(",green,\n", f",{mark},\n")
    (folder / "reports.csv").write_text(reports)
    (folder / "identifiers.csv").write_text(
        "external_ref,kind,value,role,qualifier,country\n"
        f"{prefix}-1,phone,{PHONE},caller,,\n"
        f"{prefix}-2,phone,{PHONE},caller,,\n"
    )
    return folder


@pytest.fixture
def region(
    runner: CliRunner,
    session: Session,
    agencies: dict[str, Caller],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> str:
    """Two red reports of SG-ASCOM on PHONE, and a token of a MY-NSRC analyst; a giant-cluster
    threshold two reports pass. Returns the token's secret."""
    done = runner.invoke(
        app, ["import", str(_set(tmp_path / "sg", "SG", mark="red")), "--agency", "SG-ASCOM"]
    )
    assert done.exit_code == 0, done.output
    create_user(session, username="aisyah", password="long enough pass 1", agency_code="MY-NSRC")
    secret = issue_token(session, username="aisyah").secret
    session.commit()
    small = replace(intake_cli.DEFAULT_RULES, split_above=1, split_share=0.0)
    monkeypatch.setattr(intake_cli, "DEFAULT_RULES", small)
    return secret


def _said(output: str) -> str:
    return " ".join(output.split())


def test_a_token_users_import_counts_only_what_they_may_see_and_leaves_the_rebuild_to_the_operator(
    runner: CliRunner, region: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The advice counted every agency's reports, SG's red ones too ("holds 4 of 4 reports"),
    # and told the analyst to run `counterscam link --rebuild`, which is refused to a token.
    monkeypatch.setenv("COUNTERSCAM_TOKEN", region)
    result = runner.invoke(app, ["import", str(_set(tmp_path / "my", "MY"))])
    assert result.exit_code == 0, result.output
    said = _said(result.output)
    assert "The largest cluster you may see now holds 2 of the 2 reports you may see." in said
    assert "4 of" not in said and "of 4" not in said
    assert (
        "ask the local operator (who holds the database) to run `counterscam link --rebuild`"
    ) in said
    assert ": run `counterscam link --rebuild`" not in said


def test_a_token_users_bulk_import_leaves_the_rebuild_to_the_operator(
    runner: CliRunner, region: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        intake_cli, "DEFAULT_RULES", replace(intake_cli.DEFAULT_RULES, split_above=9)
    )
    monkeypatch.setattr(intake_cli, "BULK_IMPORT", 2)
    monkeypatch.setenv("COUNTERSCAM_TOKEN", region)
    result = runner.invoke(app, ["import", str(_set(tmp_path / "my", "MY"))])
    assert result.exit_code == 0, result.output
    said = _said(result.output)
    assert "2 reports were linked as they came." in said
    assert "ask the local operator (who holds the database) to run" in said


def test_the_operators_import_still_gives_the_regions_figures_and_the_rebuild(
    runner: CliRunner, region: str, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["import", str(_set(tmp_path / "my", "MY")), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    said = _said(result.output)
    assert (
        "The largest cluster now holds 4 of 4 reports. Intake links but never splits: run "
        "`counterscam link --rebuild` to split giant clusters"
    ) in said
    assert "you may see" not in said and "local operator" not in said
