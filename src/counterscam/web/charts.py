"""Charts as inline SVG built on the server: no script, no asset from the internet.

Each chart is drawn from the same rows its table shows; the SVG carries a title and a
description for screen readers, and the table beside it gives the exact numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from markupsafe import Markup

BAR = "#1d70b8"
BAR_ALT = "#0f7a52"
INK = "#0b0c0c"
GRID = "#dfe1e3"
MUTED = "#505a5f"


@dataclass(frozen=True)
class Point:
    """One bar or one point of a line: its label and value."""

    label: str
    value: float


def _fmt(value: float, money: bool) -> str:
    prefix = "$" if money else ""
    if abs(value) >= 1_000_000:
        return f"{prefix}{value / 1_000_000:,.1f}M"
    if abs(value) >= 10_000:
        return f"{prefix}{value / 1_000:,.0f}k"
    return f"{prefix}{value:,.0f}"


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


LABEL_CHARS = 20


def _shortened(label: str) -> str:
    return label[: LABEL_CHARS - 1].rstrip(" /(-") + "…"


def bar_chart(
    points: Sequence[Point], *, title: str, money: bool = False, colour: str = BAR, width: int = 440
) -> Markup:
    """Return a horizontal bar chart, one labelled bar per point, largest scale rounded up."""
    # 440 units, shown at most 440 px wide (app.css): a phone shrinks it by a fifth, not by
    # half, so its 13-unit labels stay readable at 390 px.
    label_w, value_w, bar_h, gap, top = 184, 60, 18, 8, 4
    height = top + len(points) * (bar_h + gap) + 4
    scale = _nice_max(max((p.value for p in points), default=0.0))
    span = width - label_w - value_w
    parts = [
        f'<svg class="chart" data-chart="bar" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet">'
        f"<title>{escape(title)}</title>"
    ]
    for i, p in enumerate(points):
        y = top + i * (bar_h + gap)
        w = max(1.0, span * p.value / scale) if p.value > 0 else 0.0
        # 20 characters of 13-unit text fit the label column; 24 ran past the drawing's left
        # edge ("omance scam / pig-but…"). The bar's tooltip keeps the whole label.
        label = p.label if len(p.label) <= LABEL_CHARS else _shortened(p.label)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + bar_h - 5}" text-anchor="end" fill="{INK}" '
            f'font-size="13">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}">'
            f"<title>{escape(p.label)}: {escape(_fmt(p.value, money))}</title></rect>"
            f'<text x="{label_w + w + 6:.1f}" y="{y + bar_h - 5}" fill="{INK}" '
            f'font-size="12">{escape(_fmt(p.value, money))}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


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
        f"<title>{escape(title)}</title>"
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
    for i, (p, x, y) in enumerate(zip(points, xs, ys, strict=True)):
        parts.append(
            f'<circle cx="{x:.2f}%" cy="{y:.1f}" r="3.5" fill="#fff" stroke="{BAR}" '
            f'stroke-width="2"><title>{escape(p.label)}: {escape(_fmt(p.value, money))}'
            "</title></circle>"
        )
        if (last - i) % every == 0:  # count from the newest month, always labelled
            # A phone has room for every other label only (app.css hides the minor ones).
            minor = " chart__tick--minor" if (last - i) // every % 2 else ""
            parts.append(
                f'<text class="chart__tick{minor}" x="{x:.2f}%" y="{height - 10}" '
                f'text-anchor="middle" font-size="12" fill="{MUTED}">{escape(p.label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def points(pairs: Sequence[tuple[str, int | Decimal]]) -> list[Point]:
    """Return chart points from (label, number) pairs."""
    return [Point(label=label, value=float(value)) for label, value in pairs]
