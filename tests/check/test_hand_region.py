"""Checks and alerts over a region written by hand agree with answers worked out by hand.

The region (tests/check/hand_region.py) is sent through intake as national centres send it,
resubmissions included; every caller's check (service, API, CLI) and every agency's alert
inbox is compared with what DESIGN.md's access table and the FX reference file say.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, aliased
from typer.testing import CliRunner

from counterscam.access.accounts import (
    admin_caller,
    caller_for_user,
    create_agency,
    create_user,
)
from counterscam.access.caller import PUBLIC, Caller
from counterscam.api.app import create_app
from counterscam.check.alerts import inbox
from counterscam.check.service import check
from counterscam.cli.main import app
from counterscam.config import Settings
from counterscam.db.models import Agency, Alert, AuditEvent, Identifier, Report, User
from counterscam.intake import service as intake_service
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import submit
from counterscam.intake.tables import Limits
from tests.check import hand_region as hr
from tests.check.helpers import bearer

PASSWORD = "correct-horse-battery"


@pytest.fixture(scope="module")
def region() -> hr.Region:
    return hr.build()


def _agencies(session: Session) -> None:
    for code, country, kind in hr.AGENCIES:
        create_agency(session, code=code, name=f"{code} name", country=country, kind=kind)
        create_user(session, username=f"user-{code.lower()}", password=PASSWORD, agency_code=code)
    session.commit()


def _send(session: Session, agency: str, bodies: list[dict[str, Any]]) -> None:
    raw = reports_of({"reports": bodies}, file="request", limits=Limits(max_reports=100))
    result = submit(
        session, admin_caller(session, agency), reports=raw, source="api", settings=Settings()
    )
    assert result.status == "committed", result.errors


@pytest.fixture
def loaded(session: Session, region: hr.Region) -> dict[str, Caller]:
    """Send the region through intake; return a signed-in caller of every agency."""
    _agencies(session)
    for agency, bodies in region.batches:
        _send(session, agency, bodies)
    users = session.scalars(select(User)).all()
    return {u.username.removeprefix("user-").upper(): caller_for_user(u) for u in users}


def _ts(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text.replace("Z", "+00:00"))


def _compare_all(got: dict[str, Any], region: hr.Region, code: str, kind: str, value: str) -> None:
    """Compare an answer and its context with the worked-out ones."""
    where = f"{code} {kind}:{value}"
    _compare(got, hr.expected_check(region, code, kind, value), where)
    assert got["shared_platform"] is hr.shared(kind, value), where
    related = {r["value"]: r for r in got["related"]}
    assert all(r["shared_platform"] is hr.shared(r["kind"], r["value"]) for r in related.values())
    want = hr.expected_related(region, code, kind, value)
    assert set(related) == set(want), where
    for name, answer in want.items():
        _compare(related[name], answer, f"{where} related {name}")


def _compare(got: dict[str, Any], want: hr.Expected, where: str) -> None:
    """Compare an answer (as the API writes it) with the worked-out one."""
    assert got["hit"] is want.hit, where
    assert got["reports"] == want.reports, where
    assert got["countries"] == want.countries, where
    assert _ts(got["first_seen"]) == want.first_seen, where
    assert _ts(got["last_seen"]) == want.last_seen, where
    assert got["scam_types"] == want.scam_types, where
    assert Decimal(str(got["loss_usd"])) == want.loss_usd, where
    held = {(h["agency_code"], h["mark"], h["reports"]) for h in got["holdings"]}
    assert held == want.holdings, where
    assert all(h["contact"] for h in got["holdings"]), where
    shown = [(m["agency_code"], m["external_ref"]) for m in got["matches"]]
    assert len(shown) == min(20, want.reports), where
    assert set(shown) <= want.matches, where
    dates = [
        datetime.fromisoformat(m["reported_at"].replace("Z", "+00:00")) for m in got["matches"]
    ]
    assert dates == sorted(dates, reverse=True), where  # newest first
    if want.reports <= 20:
        assert set(shown) == want.matches, where
    for m in got["matches"]:
        country, when, scam_type, mark, roles = want.details[(m["agency_code"], m["external_ref"])]
        assert (m["country"], _ts(m["reported_at"]), m["scam_type"], m["mark"]) == (
            country,
            when,
            scam_type,
            mark,
        ), where
        assert sorted(m["roles"]) == roles, where


def _as_api(result: Any) -> dict[str, Any]:
    """A service answer in the API's terms."""
    return {
        "hit": result.hit,
        "reports": result.reports,
        "countries": result.countries,
        "first_seen": None if result.first_seen is None else result.first_seen.isoformat(),
        "last_seen": None if result.last_seen is None else result.last_seen.isoformat(),
        "scam_types": result.scam_types,
        "loss_usd": result.loss_usd,
        "value": result.value,
        "kind": result.kind,
        "shared_platform": result.shared_platform,
        "related": [_as_api(r) for r in result.related],
        "holdings": [vars(h) for h in result.holdings],
        "matches": [
            {
                "agency_code": m.agency_code,
                "external_ref": m.external_ref,
                "reported_at": m.reported_at.isoformat(),
                "country": m.country,
                "scam_type": m.scam_type,
                "mark": m.mark,
                "roles": list(m.roles),
            }
            for m in result.matches
        ],
    }


