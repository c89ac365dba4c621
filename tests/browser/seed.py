"""A small demo region for the browser tests and screenshots: agencies, users, reports."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Engine

from counterscam.access.accounts import create_agency, create_user
from counterscam.check.alerts import raise_alerts
from counterscam.db.engine import session_scope
from counterscam.db.models import Identifier, Report, Sighting
from tests.factories import PASSWORD

AGENCIES = [
    ("MY-NSRC", "National Scam Response Centre", "MY", "member", "nsrc@rmp.gov.my"),
    ("SG-ASCOM", "Anti-Scam Command", "SG", "member", "ascom@spf.gov.sg"),
    ("TH-CCIB", "Cyber Crime Investigation Bureau", "TH", "member", ""),
    ("PH-ACG", "PNP Anti-Cybercrime Group", "PH", "member", ""),
    ("ID-BARESKRIM", "Bareskrim Polri Cyber Directorate", "ID", "member", ""),
    ("VN-A05", "Department of Cybersecurity and High-Tech Crime Prevention", "VN", "member", ""),
    ("KH-NP", "Cambodian National Police", "KH", "member", ""),
    ("ASEANAPOL", "ASEANAPOL Secretariat", "MY", "secretariat", "secretariat@aseanapol.org"),
    ("AU-AFP", "Australian Federal Police", "AU", "partner", ""),
]
USERS = {code: f"user-{code.lower()}" for code, *_ in AGENCIES}
SCAM_TYPES = [
    "investment",
    "job_task",
    "romance",
    "phishing",
    "impersonation_official",
    "ecommerce",
    "loan",
    "parcel_courier",
    "crypto_investment",
]
CHANNELS = ["phone_call", "whatsapp", "telegram", "facebook", "sms", "website"]
MARKS = ["green", "green", "amber", "amber", "amber", "clear", "amber+strict", "red"]
CURRENCY = {
    "MY": "MYR",
    "SG": "SGD",
    "TH": "THB",
    "PH": "PHP",
    "ID": "IDR",
    "VN": "VND",
    "KH": "KHR",
}
USD_PER = {
    "MYR": "0.22",
    "SGD": "0.74",
    "THB": "0.029",
    "PHP": "0.018",
    "IDR": "0.000063",
    "VND": "0.000040",
    "KHR": "0.00025",
}
# One Malaysian mule account reported by MY and SG: a cross-border alert on both sides.
SHARED_PHONE = "+60123456789"
AMBER_REF = "MY-2026-AMBER-1"


def seed(engine: Engine, *, reports: int = 400, rng_seed: int = 7) -> dict[str, int]:
    """Create the agencies, one user each and ``reports`` random reports; return report ids."""
    rng = random.Random(rng_seed)
    ids: dict[str, int] = {}
    with session_scope(engine) as session:
        agency_ids = {}
        for code, name, country, kind, contact in AGENCIES:
            agency = create_agency(
                session, code=code, name=name, country=country, kind=kind, contact=contact
            )
            agency_ids[code] = (agency.id, country)
            create_user(session, username=USERS[code], password=PASSWORD, agency_code=code)
        members = [c for c, _, _, k, _ in AGENCIES if k == "member"]
        end = datetime(2026, 3, 20, tzinfo=UTC)
        for i in range(reports):
            code = rng.choice(members)
            agency_id, country = agency_ids[code]
            currency = CURRENCY[country]
            loss_usd = Decimal(int(rng.lognormvariate(8, 1.2)))
            rate = Decimal(USD_PER[currency])
            report = Report(
                agency_id=agency_id,
                external_ref=f"{country}-2026-{i:05d}",
                country=country,
                reported_at=end - timedelta(days=int(rng.triangular(0, 540, 0))),
                scam_type=rng.choice(SCAM_TYPES),
                channel=rng.choice(CHANNELS),
                loss_amount=(loss_usd / rate).quantize(Decimal("1")),
                loss_currency=currency,
                loss_usd=loss_usd,
                mark=rng.choice(MARKS),
                narrative=f"Victim contacted via {rng.choice(CHANNELS)}; case {i}.",
            )
            session.add(report)
        session.flush()
        phone = Identifier(kind="phone", value=SHARED_PHONE, country="MY")
        session.add(phone)
        session.flush()
        pair = ((AMBER_REF, "MY-NSRC", "amber"), ("SG-2026-9001", "SG-ASCOM", "green"))
        for ref, code, mark in pair:
            agency_id, country = agency_ids[code]
            report = Report(
                agency_id=agency_id,
                external_ref=ref,
                country=country,
                reported_at=end,
                scam_type="investment",
                channel="whatsapp",
                loss_amount=Decimal("12500"),
                loss_currency="USD",
                loss_usd=Decimal("12500"),
                mark=mark,
                narrative=f"Secret narrative of {ref}: victim met the suspect on WhatsApp.",
            )
            session.add(report)
            session.flush()
            session.add(
                Sighting(
                    report_id=report.id,
                    identifier_id=phone.id,
                    role="caller",
                    raw_value="012-345 6789",
                )
            )
            ids[ref] = report.id
        session.flush()
        raise_alerts(session, list(ids.values()))
    return ids
