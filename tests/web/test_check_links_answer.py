"""Every link that checks a value opens the check page at its answer, as the form does."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of

CHECK_LINK = re.compile(r'href="(/check\?[^"]*)"')
FIELDS = {
    "external_ref": "MY-WEB-LINKS",
    "reported_at": "2026-03-02",
    "scam_type": "investment",
    "channel": "telegram",
    "mark": "amber",
    "identifiers-0-kind": "url",
    "identifiers-0-value": "https://gold-returns.example.net/join",
    "identifiers-0-role": "website",
}


def _check_links(html: str) -> list[str]:
    links = CHECK_LINK.findall(html)
    assert links, "the page has no link to a check"
    return links


def test_check_links_of_a_report_a_check_and_a_list_open_at_the_answer(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # The links were /check?kind=...&value=...: on a phone the answer lay below the form, out
    # of sight, where the form's own answer (sent to #verdict) comes into view.
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/reports/new").text)
    report = client.post("/reports/new", data={"csrf_token": token, **FIELDS})
    assert report.status_code == 200, report.text
    check = client.get(
        "/check", params={"kind": "url", "value": "https://gold-returns.example.net/x"}
    )
    assert "Related domain" in check.text
    token = csrf_of(client.get("/check/bulk").text)
    listed = client.post(
        "/check/bulk",
        data={"csrf_token": token, "values": f"phone,{region.phone}", "kind": "", "country": ""},
    )
    assert listed.status_code == 200, listed.text
    for page, html in (("report", report.text), ("check", check.text), ("list", listed.text)):
        for link in _check_links(html):
            assert link.endswith("#verdict"), (page, link)
    # Followed, the link answers: the anchor it names is on the page it opens.
    answer = client.get(_check_links(report.text)[0].replace("&amp;", "&"))
    assert 'id="verdict"' in answer.text
