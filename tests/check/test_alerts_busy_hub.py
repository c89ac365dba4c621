"""An import that makes a value a busy hub raises no alert for it, as a later import would not."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller, create_agency
from counterscam.config import Settings
from counterscam.db.link_models import StopEntry
from counterscam.db.models import Alert
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import submit
from counterscam.intake.tables import Limits
from counterscam.link.rules import DEFAULT_RULES

WALLET_PHONE = "+66812345678"  # a number every country's victims paid through: a hub


@pytest.fixture
def agencies(session: Session) -> None:
    for code, country in (("MY-NSRC", "MY"), ("TH-CCIB", "TH"), ("SG-ASCOM", "SG")):
        create_agency(session, code=code, name=code, country=country, kind="member")
    session.commit()


def _report(ref: str, day: int) -> dict[str, Any]:
    return {
        "external_ref": ref,
        "reported_at": f"2026-03-{day:02d}",
        "scam_type": "investment",
        "channel": "phone_call",
        "mark": "green",
        "identifiers": [{"kind": "phone", "value": WALLET_PHONE, "role": "caller"}],
    }


def _send(session: Session, agency: str, reports: list[dict[str, Any]]) -> None:
    raw = reports_of({"reports": reports}, file="request", limits=Limits(max_reports=1_000))
    result = submit(
        session, admin_caller(session, agency), reports=raw, source="api", settings=Settings()
    )
    assert result.status == "committed", result.errors


def _alerts(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Alert)) or 0)


def test_import_that_makes_a_busy_hub_alerts_no_agency(session: Session, agencies: None) -> None:
    _send(session, "TH-CCIB", [_report("TH-1", 1)])
    busy = DEFAULT_RULES.hub_reports + 1
    _send(session, "MY-NSRC", [_report(f"MY-{n}", 1 + n % 28) for n in range(busy)])
    rule = session.scalar(select(StopEntry.rule).where(StopEntry.value == WALLET_PHONE))
    assert rule == "busy"
    # Thailand and Malaysia were told nothing of it, and neither is Singapore later.
    assert _alerts(session) == 0
    _send(session, "SG-ASCOM", [_report("SG-1", 5)])
    assert _alerts(session) == 0


def test_import_below_the_hub_limit_still_alerts(session: Session, agencies: None) -> None:
    _send(session, "TH-CCIB", [_report("TH-1", 1)])
    _send(session, "MY-NSRC", [_report(f"MY-{n}", 1 + n % 28) for n in range(20)])
    assert _alerts(session) == 2
    _send(session, "SG-ASCOM", [_report("SG-1", 5)])
    assert _alerts(session) == 6
