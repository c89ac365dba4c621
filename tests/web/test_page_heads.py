"""Every signed-in page opens the same way: breadcrumbs below a menu item, one heading, a line
saying what the page is for."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.factories import PolicyRegion

HEAD = re.compile(r'<div class="page-head">(.*?)<h1 class="([^"]+)">', re.S)


def _head(html: str) -> tuple[list[str], str, str]:
    """Return a page's breadcrumb texts, its heading's class and the line under the heading."""
    main = html[html.index("<main") :]
    found = HEAD.search(main)
    assert found, "no page head"
    crumbs = re.findall(r"<li>(?:<a [^>]*>|<span [^>]*>)([^<]+)<", found.group(1))
    after = main[found.end() :]
    line = re.search(r'</h1>\s*<p class="muted">', after)
    return crumbs, found.group(2), "muted" if line else ""


def test_every_page_has_the_same_head(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # Some pages had breadcrumbs as a bare caption, others none; the 403 pages an extra-large
    # heading; the check, upload and report forms their headings spaced their own way.
    mine = region.reports["amber"].id
    client = client_for("MY-NSRC")
    pages = {
        "/": [],
        "/check": [],
        "/check/bulk": ["Check", "Check a list"],
        "/reports": [],
        f"/reports/{mine}": ["Reports", f"Report {mine}"],
        f"/reports/{mine}/edit": ["Reports", f"Report {mine}", "Correct"],
        "/reports/new": [],
        "/clusters": [],
        "/stop-list": [],
        "/upload": [],
        "/alerts": [],
    }
    for path, crumbs in pages.items():
        assert _head(client.get(path).text) == (crumbs, "heading-l", "muted"), path
    hidden = client_for("AU-AFP").get(f"/reports/{mine}")
    assert hidden.status_code == 403
    assert _head(hidden.text) == (["Reports", f"Report {mine}"], "heading-l", "muted")
