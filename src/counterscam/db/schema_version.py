"""Tell whether a database holds the current schema, without loading Alembic."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text

VERSIONS = Path(__file__).parent / "migrations" / "versions"


def revisions() -> set[str]:
    """Return the revision ids this version knows: migration files are named ``NNNN_<what>.py``."""
    return {p.name.split("_", 1)[0] for p in VERSIONS.glob("[0-9]*_*.py")}


def head_revision() -> str:
    """Return the newest revision id."""
    return max(revisions())


def _current(engine: Engine) -> str | None:
    if not inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() or ""


def newer_schema(engine: Engine) -> str | None:
    """Return why the database cannot be upgraded, when a newer version wrote its schema."""
    current = _current(engine)
    if not current or current in revisions():
        return None
    # Alembic cannot upgrade from a revision it has no file for: `counterscam init`, which the
    # other messages advise, ended in a traceback ("Can't locate revision identified by").
    return (
        f"the database {engine.url.render_as_string(hide_password=True)} has schema {current}, "
        f"newer than this version of counterscam knows (up to {head_revision()}): a newer "
        "version upgraded it, and a schema is never downgraded; run that newer version (upgrade "
        "this installation), or point COUNTERSCAM_DATABASE_URL at another database"
    )


def schema_problem(engine: Engine) -> str | None:
    """Return what is wrong with the database's schema and how to fix it, or None."""
    where = engine.url.render_as_string(hide_password=True)
    current = _current(engine)
    if current is None:
        return f"the database {where} has no counterscam schema yet; run 'counterscam init'"
    if current != head_revision():
        return newer_schema(engine) or (
            f"the database {where} has schema {current or 'none'}, this version needs "
            f"{head_revision()}; run 'counterscam init' to upgrade it"
        )
    return None
