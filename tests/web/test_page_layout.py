"""What every page owes its reader: labels, titles, wrapped long values, named kinds."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.db.engine import session_factory
from tests.factories import PolicyRegion, make_report
from tests.web.conftest import csrf_of
from tests.web.test_local_dates import _row_of

LONG_URL = "https://very-long-scam-site.example.com/" + "b" * 560
LONG_NAME = "Z" * 120


class _Page(HTMLParser):
    """The parts of a page these tests look at: fields, labels, tables and their parents."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[str] = []
        self.labelled: set[str] = set()
        self.title = ""
        self.lang = ""
        self.tables_outside_scroll = 0
        self._stack: list[tuple[str, str]] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "title":
            self._in_title = True
        if tag == "label" and a.get("for"):
            self.labelled.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.fields.append(a.get("id", f"<{tag} name={a.get('name')} without id>"))
        if tag == "table":
            parent_classes = self._stack[-1][1].split() if self._stack else []
            if "table-scroll" not in parent_classes:
                self.tables_outside_scroll += 1
        if tag not in ("input", "br", "meta", "link", "img", "hr"):
            self._stack.append((tag, a.get("class", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _parse(html: str) -> _Page:
    parsed = _Page()
    parsed.feed(html)
    return parsed


def _save_long_report(client: TestClient) -> str:
    token = csrf_of(client.get("/reports/new").text)
    response = client.post(
        "/reports/new",
        data={
            "csrf_token": token,
            "external_ref": "MY-WEB-LONG",
            "reported_at": "2026-03-02",
            "scam_type": "phishing",
            "channel": "website",
            "mark": "amber",
            "narrative": "x" * 400,
            "identifiers-0-kind": "url",
            "identifiers-0-value": LONG_URL,
            "identifiers-0-role": "website",
            "identifiers-1-kind": "phone",
            "identifiers-1-value": "012-345 6789",
            "identifiers-1-role": "caller",
            "parties-0-role": "suspect",
            "parties-0-full_name": LONG_NAME,
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


@pytest.mark.parametrize("agency", ["AU-AFP", "TL-PNTL"])
@pytest.mark.parametrize("path", ["/reports/new", "/upload"])
def test_readers_get_a_refusal_not_a_form_they_cannot_send(
    client_for: Callable[[str], TestClient], region: PolicyRegion, agency: str, path: str
) -> None:
    response = client_for(agency).get(path)
    assert response.status_code == 403
    assert "Only member agencies and the secretariat submit reports" in response.text
    assert agency in response.text
    assert 'name="external_ref"' not in response.text and 'name="files"' not in response.text


@pytest.mark.parametrize(
    "path", ["/reports/new", "/upload", "/check", "/check/bulk", "/stop-list", "/reports"]
)
def test_every_form_field_has_a_label_and_every_page_a_title(
    client_for: Callable[[str], TestClient], region: PolicyRegion, path: str
) -> None:
    page = _parse(client_for("MY-NSRC").get(path).text)
    assert page.fields, f"{path} has no form fields"
    unlabelled = [f for f in page.fields if f not in page.labelled]
    assert not unlabelled, f"{path}: fields without <label for=>: {unlabelled}"
    assert page.lang == "en"
    assert page.title.strip().endswith("– counterscam") and len(page.title.strip()) > 14


def test_sign_in_fields_are_labelled(app_client: TestClient) -> None:
    page = _parse(app_client.get("/sign-in").text)
    assert {"username", "password"} <= set(page.fields) <= page.labelled


def test_report_page_wraps_long_values_and_names_kinds(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    html = client.get(_save_long_report(client)).text
    # A 600-character URL as written wraps in its cell instead of widening the page.
    assert re.search(r'<td class="cell-long">https://very-long-scam-site', html)
    assert f'<td class="cell-long">{LONG_NAME}</td>' in html
    assert 'class="narrative"' in html
    # Kinds are named as people say them, not as codes.
    assert "<td>Website address (URL)</td>" in html and "<td>Phone number</td>" in html
    assert "<td>url</td>" not in html and "<td>phone</td>" not in html
    assert _parse(html).tables_outside_scroll == 0


def test_check_result_names_the_kind(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    html = client_for("MY-NSRC").get("/check?kind=phone&value=%2B60123456789").text
    assert "HIT" in html
    # The kind before the value, not in brackets after it (see the URL case below).
    assert "Phone number <code>+60123456789</code> has been reported" in html
    assert _parse(html).tables_outside_scroll == 0


def test_check_answer_names_a_kind_with_brackets_without_doubling_them(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # The answer read "<code>https://...</code> (Website address (URL)) has not been reported".
    url = "https://scam-shop.example.com/pay"
    html = client_for("MY-NSRC").get("/check", params={"kind": "url", "value": url}).text
    verdict = html[html.index('id="verdict"') :]
    # The value may end a line after its separators (<wbr>), which are no text.
    verdict = verdict[: verdict.index("</div>")].replace("<wbr>", "")
    assert f"Website address (URL) <code>{url}</code> has not been reported" in verdict
    assert "((" not in verdict and "))" not in verdict
    assert _parse(html).tables_outside_scroll == 0


def test_a_related_kind_keeps_its_acronym_in_the_sentence(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # Lower-cased whole, the notice read "Related ip address" beside a link to an IP.
    html = (
        client_for("MY-NSRC")
        .get("/check", params={"kind": "url", "value": "http://203.0.113.5/login"})
        .text
    )
    assert "Related IP address <code>203.0.113.5</code>" in html


def test_upload_errors_wrap_a_long_value(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/upload").text)
    body = "external_ref,reported_at,scam_type,channel,mark\nMY-L-1,2026-03-10,{},whatsapp,amber\n"
    response = client.post(
        "/upload",
        data={"csrf_token": token},
        files=[("files", ("reports.csv", body.format("z" * 300).encode(), "text/csv"))],
    )
    assert response.status_code == 200
    html = response.text
    assert re.search(r'<td class="cell-long"\s*>z{100,}', html)
    # Short codes keep their own class (a minimum width), so 'scam_type' is not cut mid-word.
    assert re.search(r'<td class="cell-code"\s*><code>scam_type</code></td>', html)


def test_alerts_pages_keep_tables_in_a_scroll_box(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    for path in ("/alerts?show=all", "/stop-list", "/"):
        assert _parse(client.get(path).text).tables_outside_scroll == 0, path


def test_the_stylesheet_fits_a_phone(app_client: TestClient) -> None:
    css = app_client.get("/static/app.css").text
    assert "@media (max-width: 48em)" in css
    # Without position: relative, the visually-hidden text of a wide table's cells widens the
    # whole page on a phone (it is positioned against the page, not the scroll box).
    assert re.search(r"\.table-scroll \{ position: relative;", css)


@pytest.mark.parametrize("path", ["/no-such-page", "/reports/999999", "/clusters/CL-999999"])
def test_error_pages_keep_the_signed_in_header(
    client_for: Callable[[str], TestClient], region: PolicyRegion, path: str
) -> None:
    """A 404 for a signed-in analyst keeps the menu and a sign-out that works."""
    client = client_for("MY-NSRC")
    response = client.get(path)
    assert response.status_code == 404
    html = response.text
    assert "Page not found" in html and "<strong>MY-NSRC</strong>" in html
    assert 'aria-label="Main"' in html and 'or <a href="/sign-in">sign in</a>' not in html
    token = csrf_of(html)
    signed_out = client.post("/sign-out", data={"csrf_token": token}, follow_redirects=False)
    assert signed_out.status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 303


def test_error_page_for_a_visitor_offers_sign_in(app_client: TestClient) -> None:
    html = app_client.get("/public/no-such-page").text
    assert "Page not found" in html and 'href="/sign-in"' in html
    assert 'aria-label="Main"' not in html


def test_stop_list_names_kinds_and_keeps_its_form_labelled(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/stop-list").text)
    client.post(
        "/stop-list",
        data={"kind": "phone", "value": "03-2345 6789", "reason": "hotline", "csrf_token": token},
    )
    html = client.get("/stop-list").text
    assert '<td class="col-identifier">Phone number<br><code>+60323456789</code>' in html
    assert 'aria-labelledby="add-h"' in html
    assert _parse(html).tables_outside_scroll == 0


def test_an_empty_number_says_not_given_and_an_empty_table_offers_no_download(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    """A report without a loss reads "Not given", not a blank cell; no CSV of nothing."""
    with session_factory(engine)() as session:
        my = region.users["MY-NSRC"].agency_id
        report = make_report(session, agency_id=my, ref="MY-NOLOSS", mark="amber")
        report.loss_amount = report.loss_currency = report.loss_usd = None
        session.commit()
    row = _row_of(client_for("MY-NSRC").get("/reports").text, "MY-NOLOSS")
    assert row.count('<span class="visually-hidden">Not given</span>') == 2  # loss, in USD

    dashboard = client_for("TH-CCIB").get("/").text  # no identifier of its own matched yet
    assert "No identifier your agency reported" in dashboard
    assert "/dashboard/alerts.csv" not in dashboard and "/dashboard/by-country.csv" in dashboard


def test_dates_and_cluster_keys_do_not_break_at_their_hyphens(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    page = client.get(f"/reports/{region.reports['amber'].id}").text
    # The stored UTC time beside the local one wraps whole, never as "2026-03-" / "01".
    assert '<span class="nowrap"><span class="muted">(2026-03-01 00:00 UTC)</span></span>' in page
    assert ".nowrap { white-space: nowrap; }" in client.get("/static/app.css").text
    row = _row_of(client.get("/reports").text, region.reports["amber"].external_ref)
    assert '<td class="nowrap" >2026-03-01</td>' in row  # a date cell of a table, whole


def test_visitors_footer_names_both_ways_in(app_client: TestClient) -> None:
    footer = app_client.get("/sign-in").text.split('class="site-footer"')[1]
    assert 'href="/public/check"' in footer and 'href="/sign-in"' in footer
    assert "Public check of the regional" not in footer  # said on the sign-in page too


def test_check_matches_keep_agency_codes_and_dates_whole(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # A cramped matches table broke "MY-NSRC" and "2026-03-01" at their hyphens.
    page = client_for("MY-NSRC").get("/check", params={"kind": "phone", "value": region.phone})
    assert '<td class="nowrap">MY-NSRC</td>' in page.text
    assert re.search(r'<td class="nowrap">\d{4}-\d{2}-\d{2}</td>', page.text)
