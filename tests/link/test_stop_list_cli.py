"""`counterscam link stop list` says what each entry does to alerts, in the page's words."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.db.models import Identifier
from counterscam.link.rules import DEFAULT_RULES
from counterscam.link.stoplist import stop_hubs
from tests.factories import build_policy_region, make_report

BUSY, LONG_LIVED, HIDDEN = "+60199990001", "+60199990002", "+60199990003"


def _listed(runner: CliRunner, agency: str) -> dict[str, str]:
    result = runner.invoke(app, ["link", "stop", "list", "--agency", agency])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if "phone" in line]
    return {
        name: next((row for row in rows if mark in row), "")
        for name, mark in (
            ("busy", BUSY),
            ("span", LONG_LIVED),
            ("hidden", "withheld"),
            ("analyst", "+60323456789"),
        )
    }


def test_each_entry_says_its_rule_and_a_hidden_hubs_rule_is_withheld(
    runner: CliRunner, session: Session
) -> None:
    region = build_policy_region(session)
    owner = region.reports["green"].agency_id
    for ref, mark, phone in (
        ("B", "green", BUSY),
        ("S", "green", LONG_LIVED),
        ("H", "red", HIDDEN),
    ):
        make_report(session, agency_id=owner, ref=f"MY-hub-{ref}", mark=mark, phone=phone)
    session.flush()
    ids = {v: i for v, i in session.execute(select(Identifier.value, Identifier.id))}
    # (identifier, most reports in one window run, days in use): busy, then long-lived.
    hubs = [(ids[BUSY], 400, 30), (ids[LONG_LIVED], 3, 400), (ids[HIDDEN], 400, 30)]
    stop_hubs(session, hubs, DEFAULT_RULES)
    session.commit()
    added = runner.invoke(
        app, ["link", "stop", "add", "phone", "03-2345 6789", "--reason", "bank hotline"]
    )
    assert added.exit_code == 0, added.output

    owners = _listed(runner, "MY-NSRC")
    assert "Busy hub: alerts silenced" in owners["busy"]
    assert "Long-lived: still alerts" in owners["span"]
    assert "Analyst's entry: alerts silenced" in owners["analyst"]
    assert HIDDEN in runner.invoke(app, ["link", "stop", "list", "--agency", "MY-NSRC"]).output

    # SG-ASCOM may not see the red report: which rule its hub broke would tell how many of
    # those reports ran how long, so the rule is withheld as on the page.
    others = _listed(runner, "SG-ASCOM")
    assert "Not shown: found in reports you may not see" in others["hidden"]
    assert "Busy hub" not in others["hidden"]
    assert "Busy hub: alerts silenced" in others["busy"]


def test_an_unknown_kind_is_a_usage_error_and_nothing_is_listed(
    runner: CliRunner, session: Session
) -> None:
    build_policy_region(session)
    # It exited 1 saying "'bar' is not a valid foo: unknown identifier kind 'foo'".
    for args in (["add", "foo", "bar", "--reason", "x"], ["remove", "foo", "bar"]):
        result = runner.invoke(app, ["link", "stop", *args])
        assert result.exit_code == 2, result.output
        assert "'foo' is not an identifier kind; use one of phone" in result.output
    assert "bar" not in runner.invoke(app, ["link", "stop", "list"]).output