def test_region_is_what_was_meant(region: hr.Region) -> None:
    """The hand-written region exercises what the comparisons are about."""
    marks = {v.mark for v in region.final.values()}
    assert marks == set(hr.MARKS)
    assert any(v.share_with for v in region.final.values())
    alerts = hr.expected_alerts(region)
    assert len(alerts) > 100
    # Identifiers named in two countries and, elsewhere, within one country only.
    countries = [
        {hr.COUNTRY[a] for a in hr.operator_agencies(region, k, v)} for k, v in region.values()
    ]
    assert any(len(c) >= 3 for c in countries)


def test_stored_reports_are_what_was_sent(
    session: Session, region: hr.Region, loaded: dict[str, Caller]
) -> None:
    """Times in UTC, marks and losses in US dollars at the rate of the right month."""
    stored = {(r.agency.code, r.external_ref): r for r in session.scalars(select(Report)).all()}
    assert set(stored) == set(region.final)
    for key, want in region.final.items():
        got = stored[key]
        assert got.reported_at == want.reported_utc, (key, want.body)
        assert got.mark == want.mark, key
        assert got.loss_usd == want.loss_usd, (key, want.body)


def test_every_caller_checks_every_value_as_worked_out(
    session: Session, region: hr.Region, loaded: dict[str, Caller]
) -> None:
    public = PUBLIC
    for kind, value in region.values():
        got = check(session, public, kind=kind, value=value, country=None, channel="api")
        want = hr.expected_check(region, None, kind, value)
        assert got.hit is want.hit, ("public", kind, value)
        assert (got.reports, got.holdings, got.matches) == (0, [], [])
        for code, caller in loaded.items():
            got = check(session, caller, kind=kind, value=value, country=None, channel="api")
            _compare_all(_as_api(got), region, code, kind, value)
            # The audit row counts every matching report, seen or not.
            audited = session.scalars(
                select(AuditEvent.hits).order_by(AuditEvent.id.desc()).limit(1)
            ).one()
            assert audited == len(hr.naming(region, kind, value)), (code, kind, value)


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    settings = Settings(demo=True, public_check_rate="1000/minute")
    with TestClient(create_app(settings=settings, engine=engine)) as c:
        yield c


CALLERS = ("MY-PDRM", "TH-CCIB", "ASEANAPOL", "AU-AFP", "TL-PNTL", "KH-NP")


