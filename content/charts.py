"""Geometry for the server-rendered SVG charts (templates draw them).

Charts need no JavaScript and each comes with a data table for screen readers
and print, so these functions only place bars and points.
"""

from feedback.skm import BY_CODE, CODES

WIDTH = 640
BAR_HEIGHT = 26
BAR_GAP = 8
LABEL_WIDTH = 210
SCALE_MIN, SCALE_MAX = 1.0, 4.0


def element_bars(nrr: dict[str, float], weakest: list[str]) -> dict:
    """Horizontal bars of NRR per element on the 1-4 scale; weakest ones flagged."""
    plot = WIDTH - LABEL_WIDTH - 60
    bars = []
    for index, code in enumerate(CODES):
        value = nrr[code]
        length = plot * (value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)
        y = index * (BAR_HEIGHT + BAR_GAP)
        bars.append(
            {
                "code": code,
                "name": BY_CODE[code].name,
                "value": value,
                "x": LABEL_WIDTH,
                "y": y,
                "width": round(max(length, 1), 1),
                "text_y": y + BAR_HEIGHT * 0.68,
                "value_x": LABEL_WIDTH + round(max(length, 1), 1) + 6,
                "weak": code in weakest,
            }
        )
    height = len(CODES) * (BAR_HEIGHT + BAR_GAP)
    ticks = [
        {"x": round(LABEL_WIDTH + plot * (t - SCALE_MIN) / (SCALE_MAX - SCALE_MIN), 1), "label": t}
        for t in (1, 2, 3, 4)
    ]
    return {
        "width": WIDTH,
        "height": height + 24,
        "plot_bottom": height,
        "bars": bars,
        "bar_height": BAR_HEIGHT,
        "ticks": ticks,
        "tick_y": height + 18,
    }


TREND_HEIGHT = 220
TREND_PAD = 40
BAND_LINES = ((88.31, "A"), (76.61, "B"), (65.0, "C"))


def trend_points(points: list[tuple[str, float | None]]) -> dict:
    """A line of IKM over periods on a 50-100 axis (IKM below 50 sits on the floor)."""
    low, high = 50.0, 100.0
    plot_w = WIDTH - 2 * TREND_PAD
    plot_h = TREND_HEIGHT - 2 * TREND_PAD
    step = plot_w / max(len(points) - 1, 1)

    def y_of(value):
        value = min(max(value, low), high)
        return round(TREND_PAD + plot_h * (high - value) / (high - low), 1)

    placed = []
    for index, (label, value) in enumerate(points):
        x = round(TREND_PAD + step * index, 1)
        y = y_of(value) if value is not None else None
        placed.append(
            {
                "label": label,
                "value": value,
                "x": x,
                "y": y,
                "value_y": y - 9 if y is not None else None,
            }
        )
    path = " ".join(f"{p['x']},{p['y']}" for p in placed if p["y"] is not None)
    bands = [
        {"y": y_of(v), "label_y": y_of(v) - 3, "label": f"{label} {v:g}"} for v, label in BAND_LINES
    ]
    return {
        "width": WIDTH,
        "height": TREND_HEIGHT,
        "points": placed,
        "path": path,
        "bands": bands,
        "left": TREND_PAD,
        "right": WIDTH - TREND_PAD,
        "bottom": TREND_HEIGHT - TREND_PAD,
        "label_y": TREND_HEIGHT - 12,
    }
