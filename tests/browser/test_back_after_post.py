"""Back after a form was sent comes to a page, never to "Confirm Form Resubmission"."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.browser.test_journeys import sign_in


def test_back_from_a_report_returns_to_the_checks_answer(page: Any, demo: dict[str, Any]) -> None:
    sign_in(page, "MY-NSRC")
    page.goto("/check")
    page.get_by_label("Number, account, wallet, website or address").fill("012-345 6789")
    page.get_by_label("Country (optional)").select_option("MY")
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.locator(".verdict--hit")).to_contain_text("HIT")
    page.get_by_role("link", name="SG-2026-9001").click()
    expect(page.get_by_role("heading", name="SG-2026-9001")).to_be_visible()

    # The answer came from a POST, which Chromium would not show again (ERR_CACHE_MISS).
    page.go_back()
    # The answer is the fragment the form is sent to, so Back shows it, not the form above it.
    expect(page).to_have_url(re.compile(r"/check\?value=012-345\+6789&country=MY#verdict$"))
    expect(page.locator(".verdict--hit")).to_contain_text("HIT")
    expect(page.get_by_label("Number, account, wallet, website or address")).to_have_value(
        "012-345 6789"
    )


def test_back_to_a_refused_report_form_shows_the_form(page: Any, demo: dict[str, Any]) -> None:
    sign_in(page, "MY-NSRC")
    page.goto("/reports/new")
    page.get_by_label("Your reference").fill("MY-BACK-1")
    page.get_by_label("Your reference").press("Enter")
    expect(page.get_by_text("There is a problem")).to_be_visible()
    page.get_by_role("link", name="Reports", exact=True).click()
    expect(page).to_have_url(re.compile(r"/reports$"))

    page.go_back()
    expect(page).to_have_url(re.compile(r"/reports/new$"))
    expect(page.get_by_role("heading", name="New report")).to_be_visible()
