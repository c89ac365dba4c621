"""A bulk import links its reports set-based, once per group, as if they came one by one.

Except for hubs: a group decides whether an identifier is a hub on all it knows once its
reports are stored, so an identifier that becomes a hub part-way links none of them, where
reports linked one by one kept the links it made before it was one. So the bulk clusters are
the one-by-one clusters, or finer: never a link one by one would not have made.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller
from counterscam.cli.intake import batches_of
from counterscam.db.base import Base
from counterscam.db.link_models import ClusterReport
from counterscam.db.models import Report
from counterscam.intake import service
from counterscam.intake.files import read_batch
from counterscam.intake.tables import Limits
from counterscam.synth import generate
from counterscam.synth.agencies import add_region_agencies


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("region")
    generate(reports=800, seed=7, out=out)
    return out


def _partition(session: Session) -> set[frozenset[str]]:
    members: dict[int, set[str]] = defaultdict(set)
    rows = session.execute(
        select(ClusterReport.cluster_id, Report.external_ref).join(
            Report, Report.id == ClusterReport.report_id
        )
    )
    for cluster_id, ref in rows:
        members[cluster_id].add(ref)
    return {frozenset(refs) for refs in members.values()}


def _import(session: Session, region: Path, codes: list[str]) -> set[frozenset[str]]:
    for code in codes:
        (sources,) = batches_of([region / code])
        result = service.submit(
            session,
            admin_caller(session, code),
            reports=read_batch(sources, Limits()),
            source="cli",
            streaming=True,
        )
        assert result.status == "committed", result.errors[:3]
    return _partition(session)


def test_bulk_import_clusters_refine_linking_each_report_as_it_arrives(
    session: Session, region: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    codes = [
        c for c in add_region_agencies(session, region) if (region / c / "reports.csv").exists()
    ]
    session.commit()
    # Each report stored and linked before the next one arrives, as through the API.
    monkeypatch.setattr(service, "CHUNK", 1)
    monkeypatch.setattr(service, "LINK_GROUP", 1)
    one_by_one = _import(session, region, codes)
    assert len(one_by_one) > 20 and max(len(c) for c in one_by_one) > 5

    for table in reversed(Base.metadata.sorted_tables):
        if table.name != "agency":
            session.execute(table.delete())
    session.commit()
    # Many chunks per link group, several groups per agency.
    monkeypatch.setattr(service, "CHUNK", 50)
    monkeypatch.setattr(service, "LINK_GROUP", 150)
    bulk = _import(session, region, codes)
    # Every bulk cluster lies inside one one-by-one cluster, and most are the same cluster.
    assert all(any(c <= d for d in one_by_one) for c in bulk)
    assert len(bulk & one_by_one) >= 0.9 * len(one_by_one)
    # (tests/link/test_clusters.py shows a hub that arrives within one batch linking nothing)
