"""A phone (390 px): what an analyst reads in a table stays in sight, not past the side of its
box; messages quoting a long value wrap; the trend's month labels keep apart. At 1280 px the
cluster list's counts line up on the right."""

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
from tests.browser.seed import AMBER_REF
from tests.browser.server import serving
from tests.browser.test_cluster_network import build_region
from tests.browser.test_journeys import REPORTS_CSV, sign_in, upload

PHONE = 390
CUT = """ss => ss.filter(s => s.scrollWidth > s.clientWidth + 1)
                .map(s => [s.scrollWidth - s.clientWidth, s.innerText.slice(0, 80)])"""
# Elements of a locator whose right edge is past the phone's screen, or that are not shown.
OUT_OF_SIGHT = f"""els => els.filter(e => !e.getClientRects().length
                                    || e.getBoundingClientRect().right > {PHONE} + 1)
                          .map(e => e.textContent.trim().slice(0, 60))"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The demo region with a syndicate clustered across countries and its alerts raised."""
    with fresh_database(tmp_path_factory, "phone") as engine:
        key = build_region(engine, reports=200)
        with session_scope(engine) as session:
            raise_alerts(session, list(session.scalars(select(Report.id))))
            amber = session.scalar(select(Report.id).where(Report.external_ref == AMBER_REF))
        with serving(engine) as base_url:
            yield {"url": base_url, "key": key, "report": amber}


@pytest.fixture
def phone(chromium: Any, site: dict[str, Any]) -> Iterator[Any]:
    """A member's analyst on a 390 px phone."""
    with window(chromium, site["url"], PHONE) as tab:
        sign_in(tab, "MY-NSRC")
        yield tab


def test_the_tables_of_every_page_stay_inside_a_phone(phone: Any, site: dict[str, Any]) -> None:
    paths = (
        "/",
        "/reports",
        "/alerts",
        "/alerts?show=all",
        "/clusters",
        f"/clusters/{site['key']}",
        f"/reports/{site['report']}",
        "/stop-list",
    )
    for path in paths:
        phone.goto(path)
        # Losses by scam type lost their last digits (14 px), the alert inbox, the reports and
        # cluster lists ran 250-330 px past their boxes: marks, losses and "Mark as read" out
        # of sight; a cluster's identifiers, compounds and persons 9-151 px.
        assert phone.locator(".table-scroll").evaluate_all(CUT) == [], path
        wide = phone.evaluate("document.documentElement.scrollWidth")
        assert wide <= PHONE, (path, wide)
    # Each report of the list is a block: its mark and its loss in USD in sight.
    phone.goto("/reports")
    first = phone.locator("#sort tbody tr").first
    assert first.locator(".tlp, td.num:not(.col-wide-only)").evaluate_all(OUT_OF_SIGHT) == []
    expect(first.locator("td.num:not(.col-wide-only)")).to_have_attribute(
        "data-label", "Loss (USD)"
    )
    # The inbox's button to mark an alert read is on the screen, each cell after its name.
    phone.goto("/alerts")
    alert = phone.locator("tbody tr.is-unread").first
    assert alert.get_by_role("button", name="Mark as read").evaluate_all(OUT_OF_SIGHT) == []
    label = alert.locator("td").nth(3).evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Also reported by"'
    # A report's identifiers: the link to check one in the region was cut off by 82 px.
    phone.goto(f"/reports/{site['report']}")
    check = phone.get_by_role("link", name="Check in the region")
    assert check.evaluate_all(OUT_OF_SIGHT) == []


def test_a_hit_shows_its_reports_marks_on_a_phone(phone: Any) -> None:
    phone.goto("/check")
    phone.get_by_label("Number, account, wallet, website or address").fill("012-345 6789")
    phone.get_by_label("Country (optional)").select_option("MY")
    phone.get_by_role("button", name="Check", exact=True).click()
    expect(phone.locator(".verdict--hit")).to_be_visible()
    # The matching reports' marks sat past the side of their box, 316 px away.
    marks = phone.locator(".table .tlp")
    expect(marks.first).to_be_visible()
    assert marks.evaluate_all(OUT_OF_SIGHT) == []
    assert phone.locator(".table-scroll").evaluate_all(CUT) == []


