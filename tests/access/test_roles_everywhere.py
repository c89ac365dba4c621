"""Each role meets the same policy through the API, the web pages and the CLI."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import issue_token
from counterscam.api.app import create_app
from counterscam.cli.main import app as cli_app
from counterscam.config import Settings, get_settings
from counterscam.db.engine import engine_for, session_factory
from counterscam.db.link_models import Cluster
from counterscam.db.models import Party, Place
from counterscam.link.rebuild import rebuild
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


def _run_cli(
    engine: Engine, token: str, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> Result:
    url = engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", url)
    monkeypatch.setenv("COUNTERSCAM_TOKEN", token)
    get_settings.cache_clear()
    engine_for.cache_clear()
    try:
        return CliRunner().invoke(cli_app, args)
    finally:
        engine_for(url).dispose()
        get_settings.cache_clear()
        engine_for.cache_clear()


@pytest.fixture
def linked(region: tuple[PolicyRegion, Session]) -> tuple[PolicyRegion, Session, str]:
    """The policy region with a suspect, a trafficking victim and a compound in every report,
    linked into one cluster by the phone they share; returns that cluster's key."""
    policy, session = region
    for label, report in policy.reports.items():
        session.add_all(
            [
                Party(report_id=report.id, role="suspect", full_name=f"suspect of MY-{label}"),
                Party(
                    report_id=report.id,
                    role="victim_of_trafficking",
                    full_name=f"victim of MY-{label}",
                ),
                Place(report_id=report.id, kind="compound", name=f"compound of MY-{label}"),
            ]
        )
    rebuild(session)
    session.commit()
    keys = set(session.scalars(select(Cluster.key)))
    assert len(keys) == 1
    return policy, session, keys.pop()


# A report's reference, or anything named after it (narrative, suspect, victim, compound).
LABELS = re.compile(r"MY-(clear|green|amber\+strict|amber-to-SG|amber|red)(?![\w+-])")


def _secrets_in(text: str) -> set[str]:
    """Return the labels of the region's reports whose content appears in ``text``."""
    return set(LABELS.findall(text))


@pytest.mark.parametrize("agency", AGENCIES)
def test_cluster_surfaces_show_exactly_the_allowed_reports(
    engine: Engine,
    linked: tuple[PolicyRegion, Session, str],
    agency: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """List, brief, network, their CSVs and the export: no name, compound or reference of a
    report the agency may not see, and the hidden ones counted with their holder."""
    policy, session, key = linked
    visible = EXPECTED_VISIBLE[agency]
    hidden = len(policy.reports) - len(visible)
    token = issue_token(session, username=policy.users[agency].username).secret
    session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        listed = client.get("/api/v1/clusters", headers=headers).json()["items"]
        assert [(c["reports"], c["hidden_reports"]) for c in listed] == [(len(visible), hidden)]
        assert listed[0]["compounds"] == sorted(f"compound of MY-{v}" for v in visible)
        brief = client.get(f"/api/v1/clusters/{key}", headers=headers)
        assert sum(h["reports"] for h in brief.json()["holdings"]) == hidden
        assert {h["agency_code"] for h in brief.json()["holdings"]} <= {"MY-NSRC"}
        graph = client.get(f"/api/v1/clusters/{key}/graph", headers=headers).json()
        assert graph["hidden_reports"] == hidden
        assert {n["label"] for n in graph["nodes"] if n["type"] == "report"} == {
            f"MY-{v}" for v in visible
        }
        api = [brief.text, json.dumps(graph), json.dumps(listed)]
        sign_in(client, policy.users[agency].username)
        pages = [f"/clusters/{key}", f"/clusters/{key}/network/table", "/clusters.csv"]
        pages += [f"/clusters/{key}/{t}.csv" for t in ("persons", "compounds", "links")]
        pages += [f"/clusters/{key}/graph.json", f"/clusters/{key}/network/nodes.csv"]
        for url in pages:
            answer = client.get(url)
            assert answer.status_code == 200, url
            assert _secrets_in(answer.text) <= visible, url
        for text in api:
            assert _secrets_in(text) <= visible
        assert _secrets_in(client.get(f"/clusters/{key}").text) == visible
    out = tmp_path / "clusters.csv"
    result = _run_cli(engine, token, ["export", "clusters", "--out", str(out)], monkeypatch)
    assert result.exit_code == 0, result.output
    exported = {row["external_ref"] for row in csv.DictReader(out.open())}
    assert exported == {f"MY-{v}" for v in visible}
