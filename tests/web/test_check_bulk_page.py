"""The bulk check page: a list checked at once, what each role learns, the limit, the CSV."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from openpyxl import Workbook
from sqlalchemy import Engine, select

from counterscam.access import audit
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from counterscam.db.models import AuditEvent
from tests.factories import EXPECTED_VISIBLE, MARKS, PolicyRegion
from tests.web.conftest import csrf_of, sign_in

Client = Callable[[str], TestClient]
CARRIED = re.compile(r'name="items" value="([^"]*)"')
ROW = re.compile(r'<tr class="answer-row answer-row--(\w+)">(.*?)</tr>', re.S)
TAG = re.compile(r"<[^>]+>")

LIST = "\n".join(
    [
        "phone,012-345 6789",  # 1: the region's shared phone, written as a local number
        "+65 9876 5432",  # 2: no hit
        "",  # 3: blank, skipped
        "phone,+60 12",  # 4: too short
        '=HYPERLINK("http://evil.example","x")',  # 5: not an identifier, and a formula
    ]
)


def _post(client: TestClient, **fields: str) -> Response:
    token = csrf_of(client.get("/check/bulk").text)
    return client.post("/check/bulk", data={"csrf_token": token, **fields})


def _upload(client: TestClient, name: str, content: bytes, **fields: str) -> Response:
    token = csrf_of(client.get("/check/bulk").text)
    return client.post(
        "/check/bulk",
        data={"csrf_token": token, **fields},
        files={"file": (name, content, "application/octet-stream")},
    )


def _rows(page: str) -> list[tuple[str, list[str]]]:
    """Return each table row's answer group and its cells as text, in the page's order."""
    rows = []
    for group, body in ROW.findall(page):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)
        rows.append((group, [html.unescape(TAG.sub(" ", c)).split() for c in cells]))
    return [(g, [" ".join(c) for c in cells]) for g, cells in rows]


def _download(client: TestClient, page: str, country: str = "") -> list[dict[str, str]]:
    carried = CARRIED.search(page)
    assert carried, "the results page has no download form"
    response = client.post(
        "/check/bulk.csv",
        data={
            "csrf_token": csrf_of(page),
            "items": html.unescape(carried.group(1)),
            "country": country,
        },
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="bulk-check.csv"' in response.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))


def test_a_pasted_list_is_answered_hits_first_with_invalid_lines_numbered(
    client_for: Client, region: PolicyRegion
) -> None:
    response = _post(client_for("TH-CCIB"), values=LIST, country="MY")
    assert response.status_code == 200, response.text
    page = response.text
    rows = _rows(page)
    assert [g for g, _ in rows] == ["hit", "invalid", "invalid", "nohit"]
    line, answer, written, kind, canonical, reports, countries, first, last, loss, held = rows[0][1]
    assert (line, written, kind, canonical) == ("1", "012-345 6789", "Phone number", "+60123456789")
    assert answer == "HIT" and reports == "3" and countries == "Malaysia" and loss == "3,000.00"
    assert first == last == "2026-03-01"
    # A member sees clear, green and amber; amber+strict, red and the amber shared with SG
    # only by their holder, mark, count and how to ask.
    assert "MY-NSRC TLP:AMBER 1 report" in held and "TLP:RED" in held and "TLP:AMBER+STRICT" in held
    assert [r[1][0] for r in rows[1:3]] == ["4", "5"]
    assert rows[1][1][1].startswith(
        "Not valid '+60 12' is too short for a phone number in Malaysia"
    )
    assert rows[3][1][:5] == ["2", "NO HIT", "+65 9876 5432", "Phone number", "+6598765432"]
    assert "narrative" not in page and "MY-red" not in page


@pytest.mark.parametrize("agency", sorted(EXPECTED_VISIBLE))
def test_each_role_learns_what_the_policy_allows_and_only_the_holder_of_the_rest(
    client_for: Client, region: PolicyRegion, agency: str
) -> None:
    client = client_for(agency)
    page = _post(client, values=f"{region.phone}\n+6598765432", kind="phone").text
    visible = EXPECTED_VISIBLE[agency]
    hidden = sorted(set(region.reports) - visible)
    (hit,) = [cells for group, cells in _rows(page) if group == "hit"]
    assert hit[5] == str(len(visible)) and hit[9] == f"{len(visible) * 1000:,}.00"
    for label in hidden:  # never the content of a hidden report, only who holds it
        assert f"MY-{label}" not in page
    (answer, _) = _download(client, page)
    assert answer["hit"] == "yes" and answer["reports"] == str(len(visible))
    held = {h.split(":")[1]: int(h.split(":")[2]) for h in answer["held_elsewhere"].split()}
    expected: dict[str, int] = {}
    for label in hidden:
        mark = region.reports[label].mark
        expected[mark] = expected.get(mark, 0) + 1
    assert held == expected
    assert set(answer["held_elsewhere"].replace(" ", ":").split(":")[::3]) <= {"MY-NSRC", ""}
    assert sum(expected.values()) + len(visible) == len(MARKS) + 1


def test_the_csv_download_has_every_value_in_the_list_order_and_runs_no_formula(
    client_for: Client, region: PolicyRegion, engine: Engine
) -> None:
    client = client_for("MY-NSRC")
    page = _post(client, values=LIST, country="MY").text
    answers = _download(client, page, country="MY")
    assert [a["line"] for a in answers] == ["1", "2", "4", "5"]
    assert [a["hit"] for a in answers] == ["yes", "no", "no", "no"]
    assert answers[0]["canonical"] == region.phone and answers[0]["loss_usd"] == "6000.00"
    assert answers[0]["first_seen"] == "2026-03-01T00:00:00+00:00"
    assert "is too short for a phone number in Malaysia" in answers[2]["error"]
    # A value written as a formula comes back as text a spreadsheet shows, never runs.
    assert answers[3]["value"].startswith("'=HYPERLINK(")
    assert answers[3]["error"]
    audit.flush()
    with session_factory(engine)() as session:
        rows = session.scalars(
            select(AuditEvent.query).where(
                AuditEvent.action == "bulk_check", AuditEvent.channel == "web"
            )
        ).all()
    assert rows == ["4 values (2 invalid) country=MY"] * 2  # the page, then the download


def test_a_csv_or_xlsx_file_is_read_by_its_value_column_and_rows_numbered(
    client_for: Client, region: PolicyRegion
) -> None:
    client = client_for("SG-ASCOM")
    listed = "name,kind,value\nboss,phone,+60123456789\n,,\nshop,,shop@example.com\n"
    page = _upload(client, "contacts.csv", listed.encode()).text
    assert [(g, c[0]) for g, c in _rows(page)] == [("hit", "2"), ("nohit", "4")]
    assert "the header is row 1" in page

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["value"])
    sheet.append(["+60123456789"])
    sheet.append([1234567890123456789])  # typed as a number: Excel kept 15 digits
    data = io.BytesIO()
    book.save(data)
    page = _upload(client, "accounts.xlsx", data.getvalue(), kind="phone").text
    rows = _rows(page)
    assert [(g, c[0]) for g, c in rows] == [("hit", "2"), ("invalid", "3")]
    assert "Excel keeps only 15" in rows[1][1][1]


def test_a_file_without_a_value_column_says_what_to_add(
    client_for: Client, region: PolicyRegion
) -> None:
    response = _upload(client_for("MY-NSRC"), "numbers.csv", b"+60123456789\n+6598765432\n")
    assert response.status_code == 400
    assert "There is a problem" in response.text and 'href="#file"' in response.text
    assert "row 1 must be a header naming the column &#39;value&#39;" in response.text


def test_the_limit_is_said_plainly_and_nothing_is_checked(
    engine: Engine, region: PolicyRegion
) -> None:
    app = create_app(settings=Settings(demo=True, max_bulk_check=3), engine=engine)
    with TestClient(app) as client:
        sign_in(client, region.users["MY-NSRC"].username)
        response = _post(client, values="+6591111111\n+6591111112\n+6591111113\n+6591111114")
        assert response.status_code == 400
        assert "The list holds 4 values; a check takes at most 3" in response.text
        assert 'id="values-error"' in response.text and "answer-row" not in response.text
        assert "+6591111114" in response.text  # the list is kept to split
        rows = "value\n" + "".join(f"+659111111{i}\n" for i in range(5))
        response = _upload(client, "many.csv", rows.encode())
        assert response.status_code == 400
        assert "The file holds more than 3 values" in response.text
        ok = _post(client, values="+6591111111\n+6591111112\n+6591111113")
        assert ok.status_code == 200 and len(_rows(ok.text)) == 3
        items = json.dumps([[i, "", f"+659111111{i}", ""] for i in range(1, 5)])
        refused = client.post(
            "/check/bulk.csv", data={"csrf_token": csrf_of(ok.text), "items": items}
        )
        assert refused.status_code == 400 and "at most 3" in refused.text


def test_the_form_asks_for_a_list_and_refuses_a_list_and_a_file_together(
    client_for: Client, region: PolicyRegion
) -> None:
    client = client_for("AU-AFP")
    empty = _post(client, values="  \n")
    assert empty.status_code == 400
    assert "Paste the values to check, one a line, or choose a file" in empty.text
    both = _upload(client, "x.csv", b"value\n+6598765432\n", values="+6598765432")
    assert both.status_code == 400 and "Paste the values or choose a file, not both" in both.text


def test_bulk_check_needs_sign_in_and_the_form_token(
    app_client: TestClient, client_for: Client, region: PolicyRegion
) -> None:
    assert app_client.get("/check/bulk", follow_redirects=False).status_code == 303
    token = csrf_of(app_client.get("/public/check").text)
    response = app_client.post(
        "/check/bulk", data={"csrf_token": token, "values": region.phone}, follow_redirects=False
    )
    assert response.status_code == 303 and "/sign-in" in response.headers["location"]
    refused = client_for("MY-NSRC").post("/check/bulk", data={"values": region.phone})
    assert refused.status_code == 403 and "This form has expired" in refused.text
    assert 'href="/check/bulk"' in client_for("MY-NSRC").get("/check").text


def test_first_and_last_seen_dates_are_kept_on_one_line(
    client_for: Client, region: PolicyRegion
) -> None:
    # In the eleven-column table a date broke after its year ("2024-" over "12-12").
    page = _post(client_for("TH-CCIB"), values=LIST, country="MY").text
    hit = ROW.search(page)
    assert hit and hit.group(1) == "hit"
    dated = re.findall(r'<td class="nowrap[^"]*">(\d{4}-\d\d-\d\d)</td>', hit.group(2))
    assert dated == ["2026-03-01", "2026-03-01"]


def test_a_file_past_the_upload_limit_says_the_limit_in_bytes(
    engine: Engine, region: PolicyRegion
) -> None:
    # Below 50 kB the limit read "larger than 0.0 MB".
    app = create_app(settings=Settings(demo=True, max_upload_bytes=20_000), engine=engine)
    with TestClient(app) as client:
        sign_in(client, region.users["MY-NSRC"].username)
        rows = "value\n" + "+6591111111\n" * 2_000
        response = _upload(client, "big.csv", rows.encode())
    assert response.status_code == 400
    assert "The file is larger than 20,000 bytes; split it into smaller files" in response.text


def test_files_as_spreadsheets_save_them_are_read_and_checked(
    client_for: Client, region: PolicyRegion
) -> None:
    # A European-locale Excel's semicolons, "Unicode Text" (UTF-16, tabs), an export's blank
    # first line, and kinds typed as people type them: each was refused or answered invalid.
    client = client_for("SG-ASCOM")
    semicolons = "Kind;Value\nPhone Number;+60123456789\nE-mail;shop@example.com\n"
    unicode_text = "value\tkind\r\n+60123456789\tTelephone\r\n"
    blank_first = "\n\nvalue,kind\n+60123456789,Bank account\n+60123456789,phone\n"
    for name, content, expected in [
        ("semi.csv", semicolons.encode(), [("hit", "2"), ("nohit", "3")]),
        ("unicode.csv", unicode_text.encode("utf-16"), [("hit", "2")]),
        ("blank.csv", blank_first.encode(), [("hit", "5"), ("invalid", "4")]),
    ]:
        response = _upload(client, name, content)
        assert response.status_code == 200, (name, response.text)
        assert [(g, c[0]) for g, c in _rows(response.text)] == expected, name
    # "Bank account" is read as the kind bank_account: the phone number is not an account.
    page = _upload(client, "blank.csv", blank_first.encode()).text
    assert "unknown kind" not in page


def test_a_header_in_another_language_is_shown_with_what_to_rename(
    client_for: Client, region: PolicyRegion
) -> None:
    response = _upload(client_for("MY-NSRC"), "senarai.csv", b"Jenis,Nilai\nphone,+6012\n")
    assert response.status_code == 400
    assert "row 1 must be a header naming the column &#39;value&#39;" in response.text
    assert "it holds Jenis, Nilai; rename the column holding the values to" in response.text


def test_the_excel_download_keeps_numbers_as_written_and_is_audited(
    client_for: Client, region: PolicyRegion, engine: Engine
) -> None:
    # The CSV opened in Excel showed 0123456789 as 123456789 and +60123456789 as 6.01235E+10.
    from openpyxl import load_workbook

    client = client_for("MY-NSRC")
    page = _post(client, values="phone,0123456789\n1234567890123456\n=1+2", country="MY").text
    assert 'formaction="/check/bulk.xlsx"' in page
    carried = CARRIED.search(page)
    assert carried
    response = client.post(
        "/check/bulk.xlsx",
        data={
            "csrf_token": csrf_of(page),
            "items": html.unescape(carried.group(1)),
            "country": "MY",
        },
    )
    assert response.status_code == 200, response.text
    assert 'filename="bulk-check.xlsx"' in response.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[1][:5] == [1, "phone", "0123456789", region.phone, "yes"]
    assert rows[2][2] == "1234567890123456"
    assert rows[3][2] == "=1+2" and sheet.cell(4, 3).data_type == "s"  # text, never a formula
    audit.flush()
    with session_factory(engine)() as session:
        rows_audited = session.scalars(
            select(AuditEvent.query).where(AuditEvent.action == "bulk_check")
        ).all()
    assert len(rows_audited) == 2  # the page, then the download


def test_a_number_cell_is_answered_with_a_note_that_it_lost_any_leading_zero(
    client_for: Client, region: PolicyRegion
) -> None:
    # An account typed into a cell not formatted as Text lost its leading zero and was
    # answered NO HIT for the shorter number, without a word on the page or in the download.
    client = client_for("SG-ASCOM")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["value", "kind"])
    sheet.append([123456789, "bank_account"])
    sheet.append(["+60123456789", "phone"])
    data = io.BytesIO()
    book.save(data)
    page = _upload(client, "accounts.xlsx", data.getvalue()).text
    rows = dict((c[0], c[1]) for _, c in _rows(page))
    assert "keeps no leading zeros: it was checked as 123456789" in rows["2"]
    assert "format the column as Text, type the value again" in rows["2"]
    assert "leading zeros" not in rows["3"]
    answers = {a["line"]: a for a in _download(client, page)}
    assert "it was checked as 123456789" in answers["2"]["note"]
    assert answers["3"]["note"] == ""


def test_a_stop_listed_hit_says_so_on_the_page_and_in_the_download(
    client_for: Client, region: PolicyRegion, engine: Engine
) -> None:
    from counterscam.link.stoplist import add_stop

    session = session_factory(engine)()
    add_stop(
        session, region.caller("MY-NSRC"), kind="phone", value=region.phone, reason="bank hotline"
    )
    session.commit()
    session.close()
    client = client_for("TH-CCIB")
    page = _post(client, values=LIST, country="MY").text
    rows = _rows(page)
    assert rows[0][1][1] == "HIT On the hub stop-list: bank hotline"
    assert all("stop-list" not in cells[1] for _, cells in rows[1:])
    answers = _download(client, page, "MY")
    assert [a["stop_list"] for a in answers] == ["bank hotline", "", "", ""]
