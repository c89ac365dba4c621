"""A value taken off the stop-list alerts the agencies that reported it while it was stopped."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import admin_caller, create_agency
from counterscam.cli.main import app
from counterscam.config import Settings
from counterscam.db.base import utcnow
from counterscam.db.link_models import StopEntry
from counterscam.db.models import Agency, Alert
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import submit
from counterscam.intake.tables import Limits
from counterscam.link.rules import DEFAULT_RULES
from counterscam.link.stoplist import add_stop, remove_stop

WALLET = "+66812345678"  # an exchange's number every country's victims paid through
AGENCIES = (
    ("MY-NSRC", "MY"),
    ("MY-PDRM", "MY"),
    ("TH-CCIB", "TH"),
    ("SG-ASCOM", "SG"),
    ("PH-ACG", "PH"),
)


@pytest.fixture
def agencies(session: Session) -> None:
    for code, country in AGENCIES:
        create_agency(session, code=code, name=code, country=country, kind="member")
    session.commit()


def _report(ref: str, day: int, role: str = "caller") -> dict[str, Any]:
    return {
        "external_ref": ref,
        "reported_at": f"2026-03-{day:02d}",
        "scam_type": "investment",
        "channel": "phone_call",
        "mark": "green",
        "identifiers": [{"kind": "phone", "value": WALLET, "role": role}],
    }


def _send(session: Session, agency: str, reports: list[dict[str, Any]]) -> None:
    raw = reports_of({"reports": reports}, file="request", limits=Limits(max_reports=1_000))
    result = submit(
        session, admin_caller(session, agency), reports=raw, source="api", settings=Settings()
    )
    assert result.status == "committed", result.errors


def _pairs(session: Session) -> set[tuple[str, str]]:
    """Return (recipient, other agency) of every alert."""
    codes = {i: code for i, code in session.execute(select(Agency.id, Agency.code))}
    rows = session.execute(select(Alert.agency_id, Alert.other_agency_id))
    return {(codes[own], codes[other]) for own, other in rows}


def _both_ways(*pairs: tuple[str, str]) -> set[tuple[str, str]]:
    return {p for a, b in pairs for p in ((a, b), (b, a))}


def _stop(session: Session, agency: str = "MY-NSRC") -> None:
    add_stop(
        session,
        admin_caller(session, agency),
        kind="phone",
        value=WALLET,
        reason="exchange's deposit number",
    )
    session.commit()


def test_allowing_a_busy_hub_alerts_every_pair_of_countries_that_reported_it(
    session: Session, agencies: None
) -> None:
    _send(session, "TH-CCIB", [_report("TH-1", 1)])
    busy = DEFAULT_RULES.hub_reports + 1
    _send(session, "MY-NSRC", [_report(f"MY-{n}", 1 + n % 28) for n in range(busy)])
    _send(session, "SG-ASCOM", [_report("SG-1", 5)])
    assert session.scalar(select(StopEntry.rule).where(StopEntry.value == WALLET)) == "busy"
    assert _pairs(session) == set()

    entry = remove_stop(session, admin_caller(session, "SG-ASCOM"), kind="phone", value=WALLET)
    session.commit()
    assert entry is not None and entry.action == "allow"
    # Before, nobody was told until a later import, and then only the importer's pairs.
    expected = _both_ways(("TH-CCIB", "MY-NSRC"), ("TH-CCIB", "SG-ASCOM"), ("SG-ASCOM", "MY-NSRC"))
    assert _pairs(session) == expected
    # A later import naming it adds no second alert for a pair already told.
    _send(session, "TH-CCIB", [_report("TH-2", 9)])
    assert len(session.scalars(select(Alert.id)).all()) == len(expected)


def test_removing_an_analysts_entry_alerts_across_borders_only_and_operators_only(
    session: Session, agencies: None
) -> None:
    _stop(session)
    _send(session, "MY-NSRC", [_report("MY-1", 1)])
    _send(session, "MY-PDRM", [_report("MY-P-1", 2)])
    _send(session, "TH-CCIB", [_report("TH-1", 3)])
    # A victim paid from that number in the Philippines: not the scammer's, never an alert.
    _send(session, "PH-ACG", [_report("PH-1", 4, role="victim_account")])
    assert _pairs(session) == set()

    assert (
        remove_stop(session, admin_caller(session, "MY-NSRC"), kind="phone", value=WALLET) is None
    )
    session.commit()
    # The two Malaysian agencies are not alerted of each other: their centre links them.
    assert _pairs(session) == _both_ways(("MY-NSRC", "TH-CCIB"), ("MY-PDRM", "TH-CCIB"))


def test_alerts_raised_before_the_value_was_stopped_stay_as_they_were(
    session: Session, agencies: None
) -> None:
    _send(session, "MY-NSRC", [_report("MY-1", 1)])
    _send(session, "TH-CCIB", [_report("TH-1", 2)])
    told = session.scalars(select(Alert)).all()
    assert len(told) == 2
    read_at = utcnow()
    for alert in told:
        alert.read_at = read_at
    session.commit()

    # Put on the stop-list: the agencies already told keep their alerts (history), no new one.
    _stop(session)
    assert _pairs(session) == _both_ways(("MY-NSRC", "TH-CCIB"))
    _send(session, "SG-ASCOM", [_report("SG-1", 3)])
    assert _pairs(session) == _both_ways(("MY-NSRC", "TH-CCIB"))

    remove_stop(session, admin_caller(session, "MY-NSRC"), kind="phone", value=WALLET)
    session.commit()
    assert _pairs(session) == _both_ways(
        ("MY-NSRC", "TH-CCIB"), ("MY-NSRC", "SG-ASCOM"), ("TH-CCIB", "SG-ASCOM")
    )
    # The pair told before is not told again: its alerts are the same rows, still read.
    session.expire_all()
    kept = session.scalars(select(Alert).where(Alert.id.in_([a.id for a in told]))).all()
    assert len(kept) == 2 and all(a.read_at is not None for a in kept)
    assert len(session.scalars(select(Alert.id)).all()) == 6


def test_stop_remove_on_the_command_line_alerts_the_agencies(
    runner: CliRunner, session: Session, agencies: None
) -> None:
    _stop(session)
    _send(session, "MY-NSRC", [_report("MY-1", 1)])
    _send(session, "SG-ASCOM", [_report("SG-1", 2)])
    assert _pairs(session) == set()

    result = runner.invoke(app, ["link", "stop", "remove", "phone", WALLET, "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    session.expire_all()
    assert _pairs(session) == _both_ways(("MY-NSRC", "SG-ASCOM"))
