"""The pages as an officer uses them all day: on a phone (390 px) losses that only some reports
gave stay in their column and the links to check a value open at its answer; from the keyboard
alone the alerts are read one after the other without going back through the menu."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import select, update

from counterscam.check.alerts import raise_alerts
from counterscam.db.engine import session_scope
from counterscam.db.models import Report
from tests.browser.conftest import fresh_database, window
from tests.browser.server import serving
from tests.browser.test_cluster_network import build_region
from tests.browser.test_journeys import sign_in

PHONE = 390
CUT = """ss => ss.filter(s => s.scrollWidth > s.clientWidth + 1)
                .map(s => [s.scrollWidth - s.clientWidth, s.innerText.slice(0, 80)])"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A region with a syndicate in which every other report gives no loss, its alerts raised."""
    with fresh_database(tmp_path_factory, "phone-review") as engine:
        key = build_region(engine, reports=60)
        with session_scope(engine) as session:
            session.execute(
                update(Report)
                .where(Report.id % 2 == 0)
                .values(loss_usd=None, loss_amount=None, loss_currency=None)
            )
            raise_alerts(session, list(session.scalars(select(Report.id))))
        with serving(engine) as base_url:
            yield {"url": base_url, "key": key}


@pytest.fixture
def phone(chromium: Any, site: dict[str, Any]) -> Iterator[Any]:
    """A member's analyst on a 390 px phone."""
    with window(chromium, site["url"], PHONE) as tab:
        sign_in(tab, "MY-NSRC")
        yield tab


def test_a_loss_some_reports_gave_stays_in_its_column_on_a_phone(
    phone: Any, site: dict[str, Any]
) -> None:
    # "318,385.88 (from 253 of 266 reports)" on one line ran a brief's countries, timeline and
    # scam types 130-145 px past their boxes: the loss column's heading out of sight.
    for path in (f"/clusters/{site['key']}", "/", "/clusters"):
        phone.goto(path)
        assert phone.locator(".table-scroll").evaluate_all(CUT) == [], path
    phone.goto(f"/clusters/{site['key']}")
    note = phone.locator("td.num .num-note").first
    expect(note).to_contain_text(" reports)")
    expect(note).to_be_visible()
    box = phone.locator(".table-scroll", has=note).first.bounding_box()
    edge = note.bounding_box()
    assert edge["x"] + edge["width"] <= box["x"] + box["width"] + 1


def test_a_brief_s_check_link_opens_at_the_answer_on_a_phone(
    phone: Any, site: dict[str, Any]
) -> None:
    # The answer lay below the check form, out of sight: the link went to the top of the page.
    phone.goto(f"/clusters/{site['key']}")
    phone.locator("a[href*='/check?']").first.click()
    expect(phone.locator("#verdict")).to_be_in_viewport()


def _tabs_to_mark_as_read(tab: Any) -> int:
    for pressed in range(1, 61):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.textContent.includes('Mark as read')"):
            return pressed
    return 61


def test_alerts_are_read_one_after_another_from_the_keyboard(
    chromium: Any, site: dict[str, Any]
) -> None:
    # After each "Mark as read" the inbox came back at the top of the page: 21 Tab presses
    # through the menu, the tabs and the headings to reach the next alert's button.
    with window(chromium, site["url"], 1280) as tab:
        sign_in(tab, "MY-NSRC")
        tab.goto("/alerts")
        _tabs_to_mark_as_read(tab)
        unread = tab.get_by_role("link", name=re.compile(r"^Unread \((\d+)\)$"))
        before = unread.inner_text()
        tab.keyboard.press("Enter")
        expect(unread).not_to_have_text(before)
        assert _tabs_to_mark_as_read(tab) <= 8