def test_api_answers_as_worked_out(
    client: TestClient, session: Session, region: hr.Region, loaded: dict[str, Caller]
) -> None:
    for kind, value in region.values():
        response = client.get("/api/v1/check", params={"kind": kind, "value": value})
        body = response.json()
        assert "hit" in body, (response.status_code, body)
        assert body["hit"] is hr.expected_check(region, None, kind, value).hit, (kind, value)
        assert (body["reports"], body["holdings"], body["matches"]) == (0, [], [])
    for code in CALLERS:
        headers = bearer(session, code)
        for kind, value in region.values():
            body = client.get(
                "/api/v1/check", params={"kind": kind, "value": value}, headers=headers
            ).json()
            _compare_all(body, region, code, kind, value)
            if not value.isdigit():  # digits alone guess a phone number (docs/check.md)
                guessed = client.get("/api/v1/check", params={"value": value}, headers=headers)
                assert guessed.json() == {**body, "query": value}, (code, value)
        items = [{"kind": k, "value": v} for k, v in region.values()]
        bulk = client.post("/api/v1/check/bulk", json={"items": items}, headers=headers).json()
        for (kind, value), body in zip(region.values(), bulk["items"], strict=True):
            _compare_all(body, region, code, kind, value)


def test_cli_json_answers_as_worked_out(
    runner: CliRunner, region: hr.Region, loaded: dict[str, Caller]
) -> None:
    for code in ("SG-ASCOM", "TL-PNTL"):
        for kind, value in region.values():
            result = runner.invoke(app, ["check", kind, value, "--json", "--agency", code])
            assert result.exit_code == 0, result.output
            _compare_all(json.loads(result.output), region, code, kind, value)


def test_alert_inboxes_hold_the_worked_out_alerts(
    client: TestClient, session: Session, region: hr.Region, loaded: dict[str, Caller]
) -> None:
    want = hr.expected_alerts(region)
    got: set[tuple[str, str, str, str]] = set()
    for code, _, _ in hr.AGENCIES:
        body = client.get(
            "/api/v1/alerts", params={"per_page": 500}, headers=bearer(session, code)
        ).json()
        assert body["total"] == len(body["items"]), code
        mine = [(code, a["kind"], a["value"], a["other_agency_code"]) for a in body["items"]]
        assert len(mine) == len(set(mine)), f"{code} holds an alert twice"
        got.update(mine)
        for a in body["items"]:
            where = (code, a["kind"], a["value"], a["other_agency_code"])
            assert a["other_country"] == hr.COUNTRY[a["other_agency_code"]], where
            sides = hr.operator_agencies(region, a["kind"], a["value"])
            own = {v.ref for v in sides.get(code, [])}
            assert a["own_report_ref"] in own, where
            theirs = sides.get(a["other_agency_code"], [])
            visible = [v for v in theirs if hr.sees(code, v)]
            if visible:
                assert a["other_holding"] is None, where
                shown = {v.ref: v for v in visible}.get(a["other_report"]["external_ref"])
                assert shown is not None, where
                other = a["other_report"]
                assert (
                    _ts(other["reported_at"]),
                    other["scam_type"],
                    other["channel"],
                    other["mark"],
                    None if other["loss_usd"] is None else Decimal(str(other["loss_usd"])),
                ) == (
                    shown.reported_utc,
                    shown.scam_type,
                    shown.body["channel"],
                    shown.mark,
                    shown.loss_usd,
                ), where
            else:
                assert a["other_report"] is None, where
                held = a["other_holding"]
                assert held["agency_code"] == a["other_agency_code"], where
                assert held["mark"] in {v.mark for v in theirs}, where
                assert held["contact"], where
    missing = sorted(want - got)
    extra = sorted(got - want)
    assert (missing[:10], extra[:10]) == ([], []), (len(missing), len(extra))
    # The service's own inbox says the same.
    for code, caller in loaded.items():
        page = inbox(session, caller, per_page=500)
        assert {(code, a.kind, a.value, a.other_agency_code) for a in page.items} == {
            w for w in want if w[0] == code
        }


Stored = dict[tuple[str, str, str, str], tuple[str, str, bool]]