def test_an_upload_shows_why_a_row_was_rejected_on_a_phone(phone: Any) -> None:
    phone.goto("/upload")
    upload(phone, REPORTS_CSV)
    expect(phone.get_by_text("Nothing was saved")).to_be_visible()
    # The reason was 300 px off to the right, beside an empty white box.
    reason = phone.locator(".row-errors tbody td").last
    expect(reason).to_contain_text("is not a scam type")
    assert reason.evaluate_all(OUT_OF_SIGHT) == []
    assert phone.locator(".table-scroll").evaluate_all(CUT) == []


def test_a_message_quoting_a_long_value_wraps_on_a_phone(phone: Any) -> None:
    phone.goto("/check")
    phone.get_by_label("Number, account, wallet, website or address").fill("0xZZZZ")
    phone.get_by_label("Kind").select_option("crypto_wallet")
    phone.get_by_role("button", name="Check", exact=True).click()
    summary = phone.locator(".error-summary")
    # Its example address (34 letters, one run) ran the page 65 px past the screen.
    expect(summary).to_contain_text("has no wallet address in it")
    wide = phone.evaluate("document.documentElement.scrollWidth")
    assert wide <= PHONE, wide
    assert phone.locator(".error-summary a, .field-error").evaluate_all(OUT_OF_SIGHT) == []


def test_the_trend_labels_of_two_years_keep_apart_on_a_phone(phone: Any) -> None:
    # Two years of months: six labels ran into one another ("2024-072024-11").
    labels = phone.locator('.chart[data-chart="line"] .chart__tick').evaluate_all(
        """ticks => ticks.filter(t => getComputedStyle(t).display !== "none")
            .map(t => { const r = t.getBoundingClientRect();
                        return {text: t.textContent, left: r.left, right: r.right}; })"""
    )
    months = sorted((t for t in labels if "-" in t["text"]), key=lambda t: t["left"])
    assert len(months) >= 3, months
    assert months[-1]["text"] == "2026-03" and months[-1]["right"] <= PHONE, months
    gaps = [b["left"] - a["right"] for a, b in zip(months, months[1:], strict=False)]
    assert min(gaps) >= 12, (gaps, months)


def test_the_cluster_list_right_aligns_the_reports_held_by_others(
    chromium: Any, site: dict[str, Any]
) -> None:
    with window(chromium, site["url"], 1280) as tab:
        sign_in(tab, "MY-NSRC")
        tab.goto("/clusters")
        heading = tab.locator("thead th", has_text="Held by others")
        column = heading.evaluate("th => th.cellIndex") + 1
        held = tab.locator(f"tbody tr:first-child td:nth-child({column})")
        expect(held).to_have_text(re.compile(r"^\+\d+$"))
        # "+35" stood at the left of its column, beside the right-aligned counts.
        for cell in (held, heading):
            assert cell.evaluate("c => getComputedStyle(c).textAlign") == "right"


# Stacked cells whose name is wider than the names' column: each must take more than one line
# (the name wraps in its column) rather than run on into the value beside it.
RUN_ON = """tds => { const c = document.createElement('canvas').getContext('2d');
  return tds.filter(td => td.getClientRects().length).flatMap(td => {
    const s = getComputedStyle(td, '::before');
    c.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const wide = c.measureText(td.dataset.label).width > parseFloat(s.width) + 0.5;
    const lines = (td.clientHeight - 4) / parseFloat(s.lineHeight);
    return wide && lines < 1.9 ? [td.dataset.label + ': ' + td.textContent.trim()] : []; }); }"""


def test_no_column_name_runs_into_its_value_on_a_phone(phone: Any) -> None:
    # The alerts' agency codes stay whole on their line, and so, inheriting it, did the name
    # before them: "Also reported by" ran 20 px over the code ("Also reported byVN-MPS").
    for path in ("/", "/alerts?show=all"):
        phone.goto(path)
        cells = phone.locator("td[data-label='Also reported by']")
        expect(cells.first).to_be_visible()
        assert phone.locator("td[data-label]").evaluate_all(RUN_ON) == [], path


def test_a_table_of_hundred_million_losses_fits_a_phone(phone: Any) -> None:
    # The demo region's losses by scam type (a total of USD 118,556,456.87) ran 5 px past
    # their box: the last column's gap, with nothing after it, made the table scroll sideways.
    phone.goto("/")
    table = phone.get_by_role("table", name="By scam type")
    table.evaluate(
        """t => t.querySelectorAll('tbody td.num:last-child, tfoot td:last-child')
                 .forEach(c => { c.textContent = '118,556,456.87'; })"""
    )
    assert phone.locator(".table-scroll", has=table).evaluate_all(CUT) == []
