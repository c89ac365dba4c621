"""What an accessibility reviewer checks on every page, measured in a real browser.

Headings, landmarks, language and titles; text contrast computed from the styles the browser
applied; errors announced, focused and tied to their boxes; charts that say their figures; and
pages that stay usable on a 360 px phone and at 200% zoom (a 640 px wide window).
"""

from __future__ import annotations

import base64
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
from tests.browser.test_journeys import sign_in

# A row that fails validation (a date that is none), for an upload's row errors.
BAD_CSV = (
    "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,mark\n"
    "MY-A11Y-1,2026-03-10,investment,whatsapp,5000,MYR,amber\n"
    "MY-A11Y-2,not-a-date,investment,telegram,12000,MYR,amber\n"
)

# WCAG's relative luminance and contrast ratio, in the page, for any "rgb(...)" colour.
_COLOUR_JS = """
const parse = c => {
  const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
  const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
const lum = ([r, g, b]) => {
  const f = v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
const ratio = (a, b) => {
  const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
"""

# Every run of visible text whose colour, over the background it is painted on, is under
# 4.5:1 (3:1 for large text): "ratio <tag.class> colour "text"".
LOW_CONTRAST = (
    "() => {"
    + _COLOUR_JS
    + """
  const background = e => {
    const layers = [];
    for (let n = e; n; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.backgroundImage !== 'none') return null;
      const c = parse(s.backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let base = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) {
      base = [r * a + base[0] * (1 - a), g * a + base[1] * (1 - a), b * a + base[2] * (1 - a)];
    }
    return base; };
  const low = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const e = walker.currentNode.parentElement;
    const text = walker.currentNode.textContent.trim();
    if (!text || !e || !e.getClientRects().length) continue;
    if (e.closest('.visually-hidden, svg, option, noscript')) continue;
    const s = getComputedStyle(e); if (s.visibility === 'hidden') continue;
    const bg = background(e); const fg = parse(s.color); if (!bg || !fg) continue;
    const shown = [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
    const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const r = ratio(shown, bg);
    const tag = `<${e.tagName.toLowerCase()}.${e.className}>`;
    if (r < need) low.add(`${r.toFixed(2)} ${tag} ${s.color} "${text.slice(0, 30)}"`);
  }
  return [...low]; }"""
)

# Headings, landmarks and language of the page, as a screen reader's lists of them show.
OUTLINE = """() => {
  const hs = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => !h.closest('.error-summary'));
  const skips = []; let prev = 0;
  for (const h of hs) {
    const level = Number(h.tagName[1]);
    if (level > prev + 1) skips.push(`h${level} after h${prev}: ${h.textContent.trim()}`);
    prev = level;
  }
  return { lang: document.documentElement.lang, h1: document.querySelectorAll('h1').length, skips,
           landmarks: ['header', 'nav', 'main'].filter(t => document.querySelector(t)),
           title: document.title };
}"""

# The contrast of what is drawn in a screenshot, read back through a canvas: the background
# is the commonest colour, the text the colour farthest from it. Styles of visited links are
# hidden from getComputedStyle, so only the pixels tell what a focused link shows.
DRAWN_CONTRAST = (
    "async (png) => {"
    + _COLOUR_JS
    + """
  const img = new Image(); img.src = 'data:image/png;base64,' + png; await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext('2d'); ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, img.width, img.height).data; const counts = new Map();
  for (let i = 0; i < d.length; i += 4) {
    const k = d[i] + ',' + d[i + 1] + ',' + d[i + 2]; counts.set(k, (counts.get(k) || 0) + 1);
  }
  const bg = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
  let best = 1;
  for (const k of counts.keys()) best = Math.max(best, ratio(k.split(',').map(Number), bg));
  return { background: bg, contrast: best }; }"""
)


