"""An outside verifier's probes of what a caller can learn from others, and of accounts that
change while they are in use.

- The audit log is read by no page, route or command; nor may any answer tell one agency what
  another searched for or read: another agency checking values only hidden reports name, bulk
  checking, reading, exporting and marking its alerts read changes nothing, byte for byte,
  that a caller of any other agency is told.
- A user moved to another agency (by the database's operator: no command moves one) is answered
  as that agency from the next request on, by its web sign-in and by its API tokens: not with
  the figures, alerts, batches or reports of the agency it left.
- No answer of any route, whatever the method or the Accept header, may be kept by the browser
  or offered for revalidation (no ETag or Last-Modified): a 403 page names a holder, a 405 or
  422 the address asked for, which can hold a checked value.
- Served under a proxy's path prefix, the API still refuses a write another site's page makes
  a signed-in browser send with its cookie.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from counterscam.access.accounts import issue_token
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.models import Agency, AuditEvent, User
from tests.access.test_every_route_access import (
    BULK,
    Region,
    _gets,
    _hidden_from,
    _leaks,
    region,  # noqa: F401  (the fixture)
)
from tests.access.test_hidden_content_changes_nothing import _answers
from tests.factories import PASSWORD
from tests.web.conftest import csrf_of, sign_in


def _searches_and_reads(client: TestClient, walked: Region) -> None:
    """Do as an analyst of another agency does all day: check values (hidden ones too), check a
    list, open every report and cluster, download every export, mark an alert read."""
    for value in [*BULK, "+6599998888"]:
        client.get(f"/api/v1/check?value={quote(value)}")
        client.get(f"/check?value={quote(value)}")
    client.post("/api/v1/check/bulk", json={"items": [{"kind": "phone", "value": v} for v in BULK]})
    token = csrf_of(client.get("/check/bulk").text)
    client.post(
        "/check/bulk", data={"csrf_token": token, "country": "SG", "values": "\n".join(BULK)}
    )
    ids = sorted(walked.report_ids.values())
    for urls in _gets(ids, walked.cluster_keys, walked.batch_id).values():
        for url in urls:
            client.get(url)
    alerts = client.get("/api/v1/alerts").json()["items"]
    assert alerts, "the other agency has alerts to read"
    client.post(f"/alerts/{alerts[0]['id']}/read", data={"csrf_token": token})


@pytest.mark.parametrize("who", ["TH-CCIB", "AU-AFP"])
def test_another_agencys_searches_and_reads_change_nothing_a_caller_is_told(
    engine: Engine,
    region: Region,  # noqa: F811  (the fixture)
    who: str,
) -> None:
    app = create_app(settings=Settings(demo=True), engine=engine)
    searched = select(func.count()).select_from(AuditEvent).where(AuditEvent.actor.like("%@SG-%"))
    with TestClient(app) as client, TestClient(app) as other:
        sign_in(client, region.usernames[who])
        before = _answers(client, region)
        sign_in(other, region.usernames["SG-ASCOM"])
        logged = region.session.scalar(searched) or 0
        _searches_and_reads(other, region)
        assert (region.session.scalar(searched) or 0) > logged + 50, "the searches were audited"
        after = _answers(client, region)
    changed = sorted(url for url in before if before[url] != after[url])
    assert not changed, (who, changed)


def _move(walked: Region, username: str, to: str) -> None:
    session = walked.session
    user = session.scalars(select(User).where(User.username == username)).one()
    user.agency_id = session.scalars(select(Agency.id).where(Agency.code == to)).one()
    session.commit()


# Answers that depend only on the caller's agency: a moved user's must be its new agency's.
AGENCY_VIEWS = (
    "/api/v1/reports?per_page=500",
    "/api/v1/clusters?per_page=500",
    "/api/v1/alerts?per_page=500",
    "/dashboard/by-country.csv",
    "/reports.csv",
    "/clusters.csv",
    "/alerts.csv?show=all",
)


def test_a_user_moved_to_another_agency_is_answered_as_its_new_agency_from_the_next_request(
    engine: Engine,
    region: Region,  # noqa: F811  (the fixture)
) -> None:
    moved = region.usernames["MY-NSRC"]
    token = issue_token(region.session, username=moved).secret
    region.session.commit()
    red = region.report_ids["MY-red"]
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app) as browser, TestClient(app) as partner:
        sign_in(browser, moved)
        sign_in(partner, region.usernames["AU-AFP"])
        bearer = {"Authorization": f"Bearer {token}"}
        assert browser.get(f"/reports/{red}").status_code == 200
        assert browser.get(f"/upload/batches/{region.batch_id}").status_code == 404
        for url in AGENCY_VIEWS:  # figures of the agency left behind, kept per agency
            assert browser.get(url).text != partner.get(url).text, url
        _move(region, moved, "AU-AFP")
        assert browser.get(f"/reports/{red}").status_code == 403
        assert browser.get(f"/api/v1/reports/{red}", headers=bearer).status_code == 403
        for url in AGENCY_VIEWS:
            assert browser.get(url).text == partner.get(url).text, url
            if url.startswith("/api/"):
                assert browser.get(url, headers=bearer).json() == partner.get(url).json(), url
        assert "Australian Federal Police" in browser.get("/").text
        refused = browser.post(
            "/reports/new", data={"csrf_token": csrf_of(browser.get("/check").text)}
        )
        assert refused.status_code == 403, "a partner's user writes nothing"
        hidden = _hidden_from("AU-AFP")
        ids = sorted(region.report_ids.values())
        for urls in _gets(ids, region.cluster_keys, region.batch_id).values():
            for url in urls:
                assert not _leaks(browser.get(url), hidden, asked=url), url


METHODS = ("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE")


def test_no_answer_of_any_method_or_variant_may_be_kept_or_revalidated(
    engine: Engine,
    region: Region,  # noqa: F811  (the fixture)
) -> None:
    ids = sorted(region.report_ids.values())
    first = [urls[0] for urls in _gets(ids, region.cluster_keys, region.batch_id).values()]
    spelled = [f"/reports/{ids[0]}/", f"/REPORTS/{ids[0]}", f"/reports/x/../{ids[0]}"]
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, region.usernames["AU-AFP"])
        for url in [*first, *spelled]:
            for method in METHODS:
                for accept in ("text/html", "application/json"):
                    answer = client.request(
                        method, url, headers={"Accept": accept}, follow_redirects=False
                    )
                    said = (method, url, accept, answer.status_code)
                    assert answer.status_code < 500, said
                    assert answer.headers.get("cache-control") == "no-store", said
                    assert "etag" not in answer.headers, said
                    assert "last-modified" not in answer.headers, said


def test_under_a_proxys_prefix_another_site_may_not_write_through_the_api_with_the_cookie(
    engine: Engine,
    region: Region,  # noqa: F811  (the fixture)
) -> None:
    # Served under a prefix (uvicorn --root-path /cs), no path started with /api/: another
    # site's page made the signed-in browser submit reports and mark alerts read.
    app = create_app(settings=Settings(demo=True), engine=engine)
    report = {
        "external_ref": "PLANTED-1",
        "reported_at": "2025-06-15T08:00:00+08:00",
        "scam_type": "sextortion",
        "channel": "phone_call",
        "mark": "green",
        "identifiers": [{"kind": "phone", "value": "+60123456789", "role": "caller"}],
    }
    other_site = {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}
    with TestClient(app, root_path="/cs") as browser:
        token = csrf_of(browser.get("/cs/sign-in").text)
        form = {"username": region.usernames["MY-NSRC"], "password": PASSWORD}
        signed = browser.post(
            "/cs/sign-in", data={**form, "csrf_token": token}, follow_redirects=False
        )
        assert signed.status_code == 303, signed.text
        alert = browser.get("/cs/api/v1/alerts").json()["items"][0]["id"]
        planted = browser.post("/cs/api/v1/reports", json=report, headers=other_site)
        assert planted.status_code == 403, planted.text
        assert "another site" in planted.text
        read = browser.post(f"/cs/api/v1/alerts/{alert}/read", headers=other_site)
        assert read.status_code == 403, read.text
        listed = browser.get("/cs/api/v1/reports?per_page=500").json()["items"]
        assert "PLANTED-1" not in {r["external_ref"] for r in listed}
        assert browser.get("/cs/api/v1/alerts?unread=true").json()["unread"] == 2
        own = browser.post(
            "/cs/api/v1/reports", json=report, headers={"Sec-Fetch-Site": "same-origin"}
        )
        assert own.status_code == 201, own.text
