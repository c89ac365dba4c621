"""The cluster page says when no report of a country gave a loss, not 'a loss of 0.00'."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update

from counterscam.db.engine import session_factory
from counterscam.db.link_models import Cluster, ClusterReport
from counterscam.db.models import Report
from counterscam.link.rebuild import rebuild
from tests.factories import PolicyRegion
from tests.link.region import Region, add_report

PHONE = "+60123450077"


def _cluster(engine: Engine, region: PolicyRegion) -> str:
    """Link two MY reports, one giving no loss, with two SG reports giving none at all."""
    session = session_factory(engine)()
    linked = Region(agencies={code: u.agency_id for code, u in region.users.items()})
    names = [("phone", PHONE, "caller")]
    given = add_report(session, linked, "MY-N1", day=0, loss="1500.25", names=names)
    silent = [
        add_report(session, linked, ref, day=day, agency=agency, names=names)
        for ref, agency, day in (
            ("MY-N2", "MY-NSRC", 1),
            ("SG-N1", "SG-ASCOM", 2),
            ("SG-N2", "SG-ASCOM", 3),
        )
    ]
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
        .where(ClusterReport.report_id == given)
    )
    session.close()
    assert key is not None
    return key


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_a_country_whose_reports_gave_no_loss_says_so(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    # Singapore's two reports gave no loss: the table read "Singapore 2 0.00" and the chart
    # "$0", as though the scams had cost nothing.
    page = client_for("MY-NSRC").get(f"/clusters/{_cluster(engine, region)}").text
    section = page[page.index('id="countries-h"') : page.index('id="timeline-h"')]
    table = _text(section[section.index("<table") : section.index("</table>")])
    assert "Singapore 2 No loss given" in table
    assert "Malaysia 2 1,500.25 (from 1 of 2 reports)" in table
    assert "Total 4 1,500.25 (from 1 of 4 reports)" in table
    assert "0.00" not in table
    chart = section[section.index("<desc>") : section.index("</desc>")]
    assert "Singapore: No loss given" in chart and "$0" not in chart
    card = page[page.index('id="loss-total"') :]
    assert "from the 1 of 4 reports giving a loss" in _text(card[: card.index("</li>")])


def test_the_countries_csv_says_how_many_reports_gave_the_loss(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    key = _cluster(engine, region)
    csv = client_for("MY-NSRC").get(f"/clusters/{key}/countries.csv").text.lstrip("\ufeff")
    lines = csv.splitlines()
    assert lines[0] == "Code,Country,Reports,Loss (USD),Reports giving a loss"
    assert set(lines[1:]) == {"MY,Malaysia,2,1500.25,1", "SG,Singapore,2,0.00,0"}


def test_the_api_brief_says_how_many_reports_gave_the_loss(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    key = _cluster(engine, region)
    brief = client_for("MY-NSRC").get(f"/api/v1/clusters/{key}").json()
    figures = {
        f["name"]: (f["reports"], f["loss_usd"], f["reports_with_loss"])
        for f in brief["victim_countries"]
    }
    assert figures == {"MY": (2, "1500.25", 1), "SG": (2, "0.00", 0)}
