"""The report form and the upload page: every problem shown where it is, then the report."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

import httpx
from fastapi.testclient import TestClient
from pytest import MonkeyPatch

from counterscam.web import uploads
from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of, multipart, upload

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


def test_a_mark_the_form_does_not_offer_is_named_once(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # Only a crafted post sends one (the form offers a list), but the message read
    # "'white' is not a TLP tlp mark".
    client = client_for("MY-NSRC")
    page = _post_form(client, {**GOOD, "mark": "white"}).text  # type: ignore[attr-defined]
    summary = re.search(r'href="#mark">([^<]*)</a>', page)
    assert summary is not None
    assert "is not a TLP mark;" in summary.group(1)
    assert summary.group(1).lower().count("tlp mark") == 1


def test_upload_with_an_error_then_fixed(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    bad = CSV_HEAD + "U-1,2026-03-01,investment,sms,amber\nU-2,2026-03-01,not_a_type,sms,amber\n"
    response = upload(client, "reports.csv", bad.encode())
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
        data={"csrf_token": csrf_of(client.get("/upload").text)},
        files={"files": ("reports.csv", fixed.encode(), "text/csv")},
    )
    assert "Upload complete" in response.text
    assert ">U-2<" in response.text


def test_a_file_with_many_long_errors_lists_the_first_and_keeps_all_in_the_rejection_file(
    client_for: Callable[[str], TestClient], region: PolicyRegion, monkeypatch: MonkeyPatch
) -> None:
    # 10,000 errors whose reasons quoted 5,000-character values made a 20 MB page.
    monkeypatch.setattr(uploads, "SHOWN_ERRORS", 3)
    client = client_for("MY-NSRC")
    long_type = "x" * 5_000
    rows = "".join(f"U-{i},2026-03-01,{long_type},sms,amber\n" for i in range(5))
    response = upload(client, "reports.csv", (CSV_HEAD + rows).encode())
    page = client.get(response.headers["location"]).text
    assert "5 problems found" in page
    assert "The first 3 problems are listed here; the rejection file" in page
    # The value is cut, and the reason quotes it cut: the page stays small.
    assert page.count("x" * 100) == 3 and "x" * 300 not in page
    batch = response.headers["location"].rsplit("/", 1)[-1]
    rejections = client.get(f"/upload/batches/{batch}/rejections.csv").text.lstrip("\ufeff")
    listed = list(csv.DictReader(io.StringIO(rejections)))
    assert [r["row"] for r in listed] == ["2", "3", "4", "5", "6"]  # every row, not 3


def test_the_batch_page_says_which_linked_rows_a_resubmission_kept(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    reports = CSV_HEAD + "K-1,2026-03-01,investment,sms,amber\n"
    identifiers = "external_ref,kind,value,role\nK-1,phone,012-345 6789,caller\n"
    token = csrf_of(client.get("/upload").text)
    first = client.post(
        "/upload",
        data={"csrf_token": token},
        files=[
            ("files", ("reports.csv", reports.encode(), "text/csv")),
            ("files", ("identifiers.csv", identifiers.encode(), "text/csv")),
        ],
    )
    assert "Upload complete" in first.text and "Kept as stored" not in first.text
    # The reports file alone, to correct the scam type: the identifier stays, and the page
    # says so (it said only "1 updated").
    response = upload(client, "reports.csv", reports.replace("investment", "phishing").encode())
    page = client.get(response.headers["location"]).text
    assert "Kept as stored: the identifiers, parties and places of 1 resubmitted report" in page
    link = re.search(r'href="(/reports/\d+)">K-1<', page)
    assert link is not None
    shown = client.get(link.group(1)).text
    assert "phishing" in shown.lower() and "+60123456789" in shown


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


SECRET_ROW = b"external_ref,reported_at\nMY-SECRET-77,2026-03-01\n"


def _crafted_upload(client: TestClient, disposition: str) -> httpx.Response:
    token = csrf_of(client.get("/upload").text)
    body, content_type = multipart(disposition, SECRET_ROW, token=token)
    response: httpx.Response = client.post(
        "/upload", content=body, headers={"Content-Type": content_type}, follow_redirects=False
    )
    return response


def test_a_file_part_without_a_file_name_asks_for_a_file_and_never_shows_its_contents(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # Was "There is a problem with the address" quoting the file: "“0” ... (it is “external_ref,".
    client = client_for("MY-NSRC")
    for disposition in ('name="files"', 'name="files"; filename=""'):
        response = _crafted_upload(client, disposition)
        assert response.status_code == 400
        assert 'href="#files">Choose a CSV, XLSX or JSON file' in response.text
        assert "problem with the address" not in response.text
        assert "MY-SECRET-77" not in response.text


def test_a_file_name_too_long_is_said_on_the_upload_page(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    response = _crafted_upload(client, f'name="files"; filename="{"r" * 296}.csv"')
    assert response.status_code == 400
    assert "is too long (300 characters); rename the file to at most 255" in response.text
    # Past 4 kB the form parser gives up on the part: this was "a problem with the address".
    response = _crafted_upload(client, f'name="files"; filename="{"r" * 5000}.csv"')
    assert response.status_code == 400
    assert (
        'href="#files">The file name is too long (over 4,000 bytes); rename the file to at '
        "most 255 characters and upload it again" in response.text
    )
    assert "problem with the address" not in response.text and "MY-SECRET-77" not in response.text
    assert 'name="csrf_token"' in response.text  # the form itself, to choose the file again
    assert "MY-SECRET-77" not in client.get("/reports").text


def test_partner_cannot_submit(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    response = _post_form(client_for("AU-AFP"), GOOD)
    assert response.status_code == 403  # type: ignore[attr-defined]
    assert "only member agencies" in response.text  # type: ignore[attr-defined]


def test_other_agency_cannot_open_a_batch(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    url = upload(client_for("MY-NSRC"), "r.csv", CSV_HEAD.encode()).headers["location"]
    assert client_for("SG-ASCOM").get(url).status_code == 404


def test_upload_of_text_no_column_can_hold_shows_where(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # A JSON \u0000 or lone surrogate reached the store and failed the upload with a 500.
    client = client_for("MY-NSRC")
    body = (
        b'[{"external_ref": "W-1", "reported_at": "2026-03-01", "scam_type": "investment", '
        b'"channel": "sms", "mark": "green", "narrative": "a\\u0000b\\udfff"}]'
    )
    response = upload(client, "reports.json", body, "application/json")
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


def _upload(client: TestClient, text: str, keep_valid: bool = False) -> str:
    token = csrf_of(client.get("/upload").text)
    data = {"csrf_token": token, **({"keep_valid": "true"} if keep_valid else {})}
    files = {"files": ("reports.csv", text.encode(), "text/csv")}
    page: str = client.post("/upload", data=data, files=files).text
    return page


def test_a_refused_upload_does_not_call_every_report_faulty(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # Two problems in one row of a three-report file: the page said "2 problems found in 3
    # reports", as though each report had one.
    rows = "R-1,2026-03-01,investment,sms,amber\nR-2,2026-13-45,nope,sms,amber\n"
    page = _upload(client_for("MY-NSRC"), CSV_HEAD + rows + "R-3,2026-03-01,loan,sms,amber\n")
    assert "2 problems found, so none of the file's 3 reports were saved." in page
    assert "found in 3 reports" not in page


def test_upload_counts_of_one_are_said_in_the_singular(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    page = _upload(client, CSV_HEAD + "S-1,2026-03-01,investment,sms,amber\n")
    assert "The report was saved (1 new, 0 updated)." in page and "All 1 reports" not in page
    rows = "S-2,2026-03-01,investment,sms,amber\nS-3,2026-03-01,nope,sms,amber\n"
    page = _upload(client, CSV_HEAD + rows, keep_valid=True)
    assert "1 report was saved; 1 was rejected." in page and "1 reports were" not in page
    page = _upload(client, CSV_HEAD + "S-4,2026-03-01,nope,sms,amber\n")
    assert "1 problem found, so the file's report was not saved." in page


def test_the_report_page_says_whether_the_form_saved_a_new_report_or_replaced_one(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # Sending a reference again replaces that report; the page after saving said nothing, so
    # an analyst reusing a reference by mistake could not tell.
    client = client_for("MY-NSRC")
    first = client.get(_post_form(client, GOOD).headers["location"]).text  # type: ignore[attr-defined]
    assert "Report saved." in first and "Report updated." not in first
    again = _post_form(client, {**GOOD, "loss_amount": "9,000"})
    page = client.get(again.headers["location"]).text  # type: ignore[attr-defined]
    assert "Report updated." in page and "already sent MY-WEB-1" in page
    assert "MYR 9,000.00" in page
    plain = client.get(again.headers["location"].split("?")[0]).text  # type: ignore[attr-defined]
    assert "Report updated." not in plain and "Report saved." not in plain


def test_the_report_form_reads_a_sign_as_the_agencys_country_writes_it(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    typed = {k: v for k, v in GOOD.items() if not k.startswith("identifiers-")}
    typed.update(external_ref="WEB-DOLLAR", loss_amount="$1,200", loss_currency="")
    # From Singapore "$" is the Singapore dollar: it was refused as one of seven dollars.
    client = client_for("SG-ASCOM")
    response = _post_form(client, typed)
    assert response.status_code == 303  # type: ignore[attr-defined]
    page = client.get(response.headers["location"]).text  # type: ignore[attr-defined]
    assert "SGD 1,200.00" in page
    # From Malaysia, whose money is the ringgit (RM), "$" is the US dollar.
    malaysian = client_for("MY-NSRC")
    response = _post_form(malaysian, typed)
    assert response.status_code == 303  # type: ignore[attr-defined]
    page = malaysian.get(response.headers["location"]).text  # type: ignore[attr-defined]
    assert "USD 1,200.00" in page
    # A sign that stays ambiguous there is refused, and the form says what to write.
    refused = _post_form(malaysian, {**typed, "external_ref": "WEB-YEN", "loss_amount": "¥1,200"})
    assert refused.status_code == 400  # type: ignore[attr-defined]
    assert "can be CNY or JPY" in refused.text  # type: ignore[attr-defined]
