"""A read of a report that gave nothing says in the audit log whether the report exists.

Both were written ``read_report``, hits 0, ``report:<id>``: an auditor could not tell a user
trying the ids of records hidden from them (probing) from one mistyping an id. The callers'
answers are unchanged: what a caller learns is the access policy's to decide, not the log's.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.access.reads import MISSING, REFUSED, NotFound, NotPermitted, get_report
from counterscam.api.app import create_app
from counterscam.config import Settings
from tests.audit.conftest import World
from tests.web.conftest import csrf_of, sign_in

PARTNER, MEMBER = "AU-AFP", "MY-NSRC"
Read = tuple[str, int, str, str]  # action, hits, record_ref, query


def _reads(world: World, after: int) -> list[Read]:
    return [(r.action, r.hits, r.record_ref, r.query) for r in world.new_rows(after)]


def _read(world: World, name: str, hits: int, query: str) -> Read:
    return ("read_report", hits, f"report:{world.ids[name]}", query)


def _heading(html: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return found.group(1).strip() if found else ""


def test_the_api_logs_a_hidden_report_as_refused_and_an_unknown_id_as_missing(
    engine: Engine, world: World
) -> None:
    signed = {"Authorization": f"Bearer {world.tokens[PARTNER]}"}
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        answers, reads = {}, {}
        for name in ("green", "amber", "missing"):
            before = world.last_row()
            answers[name] = client.get(f"/api/v1/reports/{world.ids[name]}", headers=signed)
            reads[name] = _reads(world, before)
    assert reads == {
        "green": [_read(world, "green", 1, "")],
        "amber": [_read(world, "amber", 0, REFUSED)],
        "missing": [_read(world, "missing", 0, MISSING)],
    }
    # The answers are the policy's, as before: the holder of a hidden report, no such report.
    assert answers["amber"].status_code == 403
    assert answers["amber"].json()["detail"]["holder_agency"] == MEMBER
    assert answers["missing"].status_code == 404
    assert answers["missing"].json() == {"detail": f"no report {world.ids['missing']}"}


def test_the_report_page_logs_a_hidden_report_as_refused_and_an_unknown_id_as_missing(
    engine: Engine, world: World
) -> None:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, world.policy.users[PARTNER].username)
        pages, reads = {}, {}
        for name in ("amber", "missing"):
            before = world.last_row()
            pages[name] = client.get(f"/reports/{world.ids[name]}")
            reads[name] = _reads(world, before)
    assert reads == {
        "amber": [_read(world, "amber", 0, REFUSED)],
        "missing": [_read(world, "missing", 0, MISSING)],
    }
    assert (pages["amber"].status_code, _heading(pages["amber"].text)) == (
        403,
        "You cannot open this report",
    )
    assert (pages["missing"].status_code, _heading(pages["missing"].text)) == (
        404,
        "Page not found",
    )


def test_a_partners_request_for_a_form_is_answered_alike_and_logged_apart(
    engine: Engine, world: World
) -> None:
    """Refused for its role before any look-up: the same 403 whether the report exists or not."""
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, world.policy.users[PARTNER].username)
        token = csrf_of(client.get("/reports").text)
        answers, reads = {}, {}
        for name in ("amber", "missing"):
            before = world.last_row()
            shown = client.get(f"/reports/{world.ids[name]}/edit")
            sent = client.post(
                f"/reports/{world.ids[name]}/edit",
                data={"add": "places", "csrf_token": token},
                follow_redirects=False,
            )
            answers[name] = [
                (a.status_code, _heading(a.text), a.text.count("<p")) for a in (shown, sent)
            ]
            reads[name] = _reads(world, before)
    assert answers["amber"] == answers["missing"]  # no existence told by a form's refusal
    assert answers["amber"][0][0] == 403
    assert reads == {
        "amber": [_read(world, "amber", 0, REFUSED)] * 2,
        "missing": [_read(world, "missing", 0, MISSING)] * 2,
    }


def test_a_members_request_for_the_form_of_no_report_is_logged_as_missing(
    engine: Engine, world: World
) -> None:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, world.policy.users[MEMBER].username)
        before = world.last_row()
        answer = client.get(f"/reports/{world.ids['missing']}/edit")
        reads = _reads(world, before)
    assert answer.status_code == 404
    assert reads == [_read(world, "missing", 0, MISSING)]


def test_the_gateway_tells_the_two_apart_for_every_channel(world: World) -> None:
    """Commands read reports through the same gateway: the convention is one for all."""
    session, caller = world.session, world.policy.caller(PARTNER)
    green, amber, missing = (int(world.ids[n]) for n in ("green", "amber", "missing"))
    before = world.last_row()
    get_report(session, caller, green, channel="cli")
    with pytest.raises(NotPermitted):
        get_report(session, caller, amber, channel="cli")
    with pytest.raises(NotFound):
        get_report(session, caller, missing, channel="cli")
    rows = world.new_rows(before)
    assert [(r.channel, r.hits, r.query, r.record_ref) for r in rows] == [
        ("cli", 1, "", f"report:{green}"),
        ("cli", 0, REFUSED, f"report:{amber}"),
        ("cli", 0, MISSING, f"report:{missing}"),
    ]
