"""Checking a list in a real browser: paste, read the answers, download them, on a phone too."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.browser.test_journeys import sign_in

LIST = "phone,012-345 6789\n+65 9000 0000\n\nphone,+60 12\n"


def test_a_partner_checks_a_list_and_downloads_the_answers(
    chromium: Any, demo: dict[str, Any], tmp_path: Path
) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844}, base_url=demo["url"])
    context.set_default_timeout(15_000)
    phone = context.new_page()
    try:
        sign_in(phone, "AU-AFP")
        phone.goto("/check")
        phone.get_by_role("link", name="Check a list").click()
        phone.get_by_label("Values, one a line").fill(LIST)
        phone.get_by_label("Country (optional)").select_option("MY")
        phone.get_by_role("button", name="Check the list").click()

        rows = phone.locator("#answers tbody tr")
        expect(rows).to_have_count(3)
        hit = rows.nth(0)
        expect(hit).to_contain_text("HIT")
        expect(hit).to_contain_text("+60123456789")
        expect(hit.locator("td").nth(5)).to_have_text("1")  # the green SG report
        expect(hit).to_contain_text("MY-NSRC")  # the amber one: only who holds it
        expect(hit.locator(".tlp--amber")).to_be_visible()
        expect(rows.nth(1)).to_contain_text("Not valid")
        expect(rows.nth(1).locator("td").first).to_have_text("4")
        expect(phone.get_by_text("Secret narrative")).to_have_count(0)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the answers scroll sideways on a phone ({width}px)"
        phone.screenshot(path=str(tmp_path / "bulk-check-phone.png"), full_page=True)

        with phone.expect_download() as waiting:
            phone.get_by_role("button", name="Download CSV").click()
        download = waiting.value
        assert download.suggested_filename == "bulk-check.csv"
        text = Path(download.path()).read_text(encoding="utf-8-sig")
        answers = list(csv.DictReader(io.StringIO(text)))
        assert [a["line"] for a in answers] == ["1", "2", "4"]
        assert answers[0]["hit"] == "yes" and answers[0]["held_elsewhere"] == "MY-NSRC:amber:1"
    finally:
        context.close()
