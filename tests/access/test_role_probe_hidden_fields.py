"""Every role, on the pages and on the command line, is told nothing that depends on any column
of a report it may not see.

test_hidden_content_changes_nothing.py changes the loss, dates, scam type, narrative, victim,
names and compounds of the hidden reports and walks the pages as three roles. Here every role
walks them, its commands run with its token (check, check-bulk, export clusters, link stop
list), the single check is asked of every phone, and the columns that walk leaves as they were
change too: the country a report was filed under, its currency, reference and FX valuation, the
persons' documents, phones, birth dates and resolved person, the compounds' addresses, and an
identifier only hidden reports name; and, from the fifteenth probe, when a report was stored and
changed, its batch, the values as written, a place's kind, the agencies an amber report is
narrowed to, more persons and compounds, and the flags of identifiers only hidden reports name.
Before and after, every answer must be the same, byte for
byte: the holder, mark and count of hidden matches, which the policy does tell, stay as they
were. (The filed country reached the check's holdings: test_role_probe_holder_country.py.)
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update
from typer.testing import CliRunner

from counterscam.api.app import create_app
from counterscam.cli.main import app as cli
from counterscam.config import Settings
from counterscam.db.models import (
    Agency,
    Identifier,
    Party,
    Place,
    Report,
    ReportShare,
    Sighting,
)
from tests.access.test_every_route_access import (
    BULK,
    EXPECTED_VISIBLE,
    SEEN_BY,
    Region,
    region,  # noqa: F401  (the fixture)
)
from tests.access.test_hidden_content_changes_nothing import (
    _VARYING,
    _answers,
    _change_hidden_content,
)
from tests.web.conftest import csrf_of, sign_in

# Sorts and filters on the columns changed here.
PROBES = [
    *(f"/reports?sort={s}" for s in ("reference", "-reference", "agency", "-agency")),
    "/reports?country=KH",
    "/reports.csv?country=KH",
    "/clusters?country=KH",
    "/api/v1/reports?country=KH",
    "/api/v1/clusters?country=KH&sort=countries",
    "/api/v1/alerts?unread_only=false&sort=other_agency",
]
ONLY_HIDDEN = "+60199999999"  # an identifier only the hidden reports name, added here


# Columns and rows of the hidden reports the earlier walks left alone.
RAW = "written as changed"
MULE = "mule of a hidden report"
COMPOUND = "compound of a hidden report"


def _change_the_rest(walked: Region, who: str) -> None:
    """Change, in each report hidden from ``who``, what no earlier walk changed."""
    hidden = [walked.report_ids[ref] for ref, seers in SEEN_BY.items() if who not in seers]
    session = walked.session
    when = datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)
    session.execute(
        update(Report)
        .where(Report.id.in_(hidden))
        .values(created_at=when, updated_at=when, batch_id=None)
    )
    session.execute(update(Sighting).where(Sighting.report_id.in_(hidden)).values(raw_value=RAW))
    session.execute(update(Place).where(Place.report_id.in_(hidden)).values(kind="address"))
    theirs = select(Sighting.identifier_id).where(Sighting.report_id.in_(hidden))
    others = select(Sighting.identifier_id).where(~Sighting.report_id.in_(hidden))
    session.execute(
        update(Identifier)
        .where(Identifier.id.in_(theirs.except_(others)))
        .values(country="VN", shared_platform=True)
    )
    agencies = [a for a in session.scalars(select(Agency)) if a.code != who]
    shares = {
        (r, a) for r, a in session.execute(select(ReportShare.report_id, ReportShare.agency_id))
    }
    for report_id in hidden:
        session.add(Party(report_id=report_id, role="mule", full_name=MULE))
        session.add(Place(report_id=report_id, kind="compound", name=COMPOUND))
        # Narrowed to every other agency: still not to ``who``, so still hidden from it.
        session.add_all(
            ReportShare(report_id=report_id, agency_id=a.id)
            for a in agencies
            if (report_id, a.id) not in shares
        )
    session.commit()


def _change_more(walked: Region, who: str) -> None:
    """Change, in each report hidden from ``who``, the columns the other walk leaves."""
    hidden = [walked.report_ids[ref] for ref, seers in SEEN_BY.items() if who not in seers]
    session = walked.session
    session.execute(
        update(Report)
        .where(Report.id.in_(hidden))
        .values(
            country="KH",
            loss_currency="THB",
            fx_rate=Decimal("0.028"),
            fx_date=date(2024, 2, 3),
            external_ref=Report.external_ref + "-x",
        )
    )
    session.execute(
        update(Party)
        .where(Party.report_id.in_(hidden))
        .values(
            role="recruiter",
            given_name="Changed",
            family_name="Person",
            birth_date=date(1990, 1, 1),
            gender="female",
            id_number="A1234567",
            id_kind="passport",
            phone="+60123456789",
            person_id=1,
        )
    )
    session.execute(update(Place).where(Place.report_id.in_(hidden)).values(address="changed"))
    only = Identifier(kind="phone", value=ONLY_HIDDEN, country="MY")
    session.add(only)
    session.flush()
    session.add_all(
        Sighting(report_id=rid, identifier_id=only.id, role="caller", raw_value=ONLY_HIDDEN)
        for rid in hidden
    )
    session.commit()


def _page_answers(client: TestClient, walked: Region) -> dict[str, tuple[int, str]]:
    """Return the other walk's answers, the probes above and a single check of each phone."""
    answers = _answers(client, walked)
    token = csrf_of(client.get("/check").text)
    for url in PROBES:
        answer = client.get(url)
        answers[url] = (answer.status_code, answer.text)
    for value in BULK:
        form = {"csrf_token": token, "kind": "phone", "value": value, "country": "MY"}
        answer = client.post("/check", data=form)
        answers[f"POST /check {value}"] = (answer.status_code, answer.text)
    for pattern, said in _VARYING:
        answers = {url: (code, pattern.sub(said, text)) for url, (code, text) in answers.items()}
    return answers


