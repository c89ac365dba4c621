"""After a check, keyboard and screen-reader users start from the answer, not the page's top."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.test_journeys import sign_in

FOCUSED = """() => { const el = document.activeElement, s = getComputedStyle(el);
  return {id: el.id, outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }"""


def _tab(chromium: Any, url: str, width: int, script: bool = True) -> Any:
    context = chromium.new_context(
        viewport={"width": width, "height": 844 if width < 600 else 768},
        base_url=url,
        java_script_enabled=script,
    )
    context.set_default_timeout(15_000)
    return context


@pytest.mark.parametrize("script", [True, False])
@pytest.mark.parametrize("width", [390, 1366])
def test_the_answer_has_focus_after_check(
    chromium: Any, demo: dict[str, Any], width: int, script: bool
) -> None:
    # Focus stayed on the page's top: Tab went to "Skip to main content", then through the
    # header, the menu and the form again before it reached the answer.
    context = _tab(chromium, demo["url"], width, script)
    try:
        tab = context.new_page()
        sign_in(tab, "MY-NSRC")
        tab.goto("/check")
        tab.get_by_label("Number, account, wallet, website or address").fill("012-345 6789")
        tab.get_by_role("button", name="Check", exact=True).click()
        expect(tab.locator(".verdict--hit")).to_contain_text("HIT")
        focused = tab.evaluate(FOCUSED)
        assert focused == {"id": "verdict", "outline": "solid", "width": 3.0}, focused
        # The next Tab goes on from the answer, to its first link.
        tab.keyboard.press("Tab")
        assert tab.evaluate(
            "document.activeElement.closest('section[aria-labelledby=verdict]') !== null"
        )
    finally:
        context.close()


def test_a_check_link_gives_the_answer_focus(chromium: Any, demo: dict[str, Any]) -> None:
    context = _tab(chromium, demo["url"], 390)
    try:
        tab = context.new_page()
        sign_in(tab, "MY-NSRC")
        tab.goto("/check?kind=phone&value=%2B60123456789#verdict")
        expect(tab.locator("#verdict")).to_be_focused()
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_the_public_checks_answer_has_focus(
    chromium: Any, demo: dict[str, Any], width: int
) -> None:
    context = _tab(chromium, demo["url"], width)
    try:
        tab = context.new_page()
        tab.goto("/public/check")
        tab.get_by_label("Number, account, wallet, website or address").fill("+60199999999")
        tab.get_by_role("button", name="Check", exact=True).click()
        expect(tab.locator(".verdict--nohit")).to_contain_text("NO HIT")
        expect(tab.locator("#verdict")).to_be_focused()
    finally:
        context.close()
