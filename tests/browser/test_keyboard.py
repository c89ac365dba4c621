"""The pages with the keyboard alone: a skip link first, every stop shown by a focus ring that
reads well, stops in the order of the page, no trap (the network's drawing included)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import window
from tests.browser.test_accessibility import drawn_colours, pages, site  # noqa: F401
from tests.browser.test_cluster_network import _a_report_label
from tests.browser.test_journeys import sign_in

# How an element looks: what a focus ring changes (outline, shadow, background, colour).
_LOOK = """const look = e => { const s = getComputedStyle(e);
  return [s.outlineStyle === 'none' ? 'none' : s.outlineStyle + s.outlineWidth + s.outlineColor,
          s.boxShadow, s.backgroundColor, s.color].join('|'); };"""
# Every element's look before anything has focus (blurring one to compare reset a date box to
# its first part, and Tab then went round inside it).
UNFOCUSED = (
    "() => {"
    + _LOOK
    + """ window.unfocused = new WeakMap();
  document.querySelectorAll('*').forEach(e => window.unfocused.set(e, look(e))); }"""
)
# The focused element: where it is, whether it looks otherwise than unfocused.
FOCUSED = (
    "() => {"
    + _LOOK
    + """ const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  const name = e.innerText || e.value || e.getAttribute('aria-label') || e.id || e.tagName;
  return { name: name.trim().slice(0, 40),
           ring: look(e) !== window.unfocused.get(e),
           shown: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
           region: e.closest('main') ? 1 : e.closest('footer') ? 2 : 0,
           top: Math.round(r.top + scrollY) }; }"""
)


def walk(page: Any, limit: int = 300) -> tuple[list[dict[str, Any]], bool]:
    """Press Tab from the top of the page; return its stops and whether focus came round to
    the first stop again (or left the page) within ``limit`` stops: no keyboard trap."""
    page.evaluate("() => { window.scrollTo(0, 0); document.activeElement.blur(); }")
    page.evaluate(UNFOCUSED)
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None or (stops and stop == stops[0]):
            return stops, True
        stops.append(stop)
    return stops, False


@pytest.fixture
def analyst(chromium: Any, site: dict[str, Any]) -> Iterator[Any]:  # noqa: F811
    """A member's analyst at 1280 px."""
    with window(chromium, site["url"], 1280) as tab:
        sign_in(tab, "MY-NSRC")
        yield tab


def test_the_skip_link_comes_first_and_leads_into_the_content(analyst: Any) -> None:
    analyst.goto("/reports")
    analyst.keyboard.press("Tab")
    skip = analyst.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    analyst.keyboard.press("Enter")
    analyst.keyboard.press("Tab")
    assert analyst.evaluate("!!document.activeElement.closest('main')")


def test_every_stop_shows_its_focus_in_the_order_of_the_page(
    analyst: Any,
    site: dict[str, Any],  # noqa: F811
) -> None:
    for path in pages(site):
        analyst.goto(path)
        stops, round_ = walk(analyst)
        assert stops and round_, path
        assert [s for s in stops if not (s["ring"] and s["shown"])] == [], path
        # Header, then the page's content, then the footer: never back up the page.
        pairs = zip(stops, stops[1:], strict=False)
        back = [(a["name"], b["name"]) for a, b in pairs if b["region"] < a["region"]]
        assert back == [], path


def test_links_under_the_pointer_show_the_focus_yellow_too(analyst: Any) -> None:
    """With the pointer resting on it (or once visited, which the browser hides from tests),
    the brand link turned white on the focus yellow (1.3:1) and a secondary button ("Check an
    identifier") stayed grey when focused."""
    analyst.goto("/")
    brand = analyst.locator(".site-header__brand")
    brand.hover()
    brand.focus()
    assert drawn_colours(analyst, brand)["contrast"] >= 4.5
    button = analyst.get_by_role("link", name="Check an identifier")
    button.hover()
    button.focus()
    assert drawn_colours(analyst, button)["background"] == [255, 221, 0]


def test_the_network_view_works_from_the_keyboard_and_lets_focus_go(
    analyst: Any,
    site: dict[str, Any],  # noqa: F811
) -> None:
    analyst.goto(f"/clusters/{site['key']}/network")
    network = analyst.locator("[data-network]")
    expect(network).to_have_class(re.compile(r"\bis-ready\b"), timeout=60_000)
    analyst.get_by_label("Show labels").focus()
    analyst.keyboard.press("Tab")
    canvas = analyst.locator("canvas")
    expect(canvas).to_be_focused()
    assert canvas.evaluate("c => getComputedStyle(c).outlineStyle") == "solid"
    expect(canvas).to_have_accessible_description(re.compile("arrow keys"))

    analyst.keyboard.press("+")
    expect(network).to_have_attribute("data-scale", "1.500")
    where = f"window.counterscamNetwork.screenOf({_a_report_label(analyst)!r})"
    before = analyst.evaluate(where)
    scrolled = analyst.evaluate("window.scrollY")
    analyst.keyboard.press("ArrowDown")
    analyst.wait_for_function(f"{where}.y < {before['y']}")
    assert analyst.evaluate("window.scrollY") == scrolled  # the drawing moved, not the page
    analyst.keyboard.press("0")
    expect(network).to_have_attribute("data-scale", "1.000")

    # Tab leaves the drawing for the next link, and Shift+Tab comes back to it.
    analyst.keyboard.press("Tab")
    assert analyst.evaluate("document.activeElement.tagName") == "A"
    analyst.keyboard.press("Shift+Tab")
    expect(canvas).to_be_focused()


