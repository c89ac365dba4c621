"""A check's answer is in sight when it comes: on a phone it was under the form."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import window
from tests.browser.test_journeys import sign_in

IN_VIEW = """() => { const r = document.getElementById('verdict').getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY}; }"""


@pytest.mark.parametrize("script", [True, False])
def test_the_answer_comes_into_view_on_a_phone(
    chromium: Any, demo: dict[str, Any], script: bool
) -> None:
    """At 390 x 844 the HIT began 1,006 px down: the officer saw the form again, unchanged."""
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, base_url=demo["url"], java_script_enabled=script
    )
    context.set_default_timeout(15_000)
    phone = context.new_page()
    try:
        sign_in(phone, "MY-NSRC")
        phone.goto("/check")
        phone.get_by_label("Number, account, wallet, website or address").fill("012-345 6789")
        phone.get_by_role("button", name="Check", exact=True).click()
        expect(phone.locator(".verdict--hit")).to_contain_text("HIT")
        box = phone.evaluate(IN_VIEW)
        assert 0 <= box["top"] < 100 and box["bottom"] <= box["height"], box
    finally:
        context.close()


def test_a_wide_window_keeps_the_form_in_sight_with_the_answer(
    chromium: Any, demo: dict[str, Any]
) -> None:
    # The answer already shows under the form: the page does not jump past the form.
    with window(chromium, demo["url"], 1440) as tab:
        sign_in(tab, "MY-NSRC")
        tab.goto("/check")
        tab.get_by_label("Number, account, wallet, website or address").fill("012-345 6789")
        tab.get_by_role("button", name="Check", exact=True).click()
        expect(tab.locator(".verdict--hit")).to_contain_text("HIT")
        box = tab.evaluate(IN_VIEW)
        assert box["scrolled"] == 0 and box["bottom"] <= box["height"], box


def test_the_public_checks_answer_comes_into_view_on_a_phone(
    chromium: Any, demo: dict[str, Any]
) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844}, base_url=demo["url"])
    context.set_default_timeout(15_000)
    phone = context.new_page()
    try:
        phone.goto("/public/check")
        phone.get_by_label("Number, account, wallet, website or address").fill("+60199999999")
        phone.get_by_role("button", name="Check", exact=True).click()
        expect(phone.locator(".verdict--nohit")).to_contain_text("NO HIT")
        box = phone.evaluate(IN_VIEW)
        assert 0 <= box["top"] and box["bottom"] <= box["height"], box  # was 835 to 1,014 px
    finally:
        context.close()
