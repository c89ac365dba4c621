"""A region for check tests: the policy region's MY reports plus matches in SG and TH."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from tests.check.helpers import add_report
from tests.factories import PolicyRegion, build_policy_region

PHONE = "+60123456789"


@dataclass
class CheckRegion:
    """The policy region, an SG green and a TH red report sighting the same phone."""

    policy: PolicyRegion
    phone: str = PHONE


@pytest.fixture
def region(session: Session) -> CheckRegion:
    policy = build_policy_region(session)
    add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-green",
        mark="green",
        scam_type="romance",
        loss_usd="200",
        reported_at=datetime(2025, 11, 2, tzinfo=UTC),
        identifiers=[("phone", PHONE, "caller"), ("phone", PHONE, "messaging_contact")],
    )
    add_report(
        session,
        agency="TH-CCIB",
        ref="TH-red",
        mark="red",
        scam_type="job",
        loss_usd="9999",
        reported_at=datetime(2026, 6, 1, tzinfo=UTC),
        identifiers=[("phone", PHONE, "caller")],
    )
    add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-green-only",
        mark="green",
        identifiers=[("phone", "+6591234567", "caller")],
    )
    session.commit()
    return CheckRegion(policy=policy)
