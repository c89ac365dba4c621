"""A hit on a value the hub stop-list holds says so, as the stop-list page would show it."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import issue_token
from counterscam.check.bulk_csv import answer_row, write_answers
from counterscam.check.lists import Listed
from counterscam.check.results import CheckItem, CheckResult
from counterscam.check.service import check, check_bulk
from counterscam.cli.main import app
from counterscam.link.stoplist import add_stop, remove_stop
from tests.check.conftest import PHONE, CheckRegion
from tests.check.helpers import add_report

HOTLINE = "+60378448888"  # named by MY's red report only
REASON = "Maybank's genuine hotline, reported by mistake"


@pytest.fixture
def listed(session: Session, region: CheckRegion) -> CheckRegion:
    add_report(
        session,
        agency="MY-NSRC",
        ref="MY-red-hotline",
        mark="red",
        identifiers=[("phone", HOTLINE, "caller")],
    )
    my = region.policy.caller("MY-NSRC")
    add_stop(session, my, kind="phone", value=PHONE, reason=REASON)
    add_stop(session, my, kind="phone", value=HOTLINE, reason="MY's own note on its red report")
    session.commit()
    return region


def _check(session: Session, region: CheckRegion, agency: str, value: str) -> CheckResult:
    caller = region.policy.caller(agency)
    return check(session, caller, kind="phone", value=value, country="MY", channel="api")


@pytest.mark.parametrize("agency", ["MY-NSRC", "SG-ASCOM", "AU-AFP"])
def test_a_caller_who_sees_a_matching_report_reads_why_the_value_is_listed(
    session: Session, listed: CheckRegion, agency: str
) -> None:
    result = _check(session, listed, agency, PHONE)
    assert result.hit and result.stop_list is not None
    assert result.stop_list.reason == REASON
    assert result.stop_list.listed_by == "user-my-nsrc@MY-NSRC"
    assert not result.stop_list.automatic


def test_a_caller_who_sees_none_of_its_reports_learns_only_that_it_is_listed(
    session: Session, listed: CheckRegion
) -> None:
    # SG may not see MY's red report: the hit names its holder, the note withholds MY's words.
    result = _check(session, listed, "SG-ASCOM", HOTLINE)
    assert result.hit and result.reports == 0
    assert result.stop_list is not None
    assert (result.stop_list.reason, result.stop_list.listed_by) == (
        "listed by another agency",
        "another agency",
    )
    own = _check(session, listed, "MY-NSRC", HOTLINE)
    assert own.stop_list is not None and own.stop_list.reason == "MY's own note on its red report"


def test_no_note_off_the_list_or_on_a_miss(session: Session, listed: CheckRegion) -> None:
    my = listed.policy.caller("MY-NSRC")
    remove_stop(session, my, kind="phone", value=PHONE)
    session.commit()
    assert _check(session, listed, "MY-NSRC", PHONE).stop_list is None
    assert _check(session, listed, "MY-NSRC", "+60198765432").stop_list is None


def test_bulk_answers_carry_the_note_on_the_listed_value_only(
    session: Session, listed: CheckRegion
) -> None:
    items = [CheckItem(PHONE, "phone"), CheckItem("+6591234567", "phone"), CheckItem("12")]
    answer = check_bulk(
        session, listed.policy.caller("SG-ASCOM"), items=items, country="MY", channel="api"
    )
    notes = [r.stop_list.reason if r.stop_list else None for r in answer.items]
    assert notes == [REASON, None, None]
    out = io.StringIO()
    pairs = enumerate(zip(items, answer.items, strict=True), start=1)
    write_answers(out, (answer_row(Listed(line, item), r) for line, (item, r) in pairs))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["stop_list"] for r in rows] == [REASON, "", ""]


def test_a_urls_domain_shown_beside_it_says_it_is_listed_as_its_own_check_does(
    session: Session, region: CheckRegion
) -> None:
    # Asked for one page, the analyst reads the domain's reports beside it: whether the domain
    # links and alerts is part of that answer, as it is of a check of the domain itself.
    add_report(
        session,
        agency="MY-NSRC",
        ref="MY-host",
        identifiers=[
            ("url", "https://host-cheap.com/login", "website"),
            ("domain", "host-cheap.com", "website"),
        ],
    )
    add_stop(
        session,
        region.policy.caller("MY-NSRC"),
        kind="domain",
        value="host-cheap.com",
        reason="a hosting provider",
    )
    session.commit()
    caller = region.policy.caller("SG-ASCOM")
    own = check(session, caller, kind="domain", value="host-cheap.com", country=None, channel="api")
    for asked in (
        check(
            session,
            caller,
            kind="url",
            value="https://host-cheap.com/otp",
            country=None,
            channel="api",
        ),
        check_bulk(
            session,
            caller,
            items=[CheckItem("https://host-cheap.com/login", "url")],
            country=None,
            channel="api",
        ).items[0],
    ):
        [domain] = asked.related
        assert domain.hit and domain.stop_list is not None
        assert domain.stop_list == own.stop_list
        assert domain.stop_list.reason == "a hosting provider"


def test_api_answer_holds_the_note_and_the_public_none(
    client: TestClient, session: Session, listed: CheckRegion
) -> None:
    token = issue_token(session, username="user-sg-ascom")
    session.commit()
    body = client.get(
        "/api/v1/check",
        params={"kind": "phone", "value": PHONE},
        headers={"Authorization": f"Bearer {token.secret}"},
    ).json()
    assert body["stop_list"]["reason"] == REASON
    assert body["stop_list"]["listed_by"] == "user-my-nsrc@MY-NSRC"
    public = client.get("/api/v1/check", params={"kind": "phone", "value": PHONE}).json()
    assert public["stop_list"] is None


def test_cli_prints_the_note_and_its_json(runner: CliRunner, listed: CheckRegion) -> None:
    shown = runner.invoke(app, ["check", "phone", PHONE, "--agency", "SG-ASCOM"])
    assert shown.exit_code == 0, shown.output
    assert "On the hub stop-list" in shown.output and "genuine hotline" in shown.output
    as_json = runner.invoke(app, ["check", "phone", PHONE, "--agency", "SG-ASCOM", "--json"])
    assert json.loads(as_json.output)["stop_list"]["reason"] == REASON
