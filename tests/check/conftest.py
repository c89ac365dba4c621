"""A region for check tests: the policy region's MY reports plus matches in SG and TH."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller, create_agency
from counterscam.access.caller import Caller
from counterscam.api.app import create_app
from counterscam.config import Settings
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


@pytest.fixture
def callers(session: Session) -> dict[str, Caller]:
    """Two member agencies of two countries, MY-NSRC and TH-TCSD, as their administrators."""
    for code, country in (("MY-NSRC", "MY"), ("TH-TCSD", "TH")):
        create_agency(session, code=code, name=code, country=country, kind="member")
    session.commit()
    return {code: admin_caller(session, code) for code in ("MY-NSRC", "TH-TCSD")}


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    """The app on the test's database, as the API and pages serve it."""
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as c:
        yield c
