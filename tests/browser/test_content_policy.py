"""Pages run under a strict Content-Security-Policy and still work, signed out and signed in."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.test_journeys import sign_in


def test_every_kind_of_page_breaks_no_rule_of_the_policy(page: Any, demo: dict[str, Any]) -> None:
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    for address in ("/sign-in", "/public/check", "/api/docs"):
        page.goto(address)
        page.wait_for_load_state("load")
    sign_in(page, "MY-NSRC")
    report_id = next(iter(demo["ids"].values()))
    for address in (f"/reports/{report_id}", "/stop-list", "/reports/new", "/check"):
        page.goto(address)
        page.wait_for_load_state("load")
    page.get_by_label("Number, account, wallet, website or address").fill("012-345 6789")
    page.get_by_label("Country (optional)").select_option("MY")
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.locator(".verdict--hit")).to_contain_text("HIT")
    assert refused == []


def test_another_site_cannot_show_a_page_in_a_frame(page: Any, demo: dict[str, Any]) -> None:
    # A page framed invisibly over a decoy could be clicked by a signed-in officer.
    response = page.goto("/sign-in")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
