"""Every search and every read leaves who, when, what was asked and how many hits in the audit
log, on every route of the API and the web pages and every command: refused and zero-hit ones
too. A route or command added later fails here until it is audited or named as no read."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import typer
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from typer.testing import CliRunner

from counterscam.api.app import create_app
from counterscam.cli.main import app as cli_app
from counterscam.config import Settings
from counterscam.db.base import utcnow
from counterscam.db.models import AuditEvent
from tests.audit.conftest import SECRET_FORMS, World
from tests.web.conftest import csrf_of, sign_in

PUBLIC = "public"
PHONE = {"kind": "phone", "value": "012-345 6789", "country": "MY"}  # 6 MY reports and SG-1
UNKNOWN = {"kind": "phone", "value": "019-876 5432", "country": "MY"}  # named by no report
ASKED = "phone:+60123456789 country=MY"
ASKED_UNKNOWN = "phone:+60198765432 country=MY"
ALL_MATCHES = 7  # a check's hits count every matching report, seen or not
AU_SEES = 3  # MY-clear, MY-green and SG-1: what a partner may read
CARRIED = json.dumps([[1, "phone", "012-345 6789", "", ""]])  # the list a results page carries
Who = tuple[int | None, int | None, str]  # user id, agency id, actor


@dataclass(frozen=True)
class Row:
    """An audit row a request must leave: action, hits, and what was read or asked."""

    action: str
    hits: int
    ref: str = ""  # record_ref, with {placeholders} of World.ids
    query: str = ""  # a part of the query


@dataclass(frozen=True)
class Case:
    """One request to one route, by one agency's user (or the public), and its audit rows."""

    method: str
    route: str  # the path as the app declares it
    who: str  # an agency code, or PUBLIC
    rows: tuple[Row, ...]
    status: int = 200
    at: dict[str, str] = field(default_factory=dict)  # path parameter: name in World.ids
    params: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None  # JSON (API) or form fields (web; CSRF token added)

    @property
    def api(self) -> bool:
        return self.route.startswith("/api/")

    def url(self, ids: dict[str, str]) -> str:
        return self.route.format(**{name: ids.get(key, key) for name, key in self.at.items()})

    def __str__(self) -> str:
        asked = self.url({}) + (f"?{urlencode(self.params)}" if self.params else "")
        return f"{self.method} {asked} as {self.who}"


def get(route: str, who: str, *rows: Row, **more: Any) -> Case:
    return Case("GET", route, who, rows, **more)


def post(route: str, who: str, *rows: Row, **more: Any) -> Case:
    return Case("POST", route, who, rows, **more)


def _bulk_rows(n: int = 1) -> tuple[Row, ...]:
    values = [Row("bulk_check_value", ALL_MATCHES, query=ASKED)]
    if n == 2:
        values.append(Row("bulk_check_value", 0, query=ASKED_UNKNOWN))
    return (Row("bulk_check", 1, query=f"{n} values (0 invalid) country=MY"), *values)


