"""A read of a report that gave nothing says in the audit log whether the report exists.

Both were written ``read_report``, hits 0, ``report:<id>``: an auditor could not tell a user
trying the ids of records hidden from them (probing) from one mistyping an id. The callers'
answers are unchanged: what a caller learns is the access policy's to decide, not the log's.
"""

from __future__ import annotations

import re
from typing import Any

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


# Clusters and upload batches follow the same convention as reports: a read that gave nothing
# says whether the cluster or batch exists. Both were written with hits 0 and nothing more.
UNKNOWN_CLUSTER = "CL-987654"
Answer = tuple[int, str]  # status, what the caller was told


def _row(action: str, ref: str, query: str, hits: int = 0) -> Read:
    return (action, hits, ref, query)


@pytest.mark.parametrize("route", ["", "/graph"])
def test_the_api_logs_a_hidden_cluster_as_refused_and_an_unknown_key_as_missing(
    engine: Engine, world: World, route: str
) -> None:
    action = "read_cluster_graph" if route else "read_cluster"
    signed = {"Authorization": f"Bearer {world.tokens[PARTNER]}"}
    keys = {"seen": world.ids["cluster"], "hidden": world.ids["hidden_cluster"]}
    keys["unknown"] = UNKNOWN_CLUSTER
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        answers, reads = {}, {}
        for name, key in keys.items():
            before = world.last_row()
            answers[name] = client.get(f"/api/v1/clusters/{key}{route}", headers=signed)
            reads[name] = _reads(world, before)
    assert reads == {
        "seen": [_row(action, f"cluster:{keys['seen']}", "", hits=3)],
        "hidden": [_row(action, f"cluster:{keys['hidden']}", REFUSED)],
        "unknown": [_row(action, f"cluster:{UNKNOWN_CLUSTER}", MISSING)],
    }
    # The answers are the policy's, as before: who holds a hidden cluster, no such key.
    assert answers["hidden"].status_code == 403
    holders = answers["hidden"].json()["detail"]["holdings"]
    assert [h["agency_code"] for h in holders] == [MEMBER]
    assert answers["unknown"].status_code == 404
    assert answers["unknown"].json()["detail"].startswith(f"no cluster {UNKNOWN_CLUSTER};")


@pytest.mark.parametrize(
    ("route", "action"),
    [
        ("", "read_cluster"),
        ("/countries.csv", "read_cluster"),
        ("/network", "read_cluster_graph"),
        ("/network/table", "read_cluster_graph"),
        ("/graph.json", "read_cluster_graph"),
    ],
)
def test_the_cluster_pages_log_a_hidden_cluster_as_refused_and_an_unknown_key_as_missing(
    engine: Engine, world: World, route: str, action: str
) -> None:
    hidden = world.ids["hidden_cluster"]
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, world.policy.users[PARTNER].username)
        answers, reads = {}, {}
        for name, key in (("hidden", hidden), ("unknown", UNKNOWN_CLUSTER)):
            before = world.last_row()
            answers[name] = client.get(f"/clusters/{key}{route}").status_code
            reads[name] = _reads(world, before)
    assert reads == {
        "hidden": [_row(action, f"cluster:{hidden}", REFUSED)],
        "unknown": [_row(action, f"cluster:{UNKNOWN_CLUSTER}", MISSING)],
    }
    assert answers == {"hidden": 403, "unknown": 404}


def _batch_answer(answer: Any, batch_id: str) -> Answer:
    """Return the status and the detail, with the id asked for put back as {id}."""
    told = answer.json()["detail"] if answer.headers["content-type"].startswith("app") else ""
    return answer.status_code, str(told).replace(batch_id, "{id}")


@pytest.mark.parametrize("route", ["", "/rejections.csv"])
def test_the_api_logs_another_agencys_batch_as_refused_and_an_unknown_id_as_missing(
    engine: Engine, world: World, route: str
) -> None:
    # MY-NSRC asks for SG-ASCOM's batch, and for a batch id no batch has.
    signed = {"Authorization": f"Bearer {world.tokens[MEMBER]}"}
    ids = {"theirs": world.ids["batch"], "missing": world.ids["missing"]}
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        answers, reads = {}, {}
        for name, batch_id in ids.items():
            before = world.last_row()
            answer = client.get(f"/api/v1/batches/{batch_id}{route}", headers=signed)
            answers[name] = _batch_answer(answer, batch_id)
            reads[name] = _reads(world, before)
    assert reads == {
        "theirs": [_row("read_batch", f"batch:{ids['theirs']}", REFUSED)],
        "missing": [_row("read_batch", f"batch:{ids['missing']}", MISSING)],
    }
    # Answered alike, as before: another agency's batch is not told from no batch.
    told = (404, "no batch {id} submitted by your agency")
    assert answers["theirs"] == answers["missing"] == told


@pytest.mark.parametrize("route", ["", "/rejections.csv"])
def test_the_batch_pages_log_another_agencys_batch_as_refused_and_an_unknown_id_as_missing(
    engine: Engine, world: World, route: str
) -> None:
    ids = {"theirs": world.ids["batch"], "missing": world.ids["missing"]}
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, world.policy.users[MEMBER].username)
        answers, reads = {}, {}
        for name, batch_id in ids.items():
            before = world.last_row()
            answer = client.get(f"/upload/batches/{batch_id}{route}")
            answers[name] = (answer.status_code, _heading(answer.text))
            reads[name] = _reads(world, before)
    assert reads == {
        "theirs": [_row("read_batch", f"batch:{ids['theirs']}", REFUSED)],
        "missing": [_row("read_batch", f"batch:{ids['missing']}", MISSING)],
    }
    assert answers["theirs"] == answers["missing"] == (404, "Page not found")


def test_a_batch_or_cluster_read_that_gave_something_has_an_empty_query(
    engine: Engine, world: World
) -> None:
    own = {"Authorization": f"Bearer {world.tokens['SG-ASCOM']}"}
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        before = world.last_row()
        assert client.get(f"/api/v1/batches/{world.ids['batch']}", headers=own).status_code == 200
        key = world.ids["hidden_cluster"]
        mine = {"Authorization": f"Bearer {world.tokens[MEMBER]}"}
        assert client.get(f"/api/v1/clusters/{key}", headers=mine).status_code == 200
        reads = _reads(world, before)
    assert reads == [
        _row("read_batch", f"batch:{world.ids['batch']}", "", hits=1),
        _row("read_cluster", f"cluster:{key}", "", hits=2),
    ]
