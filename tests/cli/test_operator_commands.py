"""Commands that act on the whole region are the local operator's, refused under a token.

``COUNTERSCAM_TOKEN`` signs the CLI in as one user; a command that acts as no user of the
policy (schema, demo region, rebuild) ran anyway, whatever the token: a partner's, a revoked
one or a made-up one. They are refused as the account commands are.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.config import get_settings
from counterscam.db.engine import engine_for
from counterscam.db.models import Agency

MADE_UP = "cs_not_a_token_anyone_issued"


def test_init_is_refused_under_a_token_and_creates_no_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.db"
    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("COUNTERSCAM_TOKEN", MADE_UP)
    get_settings.cache_clear()
    engine_for.cache_clear()
    try:
        result = CliRunner().invoke(app, ["init"])
    finally:
        get_settings.cache_clear()
        engine_for.cache_clear()
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "'counterscam init' creates or upgrades the database" in said
    assert "unset COUNTERSCAM_TOKEN to run it" in said
    assert "Database ready" not in said
    assert not path.exists()


def test_demo_is_refused_under_a_token_and_builds_nothing(
    runner: CliRunner, session: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("COUNTERSCAM_TOKEN", MADE_UP)
    folder = tmp_path / "demo-data"
    result = runner.invoke(app, ["demo", "--reports", "5", "--dir", str(folder)])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "'counterscam demo' builds a region of agencies, users and reports" in said
    assert "unset COUNTERSCAM_TOKEN to run it" in said
    assert "password" not in said  # no demo sign-ins printed
    assert session.scalar(select(func.count()).select_from(Agency)) == 0
    assert not folder.exists()
