"""The store: migrations, UTC times, settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, extract, literal, select, text
from sqlalchemy.orm import Session

from counterscam.config import DEFAULT_SECRET, InsecureSettings, Settings
from counterscam.db.base import UTCDateTime
from counterscam.db.engine import make_engine
from counterscam.db.migrate import current_tables, upgrade
from counterscam.db.models import Agency


def test_upgrade_twice_is_harmless(engine: Engine) -> None:
    upgrade(engine)
    upgrade(engine)
    assert {"report", "identifier", "sighting", "audit_event", "alert"} <= current_tables(engine)


def test_times_are_stored_in_utc(session: Session) -> None:
    bangkok = timezone(timedelta(hours=7))
    agency = Agency(
        code="TH",
        name="TH",
        country="TH",
        kind="member",
        created_at=datetime(2026, 1, 1, 7, 0, tzinfo=bangkok),
    )
    session.add(agency)
    session.commit()
    session.expire_all()
    loaded = session.get_one(Agency, agency.id)
    assert loaded.created_at == datetime(2026, 1, 1, 0, 0, tzinfo=UTC)
    assert loaded.created_at.utcoffset() == timedelta(0)


def test_naive_times_are_refused(session: Session) -> None:
    session.add(
        Agency(code="X", name="X", country="MY", kind="member", created_at=datetime(2026, 1, 1))
    )
    with pytest.raises(Exception, match="naive datetime"):
        session.commit()


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'x.db'}")
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_default_secret_refused_outside_demo() -> None:
    with pytest.raises(InsecureSettings, match="COUNTERSCAM_SECRET_KEY"):
        Settings(secret_key=DEFAULT_SECRET, demo=False).require_safe_secrets()
    with pytest.raises(InsecureSettings, match="at least 32"):
        Settings(secret_key="short", demo=False).require_safe_secrets()
    Settings(secret_key=DEFAULT_SECRET, demo=True).require_safe_secrets()
    Settings(secret_key="x" * 40, demo=False).require_safe_secrets()


def test_database_url_defaults_to_sqlite_in_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert settings.resolved_database_url == f"sqlite:///{tmp_path.as_posix()}/counterscam.db"


def test_head_revision_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    from counterscam.db.migrate import alembic_config
    from counterscam.db.schema_version import head_revision

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert head_revision() == script.get_current_head()


def test_commands_refuse_a_database_without_schema_and_say_how_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from counterscam.cli.main import app
    from counterscam.config import get_settings
    from counterscam.db.engine import engine_for

    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    get_settings.cache_clear()
    engine_for.cache_clear()
    try:
        runner = CliRunner()
        refused = runner.invoke(app, ["check", "phone", "+60123456789"])
        assert refused.exit_code == 1
        assert "run 'counterscam init'" in refused.output
        assert runner.invoke(app, ["init"]).exit_code == 0
        listed = runner.invoke(app, ["agency", "list"])
        assert listed.exit_code == 0, listed.output
    finally:
        get_settings.cache_clear()
        engine_for.cache_clear()


def test_month_of_a_late_evening_report_is_its_utc_month_whatever_the_server_zone(
    engine: Engine,
) -> None:
    """A report at 20:00 UTC on 31 March is a March report, even on a server set to UTC+7."""
    late = datetime(2026, 3, 31, 20, 0, tzinfo=UTC)
    url = engine.url.render_as_string(hide_password=False)
    month_of = select(extract("month", literal(late, UTCDateTime())))
    postgres = engine.dialect.name == "postgresql"
    if postgres:  # the server's default zone, as a local installation may set it
        with engine.connect() as conn:
            name = conn.scalar(text("SELECT current_database()"))
            conn.execute(text(f"ALTER DATABASE \"{name}\" SET timezone = 'Asia/Bangkok'"))
            conn.commit()
    probe = make_engine(url)
    try:
        with probe.connect() as conn:
            assert int(conn.scalar(month_of)) == 3
        if postgres:
            bare = create_engine(url)
            with bare.connect() as conn:
                assert int(conn.scalar(month_of)) == 4  # the trap the engine setting avoids
            bare.dispose()
    finally:
        probe.dispose()
        if postgres:
            with engine.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{name}" RESET timezone'))
                conn.commit()


def test_migrations_build_the_schema_the_models_describe(engine: Engine) -> None:
    # A model changed without its migration (an index, a column) would pass every test run on
    # a fresh database built by the migrations, and differ on every upgraded one.
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import counterscam.db.link_models  # noqa: F401 (registers the linking tables)
    from counterscam.db.base import Base

    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []
