"""Charts as inline SVG built on the server: no script, no asset from the internet.

Each chart is drawn from the same rows its table shows; the SVG carries a title and a
description for screen readers, and the table beside it gives the exact numbers.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from markupsafe import Markup

from counterscam.web.formatting import usd_compact

BAR = "#1d70b8"
BAR_ALT = "#0f7a52"
INK = "#0b0c0c"
GRID = "#dfe1e3"
MUTED = "#505a5f"


@dataclass(frozen=True)
class Point:
    """One bar or one point of a line: its label and value.

    ``text`` is said instead of the value when the value is not a figure (a loss no report
    gave is drawn as no bar, not read as $0).
    """

    label: str
    value: float
    text: str = ""


def _said(point: Point, money: bool) -> str:
    return point.text or _fmt(point.value, money)


def _fmt(value: float, money: bool) -> str:
    if money:
        # "$3.8M" read as Singapore or Brunei dollars to their officers (intake reads "$" so),
        # and 999,960 as "$1,000k": the cards' words and rounding.
        return usd_compact(value)
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:,.1f}M"
    if abs(value) >= 10_000:
        return f"{value / 1_000:,.0f}k"
    return f"{value:,.0f}"


def _nice_max(value: float, ticks: int = 4) -> float:
    """Return the smallest round axis maximum >= value whose ``ticks`` steps are round too."""
    if value <= 0:
        return float(ticks)
    raw_step = value / ticks
    magnitude = 10.0 ** math.floor(math.log10(raw_step))
    for step in (1, 2, 2.5, 5, 10):
        if raw_step <= step * magnitude:
            return step * magnitude * ticks
    return 10 * magnitude * ticks


# 26 characters of 13-unit text fit the label column (tests/web/test_charts.py measures it);
# a longer label wraps onto a second line at a space.
LABEL_CHARS = 26
LABEL_LINES = 2
LINE_H = 15


def _label_lines(label: str) -> list[str]:
    """Return a label as at most two lines that fit the label column, the last cut with '…'."""
    lines = textwrap.wrap(label, LABEL_CHARS, break_on_hyphens=False) or [""]
    if len(lines) <= LABEL_LINES:
        return lines
    rest = " ".join(lines[LABEL_LINES - 1 :])
    return [*lines[: LABEL_LINES - 1], rest[: LABEL_CHARS - 1].rstrip(" /(-") + "…"]


def _label(lines: list[str], whole: str, *, x: int, middle: float) -> str:
    """Return one label's text, its lines centred on the bar's middle, the whole name on hover."""
    first = middle + 4.5 - (len(lines) - 1) * LINE_H / 2  # 4.5: half a 13-unit capital
    spans = "".join(
        f'<tspan x="{x}" y="{first + i * LINE_H:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<text x="{x}" y="{first:.1f}" text-anchor="end" fill="{INK}" font-size="13">'
        f"<title>{escape(whole)}</title>{spans}</text>"
    )


def _description(points: Sequence[Point], money: bool) -> str:
    """Return the chart's figures as one sentence, its <desc>: what a screen reader says of it.

    A role="img" drawing hides its bars' own titles, so the title alone ("Reports by scam
    type") told nothing of the figures drawn.
    """
    figures = "; ".join(f"{p.label}: {_said(p, money)}" for p in points)
    return f"<desc>{escape(figures or 'No data.')}</desc>"


def bar_chart(
    points: Sequence[Point], *, title: str, money: bool = False, colour: str = BAR, width: int = 440
) -> Markup:
    """Return a horizontal bar chart, one labelled bar per point, largest scale rounded up.

    Long labels wrap onto two lines (every bar then gets a taller row, so the chart stays
    even); one that still does not fit is cut with '…' and keeps its whole name in a <title>.
    """
    # 440 units, shown 440 px wide (app.css): a narrower box shows the narrow drawing.
    # value_w: room after the longest bar for its figure, "USD 123.5k" (tests/web/test_charts.py)
    label_w, value_w, bar_h, top = 220, 80, 18, 4
    labels = [_label_lines(p.label) for p in points]
    lines = max((len(lines) for lines in labels), default=1)
    row = max(bar_h + 8, lines * LINE_H + 6)
    height = top + len(points) * row + 4
    scale = _nice_max(max((p.value for p in points), default=0.0))
    span = width - label_w - value_w
    parts = [
        f'<svg class="chart" data-chart="bar" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet">'
        f"<title>{escape(title)}</title>{_description(points, money)}"
    ]
    for i, (p, label) in enumerate(zip(points, labels, strict=True)):
        y = top + i * row + (row - 8 - bar_h) / 2
        w = max(1.0, span * p.value / scale) if p.value > 0 else 0.0
        parts.append(
            _label(label, p.label, x=label_w - 8, middle=y + bar_h / 2)
            + f'<rect x="{label_w}" y="{y:.1f}" width="{w:.1f}" height="{bar_h}" fill="{colour}">'
            f"<title>{escape(p.label)}: {escape(_said(p, money))}</title></rect>"
            f'<text x="{label_w + w + 6:.1f}" y="{y + bar_h - 5:.1f}" fill="{INK}" '
            f'font-size="12">{escape(_said(p, money))}</text>'
        )
    parts.append("</svg>")
    # The narrow drawing follows, for a box too narrow for this one (app.css picks).
    narrow = _narrow_bar_chart(points, title=title, money=money, colour=colour)
    return Markup("".join(parts) + narrow)


# The phone's drawing: each label over its bar, across the box, so it needs no label column.
NARROW_CHARS = 34
NARROW_BAR = 70  # % of the width a largest bar takes: its value ("USD 123.5k") goes after it


def _narrow_bar_chart(points: Sequence[Point], *, title: str, money: bool, colour: str) -> str:
    """Return the bar chart for a box narrower than its 440-unit drawing (a phone), in pixels.

    Scaled to a 294 px box, the drawing's 13-unit labels were 8.7 px, too small to read;
    app.css shows this one instead, by the width of the chart's box. Bar lengths are
    percentages of the box, so its 13 px labels and 12 px values keep their size.
    """
    scale = _nice_max(max((p.value for p in points), default=0.0))
    rows, y = [], 0
    for p in points:
        lines = textwrap.wrap(p.label, NARROW_CHARS, break_on_hyphens=False) or [""]
        if len(lines) > LABEL_LINES:
            rest = " ".join(lines[LABEL_LINES - 1 :])
            lines = [*lines[: LABEL_LINES - 1], rest[: NARROW_CHARS - 1].rstrip(" /(-") + "…"]
        spans = "".join(
            f'<tspan x="0" y="{y + 13 + i * 16}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        bar_y = y + len(lines) * 16 + 3
        pct = max(0.4, NARROW_BAR * p.value / scale) if p.value > 0 else 0.0
        rows.append(
            f'<text font-size="13" fill="{INK}"><title>{escape(p.label)}</title>{spans}</text>'
            f'<rect x="0" y="{bar_y}" width="{pct:.2f}%" height="14" fill="{colour}">'
            f"<title>{escape(p.label)}: {escape(_said(p, money))}</title></rect>"
            f'<text x="{pct:.2f}%" dx="6" y="{bar_y + 11}" font-size="12" fill="{INK}">'
            f"{escape(_said(p, money))}</text>"
        )
        y = bar_y + 14 + 10
    return (
        f'<svg class="chart chart--narrow" data-chart="bar-narrow" role="img" width="100%" '
        f'height="{max(y, 1)}"><title>{escape(title)}</title>{_description(points, money)}'
        + "".join(rows)
        + "</svg>"
    )


def line_chart(
    points: Sequence[Point],
    *,
    title: str,
    money: bool = False,
    height: int = 240,
) -> Markup:
    """Return a line chart of a series (a monthly trend) with a zero-based axis and gridlines.

    The chart is as wide as its box and ``height`` pixels high, with no viewBox scaling: its
    labels keep their size on a 390 px phone as on a wide screen (a scaled 1,100-unit drawing
    shrank them to 4 px). Horizontal positions are percentages; the line is drawn in a nested
    drawing stretched to the plot, with strokes that do not stretch.
    """
    # pad: % of the width kept clear at each end, where half of an end month's label goes
    top, bottom, pad = 18, 30, 3.5
    plot_h = height - top - bottom
    scale = _nice_max(max((p.value for p in points), default=0.0))
    n = max(1, len(points) - 1)
    parts = [
        f'<svg class="chart" data-chart="line" role="img" width="100%" height="{height}">'
        f"<title>{escape(title)}</title>{_description(points, money)}"
    ]
    for i in range(5):
        value = scale * i / 4
        y = top + plot_h - plot_h * i / 4
        parts.append(
            f'<line x1="0" x2="100%" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
            f'<text class="chart__tick" x="0" y="{y - 4:.1f}" font-size="12" fill="{MUTED}" '
            f'stroke="#fff" stroke-width="3" paint-order="stroke">'
            f"{escape(_fmt(value, money))}</text>"
        )
    xs = [pad + (100 - 2 * pad) * i / n for i in range(len(points))]
    ys = [top + plot_h - plot_h * p.value / scale for p in points]
    if points:
        # The nested drawing's units: x in per mille of the width, y in pixels of the plot.
        path = " ".join(f"{x * 10:.1f},{y - top:.1f}" for x, y in zip(xs, ys, strict=True))
        area = f"{xs[0] * 10:.1f},{plot_h} {path} {xs[-1] * 10:.1f},{plot_h}"
        parts.append(
            f'<svg x="0" y="{top}" width="100%" height="{plot_h}" viewBox="0 0 1000 {plot_h}" '
            'preserveAspectRatio="none" overflow="visible">'
            f'<polygon points="{area}" fill="{BAR}" fill-opacity="0.08"/>'
            f'<polyline points="{path}" fill="none" stroke="{BAR}" stroke-width="2.5" '
            'stroke-linejoin="round" vector-effect="non-scaling-stroke"/></svg>'
        )
    every = max(1, len(points) // 12)
    last = len(points) - 1
    phone_every = max(1, -(-(last // every) // 4))  # at most five labels on a phone
    for i, (p, x, y) in enumerate(zip(points, xs, ys, strict=True)):
        parts.append(
            f'<circle cx="{x:.2f}%" cy="{y:.1f}" r="3.5" fill="#fff" stroke="{BAR}" '
            f'stroke-width="2"><title>{escape(p.label)}: {escape(_fmt(p.value, money))}'
            "</title></circle>"
        )
        if (last - i) % every == 0:  # count from the newest month, always labelled
            # A tablet has room for every other label only (app.css hides the minor ones), a
            # phone for four or five, evenly spaced (it hides the sparse ones): every other
            # label of two years, six, ran into one another at 390 px ("2024-072024-11").
            step = (last - i) // every
            minor = " chart__tick--minor" if step % 2 else ""
            minor += " chart__tick--sparse" if step % phone_every else ""
            parts.append(
                f'<text class="chart__tick{minor}" x="{x:.2f}%" y="{height - 10}" '
                f'text-anchor="middle" font-size="12" fill="{MUTED}">{escape(p.label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def points(pairs: Sequence[tuple[str, int | Decimal]]) -> list[Point]:
    """Return chart points from (label, number) pairs."""
    return [Point(label=label, value=float(value)) for label, value in pairs]
