"""A signed-in check reads a local value in the caller's own country, and says so."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import admin_caller
from counterscam.access.caller import PUBLIC
from counterscam.check.own_country import own_country
from counterscam.check.results import CheckItem
from counterscam.check.service import check, check_bulk
from counterscam.cli.main import app
from counterscam.db.models import AuditEvent
from tests.check.conftest import PHONE, CheckRegion
from tests.check.helpers import add_report, bearer

THAI_LOCAL = "082-325-4856"
THAI = "+66823254856"
MALAYSIAN_LOCAL = "012-345 6789"  # PHONE as Malaysians write it


@pytest.fixture
def thai(session: Session, region: CheckRegion) -> CheckRegion:
    """The check region with a green TH report naming a Thai mobile."""
    add_report(
        session,
        agency="TH-CCIB",
        ref="TH-local",
        mark="green",
        identifiers=[("phone", THAI, "caller")],
    )
    session.commit()
    return region


def test_the_shared_choice_is_a_members_country_only(session: Session, thai: CheckRegion) -> None:
    # One function for the web forms, the CLI and the API.
    assert own_country(admin_caller(session, "TH-CCIB")) == "TH"
    # The secretariat reads in its seat's country, as its form shows selected.
    assert own_country(admin_caller(session, "ASEANAPOL")) == "MY"
    # A partner's or observer's country is none of the region's: nothing is assumed.
    assert own_country(admin_caller(session, "AU-AFP")) == ""
    assert own_country(admin_caller(session, "TL-PNTL")) == ""
    assert own_country(PUBLIC) == ""


def test_cli_check_reads_a_local_number_in_the_agencys_country_and_says_so(
    runner: CliRunner, thai: CheckRegion
) -> None:
    # Refused before: "... has no country code and no country was given".
    result = runner.invoke(app, ["check", "phone", THAI_LOCAL, "--agency", "TH-CCIB"])
    assert result.exit_code == 0, result.output
    assert "HIT" in result.output and THAI in result.output
    assert "Read in TH, your agency's country; give --country" in result.output
    as_json = runner.invoke(app, ["check", "auto", THAI_LOCAL, "--agency", "TH-CCIB", "--json"])
    body = json.loads(as_json.output)
    assert (body["value"], body["read_in"], body["hit"]) == (THAI, "TH", True)


def test_an_explicit_country_or_a_country_code_needs_no_word(
    runner: CliRunner, thai: CheckRegion
) -> None:
    given = runner.invoke(
        app, ["check", "phone", MALAYSIAN_LOCAL, "--country", "MY", "--agency", "TH-CCIB", "--json"]
    )
    assert given.exit_code == 0, given.output
    body = json.loads(given.output)
    assert (body["value"], body["read_in"]) == (PHONE, None)
    coded = runner.invoke(app, ["check", "phone", "+60 12-345 6789", "--agency", "TH-CCIB"])
    assert coded.exit_code == 0 and "Read in" not in coded.output


def test_a_foreign_local_number_is_not_misread_without_a_hint(
    runner: CliRunner, thai: CheckRegion
) -> None:
    result = runner.invoke(app, ["check", "phone", MALAYSIAN_LOCAL, "--agency", "TH-CCIB"])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "not a valid phone number in Thailand" in said and "Malaysia" in said
    assert "read in TH, your agency's country; give --country" in said


def test_a_partner_outside_the_region_is_still_asked_for_the_country(
    runner: CliRunner, thai: CheckRegion
) -> None:
    result = runner.invoke(app, ["check", "phone", THAI_LOCAL, "--agency", "AU-AFP"])
    assert result.exit_code == 2
    assert "no country was given" in " ".join(result.output.split())


def test_cli_check_bulk_reads_the_agencys_own_numbers(
    runner: CliRunner, thai: CheckRegion, tmp_path: Path
) -> None:
    source = tmp_path / "th.csv"
    source.write_text(f"value\n{THAI_LOCAL}\n+60123456789\n0823254856\n")
    out = tmp_path / "answers.csv"
    result = runner.invoke(
        app, ["check-bulk", str(source), "--agency", "TH-CCIB", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "3 checked: 3 hits, 0 invalid values." in said
    assert "2 values without their country code were read in TH, your agency's country" in said
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    said_th = "read in TH, your agency's country: no country was given"
    assert [(r["canonical"], r["note"]) for r in rows] == [
        (THAI, said_th),
        (PHONE, ""),
        (THAI, said_th),
    ]


def test_api_signed_in_check_reads_in_the_agencys_country_the_public_does_not(
    client: TestClient, session: Session, thai: CheckRegion
) -> None:
    asked = {"kind": "phone", "value": THAI_LOCAL}
    signed = client.get("/api/v1/check", params=asked, headers=bearer(session, "TH-CCIB"))
    assert signed.status_code == 200, signed.text
    assert (signed.json()["value"], signed.json()["read_in"]) == (THAI, "TH")
    given = client.get(
        "/api/v1/check", params={**asked, "country": "TH"}, headers=bearer(session, "TH-CCIB")
    )
    assert given.json()["read_in"] is None and given.json()["value"] == THAI
    public = client.get("/api/v1/check", params=asked)
    assert public.status_code == 422 and "no country was given" in public.json()["error"]
    assert public.json()["read_in"] is None


def test_api_bulk_check_reads_in_the_agencys_country(
    client: TestClient, session: Session, thai: CheckRegion
) -> None:
    body = {"items": [{"value": THAI_LOCAL}, {"value": PHONE}]}
    answer = client.post("/api/v1/check/bulk", json=body, headers=bearer(session, "TH-CCIB"))
    assert answer.status_code == 200, answer.text
    items = answer.json()["items"]
    assert [(i["value"], i["read_in"]) for i in items] == [(THAI, "TH"), (PHONE, None)]
    given = client.post(
        "/api/v1/check/bulk", json={**body, "country": "MY"}, headers=bearer(session, "TH-CCIB")
    )
    assert given.json()["invalid"] == 1 and given.json()["items"][0]["read_in"] is None


def test_the_audit_log_names_the_country_a_value_was_read_in(
    session: Session, thai: CheckRegion
) -> None:
    caller = admin_caller(session, "TH-CCIB")
    check(
        session,
        caller,
        kind="phone",
        value=THAI_LOCAL,
        country=None,
        channel="cli",
        default_country=own_country(caller),
    )
    check_bulk(
        session,
        caller,
        items=[CheckItem(THAI_LOCAL), CheckItem(PHONE)],
        country=None,
        channel="cli",
        default_country="TH",
    )
    queries = session.scalars(
        select(AuditEvent.query).where(AuditEvent.actor == "cli-admin@TH-CCIB")
    ).all()
    assert f"phone:{THAI} country=TH" in queries
    assert f"phone:{PHONE} country=" in queries


def test_the_public_caller_never_takes_a_default(session: Session, thai: CheckRegion) -> None:
    result = check(
        session,
        PUBLIC,
        kind="phone",
        value=THAI_LOCAL,
        country=None,
        channel="api",
        default_country="TH",
    )
    assert result.error is not None and result.read_in is None
