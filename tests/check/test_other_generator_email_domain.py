"""An e-mail address submitted abroad alerts on its own domain too, never on webmail's."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.db.models import Agency, Alert, Identifier
from tests.check.helpers import bearer
from tests.factories import build_policy_region


def _report(ref: str, *emails: str) -> dict[str, Any]:
    return {
        "external_ref": ref,
        "reported_at": "2026-03-01T10:00:00",
        "scam_type": "investment",
        "channel": "email",
        "mark": "green",
        "identifiers": [{"kind": "email", "value": e, "role": "email_sender"} for e in emails],
    }


def test_mail_domain_named_in_two_countries_alerts_but_webmail_does_not(
    client: TestClient, session: Session
) -> None:
    build_policy_region(session)
    for agency, ref, spelling in (
        ("MY-NSRC", "MY-MAIL-1", "Support@Prime-Invest.com"),
        ("TH-CCIB", "TH-MAIL-1", "desk [at] prime-invest [dot] com"),
    ):
        batch = {"reports": [_report(ref, spelling, f"{ref.lower()}@gmail.com")]}
        answer = client.post("/api/v1/reports/batch", json=batch, headers=bearer(session, agency))
        assert answer.status_code == 201, answer.text

    rows = session.execute(
        select(Agency.code, Identifier.kind, Identifier.value)
        .join(Alert, Alert.agency_id == Agency.id)
        .join(Identifier, Identifier.id == Alert.identifier_id)
    ).all()
    # The two addresses differ, but the syndicate's mail domain is one: both centres are told.
    assert sorted(rows) == [
        ("MY-NSRC", "domain", "prime-invest.com"),
        ("TH-CCIB", "domain", "prime-invest.com"),
    ]