def drawn_colours(page: Any, locator: Any) -> dict[str, Any]:
    """Return an element's background as drawn on screen and the contrast of its text over it."""
    box = locator.bounding_box()
    assert box, "the element is not on screen"
    inner = {"x": box["x"] + 2, "y": box["y"] + 2, "width": box["width"] - 4}
    png = page.screenshot(clip={**inner, "height": box["height"] - 4})
    return dict(page.evaluate(DRAWN_CONTRAST, base64.b64encode(png).decode()))


def described(page: Any, selector: str) -> str:
    """Return the description Chromium gives screen readers of the element ``selector`` finds.

    Playwright's own computation ignores an SVG's <desc>, which Chromium reads.
    """
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"nothing matches {selector}"
        ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
        return str(ax["nodes"][0].get("description", {}).get("value", ""))
    finally:
        cdp.detach()


def names(page: Any, role: str) -> list[str]:
    """Return the names Chromium gives screen readers of the page's elements of ``role``."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    return [
        str(n.get("name", {}).get("value", ""))
        for n in nodes
        if n.get("role", {}).get("value") == role and not n.get("ignored")
    ]


def low_contrast(page: Any) -> list[str]:
    """Return the text of the page under WCAG AA contrast."""
    return list(page.evaluate(LOW_CONTRAST))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The demo region with a clustered syndicate and its alerts raised."""
    with fresh_database(tmp_path_factory, "a11y") as engine:
        key = build_region(engine, reports=120)
        with session_scope(engine) as session:
            raise_alerts(session, list(session.scalars(select(Report.id))))
            amber = session.scalar(select(Report.id).where(Report.external_ref == AMBER_REF))
        with serving(engine) as base_url:
            yield {"url": base_url, "key": key, "report": amber}


def pages(site: dict[str, Any]) -> list[str]:
    """Every signed-in page an analyst opens, an error page among them."""
    key = site["key"]
    return [
        "/",
        "/check",
        "/check?kind=phone&value=%2B60123456789",
        "/check/bulk",
        "/reports/new",
        "/upload",
        f"/reports/{site['report']}",
        "/reports",
        "/alerts?show=all",
        "/clusters",
        f"/clusters/{key}",
        f"/clusters/{key}/network",
        f"/clusters/{key}/network/table",
        "/stop-list",
        "/reports/999999999",
    ]


@pytest.fixture
def analyst(chromium: Any, site: dict[str, Any]) -> Iterator[Any]:
    """A member's analyst at 1280 px."""
    with window(chromium, site["url"], 1280) as tab:
        sign_in(tab, "MY-NSRC")
        yield tab


def test_every_page_has_one_h1_headings_in_order_landmarks_and_its_own_title(
    analyst: Any, site: dict[str, Any]
) -> None:
    """A screen reader's list of headings skipped from the h1 to an h3 on the reports and
    cluster lists (their table's caption)."""
    titles: dict[str, str] = {}
    for path in pages(site):
        analyst.goto(path)
        outline = analyst.evaluate(OUTLINE)
        assert outline["lang"] == "en", path
        assert outline["h1"] == 1, (path, outline["h1"])
        assert outline["skips"] == [], (path, outline["skips"])
        assert outline["landmarks"] == ["header", "nav", "main"], path
        titles[path] = outline["title"]
    same = [p for p in titles if list(titles.values()).count(titles[p]) > 1]
    # A check's answer is the check page with its answer, under the same title.
    assert same == ["/check", "/check?kind=phone&value=%2B60123456789"], titles


