"""A loss not given is not a loss of nothing: the answer counts the reports that gave one.

The answer said "Reported loss (USD) 0.00" (API ``loss_usd`` "0") for a value whose visible
reports gave no loss, as though the scams had cost nothing; a report giving a loss of 0 (a
failed attempt) read the same.
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import issue_token
from counterscam.check.service import check
from counterscam.cli.main import app
from tests.check.conftest import CheckRegion
from tests.check.helpers import add_losses

NONE_GIVEN = "+60123450001"  # three green reports, none giving a loss
SOME_GIVEN = "+60123450002"  # three, two giving 1,000 and 234
ZERO_GIVEN = "+60123450003"  # one, giving a loss of 0: an attempt that failed


@pytest.fixture
def losses(session: Session, region: CheckRegion) -> None:
    add_losses(
        session,
        {NONE_GIVEN: (None, None, None), SOME_GIVEN: ("1000", None, "234"), ZERO_GIVEN: ("0",)},
    )
    session.commit()


@pytest.mark.parametrize(
    ("phone", "loss", "with_loss"),
    [(NONE_GIVEN, "0", 0), (SOME_GIVEN, "1234", 2), (ZERO_GIVEN, "0", 1)],
)
def test_the_answer_counts_the_visible_reports_that_gave_a_loss(
    session: Session, region: CheckRegion, losses: None, phone: str, loss: str, with_loss: int
) -> None:
    caller = region.policy.caller("MY-NSRC")
    result = check(session, caller, kind="phone", value=phone, country=None, channel="api")
    assert result.hit and result.loss_usd == Decimal(loss)
    assert result.reports_with_loss == with_loss


def test_hidden_reports_losses_are_not_counted(session: Session, region: CheckRegion) -> None:
    # The conftest's phone: SG green (200) seen by SG; TH red (9999) hidden from it.
    caller = region.policy.caller("SG-ASCOM")
    result = check(session, caller, kind="phone", value=region.phone, country=None, channel="api")
    assert result.reports_with_loss == result.reports
    assert "TH-red" not in {m.external_ref for m in result.matches}


def test_the_api_gives_the_count_beside_the_sum_in_one_and_bulk_checks(
    client: TestClient, session: Session, losses: None
) -> None:
    token = issue_token(session, username="user-my-nsrc")
    session.commit()
    auth = {"Authorization": f"Bearer {token.secret}"}
    one = client.get("/api/v1/check", params={"value": NONE_GIVEN}, headers=auth).json()
    assert (one["loss_usd"], one["reports_with_loss"], one["reports"]) == ("0", 0, 3)
    items = [{"kind": "phone", "value": p} for p in (NONE_GIVEN, SOME_GIVEN, ZERO_GIVEN)]
    bulk = client.post("/api/v1/check/bulk", json={"items": items}, headers=auth).json()
    got = [(Decimal(i["loss_usd"]), i["reports_with_loss"], i["reports"]) for i in bulk["items"]]
    assert got == [(Decimal(0), 0, 3), (Decimal(1234), 2, 3), (Decimal(0), 1, 1)]


def test_the_openapi_description_documents_the_count(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["CheckOut"]
    assert "reports_with_loss" in schema["required"]
    assert schema["properties"]["reports_with_loss"]["type"] == "integer"
    assert "not that none was lost" in schema["properties"]["reports_with_loss"]["description"]


@pytest.mark.parametrize(
    ("phone", "said"),
    [
        (NONE_GIVEN, "Not given in any of the 3 reports you may see"),
        (SOME_GIVEN, "USD 1,234.00 (from 2 of 3 reports)"),
        (ZERO_GIVEN, "USD 0.00"),
    ],
)
def test_the_cli_says_whether_a_loss_was_given(
    runner: CliRunner, losses: None, phone: str, said: str
) -> None:
    result = runner.invoke(
        app, ["check", "phone", phone, "--agency", "MY-NSRC"], terminal_width=200
    )
    assert result.exit_code == 0, result.output
    (line,) = [x for x in result.output.splitlines() if "Reported loss" in x]
    assert line.split("Reported loss", 1)[1].strip() == said


def test_the_cli_json_gives_the_count(runner: CliRunner, losses: None) -> None:
    result = runner.invoke(app, ["check", "phone", SOME_GIVEN, "--json", "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert Decimal(body["loss_usd"]) == 1234
    assert (body["reports_with_loss"], body["reports"]) == (2, 3)


def test_the_bulk_files_give_the_count_as_their_last_column(
    runner: CliRunner, losses: None, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    source = tmp_path / "values.csv"
    source.write_text(f"kind,value\nphone,{NONE_GIVEN}\nphone,{SOME_GIVEN}\nphone,{ZERO_GIVEN}\n")
    out_csv, out_xlsx = tmp_path / "answers.csv", tmp_path / "answers.xlsx"
    for out in (out_csv, out_xlsx):
        args = ["check-bulk", str(source), "--agency", "MY-NSRC", "--out", str(out)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][-1] == "reports_with_loss" and rows[0][10] == "loss_usd"
    assert [(r[10], r[-1]) for r in rows[1:]] == [("0.00", "0"), ("1234.00", "2"), ("0.00", "1")]
    sheet = load_workbook(out_xlsx).active
    assert sheet is not None
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert cells[0][-1] == "reports_with_loss"
    assert [(r[10], r[-1]) for r in cells[1:]] == [(0, 0), (1234, 2), (0, 1)]
