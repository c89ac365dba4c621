"""A form sent after the user signed in again keeps what was typed; a forged one shows nothing."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from counterscam.db.engine import session_scope
from counterscam.db.models import Report
from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of

NARRATIVE = "Victim paid RM 48,000 over six weeks to a fake fund manager on WhatsApp."
SAME_SITE = {"Sec-Fetch-Site": "same-origin"}


def _reports(engine: Engine) -> int:
    with session_scope(engine) as session:
        return int(session.scalar(select(func.count()).select_from(Report)) or 0)


def _report_form(token: str) -> dict[str, str]:
    return {
        "csrf_token": token,
        "external_ref": "MY-EXPIRED-1",
        "narrative": NARRATIVE,
        "parties-0-full_name": "Aung Kyaw",
        "parties-1-full_name": "Mya Mya",  # a row added before the session changed
    }


def test_a_report_typed_before_signing_in_again_comes_back_with_what_was_typed(
    client_for: Callable[[str], TestClient], engine: Engine, region: PolicyRegion
) -> None:
    # "This form has expired. Go back, reload the page": the reload emptied the form, and the
    # narrative typed for half an hour was gone.
    client = client_for("MY-NSRC")
    before = _reports(engine)
    answer = client.post(
        "/reports/new", data=_report_form("from-an-earlier-sign-in"), headers=SAME_SITE
    )
    assert answer.status_code == 403 and _reports(engine) == before
    page = answer.text
    assert "Nothing was saved: this form had expired." in page
    assert NARRATIVE in page and 'value="MY-EXPIRED-1"' in page
    assert 'value="Aung Kyaw"' in page and 'value="Mya Mya"' in page
    # The form shown again carries the session's token: submitting it saves the report.
    saved = client.post("/reports/new", data=_report_form(csrf_of(page)), follow_redirects=False)
    assert saved.status_code in (303, 400) and "this form had expired" not in saved.text


def test_an_expired_stop_list_entry_comes_back_with_what_was_typed(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    form = {"kind": "phone", "value": "03-2345 6789", "reason": "genuine Maybank hotline"}
    answer = client.post(
        "/stop-list",
        data={**form, "csrf_token": "stale"},
        headers={"Origin": "http://testserver"},
    )
    assert answer.status_code == 403 and "Nothing was saved: this form had expired." in answer.text
    assert (
        'value="03-2345 6789"' in answer.text and 'value="genuine Maybank hotline"' in answer.text
    )
    assert "The stop-list is empty." in answer.text


def test_a_form_posted_from_another_site_is_refused_without_its_values(
    client_for: Callable[[str], TestClient], engine: Engine, region: PolicyRegion
) -> None:
    # Shown back, a forged request's values would be a report pre-filled for the user to save.
    client = client_for("MY-NSRC")
    before = _reports(engine)
    for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Origin": "https://evil.example"}, {}):
        answer = client.post("/reports/new", data=_report_form("forged"), headers=headers)
        assert answer.status_code == 403 and "This form has expired" in answer.text
        assert NARRATIVE not in answer.text and "MY-EXPIRED-1" not in answer.text
    assert _reports(engine) == before