API = "/api/v1"
AU, MY, SG = "AU-AFP", "MY-NSRC", "SG-ASCOM"
GREEN, AMBER, MISSING = {"report_id": "green"}, {"report_id": "amber"}, {"report_id": "missing"}
BATCH, CLUSTER = {"batch_id": "batch"}, {"key": "cluster"}
HIDDEN_CLUSTER = {"key": "hidden_cluster"}
# A read that gave nothing says whether the report exists: probing is told from typos.
READ_GREEN, READ_AMBER, READ_MISSING = (
    Row("read_report", 1, "report:{green}"),
    Row("read_report", 0, "report:{amber}", query="outcome=refused"),
    Row("read_report", 0, "report:{missing}", query="outcome=missing"),
)
READ_BATCH = Row("read_batch", 1, "batch:{batch}")
NO_BATCH = Row("read_batch", 0, "batch:{batch}", query="outcome=refused")  # another agency's
BRIEF = Row("read_cluster", AU_SEES, "cluster:{cluster}")
GRAPH = Row("read_cluster_graph", AU_SEES, "cluster:{cluster}")
BULK_API = {"items": [{"kind": "phone", "value": v["value"]} for v in (PHONE, UNKNOWN)]}
CASES = [
    # The API
    get(f"{API}/check", AU, Row("check", ALL_MATCHES, query=ASKED), params=PHONE),
    get(f"{API}/check", AU, Row("check", 0, query=ASKED_UNKNOWN), params=UNKNOWN),
    get(f"{API}/check", PUBLIC, Row("check", 1, query=ASKED), params=PHONE),
    post(f"{API}/check/bulk", AU, *_bulk_rows(2), body=BULK_API | {"country": "MY"}),
    get(f"{API}/reports", AU, Row("list_reports", AU_SEES, query="page=1 per_page=50")),
    get(
        f"{API}/reports",
        AU,
        Row("list_reports", 0, query="country=TH scam_type= sort=-reported page=1 per_page=500"),
        params={"country": "TH", "per_page": "500"},
    ),
    get(f"{API}/reports/{{report_id}}", AU, READ_GREEN, at=GREEN),
    get(f"{API}/reports/{{report_id}}", AU, READ_AMBER, at=AMBER, status=403),
    get(
        f"{API}/reports/{{report_id}}",
        AU,
        READ_MISSING,
        at=MISSING,
        status=404,
    ),
    get(f"{API}/batches/{{batch_id}}", SG, READ_BATCH, at=BATCH),
    get(f"{API}/batches/{{batch_id}}", MY, NO_BATCH, at=BATCH, status=404),
    get(f"{API}/batches/{{batch_id}}/rejections.csv", SG, READ_BATCH, at=BATCH),
    get(f"{API}/alerts", MY, Row("read_alerts", 1, query="page=1 per_page=50")),
    get(f"{API}/clusters", AU, Row("list_clusters", 1, query="page=1 per_page=50")),
    get(f"{API}/clusters/{{key}}", AU, BRIEF, at=CLUSTER),
    get(
        f"{API}/clusters/{{key}}",
        AU,
        Row("read_cluster", 0, "cluster:{hidden_cluster}", query="outcome=refused"),
        at=HIDDEN_CLUSTER,
        status=403,
    ),
    get(f"{API}/clusters/{{key}}/graph", AU, GRAPH, at=CLUSTER),
    get(
        f"{API}/clusters/{{key}}/graph",
        AU,
        Row("read_cluster_graph", 0, "cluster:{hidden_cluster}", query="outcome=refused"),
        at=HIDDEN_CLUSTER,
        status=403,
    ),
    # The web pages
    get("/", AU, Row("view_dashboard", AU_SEES)),
    get("/", MY, Row("view_dashboard", 9), Row("read_alerts", 1)),
    get("/dashboard/{slug}.csv", AU, Row("view_dashboard", AU_SEES), at={"slug": "by-country"}),
    get("/check", AU, Row("check", ALL_MATCHES, query=ASKED), params=PHONE),
    post("/check", AU, Row("check", 0, query=ASKED_UNKNOWN), body=UNKNOWN),
    post("/public/check", PUBLIC, Row("check", 1, query=ASKED), body=PHONE),
    post(
        "/check/bulk",
        AU,
        *_bulk_rows(2),
        body={"values": "012-345 6789\n019-876 5432", "country": "MY"},
    ),
    post("/check/bulk.csv", AU, *_bulk_rows(), body={"items": CARRIED, "country": "MY"}),
    post("/check/bulk.xlsx", AU, *_bulk_rows(), body={"items": CARRIED, "country": "MY"}),
    get("/reports", AU, Row("list_reports", AU_SEES, query="page=1 per_page=50")),
    get("/reports", AU, Row("list_reports", 0, query="country=TH"), params={"country": "TH"}),
    get("/reports.csv", AU, Row("export_reports", AU_SEES)),
    get("/reports/{report_id}", AU, READ_GREEN, at=GREEN),
    get("/reports/{report_id}", AU, READ_AMBER, at=AMBER, status=403),
    get(
        "/reports/{report_id}",
        AU,
        READ_MISSING,
        at=MISSING,
        status=404,
    ),
    get("/reports/{report_id}/edit", MY, Row("read_report", 1, "report:{amber}"), at=AMBER),
    # SG may read the report but not correct it: the read of it is recorded all the same.
    get(
        "/reports/{report_id}/edit",
        SG,
        Row("read_report", 1, "report:{amber}"),
        at=AMBER,
        status=403,
    ),
    # A partner is refused any report's form for its role: the request is recorded as the
    # request of the report's page is (it left no row).
    get("/reports/{report_id}/edit", AU, READ_AMBER, at=AMBER, status=403),
    post("/reports/{report_id}/edit", AU, READ_AMBER, at=AMBER, status=403, body={"add": "places"}),
    # "Add another identifier" shows the stored report again without saving anything.
    post(
        "/reports/{report_id}/edit",
        MY,
        Row("read_report", 1, "report:{amber}"),
        at=AMBER,
        body={"add": "identifiers"},
    ),
    get("/upload/batches/{batch_id}", SG, READ_BATCH, at=BATCH),
    get("/upload/batches/{batch_id}", MY, NO_BATCH, at=BATCH, status=404),
    get("/upload/batches/{batch_id}/rejections.csv", SG, READ_BATCH, at=BATCH),
    get("/alerts", MY, Row("read_alerts", 1, query="unread_only=True")),
    # A download says how many it took: 500, where the page shows 25.
    get(
        "/alerts.csv",
        MY,
        Row("read_alerts", 1, query="unread_only=False sort=-raised page=1 per_page=500"),
    ),
    get("/clusters", AU, Row("list_clusters", 1, query="page=1 per_page=50")),
    get(
        "/clusters",
        AU,
        Row("list_clusters", 0, query="compound=nowhere"),
        params={"compound": "nowhere"},
    ),
    get("/clusters.csv", AU, Row("list_clusters", 1, query="page=1 per_page=500")),
    get("/clusters/{key}", AU, BRIEF, at=CLUSTER),
    get(
        "/clusters/{key}",
        AU,
        Row("read_cluster", 0, "cluster:{hidden_cluster}", query="outcome=refused"),
        at=HIDDEN_CLUSTER,
        status=403,
    ),
    get("/clusters/{key}/{slug}.csv", AU, BRIEF, at=CLUSTER | {"slug": "countries"}),
    get("/clusters/{key}/network", AU, GRAPH, at=CLUSTER),
    get("/clusters/{key}/network/table", AU, GRAPH, at=CLUSTER),
    get("/clusters/{key}/network/{slug}.csv", AU, GRAPH, at=CLUSTER | {"slug": "nodes"}),
    get("/clusters/{key}/graph.json", AU, GRAPH, at=CLUSTER),
    get(
        "/clusters/{key}/graph.json",
        AU,
        Row("read_cluster_graph", 0, "cluster:{hidden_cluster}", query="outcome=refused"),
        at=HIDDEN_CLUSTER,
        status=403,
    ),
    get("/stop-list", AU, Row("list_stop_entries", 1)),
    get("/stop-list.csv", AU, Row("list_stop_entries", 1)),
]

