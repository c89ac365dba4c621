"""An office screen of 1366 or 1920 px: a wallet address reads whole where the page has the room,
and an address, a URL or an e-mail address that must wrap ends a line only after a separator."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import window
from tests.browser.test_journeys import sign_in

WALLET = "0x5e1CadCB153eC3224Ee6f3C7962D248C1c504A87"
URL = (
    "https://very-long-scam-domain-example.com/login/secure/account/verify?session=abcdef0123456789"
)
LISTED = f"{WALLET}\n{URL}\nsomeone@example-mail-provider.com\n+60123456789"
# The lines a cell's text takes, and the lines each piece between its <wbr> takes.
LINES = """el => { const r = document.createRange(); r.selectNodeContents(el);
  return new Set([...r.getClientRects()].filter(b => b.width > 0)
                 .map(b => Math.round(b.top))).size; }"""
PIECES = """el => [...el.querySelectorAll('*'), el].flatMap(e => [...e.childNodes])
  .filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => {
    const r = document.createRange(); r.selectNodeContents(n);
    return new Set([...r.getClientRects()].filter(b => b.width > 0)
                   .map(b => Math.round(b.top))).size; })"""
CUT = "ss => ss.filter(s => s.scrollWidth > s.clientWidth + 1).length"


def _check_list(tab: Any) -> None:
    sign_in(tab, "MY-NSRC")
    tab.goto("/check/bulk")
    tab.get_by_label("Values, one a line").fill(LISTED)
    tab.get_by_role("button", name="Check the list").click()
    expect(tab.locator("#answers td.answer-value")).to_have_count(4)


def test_a_wallet_reads_whole_as_written_and_canonical_on_a_1920px_screen(
    chromium: Any, demo: dict[str, Any]
) -> None:
    # The page stopped at 1,220 px, 700 px of the screen empty beside it: the wallet broke in
    # both columns ("0x5e1CadCB153eC32" / "24Ee6f3C7962D248C" / "1c504A87").
    with window(chromium, demo["url"], 1920) as tab:
        _check_list(tab)
        written = tab.locator("#answers td.answer-value", has_text=WALLET)
        assert written.evaluate(LINES) == 1
        canonical = tab.locator("#answers td.cell-code code", has_text="eth:0x5e1")
        assert canonical.evaluate(LINES) == 1
        assert tab.locator(".table-scroll").evaluate_all(CUT) == 0


@pytest.mark.parametrize("width", [1366, 1920])
def test_a_written_address_ends_a_line_only_after_a_separator(
    chromium: Any, demo: dict[str, Any], width: int
) -> None:
    # "https://very-long-scam-domain-example.com/login/se" / "cure/account/verify?" and
    # "someone@example-" / "mail-provider.com" broke after whichever letter filled the line.
    with window(chromium, demo["url"], width) as tab:
        _check_list(tab)
        for value in (URL, "someone@example-mail-provider.com"):
            cell = tab.locator("#answers td.answer-value", has_text=value)
            assert set(cell.evaluate(PIECES)) == {1}, (value, width)
        assert tab.locator(".table-scroll").evaluate_all(CUT) == 0
