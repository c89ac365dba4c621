"""A report typed before signing in again (in another tab) is shown again, not lost."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import window
from tests.browser.test_journeys import sign_in

NARRATIVE = "Victim paid RM 48,000 over six weeks to a fake fund manager met on WhatsApp."


def test_a_report_form_sent_after_signing_in_again_keeps_what_was_typed(
    chromium: Any, demo: dict[str, Any]
) -> None:
    """The answer was "This form has expired. Go back, reload the page": the reload emptied
    the form and the narrative was gone."""
    with window(chromium, demo["url"], 1280) as tab:
        sign_in(tab, "MY-NSRC")
        tab.goto("/reports/new")
        tab.get_by_label("Your reference").fill("MY-2026-TYPED-1")
        tab.get_by_label("What happened (optional)").fill(NARRATIVE)
        # The session ends and the officer signs in again in another tab: a new token.
        tab.context.clear_cookies()
        other = tab.context.new_page()
        sign_in(other, "MY-NSRC")
        other.close()
        tab.get_by_label("Your reference").press("Enter")
        expect(tab.locator("#form-expired")).to_contain_text("Nothing was saved")
        expect(tab.get_by_label("Your reference")).to_have_value("MY-2026-TYPED-1")
        expect(tab.get_by_label("What happened (optional)")).to_have_value(NARRATIVE)
        # Sent again, the form carries the new token: intake answers it (here, what is missing).
        tab.get_by_label("Your reference").press("Enter")
        expect(tab.locator("#form-expired")).to_have_count(0)
        expect(tab.get_by_role("heading", name="There is a problem")).to_be_visible()
