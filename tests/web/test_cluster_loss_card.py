"""The cluster page's loss card gives the total its tables give, to the cent."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from counterscam.db.engine import session_factory
from counterscam.db.link_models import Cluster, ClusterReport
from counterscam.db.models import Report
from counterscam.link.rebuild import rebuild
from tests.factories import PolicyRegion
from tests.link.region import Region, add_report

PHONE = "+60123450001"


def _cluster(engine: Engine, region: PolicyRegion) -> str:
    session = session_factory(engine)()
    linked = Region(agencies={code: u.agency_id for code, u in region.users.items()})
    for ref, day, loss in (("MY-L1", 0, "1199300.25"), ("MY-L2", 2, "6000.10")):
        add_report(session, linked, ref, day=day, loss=loss, names=[("phone", PHONE, "caller")])
    rebuild(session)
    session.commit()
    key = session.scalar(
        select(Cluster.key)
        .join(ClusterReport, ClusterReport.cluster_id == Cluster.id)
        .join(Report, Report.id == ClusterReport.report_id)
        .where(Report.external_ref == "MY-L1")
    )
    session.close()
    assert key is not None
    return key


def test_the_loss_card_shows_the_tables_total_to_the_cent(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    # The card read "USD 1,205,300" beside a countries table totalling 1,205,300.35.
    page = client_for("MY-NSRC").get(f"/clusters/{_cluster(engine, region)}").text
    card = page[page.index('<li class="stat" id="loss-total">') :]
    card = card[: card.index("</li>")]
    assert '<span class="stat__value" title="USD 1,205,300.35">USD 1.2M</span>' in card
    assert "Exactly USD 1,205,300.35, the tables' total" in card
    countries = page[page.index('id="countries-h"') :]
    footer = countries[countries.index("<tfoot>") : countries.index("</tfoot>")]
    assert re.findall(r'<td class="num">([^<]*)</td>', footer)[-1] == "1,205,300.35"
