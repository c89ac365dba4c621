"""Bar charts read on a phone as on a wide screen: their labels and values keep their size."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import window
from tests.browser.test_journeys import sign_in

# Each drawn bar chart's text: its size on screen and whether it stays inside the chart's box.
DRAWN_TEXT = """() => [...document.querySelectorAll('.chart-figure svg[role=img]')]
  .filter(svg => getComputedStyle(svg).display !== 'none' && svg.querySelector('rect'))
  .map(svg => { const box = svg.parentElement.getBoundingClientRect();
    return [...svg.querySelectorAll(':scope > text')].map(t => {
      const r = t.getBoundingClientRect();
      return {text: t.textContent, size: r.height, inside: r.left >= box.left - 1
              && r.right <= box.right + 1}; }); })"""


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_bar_chart_labels_keep_their_size(chromium: Any, demo: dict[str, Any], width: int) -> None:
    """Scaled down to a 294 px box, the 440-unit drawings wrote "Thailand" and "$121k" 8.7 px
    high on a 360 px phone (9.6 px at 390): labels an officer could not read."""
    with window(chromium, demo["url"], width) as tab:
        sign_in(tab, "MY-NSRC")
        charts = tab.evaluate(DRAWN_TEXT)
        assert len(charts) == 4, charts  # by country (reports, loss), by scam type (same)
        for texts in charts:
            assert any(t["text"].startswith("Malaysia") for t in texts) or any(
                "scam" in t["text"] for t in texts
            ), texts
            small = [t for t in texts if t["size"] < 12]
            assert small == [], small
            assert [t for t in texts if not t["inside"]] == []
        # One drawing of each chart is read out, not two.
        names = tab.get_by_role("img", name="Reports by reporting country").count()
        assert names == 1
