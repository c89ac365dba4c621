"""The report form and the upload page: every problem shown where it is, then the report."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of

GOOD = {
    "external_ref": "MY-WEB-1",
    "reported_at": "2026-03-02",
    "scam_type": "investment",
    "channel": "whatsapp",
    "mark": "amber",
    "loss_amount": "12,500.50",
    "loss_currency": "MYR",
    "identifiers-0-kind": "phone",
    "identifiers-0-value": "012-345 6789",
    "identifiers-0-role": "caller",
    "identifiers-1-kind": "phone",
    "identifiers-1-role": "caller",
}
CSV_HEAD = "external_ref,reported_at,scam_type,channel,mark\n"


def _post_form(client: TestClient, fields: dict[str, str]) -> object:
    token = csrf_of(client.get("/reports/new").text)
    return client.post("/reports/new", data={"csrf_token": token, **fields}, follow_redirects=False)


def test_report_form_saves_and_shows_the_report(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    response = _post_form(client, GOOD)
    assert response.status_code == 303  # type: ignore[attr-defined]
    page = client.get(response.headers["location"]).text  # type: ignore[attr-defined]
    assert "MY-WEB-1" in page and "+60123456789" in page and "012-345 6789" in page
    assert "MYR 12,500.50" in page


def test_report_form_errors_link_to_their_fields(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    response = _post_form(client, {**GOOD, "external_ref": "", "scam_type": ""})
    page = response.text  # type: ignore[attr-defined]
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "There is a problem" in page
    for field in ("external_ref", "scam_type"):
        assert f'href="#{field}"' in page and f'id="{field}-error"' in page
    assert 'value="12,500.50"' in page  # what was typed is kept

    # Each missing field says what to do, in words (not "Enter date reported").
    page = _post_form(client, {**GOOD, "reported_at": "", "channel": ""}).text  # type: ignore[attr-defined]
    assert 'href="#reported_at">Enter the date the case was reported</a>' in page
    assert 'href="#channel">Choose the channel the scammer used</a>' in page

    page = _post_form(client, {**GOOD, "identifiers-1-value": "+60 12"}).text  # type: ignore[attr-defined]
    assert 'href="#identifiers-1-value">Identifier 2: ' in page
    assert 'id="identifiers-1-value-error"' in page and "too short" in page
    assert "MY-WEB-1" not in client.get("/reports").text


def test_upload_with_an_error_then_fixed(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/upload").text)
    bad = CSV_HEAD + "U-1,2026-03-01,investment,sms,amber\nU-2,2026-03-01,not_a_type,sms,amber\n"
    response = client.post(
        "/upload",
        data={"csrf_token": token},
        files={"files": ("reports.csv", bad.encode(), "text/csv")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = client.get(response.headers["location"]).text
    assert "Nothing was saved" in page
    assert "not_a_type" in page and "scam_type" in page and ">3<" in page
    batch = response.headers["location"].rsplit("/", 1)[-1]
    rejections = client.get(f"/upload/batches/{batch}/rejections.csv").text.lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(rejections)))
    assert rows[0]["row"] == "3" and rows[0]["column"] == "scam_type"

    fixed = bad.replace("not_a_type", "phishing")
    response = client.post(
        "/upload",
        data={"csrf_token": token},
        files={"files": ("reports.csv", fixed.encode(), "text/csv")},
    )
    assert "Upload complete" in response.text
    assert ">U-2<" in response.text


def test_keep_valid_rows(client_for: Callable[[str], TestClient], region: PolicyRegion) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/upload").text)
    bad = CSV_HEAD + "K-1,2026-03-01,investment,sms,amber\nK-2,2026-03-01,nope,sms,amber\n"
    page = client.post(
        "/upload",
        data={"csrf_token": token, "keep_valid": "true"},
        files={"files": ("reports.csv", bad.encode(), "text/csv")},
    ).text
    assert "Some rows were not saved" in page and ">K-1<" in page


def test_upload_without_a_file_asks_for_one(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/upload").text)
    response = client.post("/upload", data={"csrf_token": token})
    assert response.status_code == 400
    assert 'href="#files">Choose a CSV, XLSX or JSON file' in response.text


def test_partner_cannot_submit(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    response = _post_form(client_for("AU-AFP"), GOOD)
    assert response.status_code == 403  # type: ignore[attr-defined]
    assert "only member agencies" in response.text  # type: ignore[attr-defined]


def test_other_agency_cannot_open_a_batch(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/upload").text)
    response = client.post(
        "/upload",
        data={"csrf_token": token},
        files={"files": ("r.csv", CSV_HEAD.encode(), "text/csv")},
        follow_redirects=False,
    )
    url = response.headers["location"]
    assert client_for("SG-ASCOM").get(url).status_code == 404


def test_upload_of_text_no_column_can_hold_shows_where(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # A JSON \u0000 or lone surrogate reached the store and failed the upload with a 500.
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/upload").text)
    body = (
        b'[{"external_ref": "W-1", "reported_at": "2026-03-01", "scam_type": "investment", '
        b'"channel": "sms", "mark": "green", "narrative": "a\\u0000b\\udfff"}]'
    )
    response = client.post(
        "/upload",
        data={"csrf_token": token},
        files={"files": ("reports.json", body, "application/json")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = client.get(response.headers["location"]).text
    assert "Nothing was saved" in page and "NUL character" in page and "narrative" in page


def test_upload_named_with_a_nul_is_saved(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # Browsers never send one, but a hand-made request can; PostgreSQL refused the name.
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/upload").text)
    body = (
        b'--XX\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
        + token.encode()
        + b'\r\n--XX\r\nContent-Disposition: form-data; name="files"; filename="r\x00.csv"\r\n'
        b"Content-Type: text/csv\r\n\r\n"
        + (CSV_HEAD + "N-1,2026-03-01,investment,sms,amber\n").encode()
        + b"\r\n--XX--\r\n"
    )
    response = client.post(
        "/upload",
        content=body,
        headers={"Content-Type": "multipart/form-data; boundary=XX"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    page = client.get(response.headers["location"]).text
    assert "Upload complete" in page and ">N-1<" in page