def _stored_alerts(session: Session) -> Stored:
    """(recipient, kind, value, other agency) -> (own report, other report, read)."""
    own, other = aliased(Report), aliased(Report)
    me, them = aliased(Agency), aliased(Agency)
    rows = session.execute(
        select(
            me.code,
            Identifier.kind,
            Identifier.value,
            them.code,
            own.external_ref,
            other.external_ref,
            Alert.read_at,
        )
        .join(Identifier, Identifier.id == Alert.identifier_id)
        .join(me, me.id == Alert.agency_id)
        .join(them, them.id == Alert.other_agency_id)
        .join(own, own.id == Alert.report_id)
        .join(other, other.id == Alert.other_report_id)
    ).all()
    found: Stored = {}
    for code, kind, value, other_code, own_ref, other_ref, read_at in rows:
        key = (code, kind, value, other_code)
        assert key not in found, f"alert held twice: {key}"
        found[key] = (own_ref, other_ref, read_at is not None)
    return found


def test_alerts_follow_every_batch_and_resubmission(session: Session, region: hr.Region) -> None:
    """After each batch, the alerts are those of the reports as they stand; one that
    survives a resubmission keeps its read state, and each side points at a report of
    its agency that names the value as the scammer's."""
    region = hr.build(seed=7, reports=120, resubmissions=45)
    _agencies(session)
    read: set[tuple[str, str, str, str]] = set()
    for n, (agency, bodies) in enumerate(region.batches, start=1):
        _send(session, agency, bodies)
        state = region.after(n)
        got = _stored_alerts(session)
        want = hr.expected_alerts(state)
        assert (sorted(want - set(got))[:5], sorted(set(got) - want)[:5]) == ([], []), n
        for key, (own_ref, other_ref, is_read) in got.items():
            code, kind, value, other_code = key
            sides = hr.operator_agencies(state, kind, value)
            assert own_ref in {v.ref for v in sides[code]}, (n, key)
            assert other_ref in {v.ref for v in sides[other_code]}, (n, key)
            assert is_read is (key in read), (n, key)
        # Read every third alert of this step; the read state must survive later moves.
        for key in sorted(got)[n % 3 :: 3]:
            if key not in read:
                session.execute(
                    update(Alert)
                    .where(
                        Alert.agency_id
                        == select(Agency.id).where(Agency.code == key[0]).scalar_subquery(),
                        Alert.identifier_id
                        == select(Identifier.id)
                        .where(Identifier.kind == key[1], Identifier.value == key[2])
                        .scalar_subquery(),
                        Alert.other_agency_id
                        == select(Agency.id).where(Agency.code == key[3]).scalar_subquery(),
                    )
                    .values(read_at=datetime.now(UTC))
                )
                read.add(key)
        session.commit()
        read &= set(got)  # an alert withdrawn and raised again later is new: unread


def test_check_bulk_file_answers_as_worked_out(
    runner: CliRunner, region: hr.Region, loaded: dict[str, Caller], tmp_path: Path
) -> None:
    source = tmp_path / "values.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["kind", "value"])
        writer.writerows(region.values())
    for code in ("MY-NSRC", "TL-PNTL"):
        out = tmp_path / f"{code}.csv"
        result = runner.invoke(
            app, ["check-bulk", str(source), "--out", str(out), "--agency", code]
        )
        assert result.exit_code == 0, result.output
        with out.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for (kind, value), row in zip(region.values(), rows, strict=True):
            want = hr.expected_check(region, code, kind, value)
            where = (code, kind, value)
            assert row["hit"] == ("yes" if want.hit else "no"), where
            assert int(row["reports"]) == want.reports, where
            assert row["countries"].split() == want.countries, where
            assert _ts(row["first_seen"] or None) == want.first_seen, where
            assert _ts(row["last_seen"] or None) == want.last_seen, where
            assert row["scam_types"].split() == want.scam_types, where
            assert Decimal(row["loss_usd"]) == want.loss_usd, where
            held = {tuple(h.rsplit(":", 1)) for h in row["held_elsewhere"].split()}
            assert held == {(f"{a}:{m}", str(n)) for a, m, n in want.holdings}, where