# Routes that search or read no record, and why; every other route must have a case above.
NO_READ = {
    ("GET", f"{API}/openapi.json"): "the API's description",
    ("GET", "/openapi.json"): "a redirect to the API's description",
    ("GET", "/docs"): "a redirect to the API reference",
    ("GET", "/api/docs"): "the API reference page",
    ("GET", f"{API}/health"): "the liveness probe",
    ("GET", f"{API}/templates/reports.xlsx"): "a blank template",
    ("GET", f"{API}/templates/{{name}}.csv"): "a blank template",
    ("POST", f"{API}/reports"): "a submission: it answers with the caller's own batch",
    ("POST", f"{API}/reports/batch"): "a submission: it answers with the caller's own batch",
    ("POST", f"{API}/uploads"): "a submission: it answers with the caller's own batch",
    ("POST", f"{API}/alerts/{{alert_id}}/read"): "marks one of the caller's own alerts read",
    ("POST", "/alerts/{alert_id}/read"): "marks one of the caller's own alerts read",
    ("GET", "/sign-in"): "the sign-in form",
    ("POST", "/sign-in"): "signing in",
    ("POST", "/sign-out"): "signing out",
    ("GET", "/reports/new"): "an empty report form",
    ("POST", "/reports/new"): "a submission: it goes on to the report's (audited) page",
    ("GET", "/upload"): "an empty upload form",
    ("POST", "/upload"): "a submission: it goes on to the batch's (audited) page",
    ("GET", "/check/bulk"): "an empty list form",
    ("GET", "/public/check"): "an empty check form",
    ("POST", "/stop-list"): "a write: the list it shows again is read through list_stops",
    ("POST", "/stop-list/remove"): "a write: the list it shows again is read through list_stops",
}


