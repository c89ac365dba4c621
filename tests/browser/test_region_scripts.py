"""Names written in the region's scripts are drawn as letters, not as empty boxes, also on a
workstation without a font for them (this Chromium has none: only DejaVu and Liberation)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.test_journeys import sign_in

NAMES = {
    "Region Thai": "สมชาย ใจดี",
    "Region Myanmar": "မောင်မောင်ကြီး",
    "Region Khmer": "សុខ សុភាព",
}
LOADED = """families => families.map(family => [...document.fonts]
    .filter(f => f.family.replace(/"/g, "") === family).map(f => f.status).join())"""


def test_thai_burmese_and_khmer_names_get_a_font(page: Any, demo: dict[str, Any]) -> None:
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "/static/fonts/" in r.url else None)
    sign_in(page, "MY-NSRC")
    page.goto("/reports/new")
    page.evaluate("document.fonts.ready")
    # Pages without such letters fetch none of the fonts.
    assert fetched == []
    page.get_by_label("Your reference").fill("MY-SCRIPTS-1")
    page.get_by_label("Date reported").fill("2026-03-02")
    page.get_by_label("Scam type").select_option("job_task")
    page.get_by_label("Channel").select_option("telegram")
    page.locator("summary", has_text="Persons and places").click()
    for i, name in enumerate(NAMES.values()):
        if i:
            page.get_by_role("button", name="Add another person").click()
        page.get_by_label(f"Name as written {i + 1}").fill(name)
    page.get_by_label("Name as written 1").press("Enter")
    expect(page.get_by_text("Report saved.")).to_be_visible()
    for name in NAMES.values():
        expect(page.get_by_role("cell", name=name)).to_be_visible()
    page.evaluate("document.fonts.ready")
    assert page.evaluate(LOADED, list(NAMES)) == ["loaded"] * len(NAMES)
    assert fetched, "the bundled fonts were not served"
