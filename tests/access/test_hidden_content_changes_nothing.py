"""What a caller is told must not depend on the content of reports it may not see.

test_every_route_access.py looks in every answer for the references, names and phones of
hidden reports. A figure can leak without any of them: a sum or count that includes a hidden
loss, a list sorted or filtered by a hidden date or scam type, a cluster's countries or
months. So every route is walked twice as the same caller, before and after the content of
every report hidden from it is changed (loss, dates, scam type, channel, narrative, victim,
persons, compounds, the roles it names identifiers in): each answer must be the same, byte
for byte. What the policy does tell of a hidden report (that it exists, its holder, mark and
count) is left as it was, so it does not change either.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, update

from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.models import Party, Place, Report, Sighting
from tests.access.test_every_route_access import (
    BULK,
    SEEN_BY,
    Region,
    _gets,
    _text,
    region,  # noqa: F401  (the fixture)
)
from tests.web.conftest import csrf_of, sign_in

# Sorts and filters an outsider would use to rank or count hidden reports by their content.
PROBES = [
    *(f"/reports?sort={s}" for s in ("loss_usd", "-loss_usd", "reported", "-reported")),
    *(f"/api/v1/reports?sort={s}&per_page=2" for s in ("loss_usd", "-reported")),
    *(f"/api/v1/clusters?sort={s}" for s in ("loss", "countries", "reports", "growth", "recent")),
    "/api/v1/reports?scam_type=romance",
    "/api/v1/clusters?scam_type=romance",
    "/api/v1/clusters?compound=changed",
    "/reports?scam_type=romance",
    "/clusters?compound=changed",
    "/api/v1/alerts?unread_only=false&sort=own_report",
]
# Parts of an answer that differ between two requests whatever the data: the form token, the
# cookie it travels in, and a workbook's size (it holds the time it was written; its cells are
# compared).
_VARYING = [
    (re.compile(r'name="csrf_token" value="[^"]*"'), "csrf"),
    (re.compile(r'"set-cookie": "[^"]*"'), "cookie"),
    (re.compile(r'"content-length": "[^"]*"'), "length"),
]


def _answers(client: TestClient, walked: Region) -> dict[str, tuple[int, str]]:
    """Return every route's answer as the caller gets it, GETs and the bulk checks."""
    ids = sorted(walked.report_ids.values())
    urls = [u for us in _gets(ids, walked.cluster_keys, walked.batch_id).values() for u in us]
    answers = {}
    for url in [*urls, *PROBES]:
        answer = client.get(url, follow_redirects=True)
        answers[url] = (answer.status_code, _text(answer))
    items = {"items": [{"kind": "phone", "value": v} for v in BULK], "country": "MY"}
    bulk = client.post("/api/v1/check/bulk", json=items)
    answers["POST /api/v1/check/bulk"] = (bulk.status_code, _text(bulk))
    token = csrf_of(client.get("/check/bulk").text)
    carried = json.dumps([[i, "phone", v, "", ""] for i, v in enumerate(BULK, 1)])
    for path in ("/check/bulk.csv", "/check/bulk.xlsx"):
        sent = client.post(path, data={"country": "MY", "csrf_token": token, "items": carried})
        answers[f"POST {path}"] = (sent.status_code, _text(sent))
    for pattern, said in _VARYING:
        answers = {url: (code, pattern.sub(said, text)) for url, (code, text) in answers.items()}
    return answers


def _change_hidden_content(walked: Region, who: str) -> None:
    """Change everything a report holds but its holder, mark, identifiers and shares, in each
    report hidden from ``who``."""
    hidden = [walked.report_ids[ref] for ref, seers in SEEN_BY.items() if who not in seers]
    assert hidden
    when = datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC)
    session = walked.session
    session.execute(
        update(Report)
        .where(Report.id.in_(hidden))
        .values(
            loss_usd=Report.loss_usd + Decimal("777"),
            loss_amount=Report.loss_amount + Decimal("777"),
            reported_at=when,
            incident_at=when,
            scam_type="romance",
            channel="sms",
            narrative="changed",
            victim_age_band="60+",
            victim_gender="female",
            victim_country="VN",
        )
    )
    session.execute(
        update(Party)
        .where(Party.report_id.in_(hidden))
        .values(full_name=Party.full_name + " changed", nationality="VN")
    )
    session.execute(
        update(Place)
        .where(Place.report_id.in_(hidden))
        .values(name=Place.name + " changed", country="VN", latitude=11.5, longitude=104.9)
    )
    session.execute(
        update(Sighting).where(Sighting.report_id.in_(hidden)).values(role="beneficiary_account")
    )
    session.commit()


@pytest.mark.parametrize("who", ["TH-CCIB", "ASEANAPOL", "AU-AFP"])
def test_no_answer_changes_with_the_content_of_a_report_the_caller_may_not_see(
    engine: Engine,
    region: Region,  # noqa: F811  (the fixture)
    who: str,
) -> None:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, region.usernames[who])
        before = _answers(client, region)
        _change_hidden_content(region, who)
        after = _answers(client, region)
    changed = sorted(url for url in before if before[url] != after[url])
    assert not changed, (who, changed)
