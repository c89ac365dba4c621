"""The server-drawn charts: every label stays inside its drawing and reads whole."""

from __future__ import annotations

import re

from counterscam.web.charts import Point, bar_chart
from counterscam.web.formatting import options

# DejaVu Sans, the usual sans-serif of a Linux desktop, averages about 0.6 em a character in
# mixed text; 0.62 em leaves room for capitals and wide letters.
EM_PER_CHAR = 0.62

LABEL = re.compile(
    r'<text x="([\d.]+)" y="[\d.]+" text-anchor="end" fill="[^"]+" font-size="(\d+)">'
    r"<title>([^<]*)</title>((?:<tspan [^>]*>[^<]*</tspan>)+)</text>"
)
LINE = re.compile(r'<tspan x="([\d.]+)" y="([\d.]+)">([^<]*)</tspan>')


def _unescaped(text: str) -> str:
    return text.replace("&amp;", "&").replace("&quot;", '"').replace("&#x27;", "'")


def _labels(svg: str) -> list[tuple[float, int, str, list[tuple[float, float, str]]]]:
    """Return each bar's label: its right edge, size, whole name and drawn lines (x, y, text)."""
    return [
        (
            float(x),
            int(size),
            _unescaped(whole),
            [(float(lx), float(ly), _unescaped(t)) for lx, ly, t in LINE.findall(spans)],
        )
        for x, size, whole, spans in LABEL.findall(svg)
    ]


def test_bar_labels_fit_left_of_their_bars() -> None:
    # Each scam type's label, as the dashboard draws them: the long ones were cut off at the
    # drawing's left edge ("omance scam / pig-but…", "-commerce / non-deliv…").
    names = [name for _, name in options("scam_type")]
    svg = str(bar_chart([Point(n, 10.0) for n in names], title="Reports by scam type"))
    drawn = _labels(svg)
    assert len(drawn) == len(names)
    for x, size, _, lines in drawn:
        for line_x, _, text in lines:
            width = len(text) * size * EM_PER_CHAR
            assert line_x == x and width <= x, f"{text!r} needs {width:.0f} units left of {x}"
    assert "<title>Romance scam / pig-butchering: 10</title>" in svg  # the whole name


def test_every_scam_type_label_reads_whole_on_at_most_two_lines() -> None:
    # Cut to 20 characters, "Impersonation of officials ("Macau scam")" read
    # "Impersonation of of…" and "Business e-mail compromise" "Business e-mail com…".
    names = [name for _, name in options("scam_type")]
    svg = str(bar_chart([Point(n, 10.0) for n in names], title="Reports by scam type"))
    for _, _, whole, lines in _labels(svg):
        assert 1 <= len(lines) <= 2, lines
        assert " ".join(text for _, _, text in lines) == whole  # every word, nothing cut
    wrapped = {whole: lines for _, _, whole, lines in _labels(svg)}
    assert [t for _, _, t in wrapped['Impersonation of officials ("Macau scam")']] == [
        "Impersonation of officials",
        '("Macau scam")',
    ]


def test_wrapped_labels_do_not_overlap_the_next_bar() -> None:
    # The wide drawing (the phone's, after it, puts each label over its bar).
    svg = str(bar_chart([Point("Romance scam / pig-butchering", 5.0)] * 3, title="t"))
    svg = svg[: svg.index("</svg>")]
    line_ys = [y for _, _, _, lines in _labels(svg) for _, y, _ in lines]
    bar_ys = [float(y) for y in re.findall(r'<rect x="[\d.]+" y="([\d.]+)"', svg)]
    assert len(line_ys) == 6 and len(bar_ys) == 3
    # 13-unit text: consecutive baselines at least a line apart, each label within its row.
    assert all(b - a >= 13 for a, b in zip(line_ys, line_ys[1:], strict=False))
    pitch = bar_ys[1] - bar_ys[0]
    for i, bar_y in enumerate(bar_ys):
        first, second = line_ys[2 * i], line_ys[2 * i + 1]
        assert bar_y - pitch / 2 < first - 10 and second + 3 < bar_y + pitch, (i, line_ys)
    box = re.search(r'viewBox="0 0 \d+ ([\d.]+)"', svg)
    assert box is not None and line_ys[-1] + 3 <= float(box.group(1))


def test_a_label_too_long_for_two_lines_is_cut_and_keeps_its_whole_name() -> None:
    name = "A very long scam type name that an agency added to the reference file itself"
    svg = str(bar_chart([Point(name, 1.0)], title="t"))
    [(_, _, whole, lines)] = _labels(svg)
    assert whole == name and len(lines) == 2 and lines[1][2].endswith("…")


def test_a_phone_gets_a_drawing_whose_labels_keep_their_size() -> None:
    # Scaled into a 294 px box, the 440-unit drawing's labels were 8.7 px high on a phone.
    names = [name for _, name in options("scam_type")]
    html = str(bar_chart([Point(n, float(i)) for i, n in enumerate(names)], title="By type"))
    wide, narrow = html.split("</svg>", 1)
    assert 'data-chart="bar"' in wide and 'data-chart="bar-narrow"' in narrow
    assert "viewBox" not in narrow  # drawn in pixels: nothing scales its text down
    assert narrow.count("<title>By type</title>") == 1
    assert set(re.findall(r'font-size="(\d+)"', narrow)) == {"13", "12"}
    labels = re.findall(r"<title>([^<:]*)</title>((?:<tspan [^>]*>[^<]*</tspan>)+)", narrow)
    assert [_unescaped(whole) for whole, _ in labels] == names
    for whole, spans in labels:
        lines = re.findall(r"<tspan [^>]*>([^<]*)</tspan>", spans)
        assert 1 <= len(lines) <= 2 and " ".join(lines) == whole
    widths = [float(w) for w in re.findall(r'<rect x="0" y="\d+" width="([\d.]+)%"', narrow)]
    assert len(widths) == len(names) and max(widths) <= 80  # room for the value after it


def test_money_is_said_in_us_dollars_as_the_cards_say_it() -> None:
    # "$3.8M" read as Singapore or Brunei dollars to their officers; 999,960 read "$1,000k".
    svg = bar_chart(
        [Point("Malaysia", 3_840_961.68), Point("Thailand", 999_960.0), Point("Laos", 123_456.0)],
        title="Loss in USD by reporting country",
        money=True,
    )
    assert "USD 3.8M" in svg and "USD 1M" in svg and "USD 123.5k" in svg
    assert "$" not in svg and "1,000k" not in svg
    # The longest figure after the longest bar stays inside the 440-unit drawing.
    drawn = re.findall(
        r'<text x="([\d.]+)" y="[\d.]+" fill="[^"]+" font-size="(\d+)">([^<]+)<', svg
    )
    for x, size, text in drawn:
        assert float(x) + len(text) * int(size) * EM_PER_CHAR <= 440, text
