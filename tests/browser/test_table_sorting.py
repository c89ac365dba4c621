"""Sorting a table in the browser: cells with nothing to sort on stay at the end."""

from __future__ import annotations

from typing import Any

TABLE = """<!doctype html><html><body>
<table data-sortable id="t"><thead><tr>
  <th aria-sort="none"><button type="button" class="sort-button">Value</button></th>
  <th aria-sort="none"><button type="button" class="sort-button">Loss (USD)</button></th>
</tr></thead><tbody>
  <tr><td>a</td><td class="num" data-sort="250.00">250.00</td></tr>
  <tr><td>b</td><td class="num" data-sort="">Not given in the report you may see</td></tr>
  <tr><td>c</td><td class="num" data-sort="0">0.00</td></tr>
  <tr><td>d</td><td class="num" data-sort="1200.50">1,200.50</td></tr>
  <tr><td>e</td><td class="num" data-sort=""></td></tr>
</tbody></table>
<script src="{url}/static/app.js"></script>
</body></html>"""


def _order(page: Any) -> list[str]:
    return [str(v) for v in page.locator("#t tbody tr td:first-child").all_inner_texts()]


def test_a_loss_not_given_sorts_last_both_ways_not_as_nothing_lost(
    page: Any, demo: dict[str, Any]
) -> None:
    page.set_content(TABLE.replace("{url}", demo["url"]))
    loss = page.get_by_role("button", name="Loss (USD)")
    loss.click()
    assert _order(page) == ["c", "a", "d", "b", "e"]
    loss.click()
    assert _order(page) == ["d", "a", "c", "b", "e"]
