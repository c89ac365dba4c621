"""Migration 0018 flags stored bank hotlines as intake now flags them."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from counterscam.db.engine import make_engine
from counterscam.db.migrate import alembic_config, upgrade

STORED = {
    ("phone", "+601300886688"): True,  # Maybank's hotline
    ("phone", "+6628888888"): True,  # KBank's
    ("phone", "+60123456789"): False,
    ("sender_id", "MY:MAYBANK"): False,
}


def test_an_upgrade_flags_hotlines_stored_before_it(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0017")
    with engine.begin() as conn:
        for kind, value in STORED:
            conn.execute(
                text("INSERT INTO identifier (kind, value, shared_platform) VALUES (:k, :v, 0)"),
                {"k": kind, "v": value},
            )
    upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT kind, value, shared_platform FROM identifier")).all()
    engine.dispose()
    assert {(kind, value): bool(flag) for kind, value, flag in rows} == STORED
