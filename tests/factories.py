"""Small synthetic records built in code for tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.accounts import caller_for_user, create_agency, create_user
from counterscam.access.caller import Caller
from counterscam.db.models import Agency, Identifier, Report, ReportShare, Sighting, User
from counterscam.link.rules import DEFAULT_RULES
from counterscam.link.stoplist import stop_hubs

PASSWORD = "correct-horse-battery"
MARKS = ("clear", "green", "amber", "amber+strict", "red")

AGENCIES = [
    # code, name, country, kind
    ("MY-NSRC", "National Scam Response Centre", "MY", "member"),
    ("SG-ASCOM", "Anti-Scam Command", "SG", "member"),
    ("TH-CCIB", "Cyber Crime Investigation Bureau", "TH", "member"),
    ("ASEANAPOL", "ASEANAPOL Secretariat", "MY", "secretariat"),
    ("AU-AFP", "Australian Federal Police", "AU", "partner"),
    ("TL-PNTL", "Polícia Nacional de Timor-Leste", "TL", "observer"),
]


@dataclass
class PolicyRegion:
    """Agencies of every kind, a user each, and MY reports of every mark sharing one phone."""

    users: dict[str, User] = field(default_factory=dict)
    reports: dict[str, Report] = field(default_factory=dict)  # by label
    phone: str = "+60123456789"

    def caller(self, agency_code: str) -> Caller:
        return caller_for_user(self.users[agency_code])


def make_report(
    session: Session,
    *,
    agency_id: int,
    ref: str,
    mark: str,
    country: str = "MY",
    phone: str | None = None,
    loss_usd: str = "1000",
) -> Report:
    report = Report(
        agency_id=agency_id,
        external_ref=ref,
        country=country,
        reported_at=datetime(2026, 3, 1, tzinfo=UTC),
        scam_type="investment",
        channel="phone_call",
        loss_amount=Decimal(loss_usd),
        loss_currency="USD",
        loss_usd=Decimal(loss_usd),
        mark=mark,
        narrative=f"narrative of {ref}",
    )
    session.add(report)
    session.flush()
    if phone:
        ident = session.query(Identifier).filter_by(kind="phone", value=phone).one_or_none()
        if ident is None:
            ident = Identifier(kind="phone", value=phone, country=country)
            session.add(ident)
            session.flush()
        session.add(
            Sighting(report_id=report.id, identifier_id=ident.id, role="caller", raw_value=phone)
        )
    return report


def make_hub(session: Session, phone: str, mark: str, ref: str = "") -> None:
    """Make ``phone`` a hub the rules stopped, named by one MY-NSRC report of ``mark``."""
    owner = session.scalar(select(Agency.id).where(Agency.code == "MY-NSRC"))
    assert owner is not None
    make_report(session, agency_id=owner, ref=ref or f"MY-hub-{phone}", mark=mark, phone=phone)
    session.flush()
    ident = session.scalar(select(Identifier.id).where(Identifier.value == phone))
    assert ident is not None
    stop_hubs(session, [(ident, 40, 12)], DEFAULT_RULES)


def build_policy_region(session: Session) -> PolicyRegion:
    region = PolicyRegion()
    ids: dict[str, int] = {}
    for code, name, country, kind in AGENCIES:
        agency = create_agency(session, code=code, name=name, country=country, kind=kind)
        ids[code] = agency.id
        region.users[code] = create_user(
            session, username=f"user-{code.lower()}", password=PASSWORD, agency_code=code
        )
    for mark in MARKS:
        region.reports[mark] = make_report(
            session, agency_id=ids["MY-NSRC"], ref=f"MY-{mark}", mark=mark, phone=region.phone
        )
    narrowed = make_report(
        session, agency_id=ids["MY-NSRC"], ref="MY-amber-to-SG", mark="amber", phone=region.phone
    )
    session.add(ReportShare(report_id=narrowed.id, agency_id=ids["SG-ASCOM"]))
    region.reports["amber-to-SG"] = narrowed
    session.commit()
    return region


# What each agency may see of the region's reports, straight from DESIGN.md's policy table.
EXPECTED_VISIBLE: dict[str, set[str]] = {
    "MY-NSRC": {"clear", "green", "amber", "amber+strict", "red", "amber-to-SG"},
    "SG-ASCOM": {"clear", "green", "amber", "amber-to-SG"},
    "TH-CCIB": {"clear", "green", "amber"},
    "ASEANAPOL": {"clear", "green", "amber", "amber+strict", "amber-to-SG"},
    "AU-AFP": {"clear", "green"},
    "TL-PNTL": {"clear", "green"},
}
