"""The hub stop-list page: every account sees it, members and the secretariat edit it."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine, select

from counterscam.db.engine import session_scope
from counterscam.db.models import Agency, AuditEvent, Identifier
from counterscam.link.rules import DEFAULT_RULES
from counterscam.link.stoplist import stop_hubs
from tests.factories import PolicyRegion, make_hub, make_report
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


def test_a_name_typed_as_a_phone_is_refused_naming_the_kind_it_reads_as(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # Listed without a word as an SMS sender name, the entry sat under another kind than the
    # analyst chose, and a later look for the phone found nothing.
    member = client_for("MY-NSRC")
    response = _add(member, "not-a-phone", "testing")
    assert response.status_code == 422
    assert "is not a phone number: it reads as an SMS sender name" in response.text
    assert "choose the kind SMS sender name" in response.text
    assert "NOT-A-PHONE" not in member.get("/stop-list").text


def test_a_hub_named_only_in_red_reports_is_withheld_from_other_agencies(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    hub = "+60199990000"
    with session_scope(engine) as session:
        make_hub(session, hub, "red", ref="MY-red-hub")
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
        make_hub(session, hub, "red", ref="MY-red-hub")
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


def _hubs(engine: Engine, mark: str) -> tuple[str, str]:
    """List a busy hub and a long-lived one, each named by one MY-NSRC report of ``mark``."""
    busy, long_lived = "+60199990001", "+60199990002"
    with session_scope(engine) as session:
        owner = session.scalar(select(Agency.id).where(Agency.code == "MY-NSRC"))
        assert owner is not None
        make_report(session, agency_id=owner, ref=f"MY-{mark}-busy", mark=mark, phone=busy)
        make_report(session, agency_id=owner, ref=f"MY-{mark}-long", mark=mark, phone=long_lived)
        session.flush()
        ids = {v: i for v, i in session.execute(select(Identifier.value, Identifier.id))}
        over = DEFAULT_RULES.hub_reports + 50
        stop_hubs(session, [(ids[busy], over, 30), (ids[long_lived], 3, 400)], DEFAULT_RULES)
    return busy, long_lived


def _row_naming(html: str, text: str) -> str:
    rows = [r for r in html.split("<tr>")[1:] if text in r]
    assert len(rows) == 1, f"{text!r} in {len(rows)} rows"
    return rows[0].split("</tr>")[0]


def test_an_automatic_entry_says_whether_it_still_alerts(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    busy, long_lived = _hubs(engine, "green")
    member = client_for("MY-NSRC")
    _add(member, "03-2345 6789", "genuine Maybank hotline")
    for agency in ("MY-NSRC", "AU-AFP"):  # the reports are green: a partner sees them too
        page = client_for(agency).get("/stop-list").text
        assert "Busy hub: alerts silenced" in _row_naming(page, busy), agency
        assert "Long-lived: still alerts" in _row_naming(page, long_lived), agency
        hotline = _row_naming(page, "+60323456789")
        assert "Analyst&#39;s entry: alerts silenced" in hotline, agency
    rules = {r["Identifier"]: r["Rule"] for r in _csv_rows(member)}
    assert rules == {busy: "busy", long_lived: "span", "+60323456789": ""}


def test_which_rule_a_hidden_hub_broke_stays_withheld(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    # "Busy" would tell more than the policy's hit/no-hit: that the reports the caller may
    # not see number over the hub limit in one run, the figures a withheld reason leaves out.
    busy, long_lived = _hubs(engine, "red")
    owner = client_for("MY-NSRC").get("/stop-list").text
    assert "Busy hub: alerts silenced" in _row_naming(owner, busy)
    for other in ("SG-ASCOM", "AU-AFP"):
        client = client_for(other)
        page = client.get("/stop-list").text
        assert busy not in page and long_lived not in page, other
        assert "Busy hub" not in page and "Long-lived:" not in page, other
        assert page.count("Not shown: found in reports you may not see") == 2, other
        rows = _csv_rows(client)
        assert [(r["Withheld"], r["Rule"]) for r in rows] == [("yes", ""), ("yes", "")], other


def test_an_empty_add_form_names_every_missing_field_and_how_to_fill_it(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    member = client_for("MY-NSRC")
    token = csrf_of(member.get("/stop-list").text)
    for data in ({}, {"kind": "phone", "value": "  ", "reason": " "}):
        response = member.post(
            "/stop-list", data={**data, "csrf_token": token}, follow_redirects=False
        )
        assert response.status_code == 422
        page = response.text
        assert "There is a problem" in page and "Add an identifier" in page  # the page again
        assert '<a href="#value">Enter the identifier, as written anywhere, e.g. 03-2345' in page
        assert '<a href="#reason">Say why it must never link: give a reason, e.g.' in page
        assert 'id="value-error"' in page and 'id="reason-error"' in page
    nothing = member.post("/stop-list", data={"csrf_token": token}).text
    assert '<a href="#kind">Choose the kind of identifier, e.g. Phone number</a>' in nothing
    assert "The stop-list is empty." in member.get("/stop-list").text


def _menu(html: str) -> str:
    start = html.index('<nav class="site-nav" aria-label="Main">')
    return html[start : html.index("</nav>", start)]


def test_the_menu_offers_the_stop_list_to_every_account_that_may_open_it(
    client_for: Callable[[str], TestClient], region: PolicyRegion, app_client: TestClient
) -> None:
    # The page is every account's to read (members and the secretariat also edit it there).
    for agency in ("MY-NSRC", "ASEANAPOL", "AU-AFP", "TL-PNTL"):
        client = client_for(agency)
        assert re.search(r'<a href="/stop-list"\s*>Stop-list</a>', _menu(client.get("/").text)), (
            agency
        )
        here = client.get("/stop-list")
        assert here.status_code == 200, agency
        menu = _menu(here.text)
        assert '<a href="/stop-list" aria-current="page">Stop-list</a>' in menu, agency
        assert 'href="/clusters" aria-current' not in menu, agency
    # A visitor without an account may not open it, and no page of theirs offers it.
    assert app_client.get("/stop-list", follow_redirects=False).status_code == 303
    public = app_client.get("/public/check").text
    assert public.count("<a ") > 0 and 'href="/stop-list"' not in public


def _remove(client: TestClient, value: str) -> Response:
    token = csrf_of(client.get("/stop-list").text)
    return client.post(
        "/stop-list/remove",
        data={"kind": "phone", "value": value, "csrf_token": token},
        follow_redirects=False,
    )


def test_another_agency_may_not_remove_or_take_over_an_entry_withheld_from_it(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    # The page offers no button for a withheld entry; a form posted by hand removed it anyway,
    # or took it over with the caller's reason, on a value named only in MY-NSRC's red reports.
    listed, hub = "+60199990003", "+60199990004"
    with session_scope(engine) as session:
        owner = session.scalar(select(Agency.id).where(Agency.code == "MY-NSRC"))
        assert owner is not None
        make_report(session, agency_id=owner, ref="MY-red-listed", mark="red", phone=listed)
        make_hub(session, hub, "red", ref="MY-red-hub")
    member = client_for("MY-NSRC")
    assert _add(member, listed, "spoofed number of our red case").status_code == 303
    other = client_for("SG-ASCOM")
    for value in (listed, hub):
        removed = _remove(other, value)
        assert removed.status_code == 403, value
        assert "only in reports SG-ASCOM may not see" in removed.text
        assert "MY-NSRC" not in removed.text  # the lister stays withheld
        taken = _add(other, value, "taken over")
        assert taken.status_code == 403, value
    rows = {r["Identifier"]: r for r in _csv_rows(member)}
    assert rows[listed]["Why"] == "spoofed number of our red case"
    assert rows[listed]["Listed by"].endswith("@MY-NSRC")
    assert rows[hub]["Action"] == "stop" and rows[hub]["Listed by"] == "auto"
    # The agency that may see the reports still edits its entries.
    assert _remove(member, listed).status_code == 303
    assert _remove(member, hub).status_code == 303


def test_the_add_form_comes_before_a_long_list_of_entries(
    client_for: Callable[[str], TestClient], engine: Engine, region: PolicyRegion
) -> None:
    # The form sat under every entry: with a few hundred automatic hubs an analyst scrolled
    # past all of them to add one.
    with session_scope(engine) as session:
        for n in range(30):
            make_hub(session, f"+6012300{n:04d}", "green", ref=f"MY-HUB-{n}")
    page = client_for("MY-NSRC").get("/stop-list").text
    assert "30 entries" in page
    form, first_entry = page.index('id="add-h"'), page.index("+60123000000")
    assert form < first_entry
    assert page.index(">Entries</h2>") < first_entry
