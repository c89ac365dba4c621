"""A resubmitted report with a corrected identifier leaves the cluster the old one put it in."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.config import Settings
from counterscam.db.link_models import Cluster, ClusterLink, ClusterReport
from counterscam.db.models import Report
from counterscam.intake import service
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import BatchResult, submit
from counterscam.intake.tables import Limits
from counterscam.link.rebuild import rebuild
from tests.intake.conftest import doc_report

MISTYPED, CORRECTED, OTHER = "+60 12-345 6789", "+60 12-345 6798", "+60 13-777 1234"


def _report(ref: str, phone: str, day: int, loss: str) -> dict[str, Any]:
    """Return a report naming one caller phone, on a day of March 2026."""
    return doc_report(
        external_ref=ref,
        reported_at=f"2026-03-{day:02d}T10:00:00+08:00",
        loss_amount=loss,
        loss_currency="USD",
        identifiers=[{"kind": "phone", "value": phone, "role": "caller"}],
        parties=[],
        places=[],
    )


def _submit(session: Session, caller: Caller, reports: list[dict[str, Any]]) -> BatchResult:
    raw = reports_of({"reports": reports}, file="request", limits=Limits())
    return submit(session, caller, reports=raw, source="api", settings=Settings())


def _send(session: Session, caller: Caller, ref: str, phone: str, day: int, loss: str) -> None:
    result = _submit(session, caller, [_report(ref, phone, day, loss)])
    assert result.status == "committed", result.errors


def _clusters(session: Session) -> dict[str, tuple[str, ...]]:
    """Return each cluster's key with its reports' references."""
    rows = session.execute(
        select(Cluster.key, Report.external_ref)
        .join(ClusterReport, ClusterReport.cluster_id == Cluster.id)
        .join(Report, Report.id == ClusterReport.report_id)
        .order_by(Report.external_ref)
    )
    found: dict[str, tuple[str, ...]] = {}
    for key, ref in rows:
        found[key] = (*found.get(key, ()), ref)
    return found


def _figures(session: Session, key: str) -> dict[str, Any]:
    cluster = session.scalars(select(Cluster).where(Cluster.key == key)).one()
    session.refresh(cluster)
    return {
        name: getattr(cluster, name)
        for name in (
            "report_count",
            *("country_count", "countries", "total_loss_usd"),
            *("first_seen", "last_seen", "growth_30d"),
        )
    }


def _two_linked(session: Session, my: Caller) -> tuple[str, dict[str, Any]]:
    """Store two reports linked by the mistyped number; return their cluster and its figures."""
    _send(session, my, "MY-1", MISTYPED, 1, "100")
    _send(session, my, "MY-2", MISTYPED, 3, "250")
    (key,) = _clusters(session)
    return key, _figures(session, key)


def _report_id(session: Session, ref: str) -> int:
    return session.scalars(select(Report.id).where(Report.external_ref == ref)).one()


def _links_of(session: Session, ref: str) -> int:
    rid = _report_id(session, ref)
    rows = session.scalars(
        select(ClusterLink.id).where(or_(ClusterLink.report_a == rid, ClusterLink.report_b == rid))
    )
    return len(rows.all())


def test_corrected_number_takes_a_report_out_of_a_two_report_cluster(
    session: Session, agencies: dict[str, Caller]
) -> None:
    my = agencies["MY-NSRC"]
    _send(session, my, "MY-1", MISTYPED, 1, "100")
    _send(session, my, "MY-2", MISTYPED, 3, "250")
    assert list(_clusters(session).values()) == [("MY-1", "MY-2")]
    _send(session, my, "MY-2", CORRECTED, 3, "250")
    # One report left: no cluster at all, as a rebuild would leave it.
    assert _clusters(session) == {}
    assert session.scalars(select(Cluster)).all() == []
    assert session.scalars(select(ClusterLink)).all() == []


def test_corrected_number_leaves_a_cluster_that_counts_one_report_less(
    session: Session, agencies: dict[str, Caller]
) -> None:
    my, sg = agencies["MY-NSRC"], agencies["SG-ASCOM"]
    _send(session, my, "MY-1", MISTYPED, 1, "100.10")
    _send(session, sg, "SG-1", MISTYPED, 20, "250.25")  # the mistyped one, the latest, from SG
    _send(session, my, "MY-3", MISTYPED, 10, "40")
    (key,) = _clusters(session)
    assert _figures(session, key)["countries"] == "MY,SG"
    _send(session, sg, "SG-1", CORRECTED, 20, "250.25")
    assert _clusters(session) == {key: ("MY-1", "MY-3")}
    assert _links_of(session, "SG-1") == 0
    after = _figures(session, key)
    assert after["report_count"] == 2 and after["countries"] == "MY"
    assert after["country_count"] == 1
    assert after["total_loss_usd"] == Decimal("140.10")
    assert after["last_seen"].day == 10  # SG-1's date no longer counts
    # The same figures a rebuild computes for these two reports.
    rebuild(session)
    (rebuilt,) = _clusters(session)
    assert _figures(session, rebuilt) == after


def test_a_resubmission_that_keeps_the_linking_number_stays_in_its_cluster(
    session: Session, agencies: dict[str, Caller]
) -> None:
    my = agencies["MY-NSRC"]
    key, before = _two_linked(session, my)
    _send(session, my, "MY-2", MISTYPED, 3, "250")  # the narrative fixed, say
    assert _clusters(session) == {key: ("MY-1", "MY-2")}
    assert _figures(session, key) == before
    assert _links_of(session, "MY-2") == 1


def test_a_corrected_report_joins_the_cluster_its_new_number_leads_to(
    session: Session, agencies: dict[str, Caller]
) -> None:
    my = agencies["MY-NSRC"]
    _send(session, my, "MY-1", MISTYPED, 1, "100")
    _send(session, my, "MY-2", MISTYPED, 3, "250")
    _send(session, my, "MY-3", OTHER, 4, "30")
    _send(session, my, "MY-4", OTHER, 6, "70")
    keys = _clusters(session)
    (other_key,) = (k for k, refs in keys.items() if refs == ("MY-3", "MY-4"))
    before = _figures(session, other_key)
    _send(session, my, "MY-2", OTHER, 3, "250")
    assert _clusters(session) == {other_key: ("MY-2", "MY-3", "MY-4")}
    after = _figures(session, other_key)
    assert after["report_count"] == 3
    assert after["total_loss_usd"] == before["total_loss_usd"] + 250
    assert after["first_seen"] < before["first_seen"]


def test_a_cluster_whose_reports_are_all_resubmitted_keeps_its_key(
    session: Session, agencies: dict[str, Caller]
) -> None:
    my = agencies["MY-NSRC"]
    key, before = _two_linked(session, my)
    # The agency re-runs its import: both reports again, in one batch.
    both = [_report("MY-1", MISTYPED, 1, "100"), _report("MY-2", MISTYPED, 3, "250")]
    assert _submit(session, my, both).updated == 2
    assert _clusters(session) == {key: ("MY-1", "MY-2")}
    assert _figures(session, key) == before


def test_a_report_corrected_in_a_later_chunk_of_a_batch_links_only_by_its_new_number(
    session: Session, agencies: dict[str, Caller], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Linking reads each chunk's sightings as the chunk is stored: the first chunk of this
    # batch reads every sighting of the mistyped number, MY-2's among them, before the second
    # chunk corrects MY-2. Linked by what was read then, MY-2 would stay with MY-1 and MY-3.
    my = agencies["MY-NSRC"]
    _send(session, my, "MY-1", MISTYPED, 1, "100")
    _send(session, my, "MY-2", MISTYPED, 3, "250")
    _send(session, my, "MY-9", CORRECTED, 4, "10")
    monkeypatch.setattr(service, "CHUNK", 1)
    later = [_report("MY-3", MISTYPED, 5, "50"), _report("MY-2", CORRECTED, 3, "50")]
    result = _submit(session, my, later)
    assert (result.status, result.created, result.updated) == ("committed", 1, 1)
    assert sorted(_clusters(session).values()) == [("MY-1", "MY-3"), ("MY-2", "MY-9")]
