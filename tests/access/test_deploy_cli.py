"""A production deployment walked through as its operator: what tripped them, now said plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import create_agency, create_user
from counterscam.cli.main import app
from counterscam.config import get_settings
from counterscam.db.engine import engine_for
from counterscam.db.models import Agency, ApiToken, Report
from tests.factories import PASSWORD
from tests.intake.conftest import (
    write_csv_set,
)


def _agencies(session: Session, *rows: tuple[str, str, str]) -> None:
    for code, country, kind in rows:
        create_agency(session, code=code, name=f"{code} police", country=country, kind=kind)
    session.commit()


def test_commands_without_agency_act_as_the_secretariat_whatever_its_code(
    runner: CliRunner, session: Session
) -> None:
    # A deployment whose secretariat is not coded ASEANAPOL (the demo's) was told
    # "no agency with code 'ASEANAPOL'" by every command without --agency.
    _agencies(session, ("MY-NSRC", "MY", "member"), ("RASC", "MY", "secretariat"))
    result = runner.invoke(app, ["check", "phone", "+60123456789"])
    assert result.exit_code == 0, result.output
    assert "NO HIT" in result.output and "ASEANAPOL" not in result.output


def test_commands_without_agency_say_when_no_single_secretariat_exists(
    runner: CliRunner, session: Session
) -> None:
    _agencies(session, ("MY-NSRC", "MY", "member"))
    none = runner.invoke(app, ["check", "phone", "+60123456789"])
    assert none.exit_code == 1
    assert "no secretariat agency" in none.output and "--kind secretariat" in none.output
    _agencies(session, ("RASC", "MY", "secretariat"), ("SEC-2", "SG", "secretariat"))
    two = runner.invoke(app, ["check", "phone", "+60123456789"])
    assert two.exit_code == 1 and "RASC, SEC-2" in two.output and "--agency" in two.output


def test_a_token_is_not_issued_to_a_disabled_user(runner: CliRunner, session: Session) -> None:
    _agencies(session, ("MY-NSRC", "MY", "member"))
    create_user(session, username="leaver", password=PASSWORD, agency_code="MY-NSRC")
    session.commit()
    assert runner.invoke(app, ["user", "disable", "leaver"]).exit_code == 0
    result = runner.invoke(app, ["token", "issue", "leaver"])
    assert result.exit_code == 1
    assert "disabled" in result.output and "counterscam user enable leaver" in result.output
    assert session.scalar(select(func.count()).select_from(ApiToken)) == 0


@pytest.mark.parametrize("code", ["MY NSRC", "MY;SG", "MY/SG"])
def test_an_agency_code_that_cannot_be_named_is_refused(
    runner: CliRunner, session: Session, code: str
) -> None:
    # An agency cannot be renamed, and 'MY NSRC' could not be named in a share_with list.
    args = ["agency", "add", code, "--name", "X Police", "--country", "MY", "--kind", "member"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "letters, digits" in result.output
    assert session.scalar(select(func.count()).select_from(Agency)) == 0


def test_two_folders_import_as_two_csv_sets(
    runner: CliRunner, session: Session, tmp_path: Path
) -> None:
    # `import 2026-01/ 2026-02/` read both folders as one set and refused it whole.
    _agencies(session, ("MY-NSRC", "MY", "member"), ("SG-ASCOM", "SG", "member"))
    months = [tmp_path / "2026-01", tmp_path / "2026-02"]
    for month, suffix in zip(months, ("", "B"), strict=True):
        month.mkdir()
        write_csv_set(month, prefix=f"MY{suffix}-")
    result = runner.invoke(app, ["import", *map(str, months), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    assert "Total: 4 accepted, 0 rejected, 4 created, 0 updated" in result.output
    assert "2026-01/" in result.output and "2026-02/" in result.output
    assert session.scalar(select(func.count()).select_from(Report)) == 4


def _with_url(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", url)
    get_settings.cache_clear()
    engine_for.cache_clear()


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (
            "postgres://postgres@127.0.0.1:5432/counterscam",
            "write postgresql+psycopg://postgres@127.0.0.1:5432/counterscam instead",
        ),
        (
            "postgres://u:secret@127.0.0.1:5432/counterscam",
            "write postgresql+psycopg://u:***@127.0.0.1:5432/counterscam instead",
        ),
        ("postgresql+psycopg2://u@127.0.0.1/db", "whose driver is not installed"),
        ("not a url", "is not a database URL; write it like postgresql+psycopg://"),
        ("postgresql+psycopg://u:p@ss@127.0.0.1:1/db", "percent-encode it"),
        ("postgresql+psycopg://u:secret@127.0.0.1:1/db", "cannot connect to the database"),
    ],
)
def test_a_wrong_database_url_is_explained_without_a_traceback(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, url: str, said: str
) -> None:
    _with_url(monkeypatch, url)
    for command in (["init"], ["agency", "list"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, result.output
        assert said in result.output and "Traceback" not in result.output
        assert "secret" not in result.output  # the password is never echoed
        assert not isinstance(result.exception, Exception) or isinstance(
            result.exception, SystemExit
        )


def test_a_sqlite_path_in_a_missing_folder_is_named_not_created(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "typo" / "counterscam.db"
    _with_url(monkeypatch, f"sqlite:///{path}")
    result = runner.invoke(app, ["agency", "list"])
    assert result.exit_code == 1
    assert f"{path.parent} is missing" in result.output and "counterscam init" in result.output
    assert not path.parent.exists()
    assert runner.invoke(app, ["init"]).exit_code == 0  # init creates it where it is told
    assert path.exists()
    engine_for(f"sqlite:///{path}").dispose()


def test_a_setting_that_cannot_be_read_names_the_variable(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTERSCAM_MAX_UPLOAD_BYTES", "50MB")
    get_settings.cache_clear()
    result = runner.invoke(app, ["agency", "list"])
    assert result.exit_code == 1
    assert "COUNTERSCAM_MAX_UPLOAD_BYTES='50MB'" in result.output
    assert "docs/configuration.md" in result.output
    get_settings.cache_clear()


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("COUNTERSCAM_MAX_UPLOAD_BYTES", "-1", "greater than 0"),
        ("COUNTERSCAM_MAX_BATCH_REPORTS", "0", "greater than 0"),
        ("COUNTERSCAM_MAX_BULK_CHECK", "-5", "greater than 0"),
        ("COUNTERSCAM_SESSION_MAX_AGE_SECONDS", "0", "greater than 0"),
        ("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "-1", "greater than or equal to 0"),
        ("COUNTERSCAM_AUDIT_FLUSH_SECONDS", "nan", "finite number"),
    ],
)
def test_a_limit_that_would_refuse_everything_is_named_at_start(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, said: str
) -> None:
    # Taken as written, a negative upload limit answered every batch "too large" and a zero
    # sign-in lifetime ended each sign-in at once, without naming the setting behind it.
    monkeypatch.setenv(variable, value)
    get_settings.cache_clear()
    result = runner.invoke(app, ["agency", "list"])
    assert result.exit_code == 1
    assert f"{variable}={value!r}" in result.output and said in result.output
    get_settings.cache_clear()
