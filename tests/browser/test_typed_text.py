"""Text people typed keeps to its place on the page: a direction override in a reference or a
name reorders nothing after it, and an agency's code is never broken at its hyphens."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from counterscam.access.accounts import create_agency
from counterscam.check.alerts import raise_alerts
from counterscam.db.engine import session_scope
from tests.browser.conftest import fresh_database, window
from tests.browser.seed import SHARED_PHONE, seed
from tests.browser.server import serving
from tests.browser.test_journeys import sign_in
from tests.factories import make_report

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: the text after it is drawn right to left
# Where ``text``, found inside ``selector``, is drawn: its box's left and right x.
TEXT_BOX = """([selector, text]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const box = range.getBoundingClientRect();
    return [box.left, box.right];
  }
  return null;
}"""


def test_an_override_in_typed_text_reorders_nothing_after_it(
    page: Any, demo: dict[str, Any]
) -> None:
    # A stop-list reason holding U+202E drew the check's "(listed by MY-NSRC, ...)" and the
    # sentences after it backwards, in front of the reason's own words.
    sign_in(page, "MY-NSRC")
    page.goto("/reports/new")
    page.get_by_label("Your reference").fill("MY-RTL-1")
    page.get_by_label("Date reported").fill("2026-03-02")
    page.get_by_label("Scam type").select_option("impersonation_official")
    page.get_by_label("Channel").select_option("phone_call")
    page.get_by_label("Identifier 1", exact=True).fill("03-2345 6000")
    page.get_by_label("Identifier 1", exact=True).press("Enter")
    expect(page.get_by_text("Report saved.")).to_be_visible()
    page.goto("/stop-list")
    page.locator("#kind").select_option("phone")
    page.locator("#value").fill("03-2345 6000")
    page.get_by_label("Why it must never link").fill(f"genuine hotline {RLO}reported by mistake")
    page.get_by_role("button", name="Add to the stop-list").click()
    page.goto("/check?kind=phone&value=%2B60323456000")
    note = "#stop-list-note"
    expect(page.locator(note)).to_be_visible()
    _, reason_right = page.evaluate(TEXT_BOX, [note, "reported by mistake"])
    listed_left, _ = page.evaluate(TEXT_BOX, [note, "(listed by"])
    assert listed_left >= reason_right - 1


# For each occurrence of each code in the page's main part: on how many lines it is drawn.
CODE_LINES = """codes => {
  const lines = [];
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const code of codes) {
      for (let at = node.data.indexOf(code); at >= 0; at = node.data.indexOf(code, at + 1)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + code.length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        lines.push(tops.size);
      }
    }
  }
  return lines;
}"""


@pytest.fixture(scope="module")
def long_code(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A region where an agency of a three-part code reported Malaysia's shared phone too."""
    with fresh_database(tmp_path_factory, "codes") as engine:
        ids = seed(engine, reports=10)
        with session_scope(engine) as session:
            agency = create_agency(
                session,
                code="PH-PNP-ACG",
                name="Anti-Cybercrime Group",
                country="PH",
                kind="member",
            )
            report = make_report(
                session,
                agency_id=agency.id,
                ref="PH-1",
                mark="green",
                country="PH",
                phone=SHARED_PHONE,
            )
            # Held from MY-NSRC: its pages name the holder, and (no contact given) the route
            # "the secretariat, quoting agency PH-PNP-ACG".
            hidden = make_report(
                session,
                agency_id=agency.id,
                ref="PH-2",
                mark="red",
                country="PH",
                phone=SHARED_PHONE,
            )
            raise_alerts(session, [report.id, hidden.id])
            ids.update({"PH-1": report.id, "PH-2": hidden.id})
        with serving(engine) as url:
            yield {"url": url, "ids": ids}


def test_agency_codes_stay_whole_on_a_phone(chromium: Any, long_code: dict[str, Any]) -> None:
    # "PH-PNP-ACG" read "PH-PNP-" / "ACG" in a cramped cell: two codes, neither of them real.
    with window(chromium, long_code["url"], 320) as phone:
        sign_in(phone, "MY-NSRC")
        check = "/check?kind=phone&value=" + quote(SHARED_PHONE)
        hidden = f"/reports/{long_code['ids']['PH-2']}"
        for path in (f"/reports/{long_code['ids']['PH-1']}", hidden, check, "/alerts", "/"):
            phone.goto(path)
            lines = phone.evaluate(CODE_LINES, ["PH-PNP-ACG", "MY-NSRC"])
            assert lines and set(lines) == {1}, (path, lines)
            wide = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert wide <= 0, (path, wide)
