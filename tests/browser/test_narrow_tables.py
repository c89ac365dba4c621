"""A 1024 px window (a laptop, a half screen): the lists analysts read all day show every
column, none cut off at the side of its box. At 800 px (a tablet, a split screen) they fit too,
leaving out the columns said elsewhere; on a phone a checked list's answers stack instead."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from counterscam.check.alerts import raise_alerts
from counterscam.db.engine import session_scope
from counterscam.db.models import Report
from tests.browser.conftest import fresh_database, window
from tests.browser.server import serving
from tests.browser.test_cluster_network import build_region
from tests.browser.test_journeys import sign_in

CUT = """ss => ss.filter(s => s.scrollWidth > s.clientWidth + 1)
                .map(s => [s.scrollWidth - s.clientWidth, s.innerText.slice(0, 80)])"""


def test_lists_fit_a_1024px_window(chromium: Any, demo: dict[str, Any]) -> None:
    with window(chromium, demo["url"], 1024) as tab:
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


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The demo region with a syndicate clustered across countries and its alerts raised."""
    with fresh_database(tmp_path_factory, "narrow") as engine:
        key = build_region(engine, reports=200)
        with session_scope(engine) as session:
            raise_alerts(session, list(session.scalars(select(Report.id))))
        with serving(engine) as base_url:
            yield {"url": base_url, "key": key}


@pytest.mark.parametrize("width", [800, 1024, 1280])
def test_no_table_scrolls_sideways_at_800px_and_up(
    chromium: Any, linked_site: dict[str, Any], width: int
) -> None:
    paths = (
        "/",
        "/reports",
        "/reports?sort=-loss_usd",
        "/alerts?show=all",
        "/clusters",
        f"/clusters/{linked_site['key']}",
        "/stop-list",
    )
    with window(chromium, linked_site["url"], width) as tab:
        # A member's analyst, then the secretariat with the widest marks (TLP:AMBER+STRICT).
        for agency in ("MY-NSRC", "ASEANAPOL"):
            sign_in(tab, agency)
            for path in paths:
                tab.goto(path)
                # At 800 px the reports list ran 136-224 px past its box, the alert inbox
                # 46-71 px and the cluster list 132 px: their last columns were out of sight.
                assert tab.locator(".table-scroll").evaluate_all(CUT) == [], (agency, path)
            tab.context.clear_cookies()
        # Below 1024 px the reports list leaves out its country, channel and local-currency
        # loss (the agency, the report's page and the USD loss say them); wider, it shows all.
        tab.goto("/")
        sign_in(tab, "MY-NSRC")
        tab.goto("/reports")
        shown = tab.locator("table thead th").evaluate_all(
            "ths => ths.filter(th => th.getClientRects().length).map(th => th.textContent.trim())"
        )
        wide = {"Country", "Channel", "Loss"}
        assert (wide & set(shown)) == (set() if width < 1024 else wide), shown


# Hits held by several agencies, values with no hit and values that are not valid, one long.
CHECKED_LIST = """bank_account,MY:MBBE:514000000001
bank_account,MY:MBBE:514000000026
phone,012-345 6789
+65 9000 0000
url,https://no-such-shop.example/path/to/a/long/page?ref=1234567890
phone,+60 12
phone,+60-1234-5678-9012-3456-7890-1234-5678-9012
0xZZZZ
"""
ANSWERS_AT_800 = {
    "Line",
    "Answer",
    "Value as written",
    "Reports you may see",
    "Countries",
    "Held by other agencies",
}


# Each answer cell a phone shows: its column's heading, the label drawn before it, its text.
LABELLED = """rows => rows.map(tr => [...tr.cells]
    .filter(td => td.getClientRects().length)
    .map(td => [tr.closest("table").tHead.rows[0].cells[td.cellIndex].textContent.trim(),
                getComputedStyle(td, "::before").content, td.innerText.trim()]))"""


