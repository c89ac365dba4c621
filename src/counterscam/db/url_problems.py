"""Say, in an operator's words, why the configured database cannot be opened.

A mistyped COUNTERSCAM_DATABASE_URL (a ``postgres://`` scheme copied from a hosting panel, a
password holding ``@``, a host that does not resolve) ended every command in a traceback
of SQLAlchemy's internals; these messages say what was wrong and what to write instead.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

EXAMPLE = "postgresql+psycopg://user:password@host:5432/counterscam"
VARIABLE = "COUNTERSCAM_DATABASE_URL"


def shown(url: str) -> str:
    """Return ``url`` with its password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable)"


def in_memory(url: str) -> str | None:
    """Return why an in-memory SQLite database cannot hold counterscam's data, or None.

    ``sqlite://``, ``sqlite:///`` and ``sqlite:///:memory:`` open a new, empty database on each
    connection, gone when it closes: they were told to run 'counterscam init', which then said
    "Database ready" of a database no later command (nor the server's next connection) sees.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None  # not a URL at all: database_problem says so when it is opened
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    # As a URI (uri=true) SQLite reads "file::memory:" and mode=memory; else they name files.
    uri = parsed.query.get("uri") == "true"
    memory = database in ("", ":memory:") or (
        uri and (database.startswith("file::memory:") or parsed.query.get("mode") == "memory")
    )
    if not memory:
        return None
    # As written: shown() percent-encodes ":memory:", which then reads as another name.
    written = url if parsed.password is None else shown(url)
    return (
        f"{VARIABLE} is {written}, an in-memory SQLite database: each connection opens a new, "
        "empty one and it is gone when the command ends, so it cannot hold counterscam's data "
        "(running 'counterscam init' would not help). Give a file path, like "
        "sqlite:///path/counterscam.db, or leave it unset for the data folder's file "
        "(COUNTERSCAM_DATA_DIR)"
    )


def missing_sqlite_file(url: str) -> str | None:
    """Return why a SQLite database that should already exist is not there, or None.

    Opening a SQLite path creates the file (and this project creates its folder): a typo in
    the path gave an empty database in a new folder, then "run counterscam init" there.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(parsed.database or "")
    if path.exists():
        return None
    missing = f"its folder {path.parent} is missing" if not path.parent.is_dir() else "no file"
    return (
        f"the SQLite database {path} does not exist ({missing}): check the path in "
        f"{VARIABLE} (or COUNTERSCAM_DATA_DIR), or run 'counterscam init' to create it there"
    )


def database_problem(url: str, exc: BaseException) -> str:
    """Return what is wrong with ``url``, given the error opening it raised, and the fix."""
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if isinstance(exc, NoSuchModuleError | ModuleNotFoundError):
        if scheme == "postgres":
            # The URL as it should be, with its password hidden: messages end up in logs.
            fixed = make_url(url).set(drivername="postgresql+psycopg")
            return (
                f"{VARIABLE} starts with postgres://, which SQLAlchemy does not read; write "
                f"{fixed.render_as_string(hide_password=True)} instead (postgresql+psycopg://)"
            )
        return (
            f"{VARIABLE} names the database kind {scheme!r}, whose driver is not installed; "
            f"counterscam runs on PostgreSQL ({EXAMPLE}) or SQLite (sqlite:///path/counterscam.db)"
        )
    if isinstance(exc, ArgumentError):
        return f"{VARIABLE} is not a database URL; write it like {EXAMPLE}"
    reason = str(exc.orig if isinstance(exc, DBAPIError) else exc).strip().splitlines()
    said = " ".join(line.strip() for line in reason[:2]) or type(exc).__name__
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_problem(parsed.database or "", said)
    host = parsed.host or ""
    if "@" in host:
        return (
            f"cannot connect to the database {shown(url)}: the host reads as {host!r} because "
            "the password holds '@'; percent-encode it in the URL (@ as %40, : as %3A, / as %2F)"
        )
    return (
        f"cannot connect to the database {shown(url)} ({said}). Check the host, port, user, "
        f"password and database name in {VARIABLE} (like {EXAMPLE}); a database that does not "
        "exist yet is created with 'createdb NAME' before 'counterscam init'"
    )


def _sqlite_problem(database: str, said: str) -> str:
    """Say why a SQLite file cannot be used; the server's host, port and password do not apply.

    A read-only file and a file of another kind were told to check the "host, port, user,
    password" of a database that has none.
    """
    path = Path(database)
    if path.is_dir():
        # SQLite says only "unable to open database file", which read as a missing write
        # permission: the operator gave the data folder, not a file in it.
        return (
            f"the SQLite database {path} is a folder, not a database file: set {VARIABLE} to a "
            f"file inside it, like sqlite:///{path / 'counterscam.db'}, and run 'counterscam "
            "init' to create it there"
        )
    if "not a database" in said:
        return (
            f"{path} is not a SQLite database ({said}): check the path in {VARIABLE}, or move "
            "that file away and run 'counterscam init' to create the database there"
        )
    if "readonly" in said or "unable to open" in said:
        return (
            f"the SQLite database {path} cannot be written ({said}): every command writes to "
            f"it, so the user running counterscam needs write permission on the file and on its "
            f"folder {path.parent} (SQLite writes its -wal and -shm files beside it)"
        )
    return f"cannot open the SQLite database {path} ({said}): check the path in {VARIABLE}"
