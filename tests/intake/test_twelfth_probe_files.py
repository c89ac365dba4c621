"""An outside probe's hostile JSON: values by the million, and fields by the thousand."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.models import ImportBatch, Report
from counterscam.intake.files import read_batch
from counterscam.intake.json_files import max_values
from counterscam.intake.records import RawReport
from counterscam.intake.tables import Limits, Source, upload_limits
from tests.intake.conftest import doc_report
from tests.intake.test_api import auth
from tests.web.conftest import client_for, region, upload
from tests.workbooks import with_shared_strings, workbook

__all__ = ["client_for", "region"]  # fixtures of the upload page's tests

# 5 reports and 10 linked rows a batch: at most 5 * 32 + 10 * 16 = 320 JSON values.
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SETTINGS = Settings(demo=True, max_batch_reports=5, max_batch_linked_rows=10)


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings=SETTINGS, engine=engine)) as c:
        yield c


def _stored(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Report)) or 0


def test_the_limit_follows_the_batch_limits() -> None:
    assert max_values(upload_limits(SETTINGS)) == 320
    assert max_values(upload_limits(Settings(demo=True))) == 1_920_000


@pytest.mark.parametrize("filler", ["[]", "{}", "0.5", '"x"'])
def test_a_batch_of_more_values_than_its_limits_hold_is_refused_before_it_is_parsed(
    client: TestClient, session: Session, agencies: dict[str, Caller], filler: str
) -> None:
    # 50 MB of "[],[],..." in one report's narrative took 1 GB of memory to parse, to be
    # refused afterwards as "must be text".
    narrative = "[" + ",".join([filler] * 1_000) + "]"
    body = '{"reports": [' + json.dumps(doc_report())[:-1] + ', "narrative": ' + narrative + "}]}"
    json.loads(body)  # well-formed: only its size is wrong
    answer = client.post(
        "/api/v1/reports/batch",
        content=body,
        headers={**auth(session, "MY-NSRC"), "Content-Type": "application/json"},
    )
    assert answer.status_code == 422, answer.text
    (error,) = answer.json()["errors"]
    assert error["reason"].startswith("the JSON holds about 1,0"), error
    assert "at most 320" in error["reason"] and "Split it" in error["reason"]
    assert _stored(session) == 0


def test_commas_and_brackets_in_text_are_not_counted_as_values(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    # A long narrative full of commas is one value: a real batch is not refused for it.
    narrative = "Paid, then paid again [twice], {as told}, " * 300
    answer = client.post(
        "/api/v1/reports/batch",
        json={"reports": [doc_report(narrative=narrative)]},
        headers=auth(session, "MY-NSRC"),
    )
    assert answer.status_code == 201, answer.text
    assert _stored(session) == 1


def test_a_json_file_upload_is_held_to_the_same_limit(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    body = json.dumps({"reports": [doc_report(narrative=[0] * 1_000)]}).encode()
    answer = client.post(
        "/api/v1/uploads",
        files=[("files", ("cases.json", body, "application/json"))],
        headers=auth(session, "MY-NSRC"),
    )
    assert answer.status_code == 422, answer.text
    (error,) = answer.json()["errors"]
    assert (error["file"], error["row"]) == ("cases.json", 0)
    assert "values" in error["reason"] and "at most 320" in error["reason"]
    assert _stored(session) == 0


def test_the_command_line_reads_a_json_file_of_any_size() -> None:
    body = json.dumps([doc_report(narrative=[0] * 1_000)]).encode()
    items = list(read_batch([Source(name="cases.json", content=body)], Limits()))
    assert [type(i) for i in items] == [RawReport]


def test_a_report_of_many_unknown_fields_names_twenty_and_counts_the_rest(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    # Each unknown key was an error of its own: 3,000,000 of them made an answer of hundreds
    # of megabytes, after three minutes and 5 GB of memory.
    extra = {f"Field {i}": i for i in range(100)}
    identifier = {"kind": "phone", "value": "012-345 6789", "role": "caller"}
    report = doc_report(**extra, identifiers=[{**identifier, **{f"x{i}": 1 for i in range(30)}}])
    answer = client.post("/api/v1/reports", json=report, headers=auth(session, "MY-NSRC"))
    assert answer.status_code == 422, answer.text
    errors = answer.json()["errors"]
    top = [e for e in errors if not e["column"].startswith("identifiers")]
    linked = [e for e in errors if e["column"].startswith("identifiers")]
    assert [e["column"] for e in top] == ["", *[f"Field {i}" for i in range(20)]]
    assert top[0]["reason"].startswith("and 80 more unknown fields; the fields are: external_ref,")
    assert top[0]["reason"].endswith("share_with, identifiers, parties, places")
    assert [e["column"] for e in linked] == [
        "identifiers[0]",
        *[f"identifiers[0].x{i}" for i in range(20)],
    ]
    assert linked[0]["reason"] == (
        "and 10 more unknown fields in identifiers[0]; the fields are: kind, value, role, "
        "qualifier, country"
    )
    assert _stored(session) == 0


def test_twenty_unknown_fields_are_each_named_as_before(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    report = doc_report(**{f"k{i}": i for i in range(20)})
    answer = client.post("/api/v1/reports", json=report, headers=auth(session, "MY-NSRC"))
    assert answer.status_code == 422, answer.text
    columns = [e["column"] for e in answer.json()["errors"]]
    assert columns == [f"k{i}" for i in range(20)]
    assert session.scalar(select(func.count()).select_from(ImportBatch)) == 1


EMPTY = "No reports: the batch holds none"


def test_an_api_batch_of_no_reports_says_nothing_was_stored(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    headers = auth(session, "MY-NSRC")
    answer = client.post("/api/v1/reports/batch", json={"reports": []}, headers=headers)
    assert answer.status_code == 201, answer.text
    assert answer.json()["note"].startswith(EMPTY), answer.json()
    batch = answer.json()["batch_id"]
    assert client.get(f"/api/v1/batches/{batch}", headers=headers).json()["note"].startswith(EMPTY)
    header_only = b"external_ref,reported_at,scam_type,channel,mark\r\n"
    answer = client.post(
        "/api/v1/uploads",
        files=[("files", ("reports.csv", header_only, "text/csv"))],
        headers=headers,
    )
    assert answer.json()["note"].startswith(EMPTY), answer.json()
    # A batch with reports says nothing of the kind.
    answer = client.post("/api/v1/reports/batch", json=[doc_report()], headers=headers)
    assert "note" not in answer.json()


def test_the_upload_page_warns_of_a_file_of_only_its_header_row(
    client_for: Callable[[str], TestClient],
) -> None:
    browser = client_for("MY-NSRC")
    sent = upload(browser, "reports.csv", b"external_ref,reported_at,scam_type,channel,mark\n")
    assert sent.status_code == 303, sent.text
    page = browser.get(sent.headers["location"]).text
    assert '<p class="notice notice--warning" role="note">No reports: the batch holds' in page


def _strings_book(count: int) -> bytes:
    header = ["external_ref", "reported_at", "scam_type", "channel", "mark"]
    book = workbook({"reports": [header, ["MY-1", "2026-03-01", "investment", "sms", "red"]]})
    # The reference as a shared string, among ``count`` texts no cell shows (a large list
    # of strings, as a hostile or a badly trimmed workbook holds).
    return with_shared_strings(book, {"A2": 0}, ["MY-1", *(f"t{i}" for i in range(count - 1))])


def test_a_workbook_of_more_shared_strings_than_an_upload_needs_is_refused_unparsed(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    # 5,000,000 texts (28 MB packed) took ten minutes and 850 MB to open; the limit here is
    # 5 reports * 100 tags, two tags a text.
    answer = client.post(
        "/api/v1/uploads",
        files=[("files", ("cases.xlsx", _strings_book(300), XLSX))],
        headers=auth(session, "MY-NSRC"),
    )
    assert answer.status_code == 422, answer.text
    (error,) = answer.json()["errors"]
    assert error["file"] == "cases.xlsx"
    assert error["reason"].startswith(
        "its shared strings (the texts of every sheet's cells, in xl/sharedStrings.xml) hold "
        "more than 500 texts and tags, while one upload takes at most 5 reports"
    )
    assert "split the workbook" in error["reason"]
    assert _stored(session) == 0


def test_a_workbook_within_the_shared_string_limit_is_read(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    answer = client.post(
        "/api/v1/uploads",
        files=[("files", ("cases.xlsx", _strings_book(200), XLSX))],
        headers=auth(session, "MY-NSRC"),
    )
    assert answer.status_code == 201, answer.text
    assert _stored(session) == 1


def test_the_command_line_opens_a_workbook_of_any_number_of_strings() -> None:
    source = Source(name="cases.xlsx", content=_strings_book(300))
    items = list(read_batch([source], Limits()))
    assert [type(i) for i in items] == [RawReport]
