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
