"""The pages without JavaScript (blocked by policy, or failed to load): no control that does
nothing. Sorting a table's columns and the network's drawing need the script, so the script
makes their controls; without it a heading is a heading and the network page offers its table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import window
from tests.browser.test_accessibility import site  # noqa: F401
from tests.browser.test_journeys import sign_in


@pytest.fixture
def scriptless(chromium: Any, site: dict[str, Any]) -> Iterator[Any]:  # noqa: F811
    """A member's analyst at 1280 px in a browser running no script."""
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, base_url=site["url"], java_script_enabled=False
    )
    context.set_default_timeout(15_000)
    try:
        tab = context.new_page()
        sign_in(tab, "MY-NSRC")
        yield tab
    finally:
        context.close()


def test_without_script_no_table_heading_is_a_button_that_does_nothing(
    scriptless: Any,
    site: dict[str, Any],  # noqa: F811
) -> None:
    # Every heading of the dashboard's tables was a button marked "↕" that sorted nothing.
    for path in ("/", f"/clusters/{site['key']}/network/table"):
        scriptless.goto(path)
        assert scriptless.locator("table thead th").count() > 3, path
        assert scriptless.locator("thead button").count() == 0, path
    scriptless.goto("/")
    expect(scriptless.get_by_role("columnheader", name="Country").first).to_be_visible()


def test_without_script_the_network_page_offers_its_table_not_dead_buttons(
    scriptless: Any,
    site: dict[str, Any],  # noqa: F811
) -> None:
    # "+ Zoom in", "− Zoom out" and "Fit to view" did nothing, above an empty canvas.
    scriptless.goto(f"/clusters/{site['key']}/network")
    for name in ("Zoom in", "Zoom out", "Fit to view"):
        expect(scriptless.get_by_role("button", name=name)).to_have_count(0)
    notice = scriptless.locator(".notice", has_text="The drawing needs JavaScript")
    expect(notice).to_be_visible()
    notice.get_by_role("link", name="View the network as a table").click()
    expect(scriptless.get_by_role("heading", name=re.compile("as a table$"))).to_be_visible()


def test_with_script_the_headings_sort_and_the_network_draws(
    chromium: Any,
    site: dict[str, Any],  # noqa: F811
) -> None:
    with window(chromium, site["url"], 1280) as tab:
        sign_in(tab, "MY-NSRC")
        table = tab.get_by_role("table", name="By reporting country")
        heading = table.get_by_role("columnheader", name="Country")
        expect(heading).to_have_attribute("aria-sort", "none")
        heading.get_by_role("button", name="Country").click()
        expect(heading).to_have_attribute("aria-sort", "ascending")
        names = table.locator("tbody td:first-child").all_inner_texts()
        assert names == sorted(names), names

        tab.goto(f"/clusters/{site['key']}/network")
        network = tab.locator("[data-network]")
        expect(network).to_have_class(re.compile(r"\bis-ready\b"), timeout=60_000)
        expect(tab.get_by_role("button", name="Zoom in")).to_be_visible()
