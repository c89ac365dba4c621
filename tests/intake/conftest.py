"""Fixtures for intake tests: a member, a secretariat and a partner agency, and sample data."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller, create_agency
from counterscam.access.caller import Caller

DOC_REPORT: dict[str, Any] = {
    "external_ref": "MY-2026-000123",
    "reported_at": "2026-03-01T10:00:00+08:00",
    "scam_type": "investment",
    "channel": "whatsapp",
    "loss_amount": "12500.00",
    "loss_currency": "MYR",
    "victim_age_band": "45_54",
    "victim_gender": "female",
    "victim_country": "MY",
    "narrative": "Met on WhatsApp group...",
    "mark": "amber",
    "identifiers": [
        {"kind": "phone", "value": "012-345 6789", "role": "caller"},
        {"kind": "bank_account", "value": "Maybank 5140 1234 5678", "role": "beneficiary_account"},
    ],
    "parties": [{"role": "mule", "full_name": "Ahmad bin Ali", "nationality": "MY"}],
    "places": [{"kind": "compound", "name": "KK Park", "country": "MM"}],
}


def doc_report(**changes: Any) -> dict[str, Any]:
    """Return the docs/formats.md example report with some fields changed."""
    report = copy.deepcopy(DOC_REPORT)
    report.update(changes)
    return report


@pytest.fixture
def agencies(session: Session) -> dict[str, Caller]:
    """Callers for a member (MY), another member (SG), the secretariat and a partner."""
    for code, country, kind in (
        ("MY-NSRC", "MY", "member"),
        ("SG-ASCOM", "SG", "member"),
        ("ASEANAPOL", "MY", "secretariat"),
        ("AU-AFP", "AU", "partner"),
    ):
        create_agency(session, code=code, name=code, country=country, kind=kind)
    session.commit()
    return {
        code: admin_caller(session, code) for code in ("MY-NSRC", "SG-ASCOM", "ASEANAPOL", "AU-AFP")
    }


REPORTS_CSV = (
    "external_ref,reported_at,incident_at,scam_type,channel,loss_amount,loss_currency,"
    "victim_age_band,victim_gender,victim_country,narrative,mark,share_with\n"
    'MY-1,2026-03-01,,investment,whatsapp,"12,500.50",MYR,45_54,female,MY,First,amber,\n'
    "MY-2,2026-03-02T09:30:00,2026-02-28,job_task,telegram,300,MYR,,,,Second,green,\n"
)
IDENTIFIERS_CSV = (
    "external_ref,kind,value,role,qualifier,country\n"
    "MY-1,phone,012-345 6789,caller,,\n"
    "MY-1,url,https://invest-now.example.com/login,website,,\n"
    "MY-2,phone,081 234 5678,caller,,TH\n"
)
PARTIES_CSV = (
    "external_ref,role,full_name,given_name,family_name,birth_date,gender,nationality,"
    "id_number,id_kind,phone\n"
    "MY-1,mule,Ahmad bin Ali,,,1990-05-17,male,MY,A1234567,passport,012-987 6543\n"
)
PLACES_CSV = (
    "external_ref,kind,name,country,latitude,longitude,address\n"
    "MY-2,compound,KK Park,MM,16.6469,98.5155,\n"
)


CSV_SET = {
    "reports.csv": REPORTS_CSV,
    "identifiers.csv": IDENTIFIERS_CSV,
    "parties.csv": PARTIES_CSV,
    "places.csv": PLACES_CSV,
}


def write_csv_set(folder: Path, *, prefix: str = "MY-") -> None:
    """Write the four-file CSV set of two reports into ``folder``, references renamed from
    ``MY-`` to ``prefix``."""
    for name, text in CSV_SET.items():
        (folder / name).write_text(text.replace("MY-", prefix))
