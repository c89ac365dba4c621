"""What the operator probe of the command line (Task H) left: names, a folder, a region, counts.

`token revoke abc` said "Invalid value for 'token_id'" and its help showed `{token_id}` where
docs/cli.md says `ID`; a folder given as the SQLite database was said to need write
permission; a whole synth region given to `import` was read as one agency's files, its
agencies.csv rejected row by row; `synth` printed "19 identifier sightings of 23 identifiers".
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from itertools import takewhile
from pathlib import Path
from typing import Any

import pytest
import typer.main
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.core import TyperArgument
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.config import get_settings
from counterscam.db.engine import engine_for
from counterscam.db.models import Report
from counterscam.synth import generate

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def _said(output: str) -> str:
    return " ".join(output.split())


def _commands(command: Any, path: list[str]) -> Iterator[tuple[str, Any]]:
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, [*path, name])
    if path and not getattr(command, "commands", None):
        yield " ".join(path), command


def _documented_usage(path: str) -> str:
    """Return the usage docs/cli.md gives ``counterscam PATH`` in its tables."""
    rows = re.findall(
        rf"^\| `counterscam {re.escape(path)}(?: ([^`]*))?` \|", DOCS.read_text(), re.M
    )
    assert rows, f"counterscam {path} has no row in docs/cli.md"
    return str(rows[0])


def test_token_revoke_names_its_argument_id_as_the_docs_do(
    runner: CliRunner, session: Session
) -> None:
    result = runner.invoke(app, ["token", "revoke", "abc"])
    assert result.exit_code == 2
    assert "Invalid value for 'ID'" in result.output and "token_id" not in result.output
    shown = runner.invoke(app, ["token", "revoke", "--help"], env={"COLUMNS": "120"}).output
    assert "counterscam token revoke [OPTIONS] {ID}" in shown and "token_id" not in shown


def test_every_argument_is_named_in_help_and_errors_as_docs_cli_names_it() -> None:
    # Typer names an argument by its Python parameter ({token_id}, {paths}...) unless given a
    # metavar; docs/cli.md writes ID, PATH..., USERNAME.
    unlike: dict[str, tuple[list[str], list[str]]] = {}
    for path, command in _commands(typer.main.get_command(app), []):
        arguments = [p for p in command.params if isinstance(p, TyperArgument)]
        shown = [f"{p.metavar}{'...' if p.nargs != 1 else ''}" for p in arguments]
        words = _documented_usage(path).split()
        documented = list(takewhile(lambda w: not w.startswith(("-", "[")), words))
        if shown != documented:
            unlike[path] = (shown, documented)
    assert unlike == {}


def test_a_folder_given_as_the_database_asks_for_a_file_inside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", f"sqlite:///{folder}")
    monkeypatch.delenv("COUNTERSCAM_TOKEN", raising=False)
    get_settings.cache_clear()
    engine_for.cache_clear()
    try:
        for command in (["init"], ["agency", "list"]):
            result = CliRunner().invoke(app, command)
            said = _said(result.output)
            assert result.exit_code == 1, (command, said)
            assert said == (
                f"error: the SQLite database {folder} is a folder, not a database file: set "
                "COUNTERSCAM_DATABASE_URL to a file inside it, like "
                f"sqlite:///{folder}/counterscam.db, and run 'counterscam init' to create it there"
            )
            assert "write permission" not in said
    finally:
        get_settings.cache_clear()
        engine_for.cache_clear()
    assert list(folder.iterdir()) == []  # nothing was created in it


@pytest.mark.parametrize("option", [["--agency", "TH-AOC"], ["--agency-from-folder"]])
def test_a_whole_region_given_to_import_says_the_two_commands_that_import_it(
    runner: CliRunner, session: Session, tmp_path: Path, option: list[str]
) -> None:
    region = tmp_path / "region"
    generate(reports=10, seed=1, out=region)
    assert runner.invoke(app, ["agency", "import", str(region)]).exit_code == 0
    refused = runner.invoke(app, ["import", str(region), *option])
    assert refused.exit_code == 2, refused.output
    said = _said(refused.output)
    assert said == (
        f"error: {region}: a whole region (its agencies.csv and a folder per agency, as synth "
        "writes one), not one agency's report files: add its agencies with 'counterscam agency "
        f"import {region}', then import every agency's folder with 'counterscam import "
        f"{region}/*-* --agency-from-folder' (or one of them with --agency CODE)"
    )
    assert "not one of the intake files" not in said
    assert session.scalar(select(func.count()).select_from(Report)) == 0
    # The advice, followed as a shell expands it, imports the region.
    followed = runner.invoke(
        app, ["import", *(str(p) for p in sorted(region.glob("*-*"))), "--agency-from-folder"]
    )
    assert followed.exit_code == 0, followed.output
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Report)) == 10


def test_synth_counts_the_identifiers_its_reports_name_apart_from_the_ground_truth(
    tmp_path: Path,
) -> None:
    out = tmp_path / "region"
    result = CliRunner().invoke(app, ["synth", "--reports", "10", "--seed", "1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    with (out / "ground_truth" / "sightings.csv").open(encoding="utf-8") as h:
        sightings = [row["identifier_id"] for row in csv.DictReader(h)]
    with (out / "ground_truth" / "identifiers.csv").open(encoding="utf-8") as h:
        listed = sum(1 for _ in csv.DictReader(h))
    named = len(set(sightings))
    # Before: "19 identifier sightings of 23 identifiers", the 23 being the ground truth's.
    assert listed > named  # this seed lists identifiers no report names
    said = _said(result.output)
    assert f"{len(sightings)} identifier sightings naming {named} distinct identifiers" in said, (
        said
    )
    assert f"(it lists {listed - named} more identifiers, named in no report)." in said
