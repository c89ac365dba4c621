"""A list file's qualifier column (the platform of a handle, the bank of an account) is read
as intake reads the identifiers file's."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import issue_token
from counterscam.check.lists import read_file
from counterscam.check.results import CheckItem
from counterscam.cli.main import app
from tests.check.conftest import CheckRegion
from tests.check.helpers import add_report
from tests.web.conftest import csrf_of, sign_in

HANDLE = "telegram:hr_desk_0"
LISTED = (
    "kind,value,qualifier\n"
    "handle,@HR_DESK_0,Telegram\n"  # 2: a handle whose platform is beside it
    ",@HR_DESK_0,telegram\n"  # 3: its kind guessed, with the platform
    "handle,telegram:@hr_desk_0,N/A\n"  # 4: a word for an empty cell is no qualifier
    "handle,@HR_DESK_0,\n"  # 5: no platform: invalid, as before
)


@pytest.fixture
def handles(session: Session, region: CheckRegion) -> CheckRegion:
    add_report(
        session,
        agency="TH-CCIB",
        ref="TH-handle",
        mark="green",
        identifiers=[("handle", HANDLE, "caller")],
    )
    session.commit()
    return region


def test_a_qualifier_column_is_read_with_its_value() -> None:
    listed = read_file("handles.csv", LISTED.encode(), kind=None)
    assert [e.item for e in listed] == [
        CheckItem("@HR_DESK_0", "handle", "Telegram"),
        CheckItem("@HR_DESK_0", None, "telegram"),
        CheckItem("telegram:@hr_desk_0", "handle", None),
        CheckItem("@HR_DESK_0", "handle", None),
    ]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Value", "Qualifier"])
    sheet.append(["@HR_DESK_0", "Telegram"])
    data = io.BytesIO()
    book.save(data)
    (row,) = read_file("handles.xlsx", data.getvalue(), kind=None)
    assert row.item == CheckItem("@HR_DESK_0", None, "Telegram")


def test_check_bulk_answers_a_handle_by_its_platform_column(
    runner: CliRunner, handles: CheckRegion, tmp_path: Path
) -> None:
    source = tmp_path / "handles.csv"
    source.write_text(LISTED)
    out = tmp_path / "answers.csv"
    result = runner.invoke(app, ["check-bulk", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [(r["canonical"], r["hit"]) for r in rows] == [
        (HANDLE, "yes"),
        (HANDLE, "yes"),
        (HANDLE, "yes"),
        ("", "no"),
    ]
    assert "does not say which platform" in rows[3]["error"]


def test_a_bank_beside_the_number_is_the_bank_asked(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    # Without the column the number was asked at every bank, its bank given but unread.
    source = tmp_path / "accounts.csv"
    source.write_text("kind,value,qualifier\nbank_account,1234567890,Maybank\n")
    out = tmp_path / "answers.csv"
    result = runner.invoke(app, ["check-bulk", str(source), "--country", "MY", "--out", str(out)])
    assert result.exit_code == 0, result.output
    (row,) = csv.DictReader(out.open(encoding="utf-8-sig"))
    assert "Maybank account number has 12 digits" in row["error"]


def test_a_merged_qualifier_cell_is_answered_as_intake_refuses_it() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["kind", "value", "qualifier"])
    sheet.append(["handle", "@one", "Telegram"])
    sheet.append(["handle", "@two", None])
    sheet.merge_cells("C2:C3")
    data = io.BytesIO()
    book.save(data)
    first, second = read_file("merged.xlsx", data.getvalue(), kind=None)
    assert first.problem is None and first.item.qualifier == "Telegram"
    assert second.problem is not None and "merged" in second.problem


def test_the_bulk_api_takes_a_qualifier(
    client: TestClient, session: Session, handles: CheckRegion
) -> None:
    token = issue_token(session, username="user-sg-ascom")
    session.commit()
    items = [
        {"kind": "handle", "value": "@HR_DESK_0", "qualifier": "Telegram"},
        {"value": "@HR_DESK_0", "qualifier": "n/a"},
    ]
    answer = client.post(
        "/api/v1/check/bulk",
        json={"items": items},
        headers={"Authorization": f"Bearer {token.secret}"},
    )
    assert answer.status_code == 200, answer.text
    got = answer.json()["items"]
    assert (got[0]["value"], got[0]["hit"]) == (HANDLE, True)
    assert got[1]["error"] is not None


def test_the_web_page_reads_the_column_and_its_download_keeps_it(
    client: TestClient, handles: CheckRegion
) -> None:
    sign_in(client, handles.policy.users["SG-ASCOM"].username)
    token = csrf_of(client.get("/check/bulk").text)
    page = client.post(
        "/check/bulk",
        data={"csrf_token": token},
        files={"file": ("handles.csv", LISTED.encode(), "text/csv")},
    ).text
    assert page.count("answer-row--hit") == 3 and page.count("answer-row--invalid") == 1
    carried = re.search(r'name="items" value="([^"]*)"', page)
    assert carried is not None
    download = client.post(
        "/check/bulk.csv",
        data={"csrf_token": csrf_of(page), "items": html.unescape(carried.group(1))},
    )
    assert download.status_code == 200, download.text
    rows = list(csv.DictReader(io.StringIO(download.text.lstrip("\ufeff"))))
    assert [r["hit"] for r in rows] == ["yes", "yes", "yes", "no"]