def test_text_contrast_is_at_least_aa_on_every_page_and_error(
    analyst: Any, site: dict[str, Any]
) -> None:
    """A field's message, red on the grey page (the sign-in form), stood at 4.3:1."""
    for path in pages(site):
        analyst.goto(path)
        assert low_contrast(analyst) == [], path
    analyst.goto("/upload")
    analyst.get_by_label("Files").set_input_files(
        [{"name": "reports.csv", "mimeType": "text/csv", "buffer": BAD_CSV.encode()}]
    )
    analyst.get_by_role("button", name="Upload and check").click()
    expect(analyst.get_by_text("Nothing was saved")).to_be_visible()
    assert low_contrast(analyst) == []
    analyst.goto("/stop-list")
    analyst.get_by_role("button", name="Add to the stop-list").click()
    expect(analyst.get_by_role("alert")).to_be_visible()
    assert low_contrast(analyst) == []

    with window(analyst.context.browser, site["url"], 1280) as visitor:
        visitor.goto("/sign-in")
        visitor.get_by_role("button", name="Sign in").click()
        expect(visitor.get_by_role("alert")).to_contain_text("Enter your username")
        assert low_contrast(visitor) == []


@pytest.mark.parametrize(
    ("path", "button", "fields"),
    [
        ("/check", "Check", {"value": "Enter the number"}),
        ("/check/bulk", "Check the list", {"values": "Paste the values"}),
        ("/reports/new", "Save report", {"reported_at": "Enter the date", "channel": "Choose"}),
        ("/upload", "Upload and check", {"files": "Choose a CSV"}),
        ("/stop-list", "Add to the stop-list", {"value": "Enter the identifier"}),
    ],
)
def test_a_failed_submit_is_announced_focused_and_tied_to_each_box(
    analyst: Any, path: str, button: str, fields: dict[str, str]
) -> None:
    """The boxes in error said so only by a red border: a screen reader did not say "invalid",
    and the page's title was the same as before sending."""
    analyst.goto(path)
    analyst.get_by_role("button", name=button, exact=True).last.click()
    # The title, said first of the page, and the summary, focused, tell what went wrong.
    expect(analyst).to_have_title(re.compile("^Error: "))
    summary = analyst.get_by_role("alert")
    expect(summary).to_be_focused()
    for field, message in fields.items():
        box = analyst.locator(f"#{field}")
        expect(box).to_have_attribute("aria-invalid", "true")
        expect(box).to_have_accessible_description(re.compile(re.escape(message)))
    # The summary's link takes the keyboard to the box.
    first = next(iter(fields))
    summary.locator(f"a[href='#{first}']").press("Enter")
    expect(analyst).to_have_url(re.compile(f"#{first}$"))
    expect(analyst.locator(f"#{first}")).to_be_focused()


def test_a_list_filter_in_error_is_tied_to_its_box(analyst: Any) -> None:
    """The reports list's message for a country it does not know sat apart from the box."""
    analyst.goto("/reports?country=ZZ")
    box = analyst.get_by_label("Reporting country")
    expect(box).to_have_attribute("aria-invalid", "true")
    message = analyst.locator("#country-error")
    expect(message).to_be_visible()
    expect(box).to_have_accessible_description(message.inner_text().strip())


def test_a_focused_error_link_reads_black_on_yellow(analyst: Any) -> None:
    """Focused, the summary's red links stood at 4:1 on the focus yellow."""
    analyst.goto("/check")
    analyst.get_by_role("button", name="Check", exact=True).click()
    summary = analyst.get_by_role("alert")
    expect(summary).to_be_focused()  # from there Tab goes to its first link
    link = summary.get_by_role("link").first
    analyst.keyboard.press("Tab")
    expect(link).to_be_focused()
    assert drawn_colours(analyst, link)["contrast"] >= 4.5


def test_charts_say_their_figures(analyst: Any) -> None:
    """A chart said its title only ("Reports by reporting country"): its bars said nothing."""
    analyst.goto("/")
    expect(analyst.get_by_role("img", name="Reports by reporting country")).to_be_visible()
    bars = described(analyst, "[aria-labelledby=country-h] figure [role=img]")
    assert re.search(r"(^|; )Malaysia: \d+(;|$)", bars), bars
    trend = described(analyst, "[aria-labelledby=trend-h] figure [role=img]")
    assert re.match(r"\d{4}-\d{2}: \d+; \d{4}-\d{2}: \d+", trend), trend


