"""Tell whether a database holds the current schema, without loading Alembic."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text

VERSIONS = Path(__file__).parent / "migrations" / "versions"


def head_revision() -> str:
    """Return the newest revision id: migration files are named ``NNNN_<what>.py``."""
    return max(p.name.split("_", 1)[0] for p in VERSIONS.glob("[0-9]*_*.py"))


def schema_problem(engine: Engine) -> str | None:
    """Return what is wrong with the database's schema and how to fix it, or None."""
    where = engine.url.render_as_string(hide_password=True)
    if not inspect(engine).has_table("alembic_version"):
        return f"the database {where} has no counterscam schema yet; run 'counterscam init'"
    with engine.connect() as conn:
        current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if current != head_revision():
        return (
            f"the database {where} has schema {current or 'none'}, this version needs "
            f"{head_revision()}; run 'counterscam init' to upgrade it"
        )
    return None
