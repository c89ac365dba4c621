"""The access policy, proved for every role on records of every mark."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import PUBLIC
from counterscam.access.policy import can_see_report, report_visible
from counterscam.access.reads import NotPermitted, get_report, holdings, list_reports
from counterscam.db.models import AuditEvent, Report, ReportShare
from tests.factories import EXPECTED_VISIBLE, build_policy_region


@pytest.mark.parametrize("agency", sorted(EXPECTED_VISIBLE))
def test_each_role_sees_exactly_what_the_policy_allows(session: Session, agency: str) -> None:
    region = build_policy_region(session)
    caller = region.caller(agency)
    by_id = {r.id: label for label, r in region.reports.items()}

    seen_sql = {by_id[i] for i in session.scalars(select(Report.id).where(report_visible(caller)))}
    assert seen_sql == EXPECTED_VISIBLE[agency]

    shares = {
        rid: {
            aid
            for (aid,) in session.execute(
                select(ReportShare.agency_id).where(ReportShare.report_id == rid)
            )
        }
        for rid in by_id
    }
    seen_row = {
        label
        for label, r in region.reports.items()
        if can_see_report(
            caller, owner_agency_id=r.agency_id, mark=r.mark, shared_with=shares[r.id]
        )
    }
    assert seen_row == seen_sql

    page = list_reports(session, caller, channel="api", per_page=2)
    assert page.total == len(EXPECTED_VISIBLE[agency])


@pytest.mark.parametrize("agency", sorted(EXPECTED_VISIBLE))
def test_hidden_report_reveals_only_holder_and_route(session: Session, agency: str) -> None:
    region = build_policy_region(session)
    caller = region.caller(agency)
    for label, report in region.reports.items():
        if label in EXPECTED_VISIBLE[agency]:
            detail = get_report(session, caller, report.id, channel="web")
            assert detail.report.narrative == f"narrative of MY-{label}"
            continue
        with pytest.raises(NotPermitted) as info:
            get_report(session, caller, report.id, channel="web")
        assert info.value.holding.agency_code == "MY-NSRC"
        assert info.value.holding.mark == report.mark
        assert "narrative" not in str(info.value)
    reads = session.scalars(select(AuditEvent).where(AuditEvent.action == "read_report")).all()
    assert len(reads) == len(region.reports)
    assert {e.actor for e in reads} == {f"user-{agency.lower()}@{agency}"}


def test_public_caller_sees_no_content(session: Session) -> None:
    build_policy_region(session)
    assert session.scalars(select(Report.id).where(report_visible(PUBLIC))).all() == []


def test_holdings_group_hidden_matches_by_agency_and_mark(session: Session) -> None:
    region = build_policy_region(session)
    found = holdings(session, region.caller("AU-AFP"), Report.country == "MY")
    assert {(h.agency_code, h.mark, h.reports) for h in found} == {
        ("MY-NSRC", "amber", 2),
        ("MY-NSRC", "amber+strict", 1),
        ("MY-NSRC", "red", 1),
    }
