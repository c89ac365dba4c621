"""The stop-list page offers to change only entries the caller may change, and says who to ask."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine

from counterscam.db.engine import session_scope
from tests.factories import PolicyRegion, make_hub
from tests.web.conftest import csrf_of

HOTLINE = "+60323456789"
ASK_MY = "MY-NSRC listed this phone; ask MY-NSRC or the secretariat to change or remove the entry"


def _post(client: TestClient, path: str, **data: str) -> Response:
    token = csrf_of(client.get("/stop-list").text)
    return client.post(
        path, data={"kind": "phone", **data, "csrf_token": token}, follow_redirects=False
    )


def _row(html: str, text: str) -> str:
    rows = [r for r in html.split("<tr>")[1:] if text in r]
    assert len(rows) == 1, f"{text!r} in {len(rows)} rows"
    return rows[0].split("</tr>")[0]


def _listed(client: TestClient) -> str:
    response = _post(client, "/stop-list", value=HOTLINE, reason="genuine Maybank hotline")
    assert response.status_code == 303
    return client.get("/stop-list").text


def test_another_member_is_offered_no_remove_button_but_who_to_ask(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    owner_page = _listed(client_for("MY-NSRC"))
    assert "Remove" in _row(owner_page, HOTLINE)
    row = _row(client_for("SG-ASCOM").get("/stop-list").text, HOTLINE)
    assert "<button" not in row
    assert "MY-NSRC's entry: ask MY-NSRC or the secretariat to change it" in row
    assert "Remove" in _row(client_for("ASEANAPOL").get("/stop-list").text, HOTLINE)


def test_another_members_remove_or_take_over_comes_back_as_the_page_with_403(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    owner = client_for("MY-NSRC")
    _listed(owner)
    other = client_for("SG-ASCOM")
    removed = _post(other, "/stop-list/remove", value=HOTLINE)
    assert removed.status_code == 403
    assert "Hub stop-list" in removed.text and ASK_MY in removed.text
    assert '<a href="#entries">' in removed.text and 'id="entries"' in removed.text
    assert 'data-history-url="/stop-list"' in removed.text  # Back does not GET the remove form
    taken = _post(other, "/stop-list", value=HOTLINE, reason="ours now")
    assert taken.status_code == 403
    assert f'<a href="#value">{ASK_MY}</a>' in taken.text
    assert 'value="ours now"' in taken.text  # the form keeps what was typed
    row = _row(owner.get("/stop-list").text, HOTLINE)
    assert "genuine Maybank hotline" in row and "@MY-NSRC" in row and "ours now" not in row


def test_the_owner_updates_and_the_secretariat_removes_an_agencys_entry(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    owner = client_for("MY-NSRC")
    _listed(owner)
    updated = _post(owner, "/stop-list", value=HOTLINE, reason="checked with Maybank")
    assert updated.status_code == 303
    assert "checked with Maybank" in _row(owner.get("/stop-list").text, HOTLINE)
    assert _post(client_for("ASEANAPOL"), "/stop-list/remove", value=HOTLINE).status_code == 303
    assert HOTLINE not in owner.get("/stop-list").text


def test_a_partner_is_refused_with_the_page_and_its_reason(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    _listed(client_for("MY-NSRC"))
    partner = client_for("AU-AFP")
    for path, data in (
        ("/stop-list/remove", {"value": HOTLINE}),
        ("/stop-list", {"value": HOTLINE, "reason": "x"}),
    ):
        refused = _post(partner, path, **data)
        assert refused.status_code == 403, path
        assert "only member agencies and the secretariat edit the stop-list" in refused.text
        assert "<button" not in _row(refused.text, HOTLINE), path


def test_an_automatic_entry_is_still_every_members_to_overrule(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    hub = "+60199990001"
    with session_scope(engine) as session:
        make_hub(session, hub, "green", ref="MY-green-hub")
    sg = client_for("SG-ASCOM")
    assert "Allow to link" in _row(sg.get("/stop-list").text, hub)
    assert _post(sg, "/stop-list/remove", value=hub).status_code == 303
    row = _row(client_for("MY-NSRC").get("/stop-list").text, hub)
    assert "Allowed to link" in row and "SG-ASCOM's entry: ask SG-ASCOM" in row
