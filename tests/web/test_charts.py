"""The server-drawn charts: every label stays inside its drawing."""

from __future__ import annotations

import re

from counterscam.web.charts import Point, bar_chart
from counterscam.web.formatting import options

# DejaVu Sans, the usual sans-serif of a Linux desktop, averages about 0.6 em a character in
# mixed text; 0.62 em leaves room for capitals and wide letters.
EM_PER_CHAR = 0.62


def test_bar_labels_fit_left_of_their_bars() -> None:
    # Each scam type's label, as the dashboard draws them: the long ones were cut off at the
    # drawing's left edge ("omance scam / pig-but…", "-commerce / non-deliv…").
    names = [name for _, name in options("scam_type")]
    svg = str(bar_chart([Point(n, 10.0) for n in names], title="Reports by scam type"))
    drawn = re.findall(
        r'<text x="([\d.]+)" y="[\d.]+" text-anchor="end" fill="[^"]+" font-size="(\d+)">'
        r"([^<]*)</text>",
        svg,
    )
    assert len(drawn) == len(names)
    for x, size, text in drawn:
        width = len(text.replace("&amp;", "&").replace("&quot;", '"')) * int(size) * EM_PER_CHAR
        assert width <= float(x), f"{text!r} needs {width:.0f} units left of {x}"
    assert "<title>Romance scam / pig-butchering: 10</title>" in svg  # the whole name