def _app_routes() -> set[tuple[str, str]]:
    app = create_app(settings=Settings(demo=True), engine=create_engine("sqlite://"))
    return {
        (method, str(ctx.path))
        for ctx in iter_route_contexts(app.routes)
        for method in getattr(ctx, "methods", None) or ()
        if method != "HEAD"  # a HEAD runs the GET (docs/api.md): audited as it is
    }


def test_every_route_is_audited_or_named_as_no_read() -> None:
    routes = _app_routes()
    covered = {(c.method, c.route) for c in CASES}
    assert routes - covered - set(NO_READ) == set(), "routes with no audit case here"
    assert (covered | set(NO_READ)) - routes == set(), "cases of routes the app no longer has"
    assert covered & set(NO_READ) == set()


def _client(engine: Engine, world: World, case: Case) -> TestClient:
    client = TestClient(create_app(settings=Settings(demo=True), engine=engine))
    if case.who != PUBLIC and not case.api:
        sign_in(client, world.policy.users[case.who].username)
    return client


def _send(client: TestClient, world: World, case: Case) -> Any:
    url = case.url(world.ids)
    headers = {}
    if case.api and case.who != PUBLIC:
        headers["Authorization"] = f"Bearer {world.tokens[case.who]}"
    if case.api:
        return client.request(case.method, url, params=case.params, json=case.body, headers=headers)
    if case.method == "GET":
        return client.get(url, params=case.params)
    form = "/public/check" if case.who == PUBLIC else "/check/bulk"
    data = {**(case.body or {}), "csrf_token": csrf_of(client.get(form).text)}
    return client.post(url, data=data, follow_redirects=False)


# Content of the region's reports: a reference, a narrative, a suspect's or compound's name.
CONTENT = re.compile(r"MY-(clear|green|amber|red)|narrative of|suspect of|compound of")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_route_leaves_who_what_and_hits(engine: Engine, world: World, case: Case) -> None:
    with _client(engine, world, case) as client:
        before, start = world.last_row(), utcnow() - timedelta(seconds=1)
        answer = _send(client, world, case)
    assert answer.status_code == case.status, answer.text[:500]
    rows = world.new_rows(before)
    asked = [(r.action, r.hits, r.record_ref, r.query) for r in rows]
    expected = [(e.action, e.hits, e.ref.format(**world.ids), e.query) for e in case.rows]
    assert [(a, h, ref) for a, h, ref, _ in asked] == [(a, h, ref) for a, h, ref, _ in expected]
    for (*_, query), (*_, part) in zip(asked, expected, strict=True):
        assert part in query, (query, part)
    _assert_who_and_when(world, case, rows, start)
    # What the log keeps is what was asked, never what the records hold: whoever reads it
    # (the database's operators) learns nothing of a report the asker could not see.
    assert not [r.query + r.record_ref for r in rows if CONTENT.search(r.query + r.record_ref)]
    # No route shows another user's search: the log is read by no role through the app.
    assert not [s for s in SECRET_FORMS if s in answer.text]


def _assert_who_and_when(world: World, case: Case, rows: list[AuditEvent], start: Any) -> None:
    channel = "api" if case.api else "web"
    who: Who
    if case.who == PUBLIC:
        who = (None, None, "public")
    else:
        user = world.policy.users[case.who]
        who = (user.id, user.agency_id, f"{user.username}@{case.who}")
    for row in rows:
        assert (row.user_id, row.agency_id, row.actor, row.channel) == (*who, channel)
        assert start <= row.at <= utcnow() + timedelta(seconds=1)


@dataclass(frozen=True)
class Command:
    """One run of a command, as a token's user or an agency's admin identity, and its rows."""

    words: tuple[str, ...]
    args: tuple[str, ...]
    rows: tuple[Row, ...]
    token_of: str | None = None  # COUNTERSCAM_TOKEN of this agency's user, else --agency AU-AFP
    exit_code: int = 0

    def __str__(self) -> str:
        return " ".join((*self.words, *self.args)) + (
            f" as {self.token_of}" if self.token_of else ""
        )


