"""Every route, walked as an outsider probes it, for every role: nothing of a report the caller
may not see (its reference, narrative, persons, compounds, or an identifier only it names)
appears in any answer, page, CSV, workbook, JSON or header, whatever the path's spelling.

The region holds reports of every mark by three agencies, an amber report narrowed to named
agencies, clusters joining reports of several marks and agencies, cross-border alerts, an
upload batch and stop-list entries. A route added later fails here until it is walked, or named
as a write with the reason. tests/audit/test_every_route_audited.py walks the same routes for
the audit log; this walk is about what each answer shows.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from urllib.parse import quote, quote_plus, unquote_plus

import openpyxl
import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine, create_engine, func, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import create_user, issue_token, revoke_token
from counterscam.api.app import create_app
from counterscam.check.alerts import raise_alerts
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from counterscam.db.link_models import Cluster, ClusterReport
from counterscam.db.models import Agency, Alert, Identifier, Party, Place, ReportShare, Sighting
from counterscam.db.models import User as UserRow
from counterscam.intake.json_files import report_of
from counterscam.intake.service import submit
from counterscam.link.rebuild import rebuild
from counterscam.link.stoplist import add_stop
from tests.check.helpers import add_report
from tests.factories import EXPECTED_VISIBLE, PASSWORD, build_policy_region
from tests.web.conftest import csrf_of, sign_in

MEMBERS_AND_SECRETARIAT = {"MY-NSRC", "SG-ASCOM", "TH-CCIB", "ASEANAPOL"}
EVERYONE = set(EXPECTED_VISIBLE)
# Who may see each report, from DESIGN.md's table: the policy region's MY-NSRC reports, and
# reports of SG-ASCOM and TH-CCIB (one amber narrowed to MY-NSRC) written here.
SEEN_BY: dict[str, set[str]] = {
    f"MY-{label}": {code for code, seen in EXPECTED_VISIBLE.items() if label in seen}
    for label in EXPECTED_VISIBLE["MY-NSRC"]
}
SEEN_BY |= {
    "SG-red": {"SG-ASCOM"},
    "SG-amber+strict": {"SG-ASCOM", "ASEANAPOL"},
    "TH-amber-to-MY": {"TH-CCIB", "MY-NSRC", "ASEANAPOL"},
    "TH-green": EVERYONE,
}
# A report's reference, or anything named after it (narrative, suspect, victim, compound).
LABEL = re.compile(
    r"(MY|SG|TH)-(clear|green|amber\+strict|amber-to-SG|amber-to-MY|amber|red)(?![\w+-])"
)
# The phones only these reports name (the digits after the country code, as any page writes
# them); +60197000005 and +60197000004 also link MY-NSRC's red and amber+strict reports across
# the border, into one cluster with reports every agency may see.
PHONES: dict[str, set[str]] = {
    "97000001": {"MY-clear"},
    "97000002": {"MY-green"},
    "97000003": {"MY-amber"},
    "97000004": {"MY-amber+strict", "TH-green"},
    "97000005": {"MY-red", "SG-red"},
    "97000006": {"MY-amber-to-SG"},
    "81110001": {"SG-red"},
    "81110002": {"SG-amber+strict", "TH-amber-to-MY"},
    "11110003": {"TH-amber-to-MY"},
    "11110004": {"TH-green"},
}
DASHBOARD_SLUGS = ("by-country", "by-scam-type", "by-month", "alerts")
BRIEF_SLUGS = (
    "countries",
    "timeline",
    "scam-types",
    "identifiers",
    "compounds",
    "persons",
    "links",
    "holdings",
)
NETWORK_SLUGS = ("nodes", "edges")


def _sg(ref: str, mark: str, phones: list[str], loss: str) -> dict[str, object]:
    return {
        "external_ref": ref,
        "reported_at": "2025-06-15T08:00:00+08:00",
        "scam_type": "sextortion",
        "channel": "phone_call",
        "loss_amount": loss,
        "loss_currency": "USD",
        "mark": mark,
        "narrative": f"narrative of {ref}",
        "identifiers": [{"kind": "phone", "value": p, "role": "caller"} for p in phones],
        "parties": [{"role": "suspect", "full_name": f"suspect of {ref}"}],
        "places": [{"kind": "compound", "name": f"compound of {ref}"}],
    }


@dataclass
class Region:
    """The region, the ids and keys the routes are asked for, and credentials of every kind."""

    session: Session
    usernames: dict[str, str]
    tokens: dict[str, str]
    report_ids: dict[str, int]
    cluster_keys: list[str]
    batch_id: int


def _th_report(session: Session, ref: str, mark: str, phones: list[str]) -> int:
    report = add_report(
        session,
        agency="TH-CCIB",
        ref=ref,
        mark=mark,
        identifiers=[("phone", p, "caller") for p in phones],
        scam_type="sextortion",
        loss_usd="512000",
        reported_at=datetime(2025, 6, 15, tzinfo=UTC),
    )
    session.add_all(
        [
            Party(report_id=report.id, role="suspect", full_name=f"suspect of {ref}"),
            Place(report_id=report.id, kind="compound", name=f"compound of {ref}"),
        ]
    )
    return report.id


@pytest.fixture
def region(engine: Engine) -> Iterator[Region]:
    session = session_factory(engine)()
    policy = build_policy_region(session)
    agencies = {a.code: a.id for a in session.scalars(select(Agency))}
    ids = {f"MY-{label}": report.id for label, report in policy.reports.items()}
    for n, (label, report) in enumerate(policy.reports.items(), 1):
        ref = f"MY-{label}"
        report.reported_at = datetime(2025, 6, n, tzinfo=UTC)
        report.loss_usd = Decimal(2**n * 1000)
        phone = Identifier(kind="phone", value=f"+6019700000{n}", country="MY")
        session.add(phone)
        session.flush()
        session.add_all(
            [
                Sighting(
                    report_id=report.id,
                    identifier_id=phone.id,
                    role="caller",
                    raw_value=phone.value,
                ),
                Party(report_id=report.id, role="suspect", full_name=f"suspect of {ref}"),
                Party(
                    report_id=report.id, role="victim_of_trafficking", full_name=f"victim of {ref}"
                ),
                Place(report_id=report.id, kind="compound", name=f"compound of {ref}"),
            ]
        )
    session.commit()
    sg = policy.caller("SG-ASCOM")
    sent = [
        _sg("SG-red", "red", ["+60197000005", "+6581110001"], "128000"),
        _sg("SG-amber+strict", "amber+strict", ["+6581110002"], "256000"),
        _sg("SG-red", "green", [], "1"),  # the same reference twice: a rejected row
    ]
    first: dict[str, int] = {}
    batch = submit(
        session,
        sg,
        reports=[
            report_of(r, file="request", row=i, first_row=first) for i, r in enumerate(sent, 1)
        ],
        source="api",
        keep_valid=True,
    )
    assert (batch.status, batch.accepted, batch.rejected) == ("partial", 2, 1), batch.errors
    ids["TH-amber-to-MY"] = _th_report(
        session, "TH-amber-to-MY", "amber", ["+6581110002", "+66811110003"]
    )
    session.add(ReportShare(report_id=ids["TH-amber-to-MY"], agency_id=agencies["MY-NSRC"]))
    ids["TH-green"] = _th_report(session, "TH-green", "green", ["+60197000004", "+66811110004"])
    ids["SG-red"], ids["SG-amber+strict"] = batch.report_ids
    usernames = {code: user.username for code, user in policy.users.items()}
    usernames["MY-NSRC admin"] = create_user(
        session, username="admin-my", password=PASSWORD, agency_code="MY-NSRC", role="admin"
    ).username
    session.commit()
    rebuild(session)
    raise_alerts(session, sorted(ids.values()))
    add_stop(session, policy.caller("MY-NSRC"), kind="phone", value="+60197000006", reason="r")
    add_stop(session, sg, kind="phone", value="+6581110001", reason="stop of SG-red's phone")
    tokens = {code: issue_token(session, username=name).secret for code, name in usernames.items()}
    revoked = issue_token(session, username=usernames["MY-NSRC"])
    revoke_token(session, token_id=revoked.id)
    tokens["revoked token"] = revoked.secret
    disabled = create_user(
        session, username="disabled-my", password=PASSWORD, agency_code="MY-NSRC"
    )
    tokens["disabled user"] = issue_token(session, username=disabled.username).secret
    session.get_one(UserRow, disabled.id).active = False
    session.commit()
    keys = sorted(session.scalars(select(Cluster.key)))
    # One cluster of all of MY-NSRC's reports with SG-red and TH-green, one of SG-ASCOM's
    # amber+strict report with TH-CCIB's narrowed one; alerts between the three agencies.
    sizes = session.execute(
        select(func.count()).select_from(ClusterReport).group_by(ClusterReport.cluster_id)
    )
    assert sorted(n for (n,) in sizes) == [2, 8]
    assert session.scalar(select(func.count()).select_from(Alert)) == 6
    yield Region(
        session=session,
        usernames=usernames,
        tokens=tokens,
        report_ids=ids,
        cluster_keys=keys,
        batch_id=batch.batch_id or 0,
    )
    session.close()


P0 = "%2B60123456789"  # named by every MY-NSRC report, clear among them
HIDDEN_PHONE = "%2B6581110001"  # named only by SG-red


def _gets(reports: list[int], keys: list[str], batch: int) -> dict[str, list[str]]:
    """Return, for each GET route, the addresses walked: every id, key and slug, and the
    filters and page sizes an outsider tries (unknown ones like agency= and mark= too)."""
    wide = "per_page=500&agency=MY-NSRC&mark=red&owner=MY-NSRC&fields=narrative"
    return {
        "/api/v1/openapi.json": ["/api/v1/openapi.json"],
        "/openapi.json": ["/openapi.json"],
        "/docs": ["/docs"],
        "/api/docs": ["/api/docs"],
        "/api/v1/health": ["/api/v1/health"],
        "/api/v1/check": [f"/api/v1/check?value={P0}", f"/api/v1/check?value={HIDDEN_PHONE}"],
        "/api/v1/reports": [
            f"/api/v1/reports?{wide}",
            "/api/v1/reports?country=SG&per_page=500",
            "/api/v1/reports?scam_type=sextortion&per_page=500",
        ],
        "/api/v1/reports/{report_id}": [f"/api/v1/reports/{i}" for i in reports],
        "/api/v1/batches/{batch_id}": [f"/api/v1/batches/{batch}"],
        "/api/v1/batches/{batch_id}/rejections.csv": [f"/api/v1/batches/{batch}/rejections.csv"],
        "/api/v1/templates/reports.xlsx": ["/api/v1/templates/reports.xlsx"],
        "/api/v1/templates/{name}.csv": ["/api/v1/templates/reports.csv"],
        "/api/v1/alerts": [f"/api/v1/alerts?{wide}&unread_only=false"],
        "/api/v1/clusters": [
            f"/api/v1/clusters?{wide}",
            "/api/v1/clusters?compound=compound%20of%20MY-red",
            "/api/v1/clusters?country=SG&sort=reports",
        ],
        "/api/v1/clusters/{key}": [f"/api/v1/clusters/{k}" for k in keys],
        "/api/v1/clusters/{key}/graph": [f"/api/v1/clusters/{k}/graph?limit=20000" for k in keys],
        "/sign-in": ["/sign-in"],
        "/": ["/"],
        "/dashboard/{slug}.csv": [f"/dashboard/{s}.csv" for s in DASHBOARD_SLUGS],
        "/reports/new": ["/reports/new"],
        "/reports/{report_id}/edit": [f"/reports/{i}/edit" for i in reports],
        "/upload": ["/upload"],
        "/upload/batches/{batch_id}": [f"/upload/batches/{batch}"],
        "/upload/batches/{batch_id}/rejections.csv": [f"/upload/batches/{batch}/rejections.csv"],
        "/reports": [f"/reports?{wide}", "/reports?country=SG", "/reports?sort=-loss_usd"],
        "/reports.csv": [f"/reports.csv?{wide}", "/reports.csv?scam_type=sextortion"],
        "/reports/{report_id}": [f"/reports/{i}" for i in reports],
        "/check": [f"/check?value={P0}", f"/check?kind=phone&value={HIDDEN_PHONE}"],
        "/public/check": ["/public/check"],
        "/check/bulk": ["/check/bulk"],
        "/alerts": ["/alerts?show=all", f"/alerts?{wide}"],
        "/alerts.csv": ["/alerts.csv?show=all"],
        "/clusters": [f"/clusters?{wide}", "/clusters?compound=compound%20of%20SG-red"],
        "/clusters.csv": [f"/clusters.csv?{wide}"],
        "/clusters/{key}": [f"/clusters/{k}" for k in keys],
        "/clusters/{key}/network": [f"/clusters/{k}/network" for k in keys],
        "/clusters/{key}/network/table": [f"/clusters/{k}/network/table" for k in keys],
        "/clusters/{key}/network/{slug}.csv": [
            f"/clusters/{k}/network/{s}.csv" for k in keys for s in NETWORK_SLUGS
        ],
        "/clusters/{key}/graph.json": [f"/clusters/{k}/graph.json" for k in keys],
        "/clusters/{key}/{slug}.csv": [f"/clusters/{k}/{s}.csv" for k in keys for s in BRIEF_SLUGS],
        "/stop-list": ["/stop-list"],
        "/stop-list.csv": ["/stop-list.csv"],
    }


# POST routes that answer with records, walked with a form or body below; the others write.
POSTS_WALKED = {
    "/api/v1/check/bulk",
    "/check",
    "/public/check",
    "/check/bulk",
    "/check/bulk.csv",
    "/check/bulk.xlsx",
    "/reports/{report_id}/edit",
    "/stop-list",
    "/stop-list/remove",
}
POSTS_WRITING = {
    "/api/v1/reports": "a submission: answers with the caller's own batch",
    "/api/v1/reports/batch": "a submission: answers with the caller's own batch",
    "/api/v1/uploads": "a submission: answers with the caller's own batch",
    "/api/v1/alerts/{alert_id}/read": "marks one of the caller's own alerts read",
    "/alerts/{alert_id}/read": "marks one of the caller's own alerts read",
    "/sign-in": "signing in",
    "/sign-out": "signing out",
    "/reports/new": "a submission: goes on to the report's own page",
    "/upload": "a submission: goes on to the batch's own page",
}


def _routes() -> set[tuple[str, str]]:
    app = create_app(settings=Settings(demo=True), engine=create_engine("sqlite://"))
    return {
        (method, str(ctx.path))
        for ctx in iter_route_contexts(app.routes)
        for method in getattr(ctx, "methods", None) or ()
        if method != "HEAD"
    }


def test_every_route_is_walked_or_named_as_a_write() -> None:
    routes = _routes()
    gets = {path for method, path in routes if method == "GET"}
    posts = {path for method, path in routes if method == "POST"}
    walked = set(_gets([1], ["CL-000001"], 1))
    assert gets - walked == set(), "GET routes no walk here visits"
    assert walked - gets == set(), "walks of GET routes the app no longer has"
    assert posts - POSTS_WALKED - set(POSTS_WRITING) == set(), "POST routes not walked or named"
    assert (POSTS_WALKED | set(POSTS_WRITING)) - posts == set(), "routes the app no longer has"


def _hidden_from(who: str) -> tuple[set[str], set[str]]:
    """Return the references and phone digits ``who`` may not see (any other name: all)."""
    seen = {ref for ref, agencies in SEEN_BY.items() if who in agencies}
    phones = {digits for digits, named in PHONES.items() if not named & seen}
    return set(SEEN_BY) - seen, phones


def _text(answer: Response) -> str:
    body = answer.content
    if body[:2] == b"PK":  # a workbook: every cell's text
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        rows = (row for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))
        body = "\n".join(str(cell) for row in rows for cell in row).encode()
    return body.decode("utf-8", "replace") + json.dumps(dict(answer.headers))


def _leaks(answer: Response, hidden: tuple[set[str], set[str]], asked: str) -> list[str]:
    """Return what of ``hidden`` the answer shows, the values ``asked`` said back left out."""
    text = _text(answer)
    said = {unquote_plus(raw) for raw in re.split(r"[?&=]", asked)}
    forms = {f(s) for s in said for f in (str, quote_plus, quote, html.escape)}
    for value in sorted(forms, key=len, reverse=True):  # a filter or value echoed, a next=
        text = text.replace(value, "") if len(value) > 3 else text
    for digits in re.findall(r"\d{8}", asked):
        text = text.replace(digits, "")  # the value checked, in the page's own spelling
    refs, phones = hidden
    found = {m.group(0) for m in LABEL.finditer(text)} & refs
    return sorted(found | {p for p in phones if p in text})


def _spellings(url: str) -> list[str]:
    """Return the address as probes also write it: a trailing slash, upper case, '//'."""
    path, _, query = url.partition("?")
    tail = f"?{query}" if query else ""
    return [f"{path}/{tail}", f"{path.upper()}{tail}", f"/{path}{tail}"]


def _walk_gets(
    client: TestClient, region: Region, who: str, *, api_only: bool = False, spell: bool = False
) -> None:
    """GET every address of every route; with ``spell``, HEAD and other spellings of each
    route's first address too (routing is the same for every caller: walked for those who
    see least)."""
    hidden = _hidden_from(who)
    routes = _gets(sorted(region.report_ids.values()), region.cluster_keys, region.batch_id)
    for route, urls in routes.items():
        if api_only and not route.startswith("/api/"):
            continue
        asked = [("GET", url) for url in urls]
        if spell:
            asked += [("HEAD", urls[0]), *(("GET", spelled) for spelled in _spellings(urls[0]))]
        for method, url in asked:
            answer = client.request(method, url, follow_redirects=True)
            assert answer.status_code < 500, (method, url, answer.text[:300])
            leaked = _leaks(answer, hidden, asked=url)
            assert not leaked, (who, method, url, answer.status_code, leaked)


# Every phone of the region, and the one every MY-NSRC report names.
BULK = [
    "+60123456789",
    *(f"+6019700000{n}" for n in range(1, 7)),
    "+6581110001",
    "+6581110002",
    "+66811110003",
    "+66811110004",
]


def _walk_posts(client: TestClient, region: Region, who: str, *, web: bool) -> None:
    """POST every route that answers with records: checks, bulk checks and their downloads,
    a report's correction form, and stop-list changes of another agency's hidden entry."""
    hidden = _hidden_from(who)
    asked = " ".join(BULK)
    items = {"items": [{"kind": "phone", "value": v} for v in BULK], "country": "MY"}
    answers = [client.post("/api/v1/check/bulk", json=items)]
    if who == "public":
        token = csrf_of(client.get("/public/check").text)
        for value in BULK:
            form = {"csrf_token": token, "kind": "phone", "value": value}
            answers.append(client.post("/public/check", data=form))
    elif web:
        token = csrf_of(client.get("/check/bulk").text)
        carried = json.dumps([[i, "phone", v, "", ""] for i, v in enumerate(BULK, 1)])
        form = {"country": "MY", "csrf_token": token}
        answers += [
            client.post("/check/bulk", data={**form, "values": "\n".join(BULK)}),
            client.post("/check/bulk.csv", data={**form, "items": carried}),
            client.post("/check/bulk.xlsx", data={**form, "items": carried}),
            client.post("/check", data={**form, "kind": "phone", "value": "+6581110001"}),
            client.post("/public/check", data={**form, "kind": "phone", "value": "+6581110001"}),
        ]
        for report_id in region.report_ids.values():
            edit = {"csrf_token": token, "add": "places"}
            answers.append(client.post(f"/reports/{report_id}/edit", data=edit))
        for path in ("/stop-list", "/stop-list/remove"):
            for value in ("+6581110001", "+60197000006"):
                data = {"csrf_token": token, "kind": "phone", "value": value, "reason": "mine"}
                answers.append(client.post(path, data=data))
    assert all(v[-8:] in PHONES or v == "+60123456789" for v in BULK)
    for answer in answers:
        assert answer.status_code < 500, answer.text[:300]
        leaked = _leaks(answer, hidden, asked=asked)
        assert not leaked, (who, str(answer.request.url), answer.status_code, leaked)


ROLES = [*sorted(EXPECTED_VISIBLE), "MY-NSRC admin"]


@pytest.mark.parametrize("who", ROLES)
def test_a_signed_in_user_meets_nothing_it_may_not_see_on_any_route(
    engine: Engine, region: Region, who: str
) -> None:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, region.usernames[who])
        _walk_gets(client, region, who.split()[0], spell=who in ("AU-AFP", "TL-PNTL"))
        _walk_posts(client, region, who.split()[0], web=True)


@pytest.mark.parametrize("who", ROLES)
def test_an_api_token_meets_nothing_it_may_not_see_on_any_api_route(
    engine: Engine, region: Region, who: str
) -> None:
    app = create_app(settings=Settings(demo=True), engine=engine)
    headers = {"Authorization": f"Bearer {region.tokens[who]}"}
    with TestClient(app, headers=headers) as client:
        _walk_gets(client, region, who.split()[0], api_only=True)
        _walk_posts(client, region, who.split()[0], web=False)


@pytest.mark.parametrize("who", ["public", "revoked token", "disabled user"])
def test_the_public_and_dead_credentials_meet_no_report_on_any_route(
    engine: Engine, region: Region, who: str
) -> None:
    headers = {} if who == "public" else {"Authorization": f"Bearer {region.tokens[who]}"}
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app, headers=headers) as client:
        _walk_gets(client, region, who, spell=True)
        _walk_posts(client, region, who, web=False)
        if who != "public":
            assert client.get("/api/v1/reports").status_code == 401
            assert client.get("/reports", follow_redirects=False).status_code in (303, 401)
