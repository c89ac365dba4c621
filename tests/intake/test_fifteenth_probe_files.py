"""Fifteenth hostile-files probe: what it found wrong, each through the entry point it hit.

A second header row led by another column was read as a report (a dozen errors, one per
heading); a row cut short by the end of the file was also asked to have its missing cells
filled in; a JSON ``true`` or ``NaN`` loss was named as Python writes it; a linked list holding
a null was refused without saying where; and the upload page answered a file refused whole
as if some of its "0 reports" could be kept.
"""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import create_user
from counterscam.access.caller import Caller
from counterscam.api.app import create_app
from counterscam.cli.main import app
from counterscam.config import Settings
from tests.factories import PASSWORD
from tests.intake.conftest import REPORTS_CSV, doc_report
from tests.intake.test_files import reports_count, upload
from tests.intake.test_service import send
from tests.web.conftest import sign_in
from tests.web.conftest import upload as web_upload
from tests.workbooks import workbook

HEADER = REPORTS_CSV.splitlines()[0]
COLUMNS = HEADER.split(",")
ROW = "MY-1,2026-03-01,,investment,sms,100,MYR,,,,x,green,"


def _reversed(line: str) -> str:
    return ",".join(reversed(line.split(",")))


def test_a_second_header_led_by_another_column_is_refused_as_a_header(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Two exports joined, the second with its columns in another order starting at share_with:
    # only a header starting with external_ref was told, so this one was a report whose every
    # cell was refused ("'mark' is not a date", "'scam_type' is not a country"...).
    joined = f"{HEADER}\n{ROW}\n{_reversed(HEADER)}\n{_reversed(ROW.replace('MY-1', 'MY-2'))}\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": joined.encode()}, keep_valid=True)
    assert [(e.file, e.row, e.column) for e in result.errors] == [("r.csv", 3, "")]
    assert "row 3 is a header row again" in result.errors[0].reason
    assert reports_count(session) == 0


def test_a_second_header_led_by_another_column_is_refused_in_a_sheet_too(
    session: Session, agencies: dict[str, Caller]
) -> None:
    row = ROW.split(",")
    book = workbook({"reports": [COLUMNS, row, list(reversed(COLUMNS)), list(reversed(row))]})
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert [(e.file, e.row) for e in result.errors] == [("reports", 3)]
    assert "row 3 is a header row again" in result.errors[0].reason
    assert reports_count(session) == 0


@pytest.mark.parametrize("reference", ["mark", "Share With", "narrative"])
def test_a_reference_named_like_a_column_is_still_a_report(
    session: Session, agencies: dict[str, Caller], reference: str
) -> None:
    # The first look at a row now asks whether it ends as any column does, not external_ref.
    csv = f"{HEADER}\n{ROW.replace('MY-1', reference)}\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": csv.encode()})
    assert (result.errors, result.created) == ([], 1)


