"""Alerts follow resubmissions: a corrected identifier takes its cross-border alerts with it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.check.alerts import inbox, mark_read
from counterscam.config import Settings
from counterscam.db.models import Agency, Alert, Identifier, Report
from counterscam.intake import store
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import submit
from counterscam.intake.tables import Limits

TYPO = "+66812345678"
FIXED = "+66898765432"


def _report(ref: str, *phones: str) -> dict[str, Any]:
    return {
        "external_ref": ref,
        "reported_at": "2026-03-01",
        "scam_type": "investment",
        "channel": "whatsapp",
        "mark": "green",
        "identifiers": [{"kind": "phone", "value": p, "role": "caller"} for p in phones],
    }


def _send(session: Session, caller: Caller, *reports: dict[str, Any]) -> None:
    raw = reports_of({"reports": list(reports)}, file="request", limits=Limits(max_reports=100))
    result = submit(session, caller, reports=raw, source="api", settings=Settings())
    assert result.status == "committed", result.errors


def _alerts(session: Session) -> set[tuple[str, str, str, str]]:
    """(recipient, phone, own report, other report) of every alert."""
    rows = session.execute(select(Alert, Identifier.value).join(Identifier)).all()
    ref = {r.id: r.external_ref for r in session.scalars(select(Report))}
    code = {i: c for i, c in session.execute(select(Agency.id, Agency.code))}
    return {
        (code[a.agency_id], value, ref[a.report_id], ref[a.other_report_id]) for a, value in rows
    }


def test_corrected_number_withdraws_the_alerts_it_raised(
    session: Session, callers: dict[str, Caller]
) -> None:
    _send(session, callers["MY-NSRC"], _report("MY-1", TYPO))
    _send(session, callers["TH-TCSD"], _report("TH-1", TYPO))
    assert _alerts(session) == {
        ("MY-NSRC", TYPO, "MY-1", "TH-1"),
        ("TH-TCSD", TYPO, "TH-1", "MY-1"),
    }
    # Thailand corrects its report: the number was mistyped. Neither agency is told any more
    # that Thailand reported the Malaysian number.
    _send(session, callers["TH-TCSD"], _report("TH-1", FIXED))
    assert _alerts(session) == set()


def test_alert_moves_to_the_agency_report_that_still_names_the_number(
    session: Session, callers: dict[str, Caller]
) -> None:
    _send(session, callers["MY-NSRC"], _report("MY-1", TYPO))
    _send(session, callers["TH-TCSD"], _report("TH-1", TYPO), _report("TH-2", TYPO))
    _send(session, callers["TH-TCSD"], _report("TH-1", FIXED))
    assert _alerts(session) == {
        ("MY-NSRC", TYPO, "MY-1", "TH-2"),
        ("TH-TCSD", TYPO, "TH-2", "MY-1"),
    }
    # Resubmitting unchanged reports keeps the alerts as they are, once each.
    _send(session, callers["TH-TCSD"], _report("TH-1", FIXED), _report("TH-2", TYPO))
    _send(session, callers["MY-NSRC"], _report("MY-1", TYPO))
    assert _alerts(session) == {
        ("MY-NSRC", TYPO, "MY-1", "TH-2"),
        ("TH-TCSD", TYPO, "TH-2", "MY-1"),
    }


def test_read_alert_moved_stays_read(session: Session, callers: dict[str, Caller]) -> None:
    _send(session, callers["MY-NSRC"], _report("MY-1", TYPO))
    _send(session, callers["TH-TCSD"], _report("TH-1", TYPO), _report("TH-2", TYPO))
    [item] = inbox(session, callers["MY-NSRC"], channel="api").items
    mark_read(session, callers["MY-NSRC"], alert_id=item.id)
    _send(session, callers["TH-TCSD"], _report("TH-1", FIXED))
    page = inbox(session, callers["MY-NSRC"], channel="api")
    assert page.unread == 0 and [i.id for i in page.items] == [item.id]


def test_correction_stamped_before_the_report_still_withdraws_its_alerts(
    session: Session, callers: dict[str, Caller], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The correction is written by a server whose clock is behind the one that created the
    # report (or by a request that read the time before waiting for the intake lock): its
    # rewrite is stamped earlier than the creation. The alerts of the mistyped number stayed,
    # telling both agencies of a match that is no longer there.
    _send(session, callers["MY-NSRC"], _report("MY-1", TYPO))
    _send(session, callers["TH-TCSD"], _report("TH-1", TYPO))
    assert len(_alerts(session)) == 2
    behind = datetime.now(UTC) - timedelta(seconds=5)
    monkeypatch.setattr(store, "utcnow", lambda: behind)
    _send(session, callers["TH-TCSD"], _report("TH-1", FIXED))
    assert _alerts(session) == set()
    assert inbox(session, callers["MY-NSRC"], channel="api").total == 0
