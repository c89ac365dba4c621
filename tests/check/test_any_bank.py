"""An account number checked without its bank is looked up at every bank of the region."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import PUBLIC
from counterscam.check.results import CheckItem
from counterscam.check.service import check, check_bulk
from counterscam.cli.main import app
from counterscam.db.models import AuditEvent
from counterscam.link.stoplist import add_stop, remove_stop
from tests.check.conftest import CheckRegion
from tests.check.helpers import add_report
from tests.web.conftest import csrf_of

DIGITS = "514012345678"
MAYBANK = f"MY:MBBE:{DIGITS}"
KBANK = f"TH:KASI:{DIGITS}"  # the same digits at another bank, in another country


@pytest.fixture
def accounts(session: Session, region: CheckRegion) -> CheckRegion:
    add_report(
        session,
        agency="MY-NSRC",
        ref="MY-acc",
        mark="clear",
        loss_usd="100",
        identifiers=[("bank_account", MAYBANK, "beneficiary_account")],
    )
    add_report(
        session,
        agency="TH-CCIB",
        ref="TH-acc",
        mark="red",
        loss_usd="900",
        identifiers=[("bank_account", KBANK, "beneficiary_account")],
    )
    session.commit()
    return region


@pytest.mark.parametrize("written", [DIGITS, "5140 1234 5678", "acc no 5140-1234-5678"])
def test_the_number_alone_finds_the_account_at_every_bank(
    session: Session, accounts: CheckRegion, written: str
) -> None:
    sg = accounts.policy.caller("SG-ASCOM")
    result = check(session, sg, kind="bank_account", value=written, country="SG", channel="api")
    assert result.error is None and result.hit
    assert result.value == f"*:*:{DIGITS}"
    # Facts over what SG may see (MY's clear report); TH's red one by its holder only.
    assert [m.external_ref for m in result.matches] == ["MY-acc"]
    assert [(h.agency_code, h.mark) for h in result.holdings] == [("TH-CCIB", "red")]
    # Which accounts SG may read of, each as context with its own answer; the bank of the
    # account only TH's red report names is that report's content, not SG's to learn.
    assert [(r.value, r.hit) for r in result.related] == [(MAYBANK, True)]
    owner = check(
        session,
        accounts.policy.caller("TH-CCIB"),
        kind="bank_account",
        value=DIGITS,
        country=None,
        channel="api",
    )
    assert {m.external_ref for m in owner.matches} == {"MY-acc", "TH-acc"}
    assert {r.value for r in owner.related} == {MAYBANK, KBANK}


def test_an_unreported_number_is_no_hit_and_a_named_bank_is_still_exact(
    session: Session, accounts: CheckRegion
) -> None:
    my = accounts.policy.caller("MY-NSRC")
    miss = check(
        session, my, kind="bank_account", value="514099999999", country="MY", channel="api"
    )
    assert (miss.hit, miss.value, miss.related) == (False, "*:*:514099999999", [])
    exact = check(
        session, my, kind="bank_account", value=f"Maybank {DIGITS}", country="MY", channel="api"
    )
    assert exact.value == MAYBANK and [m.external_ref for m in exact.matches] == ["MY-acc"]
    # An unknown bank's name is still refused: only a number without any bank is widened.
    bad = check(
        session, my, kind="bank_account", value=f"Acme {DIGITS}", country="MY", channel="api"
    )
    assert bad.error is not None and "unknown bank 'Acme'" in bad.error
    audited = session.scalars(select(AuditEvent.query).where(AuditEvent.action == "check")).all()
    assert "bank_account:*:*:514099999999 country=MY" in audited


def test_the_public_learns_hit_over_clear_reports_at_any_bank(
    session: Session, accounts: CheckRegion
) -> None:
    result = check(session, PUBLIC, kind="bank_account", value=DIGITS, country=None, channel="web")
    assert result.hit and result.matches == [] and result.related == []
    # A number only a red report names is no hit for the public, at any bank.
    add_report(
        session,
        agency="TH-CCIB",
        ref="TH-red-only",
        mark="red",
        identifiers=[("bank_account", "TH:KASI:1112223334", "beneficiary_account")],
    )
    session.commit()
    red_only = check(
        session, PUBLIC, kind="bank_account", value="1112223334", country=None, channel="web"
    )
    assert not red_only.hit


def test_a_bulk_check_widens_each_number_without_a_bank(
    session: Session, accounts: CheckRegion
) -> None:
    items = [CheckItem(DIGITS, "bank_account"), CheckItem("987654321098", "bank_account")]
    answer = check_bulk(
        session, accounts.policy.caller("MY-NSRC"), items=items, country="MY", channel="api"
    )
    assert [(r.value, r.hit) for r in answer.items] == [
        (f"*:*:{DIGITS}", True),
        ("*:*:987654321098", False),
    ]


def test_the_pages_say_the_number_was_looked_up_at_every_bank(
    client: TestClient, accounts: CheckRegion
) -> None:
    page = client.post(
        "/public/check", data={"kind": "bank_account", "value": DIGITS, **_csrf(client)}
    ).text
    assert f"<code>{DIGITS}</code> (an account number, at one of the region" in page
    assert "*:*:" not in page


def _csrf(client: TestClient) -> dict[str, str]:
    return {"csrf_token": csrf_of(client.get("/public/check").text)}


def test_cli_says_no_bank_was_given(runner: CliRunner, accounts: CheckRegion) -> None:
    shown = runner.invoke(app, ["check", "bank_account", DIGITS, "--agency", "SG-ASCOM"])
    assert shown.exit_code == 0, shown.output
    assert "No bank was given" in shown.output and MAYBANK in shown.output
    as_json = runner.invoke(app, ["check", "bank_account", DIGITS, "--json"])
    body = json.loads(as_json.output)
    assert body["value"] == f"*:*:{DIGITS}" and body["hit"] is True


@pytest.mark.parametrize("agency", ["SG-ASCOM", "AU-AFP", "TL-PNTL"])
def test_an_account_in_hidden_reports_only_is_not_named_with_its_bank(
    session: Session, accounts: CheckRegion, agency: str
) -> None:
    """The number alone must not tell a caller at which bank another agency's red (or, for a
    partner or observer, amber) report saw it: only who holds it and how to ask."""
    add_report(
        session,
        agency="MY-NSRC",
        ref="MY-amber-acc",
        mark="amber",
        identifiers=[("bank_account", f"MY:PBBE:{DIGITS}", "beneficiary_account")],
    )
    session.commit()
    caller = accounts.policy.caller(agency)
    result = check(session, caller, kind="bank_account", value=DIGITS, country=None, channel="api")
    assert result.hit
    named = {r.value for r in result.related}
    assert KBANK not in named  # TH's red report only
    assert (f"MY:PBBE:{DIGITS}" in named) == (agency == "SG-ASCOM")  # amber: members only
    held = {(h.agency_code, h.mark) for h in result.holdings}
    assert ("TH-CCIB", "red") in held
    assert (("MY-NSRC", "amber") in held) == (agency != "SG-ASCOM")
    shown = json.dumps([r.value for r in result.related])
    assert "KASI" not in shown


def test_a_stop_listed_account_found_by_its_number_alone_says_so(
    session: Session, accounts: CheckRegion
) -> None:
    my = accounts.policy.caller("MY-NSRC")
    add_stop(session, my, kind="bank_account", value=MAYBANK, reason="Maybank's collection account")
    session.commit()
    # Both accounts hit for SG, one listed: that account's answer says so, the whole does not.
    sg = accounts.policy.caller("SG-ASCOM")
    result = check(session, sg, kind="bank_account", value=DIGITS, country="SG", channel="api")
    assert result.hit and result.stop_list is None
    assert [(r.value, r.stop_list and r.stop_list.reason) for r in result.related] == [
        (MAYBANK, "Maybank's collection account")
    ]
    # Only a listed account hit: the answer says so, as an exact check of it would.
    add_report(
        session,
        agency="MY-NSRC",
        ref="MY-red-listed",
        mark="red",
        identifiers=[("bank_account", "MY:MBBE:512345678901", "beneficiary_account")],
    )
    add_stop(session, my, kind="bank_account", value="MY:MBBE:512345678901", reason="MY's own")
    session.commit()
    for agency, reason in [("MY-NSRC", "MY's own"), ("SG-ASCOM", "listed by another agency")]:
        caller = accounts.policy.caller(agency)
        alone = check(
            session, caller, kind="bank_account", value="512345678901", country=None, channel="api"
        )
        assert alone.stop_list is not None and alone.stop_list.reason == reason
        answer = check_bulk(
            session,
            caller,
            items=[CheckItem("512345678901", "bank_account")],
            country=None,
            channel="api",
        )
        assert answer.items[0].stop_list == alone.stop_list
    remove_stop(session, my, kind="bank_account", value="MY:MBBE:512345678901")
    session.commit()
    off = check(session, my, kind="bank_account", value="512345678901", country=None, channel="api")
    assert off.hit and off.stop_list is None
