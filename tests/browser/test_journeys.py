"""What people do all day, in a real browser: sign in, check, upload, fix, see the report."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.browser.seed import AMBER_REF, USERS
from tests.factories import PASSWORD

REPORTS_CSV = (
    "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,mark\n"
    "MY-B-1,2026-03-10,investment,whatsapp,5000,MYR,amber\n"
    "MY-B-2,2026-03-11,crypto_scam,telegram,12000,MYR,amber\n"
)
IDENTIFIERS_CSV = (
    "external_ref,kind,value,role\n"
    "MY-B-1,phone,012-345 6789,caller\n"
    "MY-B-2,phone,+60 19-876 5432,caller\n"
)


def sign_in(page: Any, agency: str) -> None:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/sign-in\?next=%2F$"))
    page.get_by_label("Username").fill(USERS[agency])
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Regional picture")).to_be_visible()


def upload(page: Any, reports_csv: str) -> None:
    page.get_by_label("Files").first.set_input_files(
        [
            {"name": "reports.csv", "mimeType": "text/csv", "buffer": reports_csv.encode()},
            {"name": "identifiers.csv", "mimeType": "text/csv", "buffer": IDENTIFIERS_CSV.encode()},
        ]
    )
    page.get_by_role("button", name="Upload and check").first.click()


def test_sign_in_check_upload_fix_and_see_the_report(page: Any, demo: dict[str, Any]) -> None:
    sign_in(page, "MY-NSRC")
    expect(page.get_by_text("MY-NSRC", exact=True)).to_be_visible()

    page.get_by_role("link", name="Check", exact=True).click()
    page.get_by_label("Number, account, wallet, website or address").fill("012-345 6789")
    page.get_by_label("Country (optional)").select_option("MY")
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.locator(".verdict--hit")).to_contain_text("HIT")
    expect(page.get_by_role("link", name="SG-2026-9001")).to_be_visible()

    page.get_by_role("link", name="Upload", exact=True).click()
    upload(page, REPORTS_CSV)
    expect(page.get_by_text("Nothing was saved")).to_be_visible()
    errors = page.locator("table").first
    expect(errors).to_contain_text("reports.csv")
    expect(errors).to_contain_text("crypto_scam")
    expect(errors.locator("td.num").first).to_have_text("3")

    upload(page, REPORTS_CSV.replace("crypto_scam", "crypto_investment"))
    expect(page.get_by_role("heading", name="Upload complete")).to_be_visible()
    page.get_by_role("link", name="MY-B-2").click()
    expect(page.get_by_role("heading", name="MY-B-2")).to_be_visible()
    expect(page.locator("code", has_text="+60198765432")).to_be_visible()
    expect(page.get_by_text("MYR 12,000.00")).to_be_visible()


def test_partner_cannot_open_an_amber_report(page: Any, demo: dict[str, Any]) -> None:
    sign_in(page, "AU-AFP")
    response = page.goto(f"/reports/{demo['ids'][AMBER_REF]}")
    assert response.status == 403
    expect(page.get_by_role("heading", name="You cannot open this report")).to_be_visible()
    expect(page.get_by_text("MY-NSRC", exact=True).first).to_be_visible()
    expect(page.get_by_text("Secret narrative")).to_have_count(0)


def test_pages_fit_1280px_and_are_keyboard_usable(
    page: Any, demo: dict[str, Any], tmp_path: Path
) -> None:
    sign_in(page, "ASEANAPOL")
    for path in ("/", "/reports", "/check", "/upload", "/alerts", "/reports/new"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1280, f"{path} scrolls sideways ({width}px)"
    page.goto("/")
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to main content")


def test_pages_fit_a_phone_without_sideways_scrolling(
    chromium: Any, demo: dict[str, Any], tmp_path: Path
) -> None:
    """At 390 px the header and menu wrap, grids stack and wide tables scroll inside their box."""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, base_url=demo["url"])
    context.set_default_timeout(15_000)
    phone = context.new_page()
    try:
        sign_in(phone, "MY-NSRC")
        report = f"/reports/{demo['ids'][AMBER_REF]}"
        paths = ("/", "/reports", "/check", "/upload", "/alerts", "/alerts?show=all")
        for path in (*paths, "/reports/new", "/stop-list", "/clusters", report):
            phone.goto(path)
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{path} scrolls sideways on a phone ({width}px)"
        phone.goto("/")
        expect(phone.locator(".site-nav").get_by_role("link", name="Alerts")).to_be_in_viewport()
        phone.screenshot(path=str(tmp_path / "dashboard-phone.png"), full_page=True)
    finally:
        context.close()


def test_trend_chart_stays_readable_on_a_phone(chromium: Any, demo: dict[str, Any]) -> None:
    """The monthly trend keeps 12 px labels at 390 px (a scaled drawing shrank them to 4 px)."""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, base_url=demo["url"])
    context.set_default_timeout(15_000)
    phone = context.new_page()
    try:
        sign_in(phone, "MY-NSRC")
        labels = phone.locator('.chart[data-chart="line"] .chart__tick').evaluate_all(
            """ticks => ticks.filter(t => getComputedStyle(t).display !== "none")
                .map(t => { const r = t.getBoundingClientRect();
                            return {text: t.textContent, left: r.left, right: r.right,
                                    top: r.top, height: r.height}; })"""
        )
        months = sorted((t for t in labels if "-" in t["text"]), key=lambda t: t["left"])
        assert len(months) >= 4 and all(t["height"] >= 12 for t in labels), labels
        assert all(a["right"] < b["left"] for a, b in zip(months, months[1:], strict=False))
    finally:
        context.close()


def test_pages_fit_an_800px_window(chromium: Any, demo: dict[str, Any]) -> None:
    """A laptop at 150% zoom or half a screen: no clipped total, cut table or overlapping box."""
    context = chromium.new_context(viewport={"width": 800, "height": 900}, base_url=demo["url"])
    context.set_default_timeout(15_000)
    tab = context.new_page()
    try:
        sign_in(tab, "MY-NSRC")
        # Four totals in a row ran "USD 1,234,5…" under the next card; the scam-type table
        # beside its chart hid its loss column at the right of its scroll box.
        clipped = tab.locator(".stat__value").evaluate_all(
            """vs => vs.filter(v => v.getBoundingClientRect().right
                                    > v.closest('.stat').getBoundingClientRect().right)
                       .map(v => v.textContent)"""
        )
        assert clipped == []
        cut = tab.locator(".table-scroll").evaluate_all(
            """ss => ss.filter(s => s.scrollWidth > s.clientWidth + 1)
                       .map(s => s.innerText.slice(0, 200))"""
        )
        assert cut == []
        tab.goto("/check")
        # The kind list kept a 12em minimum in a narrower column and covered the country's label.
        boxes = [tab.locator(f"#{name}").bounding_box() for name in ("value", "kind", "country")]
        assert boxes[1]["x"] + boxes[1]["width"] <= boxes[2]["x"]
        assert len({round(b["y"]) for b in boxes}) == 1, boxes  # one line of boxes
        # The kind list's default read "Detect automa" and the country "Brunei Darussa".
        cut_choices = tab.evaluate(
            """() => [['kind', 'Detect automatically'], ['country', 'Brunei Darussalam']]
               .filter(([id, text]) => {
                 const box = document.getElementById(id), style = getComputedStyle(box);
                 const pen = document.createElement('canvas').getContext('2d');
                 pen.font = style.font;
                 const room = box.clientWidth - parseFloat(style.paddingLeft)
                              - parseFloat(style.paddingRight) - 20;  // the arrow
                 return pen.measureText(text).width > room;
               }).map(([id, text]) => text)"""
        )
        assert cut_choices == []
        # A rejected row's column, one word, broke as "loss_curre" / "ncy" in its 6em cell.
        tab.goto("/upload")
        upload(tab, REPORTS_CSV.replace("MYR", "RM"))
        expect(tab.get_by_text("Nothing was saved")).to_be_visible()
        names = tab.locator(".row-errors td.cell-code code")
        expect(names.first).to_have_text("loss_currency")
        broken = names.evaluate_all(
            "cs => cs.filter(c => c.getClientRects().length > 1).map(c => c.textContent)"
        )
        assert broken == []
    finally:
        context.close()
