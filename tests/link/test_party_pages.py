"""Pages and API show person links, the joining persons and the rescues tied to a cluster."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from counterscam.db.engine import session_factory
from counterscam.db.link_models import Cluster, ClusterReport
from counterscam.link.rebuild import rebuild
from tests.factories import PolicyRegion
from tests.link.region import Region, add_compound, add_party, add_report
from tests.web.conftest import client_for, region  # noqa: F401  (fixtures)

Client = Callable[[str], TestClient]
PASSPORT = "A59078998"


@pytest.fixture
def key(engine: Engine, region: PolicyRegion) -> str:  # noqa: F811
    """Two MY reports joined only by a suspect's passport; a rescue tied by their compound."""
    session = session_factory(engine)()
    linked = Region(agencies={code: u.agency_id for code, u in region.users.items()})
    first = add_report(session, linked, "P-1", day=0, names=[("phone", "+60120000001", "caller")])
    second = add_report(session, linked, "P-2", day=6, names=[("phone", "+60120000002", "caller")])
    add_party(session, first, "Tan Wei Ming", "suspect", id_number=PASSPORT, nationality="MY")
    add_party(session, second, "TAN Wei-Ming", "mule", id_number=PASSPORT, nationality="MY")
    add_compound(session, first, "KK Park", "MM")
    rescue = add_report(session, linked, "RESCUE-9", day=200, names=[])
    add_party(session, rescue, "Somsak Jaidee", "victim_of_trafficking")
    add_compound(session, rescue, "KK Park", "MM")
    rebuild(session)
    session.commit()
    found = session.scalar(
        select(Cluster.key)
        .join(ClusterReport, ClusterReport.cluster_id == Cluster.id)
        .where(ClusterReport.report_id == first)
    )
    session.close()
    assert found is not None
    return found


def test_the_brief_page_explains_the_passport_link_and_lists_the_tied_rescue(
    client_for: Client,  # noqa: F811
    key: str,
) -> None:
    page = client_for("MY-NSRC").get(f"/clusters/{key}").text
    assert "<strong>P-1</strong> and <strong>P-2</strong> name the same document MY A5907" in page
    assert "Suspect / Money mule" in page
    assert "RESCUE-9" in page and "compound KK Park" in page
    victims = page.split('class="victims-panel"')[1]
    assert "Somsak Jaidee" not in victims  # a tied rescue's victim is counted, not a member


def test_the_api_and_network_carry_the_person_evidence(
    client_for: Client,  # noqa: F811
    key: str,
) -> None:
    my = client_for("MY-NSRC")
    brief = my.get(f"/api/v1/clusters/{key}").json()
    assert [link["via"] for link in brief["links"]] == ["document"]
    traf = brief["trafficking"]
    assert (traf["identified_victims"], traf["victims_in_cluster"]) == (1, 0)
    assert traf["tied_reports"] == [{"report": "RESCUE-9", "via": "compound", "shared": "KK Park"}]
    graph = my.get(f"/clusters/{key}/graph.json").json()
    persons = [n for n in graph["nodes"] if n["type"] == "person"]
    assert len(persons) == 1 and graph["colours"]["person"]
    assert "Person (suspect, mule, recruiter)" in my.get(f"/clusters/{key}/network").text
