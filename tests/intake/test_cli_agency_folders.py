"""`import --agency-from-folder`: a region's folders, each imported as its agency's, in one run."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.cli.main import app
from counterscam.db.models import Agency, Report
from tests.intake.test_files import csv_set, reports_count


def _folder(root: Path, name: str) -> Path:
    folder = root / name
    folder.mkdir()
    for file, content in csv_set().items():
        # Malaysian numbers with their country code: each folder is read in its own
        # agency's country, and 012-345 6789 is no Singapore number.
        (folder / file).write_bytes(content.replace(b",012-", b",+60 12-"))
    return folder


def _owners(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Agency.code, Report.external_ref)
        .join(Agency, Agency.id == Report.agency_id)
        .order_by(Agency.code, Report.external_ref)
    )
    return [(code, ref) for code, ref in rows]


def test_each_folder_is_imported_as_the_agency_it_is_named_after(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    my, sg = _folder(tmp_path, "MY-NSRC"), _folder(tmp_path, "sg-ascom")  # any case
    result = runner.invoke(app, ["import", str(my), str(sg), "--agency-from-folder"])
    assert result.exit_code == 0, result.output
    refs = sorted({ref for _, ref in _owners(session)})
    # The same file set twice, each stored under its own agency: no report moved or merged.
    assert _owners(session) == [(code, ref) for code in ("MY-NSRC", "SG-ASCOM") for ref in refs]
    assert "Total: 4 accepted, 0 rejected, 4 created" in " ".join(result.output.split())
    again = runner.invoke(app, ["import", str(my), str(sg), "--agency-from-folder"])
    assert again.exit_code == 0 and reports_count(session) == 4  # resubmitting updates


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--agency", "MY-NSRC"], "give either --agency CODE or --agency-from-folder"),
        ([], "no agency has this folder's name as its code"),
    ],
)
def test_what_cannot_say_the_agency_is_refused_before_anything_is_stored(
    runner: CliRunner,
    session: Session,
    agencies: dict[str, Caller],
    tmp_path: Path,
    args: list[str],
    said: str,
) -> None:
    my, stray = _folder(tmp_path, "MY-NSRC"), _folder(tmp_path, "ground_truth")
    result = runner.invoke(app, ["import", str(my), str(stray), "--agency-from-folder", *args])
    assert result.exit_code == 2
    assert said in " ".join(result.output.split())
    assert reports_count(session) == 0


def test_a_file_is_no_agency_folder(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    reports = _folder(tmp_path, "MY-NSRC") / "r.csv"
    result = runner.invoke(app, ["import", str(reports), "--agency-from-folder"])
    assert result.exit_code == 2 and "give folders" in " ".join(result.output.split())
    assert reports_count(session) == 0
