"""Canonical values break at their separators, and what they hold stays text."""

from __future__ import annotations

from counterscam.web.value_breaks import breakable


def test_a_value_may_end_a_line_only_after_its_separators() -> None:
    assert breakable("ID:BBBA:1093650798") == "ID:<wbr>BBBA:<wbr>1093650798"
    assert breakable("https://a-b.com/x") == "https://<wbr>a-<wbr>b.<wbr>com/<wbr>x"
    assert breakable("+60123456789") == "+60123456789"


def test_markup_in_a_value_is_shown_as_typed() -> None:
    # Escaped after splitting: "&amp;" is not cut after its "&".
    assert breakable("https://x.com/?a=<b>&c") == (
        "https://<wbr>x.<wbr>com/?<wbr>a=<wbr>&lt;b&gt;&amp;<wbr>c"
    )
