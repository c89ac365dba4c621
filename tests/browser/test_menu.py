"""The top menu: every item a member has, the stop-list included, on one line at 800 px."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.test_journeys import sign_in


def test_a_members_menu_stays_on_one_line_in_an_800px_window(
    chromium: Any, demo: dict[str, Any]
) -> None:
    """A laptop at 150% zoom: the eighth item (Alerts) wrapped under the others."""
    context = chromium.new_context(viewport={"width": 800, "height": 900}, base_url=demo["url"])
    context.set_default_timeout(15_000)
    tab = context.new_page()
    try:
        sign_in(tab, "MY-NSRC")
        menu = tab.locator(".site-nav")
        expect(menu.get_by_role("link", name="Stop-list")).to_be_visible()
        tops = menu.locator("a").evaluate_all(
            "links => links.map(a => Math.round(a.getBoundingClientRect().top))"
        )
        assert len(tops) == 8 and len(set(tops)) == 1, tops
        menu.get_by_role("link", name="Stop-list").click()
        expect(tab.get_by_role("heading", name="Hub stop-list")).to_be_visible()
        expect(menu.get_by_role("link", name="Stop-list")).to_have_attribute("aria-current", "page")
    finally:
        context.close()
