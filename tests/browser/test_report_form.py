"""The report form in a real browser: Enter saves, rows are added, a report is corrected."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.browser.test_journeys import sign_in


def _fill_case(page: Any, ref: str) -> None:
    page.goto("/reports/new")
    page.get_by_label("Your reference").fill(ref)
    page.get_by_label("Date reported").fill("2026-03-02")
    page.get_by_label("Scam type").select_option("job_task")
    page.get_by_label("Channel").select_option("telegram")
    page.get_by_label("Identifier 1", exact=True).fill("012-345 6789")


def test_enter_saves_and_rows_can_be_added_then_corrected(page: Any, demo: dict[str, Any]) -> None:
    sign_in(page, "MY-NSRC")
    # The "Add another" buttons come before "Save report": Enter must still save.
    _fill_case(page, "MY-FORM-ENTER")
    page.get_by_label("Identifier 1", exact=True).press("Enter")
    expect(page.get_by_text("Report saved.")).to_be_visible()

    _fill_case(page, "MY-FORM-ROWS")
    for i in (2, 3):
        page.get_by_label(f"Identifier {i}", exact=True).fill(f"012-345 678{i}")
    page.get_by_role("button", name="Add another identifier").click()
    expect(page.get_by_label("Identifier 3", exact=True)).to_have_value("012-345 6783")
    page.get_by_label("Identifier 4", exact=True).fill("012-345 6784")
    page.locator("summary", has_text="Persons and places").click()
    page.get_by_label("Name of place 1").fill("KK Park")
    page.get_by_label("Latitude").fill("16.6469, 98.5155")
    page.get_by_role("button", name="Save report", exact=True).last.dblclick()
    expect(page.get_by_text("Report saved.")).to_be_visible()
    expect(page.locator("code", has_text="+60123456784")).to_be_visible()
    expect(page.get_by_text("98.5155")).to_be_visible()

    page.get_by_role("link", name="Correct this report").click()
    expect(page.get_by_label("Name of place 1")).to_have_value("KK Park")
    page.get_by_label("What happened (optional)").fill("Recruited on Telegram.")
    page.get_by_role("button", name="Save report", exact=True).last.click()
    expect(page).to_have_url(re.compile(r"/reports/\d+\?saved=updated$"))
    expect(page.get_by_text("Recruited on Telegram.")).to_be_visible()
    expect(page.locator("code", has_text="+60123456784")).to_be_visible()
    expect(page.get_by_text("KK Park")).to_be_visible()


def test_a_rule_separates_repeated_rows_when_their_boxes_wrap(
    chromium: Any, demo: dict[str, Any]
) -> None:
    context = chromium.new_context(viewport={"width": 768, "height": 900}, base_url=demo["url"])
    page = context.new_page()
    try:
        sign_in(page, "MY-NSRC")
        page.goto("/reports/new")
        page.locator("summary", has_text="Persons and places").click()
        page.get_by_role("button", name="Add another person").click()
        # One column at 768 px: "Country of identifier 1" ran into "Kind of identifier 2",
        # "Their phone" of person 1 into "Role of person 2", with nothing between them.
        for last, first in (
            ("#identifiers-0-country", 'label[for="identifiers-1-kind"]'),
            ("#parties-0-phone", 'label[for="parties-1-role"]'),
        ):
            row = page.locator(first).locator("xpath=ancestor::div[contains(@class,'row-fields')]")
            assert row.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
            above = page.locator(last).bounding_box()
            rule = row.bounding_box()
            assert (
                above["y"] + above["height"] <= rule["y"] < page.locator(first).bounding_box()["y"]
            )
    finally:
        context.close()