COMMANDS = [
    Command(
        ("check",),
        ("phone", "012-345 6789", "--country", "MY"),
        (Row("check", ALL_MATCHES, query=ASKED),),
        token_of="AU-AFP",
    ),
    Command(
        ("check",),
        ("phone", "019-876 5432", "--country", "MY", "--json"),
        (Row("check", 0, query=ASKED_UNKNOWN),),
    ),
    Command(
        ("check",),
        ("phone", "+60 12", "--country", "MY"),
        (Row("check", 0, query="phone:+60 12"),),
        exit_code=2,
    ),
    Command(
        ("check-bulk",),
        ("{list}", "--country", "MY", "--out", "{out}"),
        _bulk_rows(2),
        token_of="AU-AFP",
    ),
    Command(("link", "stop", "list"), (), (Row("list_stop_entries", 1),)),
    Command(
        ("export", "clusters"),
        ("--out", "{out}"),
        (Row("export_clusters", AU_SEES),),
        token_of="AU-AFP",
    ),
]

# Commands that search or read no report, and why.
NO_READ_COMMANDS = {
    "init": "creates or upgrades the schema",
    "serve": "serves the pages and the API, audited by route",
    "demo": "builds the demo region",
    "synth": "writes synthetic files",
    "canon": "reads only the value given",
    "import": "a submission: it prints the batch's own counts",
    "resolve-persons": "reads and writes the files given",
    "agency add": "account administration (the local operator only)",
    "agency import": "account administration (the local operator only)",
    "agency list": "account administration (the local operator only)",
    "agency set-kind": "account administration (the local operator only)",
    "agency disable": "account administration (the local operator only)",
    "agency enable": "account administration (the local operator only)",
    "user add": "account administration (the local operator only)",
    "user list": "account administration (the local operator only)",
    "user disable": "account administration (the local operator only)",
    "user enable": "account administration (the local operator only)",
    "user set-password": "account administration (the local operator only)",
    "user move": "account administration (the local operator only)",
    "token issue": "account administration (the local operator only)",
    "token list": "account administration (the local operator only)",
    "token revoke": "account administration (the local operator only)",
    "link": "the rebuild: the local operator's job, printing counts only",
    "link stop add": "a write (a refusal names only the lister, as the list does)",
    "link stop remove": "a write (a refusal names only the lister, as the list does)",
    "fx status": "the FX table and a region-wide count of stand-in rates (the local operator only)",
    "fx revalue": "rewrites USD values, printing a count (the local operator only)",
}


def _commands(group: Any, words: tuple[str, ...] = ()) -> set[str]:
    subs = getattr(group, "commands", None)
    if subs is None:
        return {" ".join(words)}
    callback = words and getattr(group, "invoke_without_command", False)
    found = {" ".join(words)} if callback else set()
    for name, sub in subs.items():
        found |= _commands(sub, (*words, name))
    return found


def test_every_command_is_audited_or_named_as_no_read() -> None:
    commands = _commands(typer.main.get_command(cli_app))
    covered = {" ".join(c.words) for c in COMMANDS}
    assert commands - covered - set(NO_READ_COMMANDS) == set(), "commands with no audit case"
    assert (covered | set(NO_READ_COMMANDS)) - commands == set()


@pytest.mark.parametrize("command", COMMANDS, ids=str)
def test_a_command_leaves_who_what_and_hits(
    world: World,
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: Command,
) -> None:
    listed = tmp_path / "list.csv"
    listed.write_text("value\n012-345 6789\n019-876 5432\n", encoding="utf-8")
    files = {"list": str(listed), "out": str(tmp_path / "out.csv")}
    args = [*command.words, *(a.format(**files) for a in command.args)]
    who: Who
    if command.token_of:
        monkeypatch.setenv("COUNTERSCAM_TOKEN", world.tokens[command.token_of])
        user = world.policy.users[command.token_of]
        who = (user.id, user.agency_id, f"{user.username}@{command.token_of}")
    else:
        args += ["--agency", "AU-AFP"]
        who = (None, world.policy.users["AU-AFP"].agency_id, "cli-admin@AU-AFP")
    before, start = world.last_row(), utcnow() - timedelta(seconds=1)
    result = runner.invoke(cli_app, args)
    assert result.exit_code == command.exit_code, result.output
    rows = world.new_rows(before)
    assert [(r.action, r.hits) for r in rows] == [(e.action, e.hits) for e in command.rows]
    for row, expected in zip(rows, command.rows, strict=True):
        assert expected.query in row.query
        assert (row.user_id, row.agency_id, row.actor, row.channel) == (*who, "cli")
        assert start <= row.at <= utcnow() + timedelta(seconds=1)
    assert not [s for s in SECRET_FORMS if s in result.output]
