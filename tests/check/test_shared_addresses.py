"""Private network addresses and burn wallets: kept, but they link nothing and say so.

Every home router is 192.168.1.1: two countries' victims whose logs hold it were told their
reports were linked, and both agencies got a cross-border alert.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.check.service import check
from counterscam.cli.main import app
from counterscam.config import Settings
from counterscam.db.models import Alert, Identifier
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import submit
from counterscam.intake.tables import Limits

ROUTER = "192.168.1.1"
PUBLIC_IP = "203.0.113.5"  # a documentation address, as our examples use: an ordinary one
BURN = "0x000000000000000000000000000000000000dEaD"


def _report(ref: str, kind: str, value: str, role: str) -> dict[str, Any]:
    return {
        "external_ref": ref,
        "reported_at": "2026-03-01",
        "scam_type": "investment",
        "channel": "whatsapp",
        "mark": "green",
        "identifiers": [{"kind": kind, "value": value, "role": role}],
    }


def _both_report(
    session: Session, callers: dict[str, Caller], kind: str, value: str, role: str
) -> None:
    for code, ref in (("MY-NSRC", "MY-1"), ("TH-TCSD", "TH-1")):
        raw = reports_of(
            {"reports": [_report(ref, kind, value, role)]},
            file="request",
            limits=Limits(max_reports=10),
        )
        result = submit(session, callers[code], reports=raw, source="api", settings=Settings())
        assert result.status == "committed", result.errors


def _alerted(session: Session, value: str) -> int:
    rows = session.scalars(select(Alert.id).join(Identifier).where(Identifier.value == value))
    return len(rows.all())


def test_a_home_router_address_in_two_countries_raises_no_alert(
    session: Session, callers: dict[str, Caller]
) -> None:
    _both_report(session, callers, "ip", ROUTER, "other")
    assert _alerted(session, ROUTER) == 0
    answer = check(
        session, callers["MY-NSRC"], kind="ip", value=ROUTER, country=None, channel="web"
    )
    assert answer.hit and answer.countries == ["MY", "TH"]
    assert answer.shared_platform
    assert answer.shared_note is not None
    assert "private or local network address" in answer.shared_note
    assert "links no reports and raises no alerts" in answer.shared_note
    assert "big shared platform" not in answer.shared_note


def test_a_public_address_in_two_countries_still_alerts(
    session: Session, callers: dict[str, Caller]
) -> None:
    # The same reports with an ordinary address: the alerts above are missing for the reason.
    _both_report(session, callers, "ip", PUBLIC_IP, "other")
    assert _alerted(session, PUBLIC_IP) == 2
    answer = check(
        session, callers["MY-NSRC"], kind="ip", value=PUBLIC_IP, country=None, channel="web"
    )
    assert not answer.shared_platform and answer.shared_note is None


def test_a_burn_address_in_two_countries_raises_no_alert(
    session: Session, callers: dict[str, Caller]
) -> None:
    _both_report(session, callers, "crypto_wallet", BURN, "wallet")
    assert _alerted(session, f"eth:{BURN}") == 0
    answer = check(
        session, callers["TH-TCSD"], kind="crypto_wallet", value=BURN, country=None, channel="web"
    )
    assert answer.shared_note is not None and "burn address" in answer.shared_note


def test_the_cli_says_what_the_address_is(
    session: Session, callers: dict[str, Caller], runner: CliRunner
) -> None:
    _both_report(session, callers, "ip", ROUTER, "other")
    shown = runner.invoke(app, ["check", "ip", f"({ROUTER})", "--agency", "MY-NSRC"])
    assert shown.exit_code == 0, shown.output
    assert "private or local network address" in " ".join(shown.output.split())
    assert "shared platform" not in shown.output
    answer = runner.invoke(app, ["check", "ip", ROUTER, "--json", "--agency", "MY-NSRC"])
    body = json.loads(answer.output)
    assert body["shared_platform"] is True
    assert "private or local network address" in body["shared_note"]
