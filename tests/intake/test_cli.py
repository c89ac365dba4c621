"""``counterscam import``: files or folders, counts, exit codes, rejection file."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.cli import intake as intake_cli
from counterscam.cli.main import app
from counterscam.db.models import Report
from tests.intake.conftest import (
    REPORTS_CSV,
    write_csv_set,
)


def test_import_folder(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    write_csv_set(tmp_path)
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    assert "2 accepted, 0 rejected, 2 created, 0 updated" in result.output
    again = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert "0 created, 2 updated" in again.output
    assert session.scalar(select(func.count()).select_from(Report)) == 2


def test_an_empty_json_file_is_called_empty(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    # It was "not valid JSON at line 1 column 1 ... it looks cut short (an interrupted download".
    empty = tmp_path / "reports.json"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["import", str(empty), "--agency", "MY-NSRC"])
    assert result.exit_code == 1
    assert "the file is empty (or holds only spaces)" in result.output
    assert "cut short" not in result.output


def test_import_with_rejections(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    bad = tmp_path / "reports.csv"
    bad.write_text(REPORTS_CSV + "MY-3,2026-03-01,,bogus,sms,,,,,,,amber,\n")
    out = tmp_path / "rejected.csv"
    result = runner.invoke(
        app, ["import", str(bad), "--agency", "MY-NSRC", "--keep-valid", "--rejections", str(out)]
    )
    assert result.exit_code == 1
    assert "2 accepted, 1 rejected" in result.output
    written = out.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")  # a BOM: Excel then reads it as UTF-8
    assert written.decode("utf-8-sig").splitlines()[1].startswith("reports.csv,4,scam_type,bogus,")
    assert session.scalar(select(func.count()).select_from(Report)) == 2


def test_a_clean_import_says_its_rejections_file_holds_only_the_header(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    # "Rejected rows written to ..." was printed when nothing was rejected.
    reports = tmp_path / "reports.csv"
    reports.write_text(REPORTS_CSV)
    out = tmp_path / "rejected.csv"
    out.write_text("stale rows of an earlier run\n")
    result = runner.invoke(
        app, ["import", str(reports), "--agency", "MY-NSRC", "--rejections", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Rejected rows written" not in result.output
    assert "No row was rejected" in " ".join(result.output.split())
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 1  # the header alone


def test_partner_cannot_import(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    (tmp_path / "reports.csv").write_text(REPORTS_CSV)
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "AU-AFP"])
    assert result.exit_code == 1
    assert "only member agencies" in result.output


def test_the_cli_starts_without_loading_what_import_does_not_need() -> None:
    # Each `counterscam import` is its own process: numpy, alembic and the web stack would
    # add ~0.4 s to every one.
    heavy = ("numpy", "alembic", "uvicorn", "fastapi", "counterscam.synth", "counterscam.web")
    code = (
        "import sys, counterscam.cli.main; "
        f"print(','.join(m for m in {heavy!r} if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""


def test_a_reports_file_with_only_its_header_says_nothing_was_stored(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    (tmp_path / "reports.csv").write_text(REPORTS_CSV.splitlines()[0] + "\n")
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 0  # nothing rejected: an agency may have nothing to send
    assert "no reports under the header row; nothing was stored" in result.output
    assert session.scalar(select(func.count()).select_from(Report)) == 0


def test_an_import_that_makes_a_giant_cluster_says_to_rebuild(
    runner: CliRunner,
    session: Session,
    agencies: dict[str, Caller],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "reports.csv").write_text(REPORTS_CSV)
    (tmp_path / "identifiers.csv").write_text(
        "external_ref,kind,value,role,qualifier,country\n"
        "MY-1,phone,012-345 6789,caller,,\n"
        "MY-2,phone,+60 12-345 6789,caller,,\n"
    )
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    assert "counterscam link --rebuild" not in result.output  # 2 of 2 reports: not giant
    # The same two reports, with a giant-cluster threshold a region of two reports reaches.
    small = replace(intake_cli.DEFAULT_RULES, split_above=1, split_share=0.0)
    monkeypatch.setattr(intake_cli, "DEFAULT_RULES", small)
    again = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert "largest cluster now holds 2 of 2 reports" in " ".join(again.output.split())
    assert "counterscam link --rebuild" in again.output


def test_a_bulk_import_says_to_rebuild(
    runner: CliRunner,
    session: Session,
    agencies: dict[str, Caller],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "reports.csv").write_text(REPORTS_CSV)
    monkeypatch.setattr(intake_cli, "BULK_IMPORT", 3)
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert "counterscam link --rebuild" not in result.output  # 2 reports: not a bulk import
    monkeypatch.setattr(intake_cli, "BULK_IMPORT", 2)
    again = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert "2 reports were linked as they came" in " ".join(again.output.split())
    assert "counterscam link --rebuild" in again.output


def test_a_file_whose_name_is_not_utf8_on_disk_imports(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    # Saved by a Windows-1258 system: on Linux the name decodes with lone surrogates.
    path = tmp_path / os.fsdecode(b"b\xe1o_c\xe1o.csv")
    path.write_text(REPORTS_CSV)
    result = runner.invoke(app, ["import", str(path), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    assert "2 accepted, 0 rejected" in result.output
    assert session.scalar(select(func.count()).select_from(Report)) == 2


def test_a_file_name_is_shown_as_written_not_as_markup(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    named = tmp_path / "[bold]reports.csv"
    named.write_text(REPORTS_CSV)
    result = runner.invoke(app, ["import", str(named), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    assert "[bold]reports.csv: batch" in result.output


def test_control_characters_in_a_name_or_heading_are_printed_escaped(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    # A file in a folder named "a<LF>Total: 999 accepted" printed a forged summary line, and
    # an escape sequence in a heading went to the terminal as it was (ESC [2J clears it).
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\nTotal: 999 accepted.csv").write_text(REPORTS_CSV)
    (folder / "parties.csv").write_text("external_ref,role,full_name,\x1b[2Jx\n")
    result = runner.invoke(app, ["import", str(folder), "--agency", "MY-NSRC"])
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.output and "\\x1b[2jx" in result.output
    assert not any(line.startswith("Total: 999") for line in result.output.splitlines())
    assert "a\\nTotal: 999 accepted.csv" in result.output


def test_an_interrupted_import_stores_nothing_of_its_batch_and_says_so(
    runner: CliRunner,
    session: Session,
    agencies: dict[str, Caller],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "reports.csv").write_text(REPORTS_CSV)
    real_submit = intake_cli.submit

    def interrupted(*args: object, **kwargs: Any) -> object:
        def ctrl_c(n: int) -> None:
            raise KeyboardInterrupt  # Ctrl-C while the batch's reports are being written

        return real_submit(*args, **{**kwargs, "on_progress": ctrl_c})

    monkeypatch.setattr(intake_cli, "submit", interrupted)
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 130
    assert "Interrupted. Nothing of the batch being written was stored" in result.output
    assert "Run the same command again" in result.output
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Report)) == 0


def test_a_file_of_another_type_is_refused_by_name(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    # Read as CSV, a .txt file failed with "the header row is not one of the intake files".
    notes = tmp_path / "reports.txt"
    notes.write_text(REPORTS_CSV)
    result = runner.invoke(app, ["import", str(notes), "--agency", "MY-NSRC"])
    assert result.exit_code == 1
    assert "not a .csv, .xlsx or .json file" in result.output


@pytest.mark.parametrize("where", ["folder", "missing/rejected.csv"])
def test_a_rejections_file_that_cannot_be_written_is_refused_before_importing(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path, where: str
) -> None:
    # Both were a traceback after the import had committed.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "reports.csv").write_text(REPORTS_CSV)
    (tmp_path / "folder").mkdir()
    result = runner.invoke(
        app,
        [
            "import",
            str(tmp_path / "in"),
            "--agency",
            "MY-NSRC",
            "--rejections",
            str(tmp_path / where),
        ],
    )
    assert result.exit_code == 2 and "--rejections" in result.output
    assert session.scalar(select(func.count()).select_from(Report)) == 0


def test_an_import_piped_into_a_log_shows_no_progress_bar(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    (tmp_path / "reports.csv").write_text(REPORTS_CSV)
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    assert "━" not in result.output and "…" not in result.output


def test_an_empty_json_batch_says_nothing_was_stored_without_a_header_row(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    (tmp_path / "batch.json").write_text('{"reports": []}')
    result = runner.invoke(app, ["import", str(tmp_path / "batch.json"), "--agency", "MY-NSRC"])
    assert result.exit_code == 0
    assert "batch.json: no reports in it; nothing was stored" in result.output
    assert "header row" not in result.output


def test_a_folder_of_agency_folders_says_subfolders_are_not_read(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    for code in ("MY-NSRC", "SG-ASCOM"):
        (tmp_path / code).mkdir()
        (tmp_path / code / "reports.csv").write_text(REPORTS_CSV)
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "subfolders are not read (MY-NSRC, SG-ASCOM)" in said
