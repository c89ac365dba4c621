"""The hub stop-list page: every account sees it, members and the secretariat edit it."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from httpx import Response

from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of


def _add(client: TestClient, value: str, reason: str) -> Response:
    token = csrf_of(client.get("/stop-list").text)
    return client.post(
        "/stop-list",
        data={"kind": "phone", "value": value, "reason": reason, "csrf_token": token},
        follow_redirects=False,
    )


def test_a_member_adds_and_removes_an_entry_and_everyone_sees_it(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    member = client_for("MY-NSRC")
    response = _add(member, "03-2345 6789", "genuine Maybank hotline, reported by mistake")
    assert response.status_code == 303
    page = member.get("/stop-list").text
    assert "+60323456789" in page and "genuine Maybank hotline" in page
    partner_page = client_for("AU-AFP").get("/stop-list").text
    assert "+60323456789" in partner_page and "Add an identifier" not in partner_page
    token = csrf_of(page)
    removed = member.post(
        "/stop-list/remove",
        data={"kind": "phone", "value": "+60323456789", "csrf_token": token},
        follow_redirects=False,
    )
    assert removed.status_code == 303
    assert "+60323456789" not in member.get("/stop-list").text


def test_bad_input_says_what_and_a_partner_may_not_edit(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    member = client_for("MY-NSRC")
    response = _add(member, "12", "typo")
    assert response.status_code == 422
    assert "not a valid phone" in response.text
    no_reason = _add(member, "03-2345 6789", " ")
    assert "give a reason" in no_reason.text
    partner = client_for("AU-AFP")
    forbidden = _add(partner, "03-2345 6789", "looks like a hub")
    assert forbidden.status_code == 403
    assert "+60323456789" not in member.get("/stop-list").text
