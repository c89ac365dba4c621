"""A bulk import links its reports set-based, once per group, as if they came one by one.

Except for hubs: a group decides whether an identifier is a hub on all it knows once its
reports are stored, so an identifier that becomes a hub part-way links none of them, where
reports linked one by one kept the links it made before it was one. So the bulk clusters are
the one-by-one clusters, or finer: never a link one by one would not have made.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller
from counterscam.access.agency_file import add_region_agencies
from counterscam.cli.intake import batches_of
from counterscam.db.base import Base
from counterscam.db.link_models import ClusterReport, StopEntry
from counterscam.db.models import Identifier, Report, Sighting
from counterscam.intake import service
from counterscam.intake.files import read_batch
from counterscam.intake.tables import Limits
from counterscam.link import incremental
from counterscam.link.named import named_identifiers
from counterscam.link.rules import LinkRules, operator_roles
from counterscam.link.sightings import Seen, sightings_of
from counterscam.synth import generate


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


def test_values_found_while_writing_are_those_linking_would_find_at_the_end(
    session: Session, region: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Intake reads the sightings that link new reports chunk by chunk (link.sightings); at
    every round they must be those a read at the end finds: across agencies, with a value
    stop-listed and another allowed, and with reports resubmitted naming other values than
    before, some of them another report's of the same round."""
    codes = [
        c for c in add_region_agencies(session, region) if (region / c / "reports.csv").exists()
    ]
    session.commit()
    compared: list[int] = []
    real = incremental._links

    def both(seen: list[Seen], new: set[int], rules: LinkRules) -> Any:
        at_end = sightings_of(session, named_identifiers(session, sorted(new)))
        assert sorted(seen, key=repr) == sorted(at_end, key=repr)
        compared.append(len(at_end))
        return real(seen, new, rules)

    monkeypatch.setattr(incremental, "_links", both)
    monkeypatch.setattr(service, "CHUNK", 40)
    first = max(codes, key=lambda c: (region / c / "reports.csv").stat().st_size)
    rest = [c for c in codes if c != first]
    _import(session, region, [first])
    # One value of the first agency stop-listed, another allowed, before the others arrive.
    named = session.execute(
        select(Identifier.kind, Identifier.value)
        .join(Sighting, Sighting.identifier_id == Identifier.id)
        .where(Sighting.role.in_(sorted(operator_roles())))
        .distinct()
        .limit(2)
    ).all()
    for (kind, value), action in zip(named, ("stop", "allow"), strict=True):
        session.add(StopEntry(kind=kind, value=value, action=action, added_by="test"))
    session.commit()
    _import(session, region, rest)
    before = len(compared)
    # The first agency again, its values shifted by one report: every resubmitted report
    # names other values than it did, some of them another report's of the same round.
    folder = tmp_path / first
    folder.mkdir()
    for path in (region / first).iterdir():
        folder.joinpath(path.name).write_bytes(path.read_bytes())
    with (region / first / "identifiers.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    refs = [r["external_ref"] for r in rows]
    shifted = [{**r, "external_ref": refs[i - 1]} for i, r in enumerate(rows)]
    with (folder / "identifiers.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(shifted)
    (sources,) = batches_of([folder])
    result = service.submit(
        session,
        admin_caller(session, first),
        reports=read_batch(sources, Limits()),
        source="cli",
        streaming=True,
    )
    assert result.status == "committed" and result.updated > 50, result.errors[:3]
    assert len(compared) == before + 1
    # Most agencies' rounds compared, each with sightings to compare: an agency whose reports
    # name no value another report names has nothing to compare, and which agencies those are
    # follows the region's random draws (one more e-wallet in the reference data made two).
    assert len(compared) >= len(codes) // 2 and min(compared) > 0
