"""Paths the CLI reads or writes: only regular files, never a pipe, device or socket."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from counterscam.intake.other_documents import refuse_other_documents
from counterscam.intake.records import FileProblem
from counterscam.intake.tables import ZIP_START, Source

# A named pipe waits for a writer, /dev/zero never ends, and a socket cannot be opened: reading
# any of them as an intake file hung the import or crashed it.
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)
_INSTEAD = "save the data to a .csv, .xlsx or .json file and import that file"


def not_a_file(path: Path, *, instead: str = _INSTEAD) -> str | None:
    """Return why ``path`` is not a regular file to import that can be read, or None.

    A symbolic link to a regular file is one; a path that does not exist at all is left to
    the caller (None).
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return (
                f"{path}: not a regular file but a symbolic link that loops (it leads back to "
                f"itself); give the file it should point to, or {instead}"
            )
        if path.is_symlink():
            return (
                f"{path}: a symbolic link to {os.readlink(path)}, which does not exist; give "
                "the file itself"
            )
        if exc.errno == errno.ENOENT:
            return None
        return f"{path}: cannot be read ({exc.strerror})"
    kind = _special(path, mode)
    if kind is not None:
        return f"{path}: not a regular file but {kind}; {instead}"
    if not os.access(path, os.R_OK):
        # A file in a folder given to import was opened only once the work began: a traceback
        # of PermissionError, after earlier batches were stored.
        return (
            f"{path}: no permission to read it; ask its owner for read access (or copy it "
            "somewhere the user running counterscam can read) and run the command again"
        )
    return None


def unreadable_folder(path: Path) -> str | None:
    """Return why the folder ``path`` cannot be listed and read, or None (also for no folder)."""
    if not path.is_dir() or os.access(path, os.R_OK | os.X_OK):
        return None
    return (
        f"{path}: no permission to list or read this folder; ask its owner for access (or copy "
        "its files somewhere the user running counterscam can read) and run the command again"
    )


def unwritable_kind(path: Path) -> str | None:
    """Return what an existing ``path`` is when a command must not write its output there.

    A named pipe waits for a reader, perhaps for ever once the work is done, and a socket
    cannot be opened; a character device takes the output at once (``/dev/null`` to keep only
    the summary, a terminal), so it is allowed. None too for a path that cannot be looked at.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    return None if stat.S_ISCHR(mode) else _special(path, mode)


def _special(path: Path, mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    via = f" (through the link to {os.readlink(path)})" if path.is_symlink() else ""
    return kind + via


def unread_name(path: Path) -> str:
    """Say why a file whose name is none of .csv, .xlsx and .json is not imported.

    Its bytes tell an archive or a document ("save it in one of those formats" said of
    reports.csv.gz or reports.zip, which hold the files already saved); other files get
    the name's reason. Read once, at its head: the file was refused by its name alone.
    """
    source = Source(name=path.name, path=path)
    try:
        refuse_other_documents(source)
        zipped = source.head(len(ZIP_START)).startswith(ZIP_START)
    except FileProblem as problem:
        return f"{path}: {problem.errors[0].reason}"
    except OSError:
        zipped = False
    if zipped:
        return (
            f"{path}: this is a zip archive, not a data file; unzip it and import the .csv, "
            ".xlsx or .json files inside it"
        )
    return (
        f"{path}: not a .csv, .xlsx or .json file; save it in one of those formats "
        "(templates in docs/formats.md)"
    )
