"""A generated region imports into counterscam with no rejected row."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller, create_agency
from counterscam.db.models import Report
from counterscam.intake.files import read_batch
from counterscam.intake.service import submit
from counterscam.intake.tables import Limits, Source
from counterscam.synth import generate


def test_generated_region_imports_without_rejections(session: Session, tmp_path: Path) -> None:
    summary = generate(reports=300, seed=5, out=tmp_path / "region")
    with summary.agencies_csv.open(encoding="utf-8") as h:
        for row in csv.DictReader(h):
            create_agency(session, **row)
    session.commit()
    accepted = 0
    for folder in summary.agency_dirs:
        sources = [Source(name=p.name, path=p) for p in sorted(folder.glob("*.csv"))]
        result = submit(
            session,
            admin_caller(session, folder.name),
            reports=read_batch(sources, Limits()),
            source="cli",
        )
        assert result.rejected == 0 and not result.errors, (folder.name, result.errors[:5])
        accepted += result.accepted
    assert accepted == summary.reports == 300
    assert session.scalar(select(func.count()).select_from(Report)) == 300
