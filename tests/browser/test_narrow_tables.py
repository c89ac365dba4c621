"""A 1024 px window (a laptop, a half screen): the lists analysts read all day show every
column, none cut off at the side of its box."""

from __future__ import annotations

from typing import Any

from tests.browser.test_journeys import sign_in

CUT = """ss => ss.filter(s => s.scrollWidth > s.clientWidth + 1)
                .map(s => [s.scrollWidth - s.clientWidth, s.innerText.slice(0, 80)])"""


def test_lists_fit_a_1024px_window(chromium: Any, demo: dict[str, Any]) -> None:
    context = chromium.new_context(viewport={"width": 1024, "height": 900}, base_url=demo["url"])
    context.set_default_timeout(15_000)
    tab = context.new_page()
    try:
        # The secretariat sees the widest marks (TLP:AMBER+STRICT) beside the largest losses.
        sign_in(tab, "ASEANAPOL")
        for path in ("/reports", "/reports?sort=-loss_usd", "/alerts?show=all", "/clusters"):
            tab.goto(path)
            # The reports list cut its Mark column off by 29 px at 1024 px.
            assert tab.locator(".table-scroll").evaluate_all(CUT) == [], path
        # "SG-ASCOM" broke at its hyphen in the cramped Agency column.
        tab.goto("/reports")
        agency = tab.locator("tbody td:nth-child(2)").first
        assert agency.evaluate("td => getComputedStyle(td).whiteSpace") == "nowrap"
    finally:
        context.close()
