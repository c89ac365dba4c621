"""What an alert shows: a report the recipient may see; a long-lived match keeps alerting."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.check.alerts import inbox, raise_alerts
from counterscam.config import Settings
from counterscam.db.link_models import StopEntry
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import submit
from counterscam.intake.tables import Limits
from tests.check.helpers import add_report
from tests.factories import build_policy_region

PHONE = "+66899999999"


def test_alert_shows_the_other_agencys_report_the_recipient_may_see(session: Session) -> None:
    region = build_policy_region(session)
    # SG's first report naming the number is red, a later one green: TH may see the green one.
    add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-red",
        mark="red",
        identifiers=[("phone", PHONE, "caller")],
    )
    add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-green",
        mark="green",
        identifiers=[("phone", PHONE, "caller")],
    )
    th = add_report(session, agency="TH-CCIB", ref="TH-1", identifiers=[("phone", PHONE, "caller")])
    assert raise_alerts(session, [th.id]) == 2
    session.commit()

    item = inbox(session, region.caller("TH-CCIB")).items[0]
    # Not "red, not visible to your agency, request it" for a match TH's own check shows.
    assert item.other_holding is None
    assert item.other_report is not None
    assert (item.other_report.external_ref, item.other_report.mark) == ("SG-green", "green")
    # SG may see TH's report; the red one is still no one's but SG's.
    mine = inbox(session, region.caller("SG-ASCOM")).items[0]
    assert mine.own_report_ref == "SG-red" and mine.other_report is not None


def test_alert_shows_only_the_holder_when_every_other_report_is_hidden(session: Session) -> None:
    region = build_policy_region(session)
    add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-red",
        mark="red",
        identifiers=[("phone", PHONE, "caller")],
    )
    # A green report naming the number only as the victim's is no match, and is not shown.
    add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-victim",
        mark="green",
        identifiers=[("phone", PHONE, "victim_account")],
    )
    th = add_report(session, agency="TH-CCIB", ref="TH-1", identifiers=[("phone", PHONE, "caller")])
    raise_alerts(session, [th.id])
    session.commit()

    item = inbox(session, region.caller("TH-CCIB")).items[0]
    assert item.other_report is None and item.other_holding is not None
    assert (item.other_holding.agency_code, item.other_holding.mark) == ("SG-ASCOM", "red")


def _report(ref: str, reported_at: str) -> dict[str, Any]:
    return {
        "external_ref": ref,
        "reported_at": reported_at,
        "scam_type": "investment",
        "channel": "phone_call",
        "mark": "green",
        "identifiers": [{"kind": "phone", "value": PHONE, "role": "caller"}],
    }


def _send(session: Session, caller: Caller, report: dict[str, Any]) -> None:
    raw = reports_of({"reports": [report]}, file="request", limits=Limits(max_reports=10))
    result = submit(session, caller, reports=raw, source="api", settings=Settings())
    assert result.status == "committed", result.errors


def test_a_long_lived_match_keeps_alerting_though_linking_stops_it(session: Session) -> None:
    region = build_policy_region(session)
    # A mule account kept for eleven months is what a freeze request needs to hear about, even
    # though linking's life-span rule (over 250 days) then puts it on the stop-list: it stops
    # linking reports, but each agency that reports it later still hears of the others.
    _send(session, region.caller("MY-NSRC"), _report("MY-1", "2025-01-05"))
    _send(session, region.caller("SG-ASCOM"), _report("SG-1", "2025-12-05"))
    stopped = session.execute(
        select(StopEntry.value, StopEntry.rule).where(StopEntry.action == "stop")
    ).all()
    assert stopped == [(PHONE, "span")]
    for agency, other in (("MY-NSRC", "SG-ASCOM"), ("SG-ASCOM", "MY-NSRC")):
        got = inbox(session, region.caller(agency))
        assert got.total == 1
        assert got.items[0].other_agency_code == other
    _send(session, region.caller("TH-CCIB"), _report("TH-1", "2026-01-20"))
    told = {i.other_agency_code for i in inbox(session, region.caller("TH-CCIB")).items}
    assert told == {"MY-NSRC", "SG-ASCOM"}
    assert inbox(session, region.caller("MY-NSRC")).total == 2


def test_a_busy_hub_found_by_the_rules_raises_no_alert(session: Session) -> None:
    # An aggregator's account in more reports than the hub limit within one window run:
    # every pair of agencies would be told of it.
    build_policy_region(session)
    session.add(
        StopEntry(
            kind="phone", value=PHONE, action="stop", reason="hub", added_by="auto", rule="busy"
        )
    )
    th = add_report(session, agency="TH-CCIB", ref="TH-1", identifiers=[("phone", PHONE, "caller")])
    sg = add_report(
        session, agency="SG-ASCOM", ref="SG-1", identifiers=[("phone", PHONE, "caller")]
    )
    assert raise_alerts(session, [th.id, sg.id]) == 0