@pytest.mark.parametrize("width", [390, 800, 1024, 1280])
def test_a_checked_list_fits_a_phone_and_800px_and_up(
    chromium: Any, linked_site: dict[str, Any], width: int
) -> None:
    with window(chromium, linked_site["url"], width) as tab:
        # A member, then a partner: it sees fewest reports and the most holders beside them.
        for agency in ("MY-NSRC", "AU-AFP"):
            sign_in(tab, agency)
            tab.goto("/check/bulk")
            tab.get_by_label("Values, one a line").fill(CHECKED_LIST)
            tab.get_by_label("Country (optional)").select_option("MY")
            tab.get_by_role("button", name="Check the list").click()
            rows = tab.locator("#answers tbody tr")
            expect(rows).to_have_count(8)
            # The answers ran some 400 px past their box at 800 px and 200-300 at 1024 and 1280.
            assert tab.locator(".table-scroll").evaluate_all(CUT) == [], (agency, width)
            shown = tab.locator("#answers thead th").evaluate_all(
                "ths => ths.filter(th => th.getClientRects().length)"
                ".map(th => th.textContent.trim())"
            )
            assert len(shown) == (6 if width < 1024 else 11), shown
            assert ANSWERS_AT_800 <= set(shown), shown
            # Why a value is not valid stays in sight, inside the box, at every width.
            box = tab.locator(".table-scroll").bounding_box()
            reasons = tab.locator(".answer-row--invalid .answer__reason")
            expect(reasons).to_have_count(3)
            for i in range(3):
                expect(reasons.nth(i)).to_be_visible()
                reason = reasons.nth(i).bounding_box()
                assert reason["x"] + reason["width"] <= box["x"] + box["width"] + 1, (agency, i)
            if width < 640:
                # On a phone each answer stacks its cells, each after its column's name: as a
                # table the answers ran over 160 px past their box, the answer itself in sight but
                # the reports and holders beside it out of reach.
                for i, cells in enumerate(rows.evaluate_all(LABELLED)):
                    headings = [heading for heading, _, _ in cells]
                    assert {"Answer", "Value as written"} <= set(headings), (agency, i, cells)
                    for heading, label, text in cells:
                        assert label == f'"{heading}"' and text, (agency, i, cells)
                for i in range(8):
                    for part in (".answer", ".answer-value"):
                        shown_part = rows.nth(i).locator(part).first
                        expect(shown_part).to_be_visible()
                        edge = shown_part.bounding_box()
                        assert edge["x"] + edge["width"] <= box["x"] + box["width"] + 1, (i, part)
                page_width = tab.evaluate("document.documentElement.scrollWidth")
                assert page_width <= width, (agency, page_width)
                # Above the answers the headings still sort them: by line, then the last first.
                line = tab.locator("#answers thead").get_by_role("button", name="Line")
                line.click()
                expect(rows.first.locator("td").first).to_have_text("1")
                line.click()
                expect(rows.first.locator("td").first).to_have_text("8")
                line.click()
            # The value links to its own check, which gives what the narrow table leaves out,
            # and opens at the answer: on a phone it lay out of sight below the form.
            tab.locator(".answer-row--hit").first.get_by_role(
                "link", name="MY:MBBE:514000000001"
            ).click()
            expect(tab).to_have_url(
                re.compile(r"/check\?kind=bank_account&value=MY%3AMBBE%3A5140+1#verdict$")
            )
            expect(tab.locator("#verdict")).to_be_in_viewport()
            expect(tab.get_by_text("First seen", exact=True)).to_be_visible()
            tab.context.clear_cookies()


def test_a_long_reference_wraps_in_the_list_and_on_its_page(
    chromium: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # An agency writes its references as it likes: 100 characters ran the reports list 1,785 px
    # wide inside its box and the report page to 2,194 px at a 1280 px window.
    with fresh_database(tmp_path_factory, "long-ref") as engine:
        build_region(engine, reports=20)
        with session_scope(engine) as session:
            report = session.scalars(select(Report).where(Report.country == "MY")).first()
            assert report is not None
            report.external_ref = "MY-" + "REFERENCE" * 11
            report_id = report.id
        with serving(engine) as base_url:
            for width in (800, 1280):
                with window(chromium, base_url, width) as tab:
                    sign_in(tab, "MY-NSRC")
                    tab.goto("/reports")
                    expect(tab.get_by_text("REFERENCEREFERENCE", exact=False).first).to_be_visible()
                    assert tab.locator(".table-scroll").evaluate_all(CUT) == [], width
                    tab.goto(f"/reports/{report_id}")
                    wide = tab.evaluate("document.documentElement.scrollWidth")
                    assert wide <= width, f"the report page is {wide}px wide at {width}px"
