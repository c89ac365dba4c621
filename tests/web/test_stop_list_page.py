"""The hub stop-list page: every account sees it, members and the secretariat edit it."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine, select

from counterscam.db.engine import session_scope
from counterscam.db.models import Agency, AuditEvent, Identifier
from counterscam.link.rules import DEFAULT_RULES
from counterscam.link.stoplist import stop_hubs
from tests.factories import PolicyRegion, make_report
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


def test_a_hub_named_only_in_red_reports_is_withheld_from_other_agencies(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    hub = "+60199990000"
    with session_scope(engine) as session:
        owner = session.scalar(select(Agency.id).where(Agency.code == "MY-NSRC"))
        assert owner is not None
        make_report(session, agency_id=owner, ref="MY-red-hub", mark="red", phone=hub)
        session.flush()
        ident = session.scalar(select(Identifier.id).where(Identifier.value == hub))
        assert ident is not None
        stop_hubs(session, [(ident, 40, 12)], DEFAULT_RULES)
    assert hub in client_for("MY-NSRC").get("/stop-list").text
    for other in ("SG-ASCOM", "AU-AFP"):
        page = client_for(other).get("/stop-list").text
        assert hub not in page and "Withheld: named only in reports" in page, other


def test_every_view_of_the_stop_list_is_audited(
    client_for: Callable[[str], TestClient], engine: Engine
) -> None:
    assert client_for("AU-AFP").get("/stop-list").status_code == 200
    with session_scope(engine) as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-1] == "list_stop_entries"


def _csv(client: TestClient) -> str:
    response = client.get("/stop-list.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="stop-list.csv"' in response.headers["content-disposition"]
    return response.text.lstrip("\ufeff")


def _csv_rows(client: TestClient) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_csv(client))))


def test_the_page_counts_its_entries_and_downloads_them_as_csv_that_runs_no_formula(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    member = client_for("MY-NSRC")
    empty = member.get("/stop-list").text
    assert "The stop-list is empty." in empty and "/stop-list.csv" not in empty
    _add(member, "03-2345 6789", "genuine Maybank hotline, reported by mistake")
    _add(member, "03-2345 0000", '=HYPERLINK("http://evil.example","bank")')
    page = member.get("/stop-list").text
    assert "2 entries: 2 by analysts, 0 found by the hub rules" in page
    assert 'href="/stop-list.csv"' in page and "Download CSV" in page
    rows = _csv_rows(member)
    assert [(r["Kind"], r["Identifier"], r["Withheld"], r["Action"]) for r in rows] == [
        ("phone", "+60323450000", "no", "stop"),
        ("phone", "+60323456789", "no", "stop"),
    ]
    # Quoted as text, as every other download: a spreadsheet shows it and never runs it.
    assert rows[0]["Why"] == '\'=HYPERLINK("http://evil.example","bank")'
    assert rows[1]["Listed by"].endswith("@MY-NSRC") and rows[1]["Added"].startswith("20")


def test_the_csv_withholds_what_the_page_withholds(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    hub = "+60199990000"
    with session_scope(engine) as session:
        owner = session.scalar(select(Agency.id).where(Agency.code == "MY-NSRC"))
        assert owner is not None
        make_report(session, agency_id=owner, ref="MY-red-hub", mark="red", phone=hub)
        session.flush()
        ident = session.scalar(select(Identifier.id).where(Identifier.value == hub))
        assert ident is not None
        stop_hubs(session, [(ident, 40, 12)], DEFAULT_RULES)
    member = client_for("MY-NSRC")
    _add(member, "019-999 0000", "hub of our red case")  # the automatic entry becomes ours
    _add(member, "03-2345 6789", "genuine Maybank hotline")  # named in no report
    assert [r["Identifier"] for r in _csv_rows(member)] == [hub, "+60323456789"]
    for other in ("SG-ASCOM", "AU-AFP"):
        client = client_for(other)
        assert "2 entries: 2 by analysts" in client.get("/stop-list").text, other
        text = _csv(client)
        assert hub not in text and "hub of our red case" not in text, other
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [(r["Identifier"], r["Withheld"], r["Why"], r["Listed by"]) for r in rows][0] == (
            "",
            "yes",
            "listed by another agency",
            "another agency",
        ), other
        assert rows[1]["Identifier"] == "+60323456789" and rows[1]["Withheld"] == "no", other
    with session_scope(engine) as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-1] == "list_stop_entries"  # a download is audited as a view is