def test_controls_are_named_by_their_words_not_their_drawn_signs(analyst: Any) -> None:
    """A sort button was read "Loss (USD) up down arrow", a download "downwards arrow to bar
    Download CSV", the dashboard's unread alerts link only "3", and its tables had no name."""
    analyst.goto("/")
    buttons, links = names(analyst, "button"), names(analyst, "link")
    assert "Loss (USD)" in buttons, buttons
    assert "Download CSV of By reporting country" in links, links
    assert any(re.fullmatch(r"\d+ unread alerts?", name) for name in links), links
    signs = [n for n in buttons + links if re.search("[↕▲▼⤓›]", n)]
    assert signs == []
    # A screen reader moving from table to table says which one it is in.
    assert "By reporting country" in names(analyst, "table")
    analyst.goto("/reports?sort=-loss")
    links = names(analyst, "link")
    assert "Loss (USD)" in links and "Next page" in links, links
    assert [n for n in links if re.search("[↕▲▼⤓›‹]", n)] == []


@pytest.mark.parametrize("width", [360, 640])
def test_no_page_scrolls_sideways_on_a_phone_or_at_200_percent_zoom(
    chromium: Any, site: dict[str, Any], width: int
) -> None:
    """A file box kept its own 347 px and ran the upload and bulk check pages past a 360 px
    phone. 640 px is a 1280 px screen zoomed to 200%."""
    with window(chromium, site["url"], width) as tab:
        sign_in(tab, "MY-NSRC")
        wide = []
        for path in pages(site):
            tab.goto(path)
            if tab.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
                wide.append(path)
        assert wide == []
        # Every menu item is still there to use.
        expect(tab.locator(".site-nav a")).to_have_count(8)
        for link in tab.locator(".site-nav a").all():
            expect(link).to_be_in_viewport()


def test_every_table_is_named_by_the_heading_above_it(analyst: Any, site: dict[str, Any]) -> None:
    """The tables written by hand on the check, report and cluster pages had no name: a screen
    reader's list of tables read "table" for each kind of identifier on a cluster page."""
    seen: set[str] = set()
    for path in pages(site):
        analyst.goto(path)
        tables = names(analyst, "table")
        assert "" not in tables, (path, tables)
        seen.update(tables)
    for name in (
        "Matching reports you may see",
        "Identifiers",
        "Suspects, money mules and recruiters",
        "Victims of trafficking",
        "All alerts",
    ):
        assert name in seen, (name, sorted(seen))
    # The cluster's tables of identifiers, one a kind, and the network's table give counts.
    assert any(re.fullmatch(r"Phone number \(\d+\)", n) for n in seen), sorted(seen)
    assert any(re.fullmatch(r"\d+ identifiers", n) for n in seen), sorted(seen)


@pytest.mark.parametrize(
    ("path", "button", "field", "label"),
    [
        ("/reports/new", "Save report", "channel", "Channel"),
        ("/reports/new", "Save report", "reported_at", "Date reported"),
    ],
)
def test_an_error_link_shows_the_label_of_the_box_it_focuses(
    analyst: Any, path: str, button: str, field: str, label: str
) -> None:
    """The browser's jump put the box at the top of the window and its label, above it, out of
    view: a screen magnifier's user saw an empty box and not what it was for."""
    analyst.goto(path)
    analyst.get_by_role("button", name=button, exact=True).last.click()
    summary = analyst.get_by_role("alert")
    expect(summary).to_be_focused()
    summary.locator(f"a[href='#{field}']").press("Enter")
    box = analyst.locator(f"#{field}")
    expect(box).to_be_focused()
    expect(analyst).to_have_url(re.compile(f"#{field}$"))
    expect(analyst.locator(f"label[for='{field}']")).to_have_text(re.compile(f"^{label}"))
    expect(analyst.locator(f"label[for='{field}']")).to_be_in_viewport(ratio=1)
    expect(box).to_be_in_viewport()
