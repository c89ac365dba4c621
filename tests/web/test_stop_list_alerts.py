"""Remove on the stop-list page alerts the agencies that reported the value while it was listed."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from counterscam.db.engine import session_scope
from counterscam.db.models import Agency, Alert
from tests.factories import PolicyRegion, make_report
from tests.web.conftest import csrf_of


def _post(client: TestClient, path: str, **data: str) -> int:
    token = csrf_of(client.get("/stop-list").text)
    response = client.post(
        path, data={"kind": "phone", **data, "csrf_token": token}, follow_redirects=False
    )
    return response.status_code


def _pairs(engine: Engine) -> set[tuple[str, str]]:
    with session_scope(engine) as session:
        codes = {i: code for i, code in session.execute(select(Agency.id, Agency.code))}
        rows = session.execute(select(Alert.agency_id, Alert.other_agency_id))
        return {(codes[own], codes[other]) for own, other in rows}


def test_removing_an_entry_on_the_page_alerts_both_countries(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    owner = client_for("MY-NSRC")
    assert _post(owner, "/stop-list", value=region.phone, reason="bank hotline") == 303
    with session_scope(engine) as session:
        sg = session.scalar(select(Agency.id).where(Agency.code == "SG-ASCOM"))
        assert sg is not None
        make_report(
            session, agency_id=sg, ref="SG-1", mark="green", country="SG", phone=region.phone
        )
    assert _pairs(engine) == set()

    assert _post(owner, "/stop-list/remove", value=region.phone) == 303
    assert _pairs(engine) == {("MY-NSRC", "SG-ASCOM"), ("SG-ASCOM", "MY-NSRC")}