# A phone, two accounts, an address, an e-mail address and a handle, as a list names them.
LISTED = "\n".join(
    [
        "+60123456789",
        "ID:BBBA:1093650798",
        "MY:MBBE:514012345678",
        "url,hxxps://login-maybank2u[.]com/secure/verify",
        "email,refund.desk.official@gmail.com",
        "handle,telegram:@CryptoProfitMY_official",
    ]
)
# The lines each piece of a cell's value (the text between its <wbr>) takes.
PIECE_LINES = """el => [...el.childNodes].filter(n => n.nodeType === 3).map(n => {
  const r = document.createRange(); r.selectNodeContents(n);
  return new Set([...r.getClientRects()].filter(b => b.width > 0)
                 .map(b => Math.round(b.top))).size; })"""
WHOLE_LINES = """el => { const r = document.createRange(); r.selectNodeContents(el);
  return new Set([...r.getClientRects()].filter(b => b.width > 0)
                 .map(b => Math.round(b.top))).size; }"""


@pytest.mark.parametrize("width", [1280, 1366, 1920])
def test_a_checked_lists_canonical_values_read_whole_at_1280px_and_up(
    chromium: Any, demo: dict[str, Any], width: int
) -> None:
    # The column was 5em: "+601234567 / 89", "ID:BBBA:109 / 3650798", an address cut into
    # five lines after any letter ("https://log / in-maybank2u.c / om/secure/v / erify").
    with window(chromium, demo["url"], width) as tab:
        sign_in(tab, "MY-NSRC")
        tab.goto("/check/bulk")
        tab.get_by_label("Values, one a line").fill(LISTED)
        tab.get_by_role("button", name="Check the list").click()
        codes = tab.locator("#answers td.cell-code code")
        expect(codes).to_have_count(6)
        by_value = dict(
            zip(
                codes.all_inner_texts(),
                codes.evaluate_all(f"cs => cs.map({WHOLE_LINES})"),
                strict=True,
            )
        )
        whole = ("+60123456789", "ID:BBBA:1093650798", "MY:MBBE:514012345678")
        assert {v: by_value[v] for v in whole} == dict.fromkeys(whole, 1)
        # Longer values end a line only after a separator: each piece stays on its line.
        pieces = codes.evaluate_all(f"cs => cs.map({PIECE_LINES})")
        assert all(n == 1 for cell in pieces for n in cell), pieces
        cut = tab.locator(".table-scroll").evaluate_all(
            "ss => ss.filter(s => s.scrollWidth > s.clientWidth + 1).length"
        )
        assert cut == 0


def test_a_checked_address_wraps_at_its_separators_on_a_phone(
    chromium: Any, demo: dict[str, Any]
) -> None:
    # "https://login-maybank2u.com/secure/verify" broke after whatever letter filled the line.
    with window(chromium, demo["url"], PHONE) as tab:
        sign_in(tab, "MY-NSRC")
        tab.goto(
            "/check?kind=url&value=https%3A%2F%2Flogin-maybank2u.com%2Fsecure%2Fverify%3Fid%3D0123456789abcdef#verdict"
        )
        code = tab.locator("#verdict code")
        expect(code).to_have_text(re.compile("^https://login-maybank2u"))
        assert code.evaluate(WHOLE_LINES) > 1
        assert set(code.evaluate(PIECE_LINES)) == {1}
        assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE


@pytest.mark.parametrize("width", [PHONE, 1366])
def test_a_brief_s_identifiers_break_only_at_their_separators(
    chromium: Any, site: dict[str, Any], width: int
) -> None:
    # A TRON wallet broke two letters before its end ("tron:TTrKJnX...MJq / ha") at 1366 px, an
    # account on a phone inside its number ("MY:MBBE:514000 / 000012").
    with window(chromium, site["url"], width) as tab:
        sign_in(tab, "MY-NSRC")
        tab.goto(f"/clusters/{site['key']}")
        codes = tab.locator("td.col-identifier code")
        expect(codes.first).to_be_visible()
        pieces = codes.evaluate_all(
            f"cs => cs.filter(c => {width} > 600 || !c.innerText.startsWith('tron:'))"
            f".map(c => [c.innerText, ({PIECE_LINES})(c)])"
        )
        assert len(pieces) > 4
        assert [p for p in pieces if set(p[1]) != {1}] == []
