"""Geometry for the server-rendered SVG charts (templates draw them).

Charts need no JavaScript and each comes with a data table for screen readers
and print, so these functions only place bars, points and labels.

An SVG scales its text with its width, so the drawings are as wide in units as a
phone's column is in pixels (360): at 390 px the 16-unit text is the body's 16 px,
on a 320 px phone still about 13 px, and on wide screens CSS caps the width so it
grows only a little. Labels are never cut: an element's name wraps onto as many
lines as it needs, and every bar and point carries its full text in a <title>.
"""

from feedback.rules.skm import BY_CODE, CODES

WIDTH = 360
SCALE_MIN, SCALE_MAX = 1.0, 4.0

# Element bars: the label above its bar, the value at the bar's end.
LINE_HEIGHT = 20
BAR_HEIGHT = 22
ROW_GAP = 12
VALUE_ROOM = 52
# Characters per label line at the chart's 16-unit font (average glyph ~0.55 em,
# less a margin for wide letters).
LABEL_CHARS = 38


def wrap(text: str, width: int = LABEL_CHARS) -> list[str]:
    """Split ``text`` into lines of at most ``width`` characters at spaces (a single
    longer word keeps its own line: it is never cut)."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and len(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def element_bars(nrr: dict[str, float], weakest: list[str]) -> dict:
    """Horizontal bars of NRR per element on the 1-4 scale; weakest ones flagged."""
    plot = WIDTH - VALUE_ROOM
    bars = []
    y = 0
    for code in CODES:
        value = nrr[code]
        name = BY_CODE[code].name
        lines = wrap(f"{code} {name}")
        length = round(max(plot * (value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN), 1), 1)
        bar_y = y + len(lines) * LINE_HEIGHT + 4
        bars.append(
            {
                "code": code,
                "name": name,
                "value": value,
                "lines": [
                    {"text": line, "y": y + (i + 1) * LINE_HEIGHT - 4}
                    for i, line in enumerate(lines)
                ],
                "x": 0,
                "y": bar_y,
                "width": length,
                "text_y": bar_y + BAR_HEIGHT * 0.72,
                "value_x": length + 6,
                "weak": code in weakest,
            }
        )
        y = bar_y + BAR_HEIGHT + ROW_GAP
    ticks = [
        {"x": round(plot * (t - SCALE_MIN) / (SCALE_MAX - SCALE_MIN), 1), "label": t}
        for t in (1, 2, 3, 4)
    ]
    # The first and last tick labels sit inside the drawing.
    ticks[0]["anchor"], ticks[-1]["anchor"] = "start", "end"
    for tick in ticks[1:-1]:
        tick["anchor"] = "middle"
    return {
        "width": WIDTH,
        "height": y + 14,
        "plot_bottom": y - ROW_GAP,
        "bars": bars,
        "bar_height": BAR_HEIGHT,
        "ticks": ticks,
        "tick_y": y + 10,
    }


# Trend: IKM over periods on a 50-100 axis with the four bands shaded.
TREND_HEIGHT = 290
TREND_HEIGHT_COMPACT = 230
TREND_TOP = 30
TREND_BOTTOM = 50
TREND_LEFT = 36
# The bands are named by letter at the right; their lower bounds are in the caption.
TREND_RIGHT = 24
# The first and last points sit this far inside the plot, so their values (about 46
# units wide at 16 units, centred on the point) stay clear of the axis and band names.
POINT_INSET = 26
# Where points are closer than a value's width with a gap (six periods on 360 units),
# a value at about the same height as its left neighbour's goes below its point.
VALUE_ROOM_X = 54
VALUE_CLEARANCE = 20
AXIS_LOW, AXIS_HIGH = 50.0, 100.0
# Lower bounds of the bands (PermenPANRB 14/2017); D runs down to the axis floor.
BANDS = (("A", 88.31, 100.0), ("B", 76.61, 88.31), ("C", 65.0, 76.61), ("D", AXIS_LOW, 65.0))


def trend_points(points: list[tuple[str, float | None]], *, compact: bool = False) -> dict:
    """A line of IKM over periods on a 50-100 axis (IKM below 50 sits on the floor),
    over shaded bands A-D named by letter (the caption under the chart gives their
    lower bounds: on a phone there is no room for them beside the plot)."""
    height = TREND_HEIGHT_COMPACT if compact else TREND_HEIGHT
    left, right = TREND_LEFT, WIDTH - TREND_RIGHT
    top, bottom = TREND_TOP, height - TREND_BOTTOM
    step = (right - left - 2 * POINT_INSET) / max(len(points) - 1, 1)

    def y_of(value):
        value = min(max(value, AXIS_LOW), AXIS_HIGH)
        return round(top + (bottom - top) * (AXIS_HIGH - value) / (AXIS_HIGH - AXIS_LOW), 1)

    placed = []
    previous = None  # the last drawn value: (its point's y, whether it sits above)
    for index, (label, value) in enumerate(points):
        x = round(left + POINT_INSET + step * index, 1)
        y = y_of(value) if value is not None else None
        value_y = None
        if y is not None:
            # Neighbouring values at about the same height would touch: the second
            # goes below its point, where there is room above the period labels.
            crowded = (
                step < VALUE_ROOM_X
                and previous
                and previous[1]
                and abs(previous[0] - y) < VALUE_CLEARANCE
            )
            above = not (crowded and y + 24 <= bottom)
            value_y = y - 10 if above else y + 22
            previous = (y, above)
        # "2026-Q3" is drawn as "Q3" over "2026" so six periods never collide.
        placed.append(
            {
                "label": label,
                "label_lines": list(reversed(label.split("-"))),
                "value": value,
                "x": x,
                "y": y,
                "value_y": value_y,
            }
        )
    path = " ".join(f"{p['x']},{p['y']}" for p in placed if p["y"] is not None)
    bands = []
    for name, low, high in BANDS:
        y_top, y_bottom = y_of(high), y_of(low)
        bands.append(
            {
                "name": name,
                "low": low,
                "y": y_top,
                "height": round(y_bottom - y_top, 1),
                "label_y": round((y_top + y_bottom) / 2 + 5, 1),
                "line_y": y_bottom,
            }
        )
    axis = [{"value": v, "y": y_of(v) + 4} for v in (50, 75, 100)]
    return {
        "width": WIDTH,
        "height": height,
        "points": placed,
        "path": path,
        "bands": bands,
        "axis": axis,
        "left": left,
        "right": right,
        "plot_width": right - left,
        "top": top,
        "bottom": bottom,
        "band_label_x": right + 6,
        "label_y": height - 28,
    }
