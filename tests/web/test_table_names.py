"""Every table a template writes has a name, also those no test's data shows.

A screen reader's list of tables reads each one's name; the tables written by hand on the
check, report and cluster pages had none, so each was read "table". The browser test
(tests/browser/test_accessibility.py) reads the names of the tables its data shows; this one
reads the templates, for the tables shown only to some callers or with some data.
"""

from __future__ import annotations

import re

from counterscam.web.paths import TEMPLATES_DIR

TABLE = re.compile(r"<table\b[^>]*>(\s*<caption\b)?")
LABELLED_BY = re.compile(r'aria-labelledby="([^"]+)"')


def _unnamed(html: str) -> list[str]:
    """Return the opening tags of the tables in ``html`` that have no name."""
    wrong = []
    for found in TABLE.finditer(html):
        tag = found.group(0)
        if found.group(1) or "aria-label=" in tag:
            continue
        by = LABELLED_BY.search(tag)
        # The id may be written with a template expression, as the tag refers to it.
        if by is None or f'id="{by.group(1)}"' not in html:
            wrong.append(tag)
    return wrong


def test_every_template_names_its_tables() -> None:
    wrong = {
        template.name: unnamed
        for template in sorted(TEMPLATES_DIR.glob("*.html"))
        if (unnamed := _unnamed(template.read_text()))
    }
    assert not wrong, wrong


def test_an_unnamed_table_is_found() -> None:
    assert _unnamed('<h2>Places</h2><table class="table">') == ['<table class="table">']
    assert _unnamed('<table aria-labelledby="places-h">') == ['<table aria-labelledby="places-h">']
    assert _unnamed('<h2 id="places-h">Places</h2><table aria-labelledby="places-h">') == []
    assert _unnamed("<table>\n  <caption>Places</caption>") == []
