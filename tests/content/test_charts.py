"""Chart geometry: no label is ever cut, and the trend shows the band thresholds."""

from hypothesis import given
from hypothesis import strategies as st

from content import charts
from feedback.rules.skm import BY_CODE, CODES


def test_every_element_label_is_drawn_in_full():
    nrr = dict.fromkeys(CODES, 3.2)

    chart = charts.element_bars(nrr, weakest=["U3"])

    for bar in chart["bars"]:
        drawn = " ".join(line["text"] for line in bar["lines"])
        assert drawn == f"{bar['code']} {BY_CODE[bar['code']].name}"
        assert all(len(line["text"]) <= charts.LABEL_CHARS for line in bar["lines"])
        assert bar["x"] + bar["width"] <= chart["width"]
    # Rows never overlap: each bar starts below the previous one's end.
    tops = [bar["y"] for bar in chart["bars"]]
    assert all(b - a >= charts.BAR_HEIGHT for a, b in zip(tops, tops[1:], strict=False))


@given(st.lists(st.text(alphabet="abcdefghij ", min_size=1, max_size=30), min_size=1, max_size=8))
def test_wrapping_keeps_every_word_whole(words):
    text = " ".join(words)
    lines = charts.wrap(text, width=12)
    assert " ".join(lines).split() == text.split()
    assert all(len(line) <= 12 or " " not in line for line in lines)


def test_the_trend_shows_the_four_bands_at_their_lower_bounds():
    chart = charts.trend_points([("2026-Q1", 90.0), ("2026-Q2", None), ("2026-Q3", 70.0)])

    assert [b["name"] for b in chart["bands"]] == ["A", "B", "C", "D"]
    assert [b["low"] for b in chart["bands"]] == [88.31, 76.61, 65.0, 50.0]
    a, c = chart["points"][0], chart["points"][2]
    band_a, band_c = chart["bands"][0], chart["bands"][2]
    assert band_a["y"] <= a["y"] <= band_a["y"] + band_a["height"]
    assert band_c["y"] <= c["y"] <= band_c["y"] + band_c["height"]
    # A period without figures has no point, and the line skips it.
    assert chart["points"][1]["y"] is None
    assert chart["path"].count(",") == 2
    assert chart["points"][0]["label_lines"] == ["Q1", "2026"]


def test_six_values_at_one_height_alternate_above_and_below_their_points():
    periods = [f"202{5 + i // 4}-Q{i % 4 + 1}" for i in range(6)]
    chart = charts.trend_points([(p, 80.0 + i / 10) for i, p in enumerate(periods)])

    sides = [p["value_y"] < p["y"] for p in chart["points"]]
    assert sides == [True, False, True, False, True, False]
    # With four periods there is room beside each other: every value sits above.
    wide = charts.trend_points([(p, 80.0) for p in periods[:4]], compact=True)
    assert all(p["value_y"] < p["y"] for p in wide["points"])
    # The last value, centred on its point, ends before the band names.
    assert chart["points"][-1]["x"] + 23 < chart["band_label_x"]
