"""``counterscam import`` given a pipe, socket, device or looping link: refused, never read."""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.cli.main import app
from tests.intake.conftest import REPORTS_CSV
from tests.intake.test_files import reports_count


@contextmanager
def _within(seconds: int) -> Iterator[None]:
    """Fail the test, rather than hang the suite, when the import waits on its file."""

    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError(f"the import still ran after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


SPECIAL: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (_fifo, "not a regular file but a named pipe (FIFO)"),
    "socket": (_socket, "not a regular file but a socket"),
    "link to /dev/zero": (
        _dev_zero,
        "not a regular file but a character device (through the link to /dev/zero)",
    ),
    "symlink loop": (_loop, "not a regular file but a symbolic link that loops"),
}


def _import(runner: CliRunner, *paths: Path | str) -> tuple[int, str]:
    with _within(20):
        result = runner.invoke(app, ["import", *map(str, paths), "--agency", "MY-NSRC"])
    return result.exit_code, " ".join(result.output.split())


@pytest.mark.parametrize("case", sorted(SPECIAL))
def test_a_special_file_in_a_folder_is_refused_by_path_and_nothing_is_imported(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path, case: str
) -> None:
    make, said = SPECIAL[case]
    (tmp_path / "identifiers.csv").write_text("external_ref,kind,value,role,qualifier,country\n")
    (tmp_path / "a.csv").write_text(REPORTS_CSV)
    make(tmp_path / "reports.csv")
    code, output = _import(runner, tmp_path)
    assert code == 1
    assert f"{tmp_path / 'reports.csv'}: {said}" in output, output
    assert "save the data to a .csv, .xlsx or .json file and import that file" in output
    assert reports_count(session) == 0


@pytest.mark.parametrize("case", ["fifo", "link to /dev/zero"])
def test_a_special_file_named_on_the_command_line_is_refused(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path, case: str
) -> None:
    make, said = SPECIAL[case]
    make(tmp_path / "reports.csv")
    code, output = _import(runner, tmp_path / "reports.csv")
    assert code == 1 and f"{tmp_path / 'reports.csv'}: {said}" in output, output


def test_dev_zero_itself_is_refused_as_a_device_not_as_a_file_type(
    runner: CliRunner, agencies: dict[str, Caller]
) -> None:
    code, output = _import(runner, "/dev/zero")
    assert code == 1
    assert "/dev/zero: not a regular file but a character device" in output
    assert "not a .csv" not in output


def test_a_link_to_a_missing_file_names_its_target(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    (tmp_path / "reports.csv").symlink_to(tmp_path / "gone.csv")
    code, output = _import(runner, tmp_path)
    assert code == 1
    assert f"a symbolic link to {tmp_path / 'gone.csv'}, which does not exist" in output


def test_a_link_to_a_regular_file_and_a_subfolder_named_csv_still_import(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "reports.csv").write_text(REPORTS_CSV)
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "reports.csv").symlink_to(kept / "reports.csv")
    (batch / "old.csv").mkdir()  # a subfolder is not read, whatever its name
    code, output = _import(runner, batch)
    assert code == 0, output
    assert "2 accepted, 0 rejected" in output
    assert reports_count(session) == 2