def test_a_row_cut_short_is_refused_once_not_asked_to_fill_in_what_was_cut(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # "the file ends in this row ..." came with "channel: required; fill in this column" and
    # "mark: required", and the cut value's own error: cells the file holds, cut off in transit.
    cut = f"{HEADER}\n{ROW}\nMY-2,2026-03-02,,invest"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": cut.encode()})
    assert [(e.row, e.column) for e in result.errors] == [(3, "")]
    assert "it looks cut short" in result.errors[0].reason
    assert result.status == "rejected" and reports_count(session) == 0
    # A linked file cut short alike: its row is named once, and rejects its report.
    linked = "external_ref,kind,value,role,qualifier,country\nMY-1,phone,01234"
    result = upload(
        session,
        agencies["MY-NSRC"],
        {"r.csv": f"{HEADER}\n{ROW}\n".encode(), "i.csv": linked.encode()},
    )
    assert [(e.file, e.row, e.column) for e in result.errors] == [("i.csv", 2, "")]
    assert reports_count(session) == 0


def test_a_row_cut_short_keeps_the_errors_of_the_cells_it_holds(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Only the cut cells' errors go: a wrong date before the cut is still named.
    cut = f"{HEADER}\nMY-2,yesterday,,investment,sm"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": cut.encode()})
    assert [(e.row, e.column) for e in result.errors] == [(2, ""), (2, "reported_at")]


@pytest.mark.parametrize(
    ("sent", "said"),
    [
        (b"true", "true/false is not an amount"),
        (b"[1, 2]", "a list is not an amount"),
        (b"NaN", "NaN is not an amount"),
        (b"-Infinity", "-Infinity is not an amount"),
    ],
)
def test_a_json_loss_that_is_no_number_is_named_as_sent(
    session: Session, agencies: dict[str, Caller], sent: bytes, said: str
) -> None:
    # Named as Python reads it: "'True' is not an amount", "'nan' is not an amount", words
    # the sender could not find in the file.
    body = json.dumps([doc_report()]).encode().replace(b'"12500.00"', sent)
    result = upload(session, agencies["MY-NSRC"], {"r.json": body})
    (error,) = result.errors
    assert error.column == "loss_amount" and error.reason.startswith(said)
    assert "'True'" not in error.reason and "'nan'" not in error.reason


@pytest.mark.parametrize("section", ["identifiers", "parties", "places"])
def test_a_linked_list_holding_no_object_names_its_position(
    session: Session, agencies: dict[str, Caller], section: str
) -> None:
    # "identifiers must be a list of objects" left the sender to find the null in the list.
    items: list[Any] = [*doc_report()[section], None, "x"]
    result = send(session, agencies["MY-NSRC"], [doc_report(**{section: items})])
    (error,) = result.errors
    first = len(doc_report()[section])
    assert error.column == f"{section}[{first}]"
    assert "must be an object {...} with the fields of its row, not null" in error.reason
    assert "(and 1 more of its items)" in error.reason
    assert reports_count(session) == 0
    # A list that is no list at all is still named as the section.
    result = send(session, agencies["MY-NSRC"], [doc_report(**{section: {"kind": "phone"}})])
    assert [e.column for e in result.errors] == [section]


@pytest.fixture
def page_client(engine: Engine, session: Session, agencies: dict[str, Caller]) -> TestClient:
    create_user(session, username="u-my", password=PASSWORD, agency_code="MY-NSRC")
    session.commit()
    client = TestClient(create_app(settings=Settings(demo=True), engine=engine))
    sign_in(client, "u-my")
    return client


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("reports.csv", b""),
        ("reports.csv", f"{HEADER}\n{ROW}\n".replace(",", ";").encode()),
        ("r.json", b"[{},]"),
    ],
)
def test_the_upload_page_says_a_file_refused_whole_could_not_be_read(
    page_client: TestClient, session: Session, name: str, body: bytes
) -> None:
    # "1 problem found, so none of the file's 0 reports were saved. ... or tick 'Keep the
    # valid rows'": no report was read, and keeping the valid rows keeps none of them.
    response = web_upload(page_client, name, body)
    page = page_client.get(response.headers["location"]).text
    assert "so the file could not be read and none of it was saved" in page
    assert "0 reports" not in page and "Keep the valid rows”" not in page
    assert reports_count(session) == 0


def test_the_upload_page_still_offers_to_keep_the_valid_rows_of_rows_refused(
    page_client: TestClient,
) -> None:
    bad = f"{HEADER}\n{ROW}\nMY-2,2026-03-01,,investment,pigeon,,,,,,,green,\n"
    response = web_upload(page_client, "reports.csv", bad.encode())
    page = page_client.get(response.headers["location"]).text
    assert "none of the file's 2 reports were saved" in page
    assert "or tick “Keep the valid rows”" in page


def test_a_reference_merged_down_a_linked_sheet_names_the_merge_on_every_row(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # The row under the merge's first was "external_ref: required; fill in this column", a
    # cell the sheet shows filled; only the first row said the cells were merged.
    heads = ["external_ref", "kind", "value", "role"]
    book = workbook(
        {
            "reports": [COLUMNS, ROW.split(",")],
            "identifiers": [
                heads,
                ["MY-1", "phone", "0123456789", "caller"],
                [None, "phone", "0198765432", "caller"],
            ],
        },
        lambda sheets: sheets["identifiers"].merge_cells("A2:A3"),
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert sorted((e.file, e.row, e.column) for e in result.errors) == [
        ("identifiers", 2, "external_ref"),
        ("identifiers", 3, "external_ref"),
    ]
    assert all("cells A2:A3 are merged" in e.reason for e in result.errors)
    assert reports_count(session) == 0


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("reports.csv.gz", "this is a gzip archive, not a data file; unpack it"),
        ("reports.zip", "this is a zip archive, not a data file; unzip it and import"),
        ("reports.pdf", "this is a PDF document, not a data file"),
        ("reports.txt", "not a .csv, .xlsx or .json file; save it in one of those formats"),
    ],
)
def test_the_cli_says_what_a_file_of_another_name_is(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path, name: str, said: str
) -> None:
    # Each was "not a .csv, .xlsx or .json file; save it in one of those formats", of an
    # archive holding the files already saved; the upload named them by their bytes.
    data = f"{HEADER}\n{ROW}\n".encode()
    if name.endswith(".gz"):
        data = gzip.compress(data)
    elif name.endswith(".zip"):
        packed = io.BytesIO()
        with zipfile.ZipFile(packed, "w") as archive:
            archive.writestr("reports.csv", data)
        data = packed.getvalue()
    elif name.endswith(".pdf"):
        data = b"%PDF-1.7\n"
    (tmp_path / name).write_bytes(data)
    result = runner.invoke(app, ["import", str(tmp_path / name), "--agency", "MY-NSRC"])
    assert result.exit_code == 1 and said in " ".join(result.output.split())
