"""Every search leaves who, when, what and how many hits in the audit log, whatever the
channel: a value looked up in a list must be as easy to find there as one checked alone."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import issue_token
from counterscam.api.app import create_app
from counterscam.cli.main import app as cli_app
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from counterscam.db.models import AuditEvent
from tests.factories import EXPECTED_VISIBLE, PolicyRegion, build_policy_region
from tests.web.conftest import csrf_of, sign_in

AGENCIES = sorted(EXPECTED_VISIBLE)
# The region's phone (named by all six of its reports), and a number no report names.
LOOKED_UP = ("phone:+60123456789 country=MY", 6)
UNKNOWN = ("phone:+60198765432 country=MY", 0)


@pytest.fixture
def region(engine: Engine) -> Iterator[tuple[PolicyRegion, Session]]:
    session = session_factory(engine)()
    yield build_policy_region(session), session
    session.close()


def _searches(session: Session, username: str, channel: str) -> list[tuple[str, int]]:
    """Return the (query, hits) of the user's bulk-checked values in this channel."""
    session.expire_all()
    rows = session.execute(
        select(AuditEvent.query, AuditEvent.hits)
        .where(
            AuditEvent.action == "bulk_check_value",
            AuditEvent.channel == channel,
            AuditEvent.actor.startswith(f"{username}@"),
        )
        .order_by(AuditEvent.id)
    )
    return [(query, hits) for query, hits in rows]


@pytest.mark.parametrize("agency", AGENCIES)
def test_an_api_bulk_check_records_each_value_looked_up(
    engine: Engine, region: tuple[PolicyRegion, Session], agency: str
) -> None:
    """The bulk check's one row said "2 values (1 invalid)": never which numbers."""
    policy, session = region
    username = policy.users[agency].username
    token = issue_token(session, username=username).secret
    session.commit()
    items = [
        {"value": "012-345 6789", "kind": "phone"},
        {"value": "019-876 5432", "kind": "phone"},
        {"value": "+60 12", "kind": "phone"},
    ]
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        answer = client.post(
            "/api/v1/check/bulk",
            headers={"Authorization": f"Bearer {token}"},
            json={"items": items, "country": "MY"},
        )
    assert answer.status_code == 200, answer.text
    assert _searches(session, username, "api") == [
        LOOKED_UP,
        UNKNOWN,
        ("phone:+60 12 country=MY", 0),  # not valid: the kind asked and the value as written
    ]


def test_a_web_bulk_check_and_its_download_record_each_value_looked_up(
    engine: Engine, region: tuple[PolicyRegion, Session]
) -> None:
    policy, session = region
    username = policy.users["AU-AFP"].username
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, username)
        token = csrf_of(client.get("/check/bulk").text)
        page = client.post(
            "/check/bulk",
            data={"csrf_token": token, "values": "012-345 6789", "country": "MY"},
        )
        assert page.status_code == 200, page.text
        carried = re.search(r'name="items" value="([^"]*)"', page.text)
        assert carried, "the results page carries no list to download"
        items = html.unescape(carried.group(1))
        download = client.post(
            "/check/bulk.csv", data={"csrf_token": token, "items": items, "country": "MY"}
        )
        assert download.status_code == 200, download.text
    assert _searches(session, username, "web") == [LOOKED_UP, LOOKED_UP]


def test_a_cli_bulk_check_records_each_value_looked_up(
    runner: CliRunner,
    region: tuple[PolicyRegion, Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    policy, session = region
    username = policy.users["TL-PNTL"].username
    monkeypatch.setenv("COUNTERSCAM_TOKEN", issue_token(session, username=username).secret)
    session.commit()
    source = tmp_path / "list.csv"
    source.write_text("value\n012-345 6789\n019-876 5432\n", encoding="utf-8")
    result = runner.invoke(cli_app, ["check-bulk", str(source), "--country", "MY"])
    assert result.exit_code == 0, result.output
    assert _searches(session, username, "cli") == [LOOKED_UP, UNKNOWN]