def test_the_network_toolbar_is_one_tab_stop_its_arrows_move_between_its_controls(
    analyst: Any,
    site: dict[str, Any],  # noqa: F811
) -> None:
    """The toolbar said it was one ("toolbar" to a screen reader, which then tells to use the
    arrow keys) but the arrows did nothing and Tab stopped at each of its four controls."""
    analyst.goto(f"/clusters/{site['key']}/network")
    network = analyst.locator("[data-network]")
    expect(network).to_have_class(re.compile(r"\bis-ready\b"), timeout=60_000)
    toolbar = analyst.get_by_role("toolbar", name="Network view controls")
    zoom_in, zoom_out = (analyst.get_by_role("button", name=n) for n in ("Zoom in", "Zoom out"))
    fit, labels = (
        analyst.get_by_role("button", name="Fit to view"),
        analyst.get_by_label("Show labels"),
    )
    canvas = analyst.locator("canvas")

    # Tab reaches the first control, and the next Tab leaves the toolbar for the drawing.
    stops, _ = walk(analyst)
    inside = [s["name"] for s in stops if s["name"] in ("+ Zoom in", "− Zoom out", "Fit to view")]
    assert inside == ["+ Zoom in"], [s["name"] for s in stops]
    zoom_in.focus()
    analyst.keyboard.press("Tab")
    expect(canvas).to_be_focused()
    analyst.keyboard.press("Shift+Tab")
    expect(zoom_in).to_be_focused()

    for key, then in (
        ("ArrowRight", zoom_out),
        ("ArrowRight", fit),
        ("ArrowRight", labels),
        ("ArrowRight", zoom_in),  # round from the last to the first
        ("ArrowLeft", labels),
        ("Home", zoom_in),
        ("End", labels),
        ("ArrowLeft", fit),
    ):
        analyst.keyboard.press(key)
        expect(then).to_be_focused()
    assert toolbar.evaluate("t => t.contains(document.activeElement)")

    # The controls still work from the keyboard, and Tab comes back to the one last used.
    analyst.keyboard.press("ArrowLeft")
    analyst.keyboard.press("Enter")
    expect(network).to_have_attribute("data-scale", "0.667")
    analyst.keyboard.press("End")
    analyst.keyboard.press("Space")
    expect(labels).to_be_checked()
    analyst.keyboard.press("Tab")
    expect(canvas).to_be_focused()
    analyst.keyboard.press("Shift+Tab")
    expect(labels).to_be_focused()


def test_the_network_nodes_are_reached_shown_and_opened_from_the_keyboard(
    analyst: Any,
    site: dict[str, Any],  # noqa: F811
) -> None:
    """Only a pointer could reach a node: the keyboard moved and zoomed the drawing, but could
    neither point at a node for its details nor open a report."""
    analyst.goto(f"/clusters/{site['key']}/network")
    network = analyst.locator("[data-network]")
    expect(network).to_have_class(re.compile(r"\bis-ready\b"), timeout=60_000)
    canvas = analyst.locator("canvas")
    canvas.focus()
    expect(canvas).to_have_accessible_description(re.compile("N and P"))
    tooltip = analyst.locator("[data-tooltip]")

    analyst.keyboard.press("n")  # the most connected node first
    first = analyst.evaluate("window.counterscamNetwork.picked()")
    assert first is not None and first["type"] != "report", first
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(first["label"])
    expect(tooltip).to_contain_text(re.compile(r"Node 1 of [\d,]+ \(N next, P previous\)"))
    # Its ring is drawn in the focus yellow, around the node.
    yellow = analyst.evaluate(
        """([x, y]) => { const c = document.querySelector('canvas');
        const k = c.width / c.getBoundingClientRect().width;
        const d = c.getContext('2d').getImageData((x - 24) * k, (y - 24) * k, 48 * k, 48 * k).data;
        let n = 0; for (let i = 0; i < d.length; i += 4) {
          if (d[i] > 240 && d[i + 1] > 200 && d[i + 1] < 235 && d[i + 2] < 30) n++; }
        return n; }""",
        [first["x"], first["y"]],
    )
    assert yellow > 20, yellow
    analyst.keyboard.press("n")
    analyst.keyboard.press("p")
    assert analyst.evaluate("window.counterscamNetwork.picked().label") == first["label"]

    # Back from the first goes round to the least connected; step on to a report and open it.
    for _ in range(60):
        analyst.keyboard.press("p")
        now = analyst.evaluate("window.counterscamNetwork.picked()")
        if now["type"] == "report":
            break
    assert now["type"] == "report", now
    assert 0 <= now["x"] <= canvas.bounding_box()["width"]  # moved into view when off it
    expect(tooltip).to_contain_text("Press Enter to open the report")
    analyst.keyboard.press("Enter")
    expect(analyst.get_by_role("heading", name=now["label"])).to_be_visible()

    # Escape lets the node go; Tab still leaves the drawing at once.
    analyst.go_back()
    expect(network).to_have_class(re.compile(r"\bis-ready\b"), timeout=60_000)
    canvas.focus()
    analyst.keyboard.press("n")
    analyst.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    assert analyst.evaluate("window.counterscamNetwork.picked()") is None
    analyst.keyboard.press("Tab")
    assert analyst.evaluate("document.activeElement.tagName") == "A"
