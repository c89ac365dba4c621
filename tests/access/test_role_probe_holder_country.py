"""A check names a hidden match's holder by the holder agency's own row, on every channel.

Probed by changing every column of the reports hidden from a caller: the check's holdings
(API, bulk, page, CLI) said the country stored on the hidden report itself, where the report's
403, a cluster's holdings and the alerts say the holder agency's country. The two agree while
intake stores the agency's country on each report; a report filed under another country (a
store filled by another tool, an agency whose country was corrected) showed its column to a
caller who may not see it. The holding now takes the holder's country, as every other answer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import issue_token
from counterscam.api.app import create_app
from counterscam.cli.main import app as cli
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from counterscam.db.models import Agency, Report
from tests.factories import PolicyRegion, build_policy_region
from tests.web.conftest import sign_in

PHONE = "+60123456789"  # named by every report of the policy region
# Callers for whom MY-NSRC's red report is hidden, and the marks each may not see.
HIDDEN_MARKS = {
    "SG-ASCOM": ["amber+strict", "red"],
    "ASEANAPOL": ["red"],
    "AU-AFP": ["amber", "amber+strict", "red"],
}


@pytest.fixture
def region(engine: Engine) -> Iterator[tuple[Session, PolicyRegion]]:
    """The policy region, MY-NSRC's reports filed under Cambodia: their own column."""
    session = session_factory(engine)()
    policy = build_policy_region(session)
    session.execute(update(Report).values(country="KH"))
    session.commit()
    assert session.scalar(select(Agency.country).where(Agency.code == "MY-NSRC")) == "MY"
    yield session, policy
    session.close()


def _holdings(answer: dict[str, object]) -> list[tuple[object, ...]]:
    held = answer["holdings"]
    assert isinstance(held, list)
    return [(h["agency_code"], h["country"], h["mark"]) for h in held]


@pytest.mark.parametrize("who", sorted(HIDDEN_MARKS))
def test_a_checks_holdings_name_the_holders_country_not_the_hidden_reports(
    engine: Engine,
    region: tuple[Session, PolicyRegion],
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    who: str,
) -> None:
    session, policy = region
    expected = [("MY-NSRC", "MY", mark) for mark in HIDDEN_MARKS[who]]
    token = issue_token(session, username=policy.users[who].username).secret
    session.commit()
    app = create_app(settings=Settings(demo=True), engine=engine)
    bearer = {"Authorization": f"Bearer {token}"}
    with TestClient(app) as client:
        one = client.get("/api/v1/check", params={"value": PHONE}, headers=bearer).json()
        bulk = client.post(
            "/api/v1/check/bulk", json={"items": [{"value": PHONE}]}, headers=bearer
        ).json()
        red = client.get(f"/api/v1/reports/{policy.reports['red'].id}", headers=bearer)
        sign_in(client, policy.users[who].username)
        page = client.get("/check", params={"kind": "phone", "value": PHONE}).text
    assert _holdings(one) == expected
    assert _holdings(bulk["items"][0]) == expected
    # The report's own 403 says the same holder country.
    assert red.status_code == 403 and red.json()["detail"]["holder_country"] == "MY"
    # The page shows the countries it may: the visible reports' (Cambodia), and the holder's.
    holdings = page[page.index('id="holdings-h"') :]
    assert "Malaysia" in holdings and "Cambodia" not in holdings
    monkeypatch.setenv("COUNTERSCAM_TOKEN", token)
    said = runner.invoke(cli, ["check", "phone", PHONE, "--json"])
    assert said.exit_code == 0, said.output
    assert _holdings(json.loads(said.output)) == expected
