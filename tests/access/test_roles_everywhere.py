"""Each role meets the same policy through the API, the web pages and the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import issue_token
from counterscam.api.app import create_app
from counterscam.cli.main import app as cli_app
from counterscam.config import Settings, get_settings
from counterscam.db.engine import engine_for, session_factory
from tests.factories import EXPECTED_VISIBLE, PolicyRegion, build_policy_region
from tests.web.conftest import sign_in

AGENCIES = sorted(EXPECTED_VISIBLE)


@pytest.fixture
def region(engine: Engine) -> Iterator[tuple[PolicyRegion, Session]]:
    session = session_factory(engine)()
    yield build_policy_region(session), session
    session.close()


@pytest.mark.parametrize("agency", AGENCIES)
def test_api_shows_exactly_the_allowed_reports(
    engine: Engine, region: tuple[PolicyRegion, Session], agency: str
) -> None:
    policy, session = region
    token = issue_token(session, username=policy.users[agency].username).secret
    session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        listing = client.get("/api/v1/reports", headers=headers, params={"per_page": 500})
        assert listing.status_code == 200
        refs = {item["external_ref"] for item in listing.json()["items"]}
        assert refs == {f"MY-{label}" for label in EXPECTED_VISIBLE[agency]}
        assert listing.json()["total"] == len(EXPECTED_VISIBLE[agency])
        for label, report in policy.reports.items():
            one = client.get(f"/api/v1/reports/{report.id}", headers=headers)
            if label in EXPECTED_VISIBLE[agency]:
                assert one.status_code == 200
                assert one.json()["narrative"] == f"narrative of MY-{label}"
            else:
                assert one.status_code == 403
                body = one.json()["detail"]
                assert body["holder_agency"] == "MY-NSRC"
                assert "narrative" not in json.dumps(body)
        assert client.get("/api/v1/reports").status_code == 401


@pytest.mark.parametrize("agency", AGENCIES)
def test_web_pages_show_exactly_the_allowed_reports(
    engine: Engine, region: tuple[PolicyRegion, Session], agency: str
) -> None:
    policy, _session = region
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, policy.users[agency].username)
        for label, report in policy.reports.items():
            page = client.get(f"/reports/{report.id}")
            if label in EXPECTED_VISIBLE[agency]:
                assert page.status_code == 200
                assert f"narrative of MY-{label}" in page.text
            else:
                assert page.status_code == 403
                assert "MY-NSRC" in page.text
                assert "narrative of" not in page.text
        listing = client.get("/reports.csv")
        rows = listing.text.strip().splitlines()[1:]
        assert len(rows) == len(EXPECTED_VISIBLE[agency])


@pytest.mark.parametrize("agency", AGENCIES)
def test_cli_check_learns_only_holders_of_hidden_records(
    engine: Engine,
    region: tuple[PolicyRegion, Session],
    agency: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    policy, session = region
    token = issue_token(session, username=policy.users[agency].username).secret
    session.commit()
    url = engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", url)
    monkeypatch.setenv("COUNTERSCAM_TOKEN", token)
    get_settings.cache_clear()
    engine_for.cache_clear()
    try:
        result = CliRunner().invoke(
            cli_app, ["check", "phone", "012-345 6789", "--country", "MY", "--json"]
        )
    finally:
        engine_for(url).dispose()
        get_settings.cache_clear()
        engine_for.cache_clear()
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["hit"] is True
    visible = EXPECTED_VISIBLE[agency]
    assert answer["reports"] == len(visible)
    assert {m["external_ref"] for m in answer["matches"]} == {f"MY-{v}" for v in visible}
    hidden = {label: r for label, r in policy.reports.items() if label not in visible}
    assert sum(h["reports"] for h in answer["holdings"]) == len(hidden)
    assert {h["mark"] for h in answer["holdings"]} == {r.mark for r in hidden.values()}
    assert all(h["agency_code"] == "MY-NSRC" for h in answer["holdings"])
