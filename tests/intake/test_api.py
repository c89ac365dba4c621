"""The intake API: one report, a batch, uploads, batch pages and templates."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import create_user, issue_token
from counterscam.access.caller import Caller
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.models import ImportBatch
from tests.factories import PASSWORD
from tests.intake.conftest import IDENTIFIERS_CSV, REPORTS_CSV, doc_report


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    settings = Settings(demo=True, max_upload_bytes=20_000, max_batch_reports=5)
    with TestClient(create_app(settings=settings, engine=engine)) as c:
        yield c


def auth(session: Session, agency: str) -> dict[str, str]:
    name = f"u-{agency.lower()}"
    create_user(session, username=name, password=PASSWORD, agency_code=agency)
    token = issue_token(session, username=name)
    session.commit()
    return {"Authorization": f"Bearer {token.secret}"}


def test_submit_one_and_batch(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    headers = auth(session, "MY-NSRC")
    answer = client.post("/api/v1/reports", json=doc_report(), headers=headers)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert (body["status"], body["accepted"], body["rejected"], body["created"]) == (
        "committed",
        1,
        0,
        1,
    )
    report_id = body["report_ids"][0]
    shown = client.get(f"/api/v1/reports/{report_id}", headers=headers).json()
    assert {i["value"] for i in shown["identifiers"]} >= {"+60123456789"}

    batch = {"reports": [doc_report(), doc_report(external_ref="X", channel="pigeon")]}
    answer = client.post("/api/v1/reports/batch", json=batch, headers=headers)
    assert answer.status_code == 422
    body = answer.json()
    assert (body["accepted"], body["rejected"]) == (0, 2)
    assert body["errors"][0]["row"] == 2 and body["errors"][0]["column"] == "channel"
    rejections = client.get(f"/api/v1/batches/{body['batch_id']}/rejections.csv", headers=headers)
    assert rejections.text.startswith("file,row,column,value,reason")
    assert "pigeon" in rejections.text

    kept = client.post("/api/v1/reports/batch?keep_valid=true", json=batch, headers=headers)
    assert kept.status_code == 201 and kept.json()["updated"] == 1
    page = client.get(f"/api/v1/batches/{kept.json()['batch_id']}", headers=headers).json()
    assert page["status"] == "partial" and page["errors"][0]["column"] == "channel"

    too_many = {"reports": [doc_report(external_ref=f"R{i}") for i in range(6)]}
    answer = client.post("/api/v1/reports/batch", json=too_many, headers=headers)
    assert answer.status_code == 422 and "at most 5" in answer.json()["errors"][0]["reason"]

    other = auth(session, "SG-ASCOM")
    assert client.get(f"/api/v1/batches/{body['batch_id']}", headers=other).status_code == 404


def test_partner_is_refused(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    answer = client.post("/api/v1/reports", json=doc_report(), headers=auth(session, "AU-AFP"))
    assert answer.status_code == 403
    assert "only member agencies" in answer.json()["detail"]


def test_upload_csv_set_and_oversized(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    headers = auth(session, "MY-NSRC")
    files = [
        ("files", ("reports.csv", REPORTS_CSV.encode(), "text/csv")),
        ("files", ("identifiers.csv", IDENTIFIERS_CSV.encode(), "text/csv")),
    ]
    answer = client.post("/api/v1/uploads", files=files, headers=headers)
    assert answer.status_code == 201, answer.text
    assert answer.json()["created"] == 2
    big = [("files", ("reports.csv", REPORTS_CSV.encode() * 200, "text/csv"))]
    answer = client.post("/api/v1/uploads", files=big, data={"keep_valid": "true"}, headers=headers)
    assert answer.status_code == 413  # Content Too Large, not a fault in the rows (422)
    assert "larger than" in answer.json()["errors"][0]["reason"]
    assert answer.json()["accepted"] == 0


@pytest.mark.parametrize(
    ("fields", "loc", "kind"),
    [
        ([("agency", (None, b"TH-AOC"))], ["body", "agency"], "extra_forbidden"),
        ([("file", ("more.csv", b"x", "text/csv"))], ["body", "file"], "extra_forbidden"),
        (
            [("keep_valid", (None, b"true")), ("keep_valid", (None, b"false"))],
            ["body", "keep_valid"],
            "repeated",
        ),
    ],
)
def test_an_upload_field_the_route_does_not_read_is_refused_and_nothing_stored(
    client: TestClient,
    session: Session,
    agencies: dict[str, Caller],
    fields: list[tuple[str, tuple[str | None, bytes] | tuple[str, bytes, str]]],
    loc: list[str],
    kind: str,
) -> None:
    # An agency field was ignored: the batch was stored as MY-NSRC's while the client
    # believed it had filed it for TH-AOC.
    headers = auth(session, "MY-NSRC")
    files = [("files", ("reports.csv", REPORTS_CSV.encode(), "text/csv")), *fields]
    answer = client.post("/api/v1/uploads", files=files, headers=headers)
    assert answer.status_code == 422, answer.text
    [error] = answer.json()["detail"]
    assert (error["loc"], error["type"]) == (loc, kind)
    assert "files, keep_valid" in error["msg"] or "once" in error["msg"]
    session.expire_all()
    assert session.scalars(select(ImportBatch)).all() == []


@pytest.mark.parametrize(
    "part", [("", REPORTS_CSV.encode(), "text/csv"), (None, REPORTS_CSV.encode())]
)
def test_an_upload_part_that_is_no_file_is_told_to_send_a_file(
    client: TestClient,
    session: Session,
    agencies: dict[str, Caller],
    part: tuple[str | None, bytes] | tuple[str, bytes, str],
) -> None:
    # A part with an empty file name, or sent as text, was answered in pydantic's words:
    # "Expected UploadFile, received: <class 'str'>".
    headers = auth(session, "MY-NSRC")
    answer = client.post("/api/v1/uploads", files=[("files", part)], headers=headers)
    assert answer.status_code == 422, answer.text
    [error] = answer.json()["detail"]
    assert error["loc"] == ["body", "files", 0]
    assert error["msg"].startswith("files[0] must be a file: send each file as a part")
    assert "curl -F 'files=@reports.csv'" in error["msg"]


def test_templates(client: TestClient) -> None:
    answer = client.get("/api/v1/templates/identifiers.csv")
    assert answer.text.splitlines()[0] == "external_ref,kind,value,role,qualifier,country"
    assert client.get("/api/v1/templates/nope.csv").status_code == 404
    book = load_workbook(io.BytesIO(client.get("/api/v1/templates/reports.xlsx").content))
    assert book.sheetnames == ["README", "reports", "identifiers", "parties", "places"]
    readme = " ".join(str(c.value) for row in book["README"].iter_rows() for c in row)
    assert "amber+strict" in readme and "victim_of_trafficking" in readme


def test_json_bodies_are_read_as_json_files_are(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    headers = {**auth(session, "MY-NSRC"), "Content-Type": "application/json"}
    report = doc_report(external_ref="API-1")
    # A key given twice kept its last value silently, a lone surrogate failed the write (500).
    twice = json.dumps({"reports": [report]}).replace(
        '"external_ref"', '"external_ref": "X", "external_ref"', 1
    )
    surrogate = json.dumps(doc_report(narrative="\ud800"))
    deep = "[" * 9_000 + "]" * 9_000  # under the client's 20,000-byte body limit
    for path, body, column, reason in (
        ("/api/v1/reports/batch", twice, "external_ref", "given twice"),
        ("/api/v1/reports", surrogate, "narrative", "lone UTF-16 surrogate"),
        ("/api/v1/reports/batch", deep, "", "nested too deeply"),
    ):
        answer = client.post(path, content=body.encode("utf-8", "surrogatepass"), headers=headers)
        assert answer.status_code == 422, answer.text
        errors = answer.json()["errors"]
        assert (errors[0]["column"], reason in errors[0]["reason"]) == (column, True), errors
    assert client.get("/api/v1/reports", headers=headers).json()["items"] == []


def test_upload_named_with_a_nul(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    # Browsers never send one, but a hand-made request can; PostgreSQL refused the name.
    body = (
        b'--XX\r\nContent-Disposition: form-data; name="files"; filename="r\x00.csv"\r\n'
        b"Content-Type: text/csv\r\n\r\n" + REPORTS_CSV.encode() + b"\r\n--XX--\r\n"
    )
    headers = {**auth(session, "MY-NSRC"), "Content-Type": "multipart/form-data; boundary=XX"}
    answer = client.post("/api/v1/uploads", content=body, headers=headers)
    assert answer.status_code == 201, answer.text
    assert session.scalars(select(ImportBatch.filename)).one() == "r\ufffd.csv"
