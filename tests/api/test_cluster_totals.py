"""A cluster's total loss reads the same in the list, the brief and the list's CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update

from counterscam.db.engine import session_factory
from counterscam.db.link_models import Cluster, ClusterReport
from counterscam.db.models import Report
from counterscam.link.rebuild import rebuild
from tests.factories import PolicyRegion
from tests.link.region import Region, add_report
from tests.web.conftest import client_for, region

__all__ = ["client_for", "region"]


def _cluster(engine: Engine, region: PolicyRegion, phone: str, losses: list[str | None]) -> str:
    """Link one MY report per loss over one phone; ``None`` is a report giving no loss."""
    session = session_factory(engine)()
    linked = Region(agencies={code: u.agency_id for code, u in region.users.items()})
    names = [("phone", phone, "caller")]
    ids = [
        add_report(session, linked, f"MY-T{phone[-2:]}-{n}", day=n, loss=loss or "0", names=names)
        for n, loss in enumerate(losses)
    ]
    silent = [i for i, loss in zip(ids, losses, strict=True) if loss is None]
    session.execute(
        update(Report)
        .where(Report.id.in_(silent))
        .values(loss_amount=None, loss_currency=None, loss_usd=None)
    )
    rebuild(session)
    session.commit()
    key = session.scalar(
        select(Cluster.key)
        .join(ClusterReport, ClusterReport.cluster_id == Cluster.id)
        .where(ClusterReport.report_id == ids[0])
    )
    session.close()
    assert key is not None
    return key


@pytest.mark.parametrize(
    ("losses", "total"),
    [
        # No report gives a loss: the list said "0.00", the brief "0" (docs/api.md: "0").
        ([None, None], "0"),
        ([None, "1500.25"], "1500.25"),
        # A loss of nothing given (a failed attempt) is a loss given, to the cent.
        (["0", None], "0.00"),
        (["100", "250.5"], "350.50"),
    ],
)
def test_the_list_and_the_brief_give_the_same_total(
    client_for: Callable[[str], TestClient],
    region: PolicyRegion,
    engine: Engine,
    losses: list[str | None],
    total: str,
) -> None:
    key = _cluster(engine, region, "+60123450088", losses)
    client = client_for("MY-NSRC")
    listed = client.get("/api/v1/clusters").json()["items"]
    assert [c["total_loss_usd"] for c in listed if c["key"] == key] == [total]
    assert client.get(f"/api/v1/clusters/{key}").json()["total_loss_usd"] == total
    rows = csv.DictReader(io.StringIO(client.get("/clusters.csv").text.lstrip("\ufeff")))
    assert [r["Loss (USD)"] for r in rows if r["Cluster"] == key] == [total]


def test_clusters_without_a_loss_sort_last_by_loss(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    none = _cluster(engine, region, "+60123450091", [None, None])
    some = _cluster(engine, region, "+60123450092", ["0.01", None])
    listed = client_for("MY-NSRC").get("/api/v1/clusters", params={"sort": "loss"}).json()
    keys = [c["key"] for c in listed["items"] if c["key"] in (none, some)]
    assert keys == [some, none]
