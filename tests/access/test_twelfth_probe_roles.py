"""The twelfth outside probe: each role attacks persons, alerts, check answers, counts, the
audit log and the operator's identity, on SQLite and PostgreSQL.

What a member country hesitating to share asks of what earlier probes left open:
- persons are resolved over every report (matching runs over all data): does a person resolved
  across a visible and a hidden report carry the hidden report's spelling, nationality or
  count into a brief, a network or a CSV? (No: judged by design, and held here.)
- alerts: can any role read or mark another agency's alerts, by id guessing, another method,
  a spelling of the path or the web form? An agency made a partner keeps its old alerts, which
  it may mark read (its inbox's own state; nothing of the region changes): judged no defect.
- the local operator's admin identity acted for a disabled agency (imported in its name, read
  its red reports) while its users' every credential was refused: fixed, and held here.
- a hidden record's check answer, counts under filters and pages, CLI writes with a token
  that may not write, and the audit rows of given, refused and missing reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import issue_token, revoke_token
from counterscam.access.agencies import set_agency_active, set_agency_kind
from counterscam.access.users import move_user
from counterscam.api.app import create_app
from counterscam.check.alerts import raise_alerts
from counterscam.cli.main import app as cli
from counterscam.config import Settings
from counterscam.db.base import utcnow
from counterscam.db.engine import session_factory
from counterscam.db.link_models import Cluster, ClusterReport, StopEntry
from counterscam.db.models import Agency, Alert, ApiToken, AuditEvent, Party, Report
from counterscam.link.rebuild import rebuild
from counterscam.link.stoplist import add_stop
from tests.check.helpers import add_report
from tests.factories import EXPECTED_VISIBLE, PolicyRegion, build_policy_region
from tests.web.conftest import csrf_of, sign_in

AGENCIES = sorted(EXPECTED_VISIBLE)
PHONE = "+60123456789"  # named by every report of the policy region
BORN = date(1990, 4, 2)
# The suspect of each report of the person cluster, each spelling its own: a spelling, a
# nationality shown to a caller who may not see its report is a leak.
SUSPECTS = {
    "MY-person-green": ("Visible Green Spelling", "MY", "green", "MY-NSRC"),
    "SG-person-red": ("Hidden Red Spelling", "SG", "red", "SG-ASCOM"),
    "TH-person-amber": ("Hidden Amber Spelling", "TH", "amber", "TH-CCIB"),
    "MY-person-strict": ("Hidden Strict Spelling", "KH", "amber+strict", "MY-NSRC"),
}
SEEN: dict[str, set[str]] = {
    "MY-NSRC": {"MY-person-green", "TH-person-amber", "MY-person-strict"},
    "SG-ASCOM": {"MY-person-green", "SG-person-red", "TH-person-amber"},
    "TH-CCIB": {"MY-person-green", "TH-person-amber"},
    "ASEANAPOL": {"MY-person-green", "TH-person-amber", "MY-person-strict"},
    "AU-AFP": {"MY-person-green"},
    "TL-PNTL": {"MY-person-green"},
}


@dataclass
class Probe:
    """The region, a token per agency, and the one session the tests look through."""

    policy: PolicyRegion
    session: Session
    tokens: dict[str, str]

    def bearer(self, agency: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[agency]}"}


@pytest.fixture
def probe(engine: Engine) -> Iterator[Probe]:
    session = session_factory(engine)()
    policy = build_policy_region(session)
    tokens = {
        code: issue_token(session, username=user.username).secret
        for code, user in policy.users.items()
    }
    session.commit()
    yield Probe(policy, session, tokens)
    session.close()


def _person_cluster(session: Session) -> str:
    """Add four reports whose suspects persons resolution joined into one person; rebuild."""
    for ref, (name, nationality, mark, agency) in SUSPECTS.items():
        report = add_report(session, agency=agency, ref=ref, mark=mark)
        session.add(
            Party(
                report_id=report.id,
                role="suspect",
                full_name=name,
                nationality=nationality,
                birth_date=BORN,
                person_id=4242,
            )
        )
    session.commit()
    rebuild(session)
    session.commit()
    return session.scalars(
        select(Cluster.key)
        .join(ClusterReport, ClusterReport.cluster_id == Cluster.id)
        .join(Report, Report.id == ClusterReport.report_id)
        .where(Report.external_ref == "MY-person-green")
    ).one()


def _hidden_spellings(agency: str) -> list[str]:
    return [name for ref, (name, *_) in SUSPECTS.items() if ref not in SEEN[agency]]


@pytest.mark.parametrize("agency", AGENCIES)
def test_a_person_resolved_over_hidden_reports_shows_only_the_caller_s_reports_of_it(
    engine: Engine, probe: Probe, agency: str
) -> None:
    key = _person_cluster(probe.session)
    hidden = _hidden_spellings(agency)
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        brief = client.get(f"/api/v1/clusters/{key}", headers=probe.bearer(agency))
        assert brief.status_code == 200, brief.text
        body = brief.json()
        graph = client.get(f"/api/v1/clusters/{key}/graph", headers=probe.bearer(agency)).text
        sign_in(client, probe.policy.users[agency].username)
        pages = [client.get(f"/clusters/{key}").text, client.get(f"/clusters/{key}/network").text]
        pages += [
            client.get(f"/clusters/{key}/{slug}.csv").text
            for slug in ("persons", "links", "countries", "holdings")
        ]
        pages.append(client.get(f"/clusters/{key}/graph.json").text)
    # One person, counted over the reports the caller may see, never over the hidden ones.
    suspects = [p for p in body["persons"] if p["role"] == "suspect"]
    assert {p["person_id"] for p in suspects} == {4242}
    assert sum(p["reports"] for p in suspects) == len(SEEN[agency])
    assert body["reports"] == len(SEEN[agency])
    shown = json.dumps(body) + graph + "".join(pages)
    for name in hidden:
        assert name not in shown, f"{agency} was shown {name!r} of a report it may not see"
    held = {(h["agency_code"], h["mark"]) for h in body["holdings"]}
    assert held == {
        (SUSPECTS[ref][3], SUSPECTS[ref][2]) for ref in SUSPECTS if ref not in SEEN[agency]
    }
    # A nationality is the hidden party's content too: KH is only the strict report's.
    if "MY-person-strict" not in SEEN[agency]:
        assert all(p["nationality"] != "KH" for p in body["persons"])
    assert body["total_reports"] == len(SUSPECTS)
    # Links through the person are explained only between two reports the caller may see.
    assert {link["via"] for link in body["links"]} <= {"person"}
    for link in body["links"]:
        assert {link["report_a"], link["report_b"]} <= SEEN[agency]


def _alert_region(probe: Probe) -> dict[str, list[int]]:
    """Add SG and TH reports naming the region's phone; return each agency's alert ids."""
    session = probe.session
    for agency, mark in (("SG-ASCOM", "red"), ("TH-CCIB", "amber")):
        add_report(
            session, agency=agency, ref=f"{agency}-caller", mark=mark,
            identifiers=[("phone", PHONE, "caller")],
        )  # fmt: skip
    session.commit()
    raise_alerts(session, list(session.scalars(select(Report.id))))
    session.commit()
    ids: dict[str, list[int]] = {code: [] for code in AGENCIES}
    for alert_id, code in session.execute(
        select(Alert.id, Agency.code).join(Agency, Agency.id == Alert.agency_id)
    ):
        ids[code].append(alert_id)
    assert all(ids[c] for c in ("MY-NSRC", "SG-ASCOM", "TH-CCIB")), ids
    return ids


def _unread(session: Session) -> set[int]:
    session.expire_all()
    return set(session.scalars(select(Alert.id).where(Alert.read_at.is_(None))))


@pytest.mark.parametrize("agency", AGENCIES)
def test_no_role_reads_or_marks_another_agency_s_alerts_by_any_path(
    engine: Engine, probe: Probe, agency: str
) -> None:
    ids = _alert_region(probe)
    others = sorted(i for code, own in ids.items() if code != agency for i in own)
    before = _unread(probe.session)
    bearer = probe.bearer(agency)
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        inbox = client.get("/api/v1/alerts?per_page=500", headers=bearer).json()
        assert {a["id"] for a in inbox["items"]} == set(ids[agency])
        for alert in others:
            for path in (
                f"/api/v1/alerts/{alert}/read",
                f"/api/v1/alerts/{alert}/read/",
                f"/API/V1/ALERTS/{alert}/READ",
                f"/api/v1/alerts/%3{str(alert)[0]}{str(alert)[1:]}/read",
            ):
                answer = client.post(path, headers=bearer)
                assert answer.status_code in (404, 405), (path, answer.status_code)
            # A method override is not honoured: a GET that says it is a POST reads nothing.
            tricked = client.get(
                f"/api/v1/alerts/{alert}/read",
                headers={**bearer, "X-HTTP-Method-Override": "POST"},
            )
            assert tricked.status_code == 405
        sign_in(client, probe.policy.users[agency].username)
        token = csrf_of(client.get("/alerts?show=all").text)
        for alert in others:
            form = client.post(
                f"/alerts/{alert}/read", data={"csrf_token": token}, follow_redirects=False
            )
            assert form.status_code == 404
        # Without the form's CSRF token, even the caller's own alert stays unread.
        for alert in ids[agency]:
            forged = client.post(f"/alerts/{alert}/read", data={}, follow_redirects=False)
            assert forged.status_code == 403
        csv = client.get("/alerts.csv?show=all").text
    assert _unread(probe.session) == before
    assert csv.count("\n") == len(ids[agency]) + 1  # the heading and the caller's alerts
    # The other side of a red report is only its holder: no reference, narrative or date.
    if agency != "SG-ASCOM":
        assert "SG-ASCOM-caller" not in json.dumps(inbox) + csv


@pytest.mark.parametrize("kind", ["partner", "observer"])
def test_an_agency_made_a_partner_marks_its_old_alerts_read_and_sees_no_amber_behind_them(
    engine: Engine, probe: Probe, kind: str
) -> None:
    # Judged, not a leak: the alerts are the agency's own inbox (raised while it was a member),
    # read_at is its own state, and refusing it would leave them unread for ever. What a
    # partner may not do is see the other side's content, or change the region's data.
    ids = _alert_region(probe)
    set_agency_kind(probe.session, code="MY-NSRC", kind=kind)
    probe.session.commit()
    bearer = probe.bearer("MY-NSRC")
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        inbox = client.get("/api/v1/alerts?per_page=500", headers=bearer).json()
        for alert in ids["MY-NSRC"]:
            assert client.post(f"/api/v1/alerts/{alert}/read", headers=bearer).status_code == 200
        submitted = client.post(
            "/api/v1/reports",
            headers=bearer,
            json={"external_ref": "MY-after", "reported_at": "2026-01-01T00:00:00Z",
                  "scam_type": "investment", "channel": "phone_call", "mark": "green"},
        )  # fmt: skip
    assert submitted.status_code == 403, "a partner writes nothing of the region"
    th = [a for a in inbox["items"] if a["other_agency_code"] == "TH-CCIB"]
    assert th and all(a["other_report"] is None for a in th), "amber is hidden from a partner"
    assert {a["other_holding"]["mark"] for a in th} == {"amber"}
    assert _unread(probe.session).isdisjoint(ids["MY-NSRC"])
    # Only its own alerts changed: the other agencies' stay as they were.
    assert set(ids["SG-ASCOM"]) | set(ids["TH-CCIB"]) <= _unread(probe.session)


# Every command that acts through --agency, as the operator would run it for a disabled one.
AGENCY_COMMANDS = {
    "check": ["check", "phone", PHONE],
    "check-bulk": ["check-bulk", "{values}"],
    "link stop add": ["link", "stop", "add", "phone", "+60111111111", "--reason", "hub"],
    "link stop remove": ["link", "stop", "remove", "phone", PHONE],
    "link stop list": ["link", "stop", "list"],
    "export clusters": ["export", "clusters", "--out", "{out}"],
    "import": ["import", "{report}"],
}


@pytest.mark.parametrize("command", sorted(AGENCY_COMMANDS))
@pytest.mark.parametrize("disabled", ["MY-NSRC", "ASEANAPOL"])
def test_no_command_acts_for_a_disabled_agency(
    probe: Probe, runner: CliRunner, tmp_path: Path, command: str, disabled: str
) -> None:
    folder = tmp_path
    values = folder / "values.csv"
    values.write_text(f"value\n{PHONE}\n", encoding="utf-8")
    report = folder / "reports.json"
    report.write_text(
        json.dumps(
            [{"external_ref": "IN-DISABLED", "reported_at": "2026-01-01T00:00:00Z",
              "scam_type": "investment", "channel": "phone_call", "mark": "red"}]
        ),
        encoding="utf-8",
    )  # fmt: skip
    set_agency_active(probe.session, code=disabled, active=False)
    probe.session.commit()
    events = probe.session.scalar(select(func.count()).select_from(AuditEvent))
    args = [
        a.format(values=values, out=folder / "out.csv", report=report)
        for a in AGENCY_COMMANDS[command]
    ]
    # The secretariat is every command's default identity: disabled, it acts by default no more.
    explicit = disabled != "ASEANAPOL" or command == "import"
    refused = runner.invoke(cli, [*args, "--agency", disabled] if explicit else args)
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1, refused.output
    assert f"agency {disabled} is disabled" in said
    assert f"counterscam agency enable {disabled}" in said
    probe.session.expire_all()
    assert probe.session.scalar(select(func.count()).select_from(AuditEvent)) == events
    assert probe.session.scalar(select(func.count()).select_from(StopEntry)) == 0
    assert not probe.session.scalar(select(Report.id).where(Report.external_ref == "IN-DISABLED"))
    assert not (folder / "out.csv").exists()
    # Enabled again, the same command acts for it.
    set_agency_active(probe.session, code=disabled, active=True)
    probe.session.commit()
    again = runner.invoke(cli, [*args, "--agency", disabled] if explicit else args)
    assert "is disabled" not in again.output


HIDDEN_ONLY = "+6581234567"  # named by one SG-ASCOM red report and nothing else


@pytest.mark.parametrize("agency", [*AGENCIES, "public"])
def test_a_hidden_record_s_check_answer_is_holder_mark_count_and_route_only(
    engine: Engine, probe: Probe, agency: str
) -> None:
    add_report(
        probe.session, agency="SG-ASCOM", ref="SG-hidden-only", mark="red",
        identifiers=[("phone", HIDDEN_ONLY, "caller")], scam_type="sextortion",
        loss_usd="777777", reported_at=datetime(2024, 2, 29, tzinfo=UTC),
    )  # fmt: skip
    probe.session.commit()
    headers = {} if agency == "public" else probe.bearer(agency)
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        one = client.get("/api/v1/check", params={"value": HIDDEN_ONLY}, headers=headers).json()
        bulk = client.post(
            "/api/v1/check/bulk", json={"items": [{"value": HIDDEN_ONLY}]}, headers=headers
        )
    answers = [one] if agency == "public" else [one, bulk.json()["items"][0]]
    if agency == "public":
        assert bulk.status_code == 401
    for answer in answers:
        if agency == "SG-ASCOM":
            assert answer["reports"] == 1
            continue
        # The public gets hit/no-hit over clear reports only: a red record is no hit there.
        assert answer["hit"] is (agency != "public")
        assert (answer["reports"], answer["countries"], answer["scam_types"]) == (0, [], [])
        assert (answer["first_seen"], answer["last_seen"], answer["matches"]) == (None, None, [])
        assert answer["reports_with_loss"] == 0 and float(answer["loss_usd"]) == 0
        text = json.dumps(answer)
        for content in ("SG-hidden-only", "sextortion", "777777", "2024-02-29"):
            assert content not in text
        if agency != "public":
            assert [(h["agency_code"], h["mark"], h["reports"]) for h in answer["holdings"]] == [
                ("SG-ASCOM", "red", 1)
            ]
            assert answer["holdings"][0]["contact"]
    # Every search is audited with who asked, what, and the matches it found (hidden ones too).
    if agency != "public":
        rows = probe.session.execute(
            select(AuditEvent.actor, AuditEvent.action, AuditEvent.query, AuditEvent.hits).where(
                AuditEvent.action.in_(("check", "bulk_check_value"))
            )
        ).all()
        user = probe.policy.users[agency].username
        assert {(a, act, h) for a, act, _q, h in rows} == {
            (f"{user}@{agency}", "check", 1),
            (f"{user}@{agency}", "bulk_check_value", 1),
        }
        assert all(HIDDEN_ONLY in q for *_, q, _h in rows)


@pytest.mark.parametrize("agency", AGENCIES)
def test_a_narrowed_amber_report_is_counted_and_paged_only_where_it_is_seen(
    engine: Engine, probe: Probe, agency: str
) -> None:
    # A filter on a hidden field must not change a visible count: the amber report narrowed to
    # SG-ASCOM is in TH-CCIB's totals neither by scam type nor as a row of any page.
    narrowed = probe.policy.reports["amber-to-SG"]
    narrowed.scam_type = "sextortion"
    probe.session.commit()
    expected = {f"MY-{label}" for label in EXPECTED_VISIBLE[agency]}
    seen = "MY-amber-to-SG" in expected
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        by_type = client.get(
            "/api/v1/reports?scam_type=sextortion", headers=probe.bearer(agency)
        ).json()
        paged = [
            client.get(f"/api/v1/reports?per_page=1&page={n}", headers=probe.bearer(agency)).json()
            for n in range(1, len(EXPECTED_VISIBLE["MY-NSRC"]) + 2)
        ]
        sign_in(client, probe.policy.users[agency].username)
        web = client.get("/reports.csv?sort=-loss_usd&scam_type=sextortion").text
    assert by_type["total"] == int(seen)
    assert {page["total"] for page in paged} == {len(expected)}
    assert {r["external_ref"] for page in paged for r in page["items"]} == expected
    assert ("MY-amber-to-SG" in web) is seen


# Writes a user of the policy tries from the command line with their token.
TOKEN_WRITES = {
    "import": ["import", "{report}"],
    "link stop add": ["link", "stop", "add", "phone", "+60111111111", "--reason", "hub"],
    "link stop remove": ["link", "stop", "remove", "phone", PHONE],
}


@pytest.mark.parametrize("command", sorted(TOKEN_WRITES))
@pytest.mark.parametrize("who", ["AU-AFP", "TL-PNTL", "expired", "revoked", "moved"])
def test_no_write_goes_through_the_cli_with_a_token_that_may_not_write(
    probe: Probe,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
    who: str,
) -> None:
    session = probe.session
    add_stop(session, probe.policy.caller("MY-NSRC"), kind="phone", value=PHONE, reason="mine")
    token = probe.tokens.get(who)
    if token is None:
        issued = issue_token(session, username=probe.policy.users["MY-NSRC"].username)
        token = issued.secret
        if who == "expired":
            session.get_one(ApiToken, issued.id).expires_at = utcnow() - timedelta(seconds=1)
        elif who == "revoked":
            revoke_token(session, token_id=issued.id)
        else:  # a token left with MY-NSRC's scripts must not act for the user's new agency
            move_user(
                session, username=probe.policy.users["MY-NSRC"].username, agency_code="SG-ASCOM"
            )
    session.commit()
    report = tmp_path / "reports.json"
    report.write_text(
        json.dumps(
            [{"external_ref": "BY-TOKEN", "reported_at": "2026-01-01T00:00:00Z",
              "scam_type": "investment", "channel": "phone_call", "mark": "green"}]
        ),
        encoding="utf-8",
    )  # fmt: skip
    events = session.scalar(select(func.count()).select_from(AuditEvent))
    monkeypatch.setenv("COUNTERSCAM_TOKEN", token)
    refused = runner.invoke(cli, [a.format(report=report) for a in TOKEN_WRITES[command]])
    assert refused.exit_code == 1, refused.output
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(AuditEvent)) == events
    assert not session.scalar(select(Report.id).where(Report.external_ref == "BY-TOKEN"))
    stops = session.execute(select(StopEntry.value, StopEntry.reason)).all()
    assert stops == [(PHONE, "mine")]


@pytest.mark.parametrize("agency", AGENCIES)
def test_every_read_is_audited_as_given_refused_or_missing_on_every_channel(
    engine: Engine, probe: Probe, agency: str
) -> None:
    ids = {label: report.id for label, report in probe.policy.reports.items()}
    missing = max(ids.values()) + 1
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        for report_id in [*ids.values(), missing]:
            client.get(f"/api/v1/reports/{report_id}", headers=probe.bearer(agency))
        invalid = client.get(
            "/api/v1/check",
            # Invalid in any country: letters alone read, in the caller's own country, as the
            # SMS sender name they may be.
            params={"kind": "phone", "value": "+999 123 4567"},
            headers=probe.bearer(agency),
        )
        sign_in(client, probe.policy.users[agency].username)
        for report_id in [*ids.values(), missing]:
            client.get(f"/reports/{report_id}")
    assert invalid.status_code == 422
    user = f"{probe.policy.users[agency].username}@{agency}"
    rows = probe.session.execute(
        select(AuditEvent.channel, AuditEvent.record_ref, AuditEvent.query, AuditEvent.hits).where(
            AuditEvent.actor == user, AuditEvent.action == "read_report"
        )
    ).all()
    seen = EXPECTED_VISIBLE[agency]
    expected = {
        (channel, f"report:{rid}", "" if label in seen else "outcome=refused", int(label in seen))
        for channel in ("api", "web")
        for label, rid in ids.items()
    }
    expected |= {(channel, f"report:{missing}", "outcome=missing", 0) for channel in ("api", "web")}
    assert set(rows) == expected and len(rows) == len(expected)
    # A search whose value does not read is audited too, with no hit.
    checks = probe.session.execute(
        select(AuditEvent.query, AuditEvent.hits).where(
            AuditEvent.actor == user, AuditEvent.action == "check"
        )
    ).all()
    assert [(q.startswith("phone:+999 123 4567"), h) for q, h in checks] == [(True, 0)]
