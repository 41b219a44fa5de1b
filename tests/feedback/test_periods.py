import datetime

import pytest

from feedback.rules.periods import Period, latest_complete_quarter


@pytest.mark.parametrize(
    "code, start, end, label",
    [
        ("2026", "2026-01-01", "2026-12-31", "Tahun 2026"),
        ("2026-S1", "2026-01-01", "2026-06-30", "Semester I 2026"),
        ("2026-s2", "2026-07-01", "2026-12-31", "Semester II 2026"),
        ("2026-Q1", "2026-01-01", "2026-03-31", "Triwulan I 2026"),
        ("2024-Q4", "2024-10-01", "2024-12-31", "Triwulan IV 2024"),
        ("2024-02", "2024-02-01", "2024-02-29", "Februari 2024"),
    ],
)
def test_periods_of_the_contract(code, start, end, label):
    p = Period.parse(code)
    assert (str(p.start), str(p.end), p.label) == (start, end, label)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "26",
        "2026-Q5",
        "2026-S3",
        "2026-13",
        "2026-00",
        "2026-H1",
        "2026/Q1",
        "Q1-2026",
        "1999",
        None,
    ],
)
def test_anything_else_is_rejected_with_a_message(bad):
    with pytest.raises(ValueError) as excinfo:
        Period.parse(bad)
    assert str(excinfo.value)


def test_previous_periods_cross_year_boundaries():
    assert [str(p) for p in Period.parse("2026-Q1").previous(2)] == ["2025-Q3", "2025-Q4"]
    assert [str(p) for p in Period.parse("2026-01").previous(1)] == ["2025-12"]
    assert [str(p) for p in Period.parse("2026-S1").previous(1)] == ["2025-S2"]


def test_latest_complete_quarter():
    assert str(latest_complete_quarter(datetime.date(2026, 11, 22))) == "2026-Q3"
    assert str(latest_complete_quarter(datetime.date(2026, 1, 5))) == "2025-Q4"


def test_previous_stops_at_the_first_supported_year():
    from feedback.rules.periods import FIRST_YEAR

    assert Period.parse(f"{FIRST_YEAR}-Q1").previous(5) == []
    assert [str(p) for p in Period.parse(f"{FIRST_YEAR + 1}-Q1").previous(6)] == [
        f"{FIRST_YEAR}-Q{q}" for q in (1, 2, 3, 4)
    ]
    assert [str(p) for p in Period.parse(f"{FIRST_YEAR}-03").previous(3)] == [
        f"{FIRST_YEAR}-01",
        f"{FIRST_YEAR}-02",
    ]
    assert Period.parse(str(FIRST_YEAR)).previous(2) == []
    assert [str(p) for p in Period.parse(f"{FIRST_YEAR}-S2").previous(3)] == [f"{FIRST_YEAR}-S1"]
