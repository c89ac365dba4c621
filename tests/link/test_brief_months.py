"""A cluster brief's timeline counts each report in its reporting country's month."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller, create_agency
from counterscam.db.models import Report, Sighting
from counterscam.link.brief import cluster_brief
from counterscam.link.listing import list_clusters
from counterscam.link.rebuild import rebuild
from tests.link.region import identifier

PHONE = "+60123450077"


def _report(session: Session, country: str, ref: str, at: datetime, loss: str) -> None:
    agency = create_agency(session, code=ref, name=ref, country=country, kind="member")
    report = Report(
        agency_id=agency.id,
        external_ref=ref,
        country=country,
        reported_at=at,
        scam_type="investment",
        channel="phone_call",
        loss_amount=Decimal(loss),
        loss_currency="USD",
        loss_usd=Decimal(loss),
        mark="green",
    )
    session.add(report)
    session.flush()
    phone = identifier(session, "phone", PHONE)
    session.add(Sighting(report_id=report.id, identifier_id=phone, role="caller", raw_value=PHONE))
    session.flush()


def test_timeline_months_are_the_reporting_countrys(session: Session) -> None:
    _report(session, "MY", "MY-1-MAR", datetime(2026, 2, 28, 16, 0, tzinfo=UTC), "100")
    _report(session, "MM", "MM-1-APR", datetime(2026, 3, 31, 17, 30, tzinfo=UTC), "200")
    _report(session, "TH", "TH-1-APR-3AM", datetime(2026, 3, 31, 20, 0, tzinfo=UTC), "400")
    _report(session, "SG", "SG-31-MAR", datetime(2026, 3, 31, 15, 0, tzinfo=UTC), "800")
    rebuild(session)
    caller = admin_caller(session, "MY-1-MAR")
    key = list_clusters(session, caller, sort="reports").items[0].key
    brief = cluster_brief(session, caller, key)
    assert brief.reports == 4
    assert [(f.name, f.reports, f.loss_usd) for f in brief.timeline] == [
        ("2026-03", 2, Decimal("900.00")),  # MY of 1 March, SG of 31 March 23:00
        ("2026-04", 2, Decimal("600.00")),  # MM of 1 April, TH of 1 April 03:00
    ]
