"""`counterscam agency import`: the agencies of a region's agencies.csv, added in one command.

docs/synth.md told newcomers to run `synth` and then `import ... --agency-from-folder`, which
every folder refused ("no agency has this folder's name") until each of the fourteen agencies
was typed into its own `agency add`.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.db.models import Agency, Report
from counterscam.synth import generate


def _said(output: str) -> str:
    return " ".join(output.split())


def _agencies(session: Session) -> dict[str, str]:
    session.expire_all()
    return {a.code: a.kind for a in session.scalars(select(Agency))}


def test_a_synth_region_imports_as_the_docs_say(
    runner: CliRunner, session: Session, tmp_path: Path
) -> None:
    region = tmp_path / "region"
    generate(reports=40, seed=5, out=region)
    added = runner.invoke(app, ["agency", "import", str(region / "agencies.csv")])
    assert added.exit_code == 0, added.output
    assert "14 agencies added: MY-NSRC" in _said(added.output)
    kinds = _agencies(session)
    assert kinds["ASEANAPOL"] == "secretariat" and kinds["AU-AFP"] == "partner"
    folders = sorted(str(p) for p in region.glob("*-*") if p.is_dir())
    imported = runner.invoke(app, ["import", *folders, "--agency-from-folder"])
    assert imported.exit_code == 0, imported.output
    assert session.scalar(select(func.count()).select_from(Report)) == 40
    again = runner.invoke(app, ["agency", "import", str(region)])  # the folder works too
    assert again.exit_code == 0
    assert "0 agencies added; 14 already there, kept as they are." in _said(again.output)


def test_a_bad_row_adds_no_agency_and_names_its_row(
    runner: CliRunner, session: Session, tmp_path: Path
) -> None:
    listed = tmp_path / "agencies.csv"
    listed.write_text("code,name,country,kind\nXX-A,Alpha,MY,member\nXX-B,Beta,ZZ,member\n")
    result = runner.invoke(app, ["agency", "import", str(listed)])
    assert result.exit_code == 1
    said = _said(result.output)
    assert f"error: {listed}, row 3: country 'ZZ' is not an ISO 3166 alpha-2 code" in said
    assert "nothing was added" in said
    assert _agencies(session) == {}


def test_a_file_without_the_columns_is_refused_naming_them(
    runner: CliRunner, session: Session, tmp_path: Path
) -> None:
    listed = tmp_path / "agencies.csv"
    listed.write_text("code,name\nXX-A,Alpha\n")
    result = runner.invoke(app, ["agency", "import", str(listed)])
    assert result.exit_code == 1
    assert "the header row lacks country, kind" in _said(result.output)
    assert _agencies(session) == {}


def test_a_misspelt_column_is_refused_rather_than_dropped(
    runner: CliRunner, session: Session, tmp_path: Path
) -> None:
    # Read and ignored, "contacts" left every agency without the route others ask it by.
    listed = tmp_path / "agencies.csv"
    listed.write_text("code,name,country,kind,contacts\nXX-A,Alpha,MY,member,a@example.my\n")
    result = runner.invoke(app, ["agency", "import", str(listed)])
    assert result.exit_code == 1
    said = _said(result.output)
    assert f"error: {listed}: the header row names 'contacts', which is no column" in said
    assert "rename it to one of code,name,country,kind,contact or delete it" in said
    assert "nothing was added" in said
    assert _agencies(session) == {}