REPORT_COLUMNS = (
    "external_ref",
    "reported_at",
    "incident_at",
    "scam_type",
    "channel",
    "loss_amount",
    "loss_currency",
    "mark",
    "share_with",
)
IDENTIFIER_COLUMNS = ("external_ref", "kind", "value", "role", "country")


def _tables(bodies: list[dict[str, Any]]) -> tuple[list[list[str]], list[list[str]] | None]:
    """The rows of a reports table and, when the bodies carry their identifiers, of an
    identifiers table (None: the set leaves its identifiers as stored)."""
    reports = [
        [";".join(b.get(c, ())) if c == "share_with" else str(b.get(c, "")) for c in REPORT_COLUMNS]
        for b in bodies
    ]
    if "identifiers" not in bodies[0]:
        return reports, None
    identifiers = [
        [b["external_ref"], i["kind"], i["value"], i["role"], i.get("country", "")]
        for b in bodies
        for i in b["identifiers"]
    ]
    return reports, identifiers


def _write_set(folder: Path, n: int, bodies: list[dict[str, Any]], xlsx: bool) -> list[Path]:
    reports, identifiers = _tables(bodies)
    if xlsx:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "reports"
        for row in [list(REPORT_COLUMNS), *reports]:
            sheet.append(row)
        if identifiers is not None:
            extra = book.create_sheet("identifiers")
            for row in [list(IDENTIFIER_COLUMNS), *identifiers]:
                extra.append(row)
        path = folder / f"set{n}.xlsx"
        book.save(path)
        return [path]
    paths = [folder / f"set{n}-reports.csv"]
    tables: list[tuple[Path, tuple[str, ...], list[list[str]]]] = [
        (paths[0], REPORT_COLUMNS, reports)
    ]
    if identifiers is not None:
        paths.append(folder / f"set{n}-identifiers.csv")
        tables.append((paths[1], IDENTIFIER_COLUMNS, identifiers))
    for path, header, rows in tables:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
    return paths


def test_region_sent_as_csv_and_xlsx_files_answers_the_same(
    session: Session,
    runner: CliRunner,
    region: hr.Region,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same region imported with `counterscam import` from CSV sets and workbooks: a set
    or workbook without identifiers keeps them, as the JSON reports without the key. In
    chunks of 3 reports too, so alerts are raised chunk by chunk as a large import does."""
    monkeypatch.setattr(intake_service, "CHUNK", 3)
    _agencies(session)
    n = 0
    for step, (agency, bodies) in enumerate(region.batches):
        kept = [b for b in bodies if "identifiers" not in b]
        given = [b for b in bodies if "identifiers" in b]
        for part in (given, kept):
            if not part:
                continue
            n += 1
            folder = tmp_path / f"batch{n}"
            folder.mkdir()
            paths = _write_set(folder, n, part, xlsx=step % 2 == 1)
            result = runner.invoke(app, ["import", *map(str, paths), "--agency", agency])
            assert result.exit_code == 0, result.output
    session.expire_all()
    stored = {(r.agency.code, r.external_ref): r for r in session.scalars(select(Report)).all()}
    assert set(stored) == set(region.final)
    for key, want in region.final.items():
        got = stored[key]
        assert (got.reported_at, got.mark, got.loss_usd) == (
            want.reported_utc,
            want.mark,
            want.loss_usd,
        ), (key, want.body)
    assert set(_stored_alerts(session)) == hr.expected_alerts(region)
    for code in ("MY-NSRC", "ASEANAPOL", "AU-AFP"):
        caller = admin_caller(session, code)
        for kind, value in region.values():
            got_answer = check(session, caller, kind=kind, value=value, country=None, channel="cli")
            _compare_all(_as_api(got_answer), region, code, kind, value)
