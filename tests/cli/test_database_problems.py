"""A database the commands cannot use is named with the fix that applies to it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.config import get_settings
from counterscam.db.engine import engine_for, make_engine
from counterscam.db.url_problems import database_problem


def _said(output: str) -> str:
    return " ".join(output.split())


@pytest.fixture
def use_database(monkeypatch: pytest.MonkeyPatch) -> object:
    def use(path: Path) -> None:
        monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", f"sqlite:///{path}")
        monkeypatch.delenv("COUNTERSCAM_TOKEN", raising=False)
        get_settings.cache_clear()
        engine_for.cache_clear()

    yield use
    get_settings.cache_clear()
    engine_for.cache_clear()


def test_a_database_a_newer_version_upgraded_is_not_sent_to_init(
    sqlite_template: Path, tmp_path: Path, use_database: object
) -> None:
    # Every command said "run 'counterscam init' to upgrade it", and init then ended in
    # Alembic's traceback: "Can't locate revision identified by '0099'".
    path = tmp_path / "newer.db"
    shutil.copyfile(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    use_database(path)  # type: ignore[operator]
    for command in (["init"], ["agency", "list"]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 1, result.output
        said = _said(result.output)
        assert "has schema 0099, newer than this version of counterscam knows" in said
        assert "run that newer version" in said
        assert "Traceback" not in said and "run 'counterscam init'" not in said


def test_a_file_that_is_no_database_is_named_without_host_or_password(
    tmp_path: Path, use_database: object
) -> None:
    path = tmp_path / "counterscam.db"
    path.write_text("notes, not a database\n" * 100)
    use_database(path)  # type: ignore[operator]
    result = CliRunner().invoke(app, ["agency", "list"])
    assert result.exit_code == 1
    said = _said(result.output)
    assert f"{path} is not a SQLite database" in said
    assert "move that file away and run 'counterscam init'" in said
    assert "host" not in said and "password" not in said


def test_a_read_only_database_file_names_the_permission_to_give(sqlite_template: Path) -> None:
    # As root the file's mode does not stop a write: SQLite's read-only mode makes the same error.
    reader = sqlite3.connect(f"file:{sqlite_template}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as refused:
            reader.execute("CREATE TABLE t (x)")
    finally:
        reader.close()
    error = OperationalError("PRAGMA journal_mode=WAL", {}, refused.value)
    said = database_problem(f"sqlite:///{sqlite_template}", error)
    assert f"the SQLite database {sqlite_template} cannot be written" in said
    assert f"write permission on the file and on its folder {sqlite_template.parent}" in said
    assert "host" not in said and "password" not in said


@pytest.mark.parametrize(
    "url",
    ["sqlite:///", "sqlite://", "sqlite:///:memory:", "sqlite:///file::memory:?uri=true"],
)
def test_an_in_memory_database_is_refused_for_a_file_not_sent_to_init(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each connection opens a new, empty database: commands said "run 'counterscam init'",
    # and init then said "Database ready" of a database gone when it ended.
    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", url)
    monkeypatch.setenv("COUNTERSCAM_DEMO", "1")  # serve's secret is not what is refused
    monkeypatch.delenv("COUNTERSCAM_TOKEN", raising=False)
    get_settings.cache_clear()
    engine_for.cache_clear()
    reports = tmp_path / "reports.json"
    reports.write_text('{"reports": []}')
    try:
        for command in (
            ["init"],
            ["check", "phone", "+60123456789"],
            ["import", str(reports), "--agency", "MY-NSRC"],
            ["serve", "--port", "8101"],
        ):
            result = CliRunner().invoke(app, command)
            said = _said(result.output)
            assert result.exit_code == 1, (command, said)
            assert f"COUNTERSCAM_DATABASE_URL is {url}, an in-memory SQLite database" in said
            assert "cannot hold counterscam's data" in said
            assert "Give a file path, like sqlite:///path/counterscam.db" in said
            assert "run 'counterscam init'" not in said and "Database ready" not in said
    finally:
        get_settings.cache_clear()
        engine_for.cache_clear()
