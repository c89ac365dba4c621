"""Cross-border alerts: both agencies told once, only for operators' identifiers abroad."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterscam.check.alerts import (
    AlertNotFound,
    inbox,
    mark_read,
    raise_alerts,
    unread_count,
)
from counterscam.db.link_models import StopEntry
from counterscam.db.models import Alert, AuditEvent
from tests.check.helpers import add_report, agency_id
from tests.factories import build_policy_region

PHONE = "+60123456789"


def _alerts(session: Session) -> set[tuple[int, int]]:
    return {(a, o) for a, o in session.execute(select(Alert.agency_id, Alert.other_agency_id))}


def test_match_abroad_alerts_both_agencies_once(session: Session) -> None:
    region = build_policy_region(session)
    sg = add_report(
        session, agency="SG-ASCOM", ref="SG-1", identifiers=[("phone", PHONE, "caller")]
    )
    sg2 = add_report(
        session, agency="SG-ASCOM", ref="SG-2", identifiers=[("phone", PHONE, "caller")]
    )
    assert raise_alerts(session, [sg.id, sg2.id]) == 2
    my, sgid = agency_id(session, "MY-NSRC"), agency_id(session, "SG-ASCOM")
    assert _alerts(session) == {(my, sgid), (sgid, my)}
    # Re-raising, from either side, never duplicates.
    assert raise_alerts(session, [sg.id]) == 0
    assert raise_alerts(session, [r.id for r in region.reports.values()]) == 0
    assert session.scalar(select(func.count()).select_from(Alert)) == 2


def test_no_alert_within_one_country(session: Session) -> None:
    region = build_policy_region(session)
    assert raise_alerts(session, [r.id for r in region.reports.values()]) == 0
    # The secretariat is in MY too: same country, no alert.
    r = add_report(session, agency="ASEANAPOL", ref="A-1", identifiers=[("phone", PHONE, "caller")])
    assert raise_alerts(session, [r.id]) == 0


def test_victim_accounts_and_impersonated_hotlines_do_not_alert(session: Session) -> None:
    build_policy_region(session)
    th = add_report(
        session,
        agency="TH-CCIB",
        ref="TH-1",
        identifiers=[("phone", PHONE, "victim_account"), ("phone", "+60388888888", "caller")],
    )
    sg = add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-1",
        identifiers=[("phone", "+60388888888", "impersonated_entity")],
    )
    assert raise_alerts(session, [th.id, sg.id]) == 0


def test_shared_platform_domains_do_not_alert(session: Session) -> None:
    build_policy_region(session)
    th = add_report(
        session,
        agency="TH-CCIB",
        ref="TH-1",
        identifiers=[("domain", "facebook.com", "website")],
        shared_platform=True,
    )
    sg = add_report(
        session, agency="SG-ASCOM", ref="SG-1", identifiers=[("domain", "facebook.com", "website")]
    )
    assert raise_alerts(session, [th.id, sg.id]) == 0


def test_three_countries_pair_every_agency(session: Session) -> None:
    build_policy_region(session)
    sg = add_report(
        session, agency="SG-ASCOM", ref="SG-1", identifiers=[("phone", PHONE, "caller")]
    )
    th = add_report(session, agency="TH-CCIB", ref="TH-1", identifiers=[("phone", PHONE, "caller")])
    assert raise_alerts(session, [sg.id, th.id]) == 6
    assert raise_alerts(session, []) == 0


def test_inbox_shows_content_only_when_visible(session: Session) -> None:
    region = build_policy_region(session)
    sg = add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-1",
        mark="red",
        identifiers=[("phone", PHONE, "caller")],
    )
    raise_alerts(session, [sg.id])
    session.commit()

    my = region.caller("MY-NSRC")
    page = inbox(session, my)
    assert page.total == 1 and page.unread == 1
    item = page.items[0]
    assert (item.kind, item.value, item.other_agency_code, item.other_country) == (
        "phone",
        PHONE,
        "SG-ASCOM",
        "SG",
    )
    # SG's report is red: MY learns who holds it and how to ask, not its content.
    assert item.other_report is None
    assert item.other_holding is not None
    assert (item.other_holding.agency_code, item.other_holding.mark) == ("SG-ASCOM", "red")
    assert item.own_report_ref.startswith("MY-")

    sgc = region.caller("SG-ASCOM")
    sg_item = inbox(session, sgc).items[0]
    # The first MY report sighting the phone is the clear one: SG may see it.
    assert sg_item.other_report is not None and sg_item.other_holding is None
    assert sg_item.other_report.external_ref == "MY-clear"

    audits = session.scalars(select(AuditEvent).where(AuditEvent.action == "read_alerts")).all()
    assert len(audits) == 2


def test_only_the_recipient_marks_read(session: Session) -> None:
    region = build_policy_region(session)
    sg = add_report(
        session, agency="SG-ASCOM", ref="SG-1", identifiers=[("phone", PHONE, "caller")]
    )
    raise_alerts(session, [sg.id])
    session.commit()
    my = region.caller("MY-NSRC")
    alert_id = inbox(session, my).items[0].id
    with pytest.raises(AlertNotFound):
        mark_read(session, region.caller("SG-ASCOM"), alert_id=alert_id)
    with pytest.raises(AlertNotFound):
        mark_read(session, my, alert_id=alert_id + 1000)
    assert unread_count(session, my) == 1
    first = mark_read(session, my, alert_id=alert_id)
    assert mark_read(session, my, alert_id=alert_id) == first
    assert unread_count(session, my) == 0
    assert inbox(session, my, unread_only=True).total == 0
    assert inbox(session, my).items[0].read_at is not None
    assert unread_count(session, region.caller("SG-ASCOM")) == 1


def test_a_page_on_a_shared_platform_still_alerts(session: Session) -> None:
    build_policy_region(session)
    page = ("url", "https://www.facebook.com/fake-bank-promo", "website")
    th = add_report(session, agency="TH-CCIB", ref="TH-1", identifiers=[page], shared_platform=True)
    sg = add_report(session, agency="SG-ASCOM", ref="SG-1", identifiers=[page])
    assert raise_alerts(session, [th.id, sg.id]) == 2


@pytest.mark.parametrize(("action", "alerts"), [("stop", 0), ("allow", 2)])
def test_a_value_on_the_hub_stop_list_does_not_alert_unless_allowed(
    session: Session, action: str, alerts: int
) -> None:
    # A genuine hotline every country reports by mistake: an alert between every pair of
    # agencies would say nothing about a common operator.
    build_policy_region(session)
    hotline = "+60327123456"
    session.add(
        StopEntry(
            kind="phone", value=hotline, action=action, reason="bank hotline", added_by="test"
        )
    )
    th = add_report(
        session, agency="TH-CCIB", ref="TH-H", identifiers=[("phone", hotline, "caller")]
    )
    sg = add_report(
        session, agency="SG-ASCOM", ref="SG-H", identifiers=[("phone", hotline, "caller")]
    )
    assert raise_alerts(session, [th.id, sg.id]) == alerts
