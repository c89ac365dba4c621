"""A checked list on a laptop screen: each value reads whole on its line, the table in its box."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import window
from tests.browser.test_journeys import sign_in

# An account as the demo region writes them, 18 characters, then a phone number and a value
# that is not valid.
LISTED = "ID:BBBA:1093650798\n+60123456789\nnotanumber"
# The lines a cell's text takes: its pieces' distinct tops.
LINES = """td => { const r = document.createRange(); r.selectNodeContents(td);
  return new Set([...r.getClientRects()].filter(b => b.width > 0)
                 .map(b => Math.round(b.top))).size; }"""


@pytest.mark.parametrize("width", [1280, 1366])
def test_a_checked_value_reads_on_one_line_at_1280px_and_up(
    chromium: Any, demo: dict[str, Any], width: int
) -> None:
    # A loss "617.18 (from 2 of 3 reports)" kept on one line left the values 89 px: an account
    # number broke over three lines ("ID:BBBA:1 / 09365079 / 8"), a phone number over two.
    with window(chromium, demo["url"], width) as tab:
        sign_in(tab, "MY-NSRC")
        tab.goto("/check/bulk")
        tab.get_by_label("Values, one a line").fill(LISTED)
        tab.get_by_role("button", name="Check the list").click()
        values = tab.locator("#answers td.answer-value")
        expect(values).to_have_count(3)
        assert values.evaluate_all(f"tds => tds.map({LINES})") == [1, 1, 1]
        cut = tab.locator(".table-scroll").evaluate_all(
            "ss => ss.filter(s => s.scrollWidth > s.clientWidth + 1).length"
        )
        assert cut == 0