def _command_answers(runner: CliRunner, folder: Path) -> dict[str, tuple[int, str]]:
    """Return what each command that reads records prints or writes, for the token's user."""
    answers = {}
    for value in BULK:
        said = runner.invoke(cli, ["check", "phone", value, "--json"])
        answers[f"check {value}"] = (said.exit_code, said.output)
    listed, checked, exported = folder / "list.csv", folder / "answers.csv", folder / "out.csv"
    listed.write_text("kind,value\n" + "".join(f"phone,{v}\n" for v in BULK))
    said = runner.invoke(cli, ["check-bulk", str(listed), "--out", str(checked)])
    answers["check-bulk"] = (said.exit_code, said.output + checked.read_text())
    said = runner.invoke(cli, ["export", "clusters", "--out", str(exported)])
    answers["export clusters"] = (said.exit_code, said.output + exported.read_text())
    said = runner.invoke(cli, ["link", "stop", "list"])
    answers["link stop list"] = (said.exit_code, said.output)
    return answers


@pytest.mark.parametrize("who", sorted(EXPECTED_VISIBLE))
def test_no_page_or_command_changes_with_any_column_of_a_hidden_report(
    engine: Engine,
    region: Region,  # noqa: F811  (the fixture)
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    who: str,
) -> None:
    monkeypatch.setenv("COUNTERSCAM_TOKEN", region.tokens[who])
    monkeypatch.setenv("COLUMNS", "300")  # the stop-list table on one line a row
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, region.usernames[who])
        before = _page_answers(client, region) | _command_answers(runner, tmp_path)
        _change_hidden_content(region, who)
        _change_the_rest(region, who)
        _change_more(region, who)
        after = _page_answers(client, region) | _command_answers(runner, tmp_path)
    changed = sorted(asked for asked in before if before[asked] != after[asked])
    assert not changed, (who, changed)
    shown = "".join(text for _code, text in after.values())
    assert RAW not in shown and MULE not in shown and COMPOUND not in shown
    # The identifier only hidden reports name is a hit naming only their holders.
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        headers = {"Authorization": f"Bearer {region.tokens[who]}"}
        only = client.get("/api/v1/check", params={"value": ONLY_HIDDEN}, headers=headers).json()
    hidden_refs = sorted(ref for ref, seers in SEEN_BY.items() if who not in seers)
    assert only["hit"] is True and only["reports"] == 0 and only["matches"] == []
    assert sum(h["reports"] for h in only["holdings"]) == len(hidden_refs)
    assert {h["agency_code"] for h in only["holdings"]} == {
        {"MY": "MY-NSRC", "SG": "SG-ASCOM", "TH": "TH-CCIB"}[ref[:2]] for ref in hidden_refs
    }
    assert all(h["country"] == h["agency_code"][:2] for h in only["holdings"])
    assert "2024-02-03" not in json.dumps(only) and "KH" not in json.dumps(only)
