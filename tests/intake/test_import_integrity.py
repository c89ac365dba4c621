"""What `counterscam import` and a resubmission leave holds together: no row refers to a
report, identifier, party or cluster that is not there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.agency_file import add_region_agencies
from counterscam.cli.main import app
from counterscam.db.base import Base
from counterscam.db.link_models import ClusterLink, ClusterReport
from counterscam.db.models import Alert, Party, Report, Sighting
from counterscam.synth import generate


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("region")
    generate(reports=600, seed=11, out=out)
    return out


def _agencies(region: Path) -> list[str]:
    return sorted(
        p.name
        for p in region.iterdir()
        if (p / "reports.csv").exists() and p.name != "ground_truth"
    )


def _orphans(session: Session) -> dict[str, int]:
    """Count rows whose report, identifier or cluster is missing, per table and key."""
    found: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            parent = fk.column
            child = fk.parent
            count = session.scalar(
                select(func.count())
                .select_from(table)
                .outerjoin(parent.table, parent == child)
                .where(child.is_not(None), parent.is_(None))
            )
            if count:
                found[f"{table.name}.{child.name}"] = int(count or 0)
    return found


def test_an_import_and_its_resubmission_leave_no_dangling_rows(
    runner: CliRunner, engine: Engine, session: Session, region: Path
) -> None:
    add_region_agencies(session, region)
    session.commit()
    codes = _agencies(region)
    for code in codes:
        done = runner.invoke(app, ["import", str(region / code), "--agency", code])
        assert done.exit_code == 0, done.output
    counts = [session.scalar(select(func.count()).select_from(m)) for m in (Report, Sighting)]
    # A resubmission deletes and rewrites each report's sightings, parties and links.
    again = runner.invoke(app, ["import", str(region / codes[0]), "--agency", codes[0]])
    assert again.exit_code == 0, again.output
    session.expire_all()
    assert [session.scalar(select(func.count()).select_from(m)) for m in (Report, Sighting)] == (
        counts
    )
    for model in (Sighting, Party, ClusterReport, ClusterLink, Alert):
        assert session.scalar(select(func.count()).select_from(model)), model.__name__
    assert _orphans(session) == {}
    if engine.dialect.name == "sqlite":
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []
