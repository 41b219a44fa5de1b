"""The IKM arithmetic against hand-worked examples and the regulation's tables."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedback.rules import ikm
from feedback.rules.skm import CODES


def sums_of(rows):
    return {code: sum(r[i] for r in rows) for i, code in enumerate(CODES)}


def result_of(rows, minimum=1):
    totals = [sum(r) for r in rows]
    return ikm.result(
        count=len(rows),
        sums=sums_of(rows),
        total_sq_sum=sum(t * t for t in totals),
        minimum=minimum,
    )


def test_all_answers_4_give_exactly_100_not_99_90():
    r = result_of([[4] * 9] * 37)
    assert r.ikm == 100.0
    assert r.mutu == "A" and r.kinerja == "Sangat Baik"
    # what a spreadsheet with the rounded 0.111 weight reports instead
    assert round(sum(4 * 0.111 for _ in range(9)) * 25, 2) == 99.9


def test_all_answers_1_give_25():
    r = result_of([[1] * 9] * 12)
    assert r.ikm == 25.0 and r.mutu == "D"


def test_hand_worked_example():
    # Three respondents. NRR per element: U1 (4+3+3)/3, U2 (3+3+2)/3, ...
    rows = [
        [4, 3, 3, 4, 3, 4, 4, 2, 3],
        [3, 3, 2, 4, 3, 3, 4, 2, 3],
        [3, 2, 2, 4, 3, 3, 3, 3, 2],
    ]
    r = result_of(rows)
    assert r.nrr["U1"] == pytest.approx(10 / 3, abs=1e-4)
    assert r.nrr["U3"] == pytest.approx(7 / 3, abs=1e-4)
    # respondents total 30 + 27 + 25 = 82; IKM = 82 / 27 x 25 = 75.9259... -> 75.93,
    # just under B's lower bound of 76.61: band C
    assert r.ikm_exact == Fraction(82 * 25, 27)
    assert r.ikm == 75.93
    assert (r.mutu, r.kinerja) == ("C", "Kurang Baik")


@pytest.mark.parametrize(
    "value, mutu",
    [
        (100, "A"),
        (88.31, "A"),
        (88.305, "A"),
        (88.3049, "B"),
        (88.30, "B"),
        (76.61, "B"),
        (76.605, "B"),
        (76.6049, "C"),
        (76.60, "C"),
        (65.00, "C"),
        (64.995, "C"),
        (64.994, "D"),
        (64.99, "D"),
        (25, "D"),
    ],
)
def test_bands_compare_the_ikm_rounded_to_two_decimals(value, mutu):
    assert ikm.band_for(value).mutu == mutu


def test_band_labels():
    assert [(b.mutu, b.kinerja) for b in ikm.BANDS] == [
        ("A", "Sangat Baik"),
        ("B", "Baik"),
        ("C", "Kurang Baik"),
        ("D", "Tidak Baik"),
    ]


def test_exact_fractions_on_a_band_boundary():
    # 88.31 exactly as a fraction of answers: must land in A, not B by float error
    assert ikm.band_for(Fraction(8831, 100)).mutu == "A"
    assert ikm.round2(Fraction(1, 3) * 100) == Decimal("33.33")


@pytest.mark.parametrize(
    "population, sample", [(100, 80), (1000, 278), (10000, 370), (1000000, 384), (10, 10), (1, 1)]
)
def test_krejcie_morgan_check_points(population, sample):
    assert ikm.krejcie_morgan(population) == sample


def test_krejcie_morgan_rejects_an_empty_population():
    with pytest.raises(ValueError):
        ikm.krejcie_morgan(0)


def test_results_below_the_minimum_are_suppressed():
    r = result_of([[4] * 9] * 9, minimum=10)
    assert r.suppressed and r.respondents == 9
    assert (r.ikm, r.nrr, r.mutu, r.ci95) == (None, None, None, None)
    assert not result_of([[4] * 9] * 10, minimum=10).suppressed


def test_confidence_interval_narrows_with_more_respondents():
    few = result_of([[3] * 9, [4] * 9, [2] * 9, [3] * 9] * 3)
    many = result_of([[3] * 9, [4] * 9, [2] * 9, [3] * 9] * 100)
    assert few.ikm == many.ikm == 75.0
    assert few.ci95[0] < many.ci95[0] < 75.0 < many.ci95[1] < few.ci95[1]


def test_the_weakest_elements_are_the_lowest_nrr():
    rows = [[4, 4, 1, 4, 4, 4, 4, 2, 3]] * 10
    assert result_of(rows).weakest == ["U3", "U8", "U9"]


def test_ikm_needs_all_nine_elements():
    with pytest.raises(ValueError):
        ikm.ikm_from_nrr({"U1": Fraction(4)})


answers = st.lists(st.integers(min_value=1, max_value=4), min_size=9, max_size=9)


@given(st.lists(answers, min_size=1, max_size=60))
def test_ikm_is_always_within_25_and_100(rows):
    r = result_of(rows)
    assert 25 <= r.ikm <= 100
    assert r.mutu in {"A", "B", "C", "D"}
    if r.ci95:
        assert 25 <= r.ci95[0] <= r.ikm <= r.ci95[1] <= 100


@given(st.lists(answers, min_size=1, max_size=40), st.randoms())
def test_the_order_of_respondents_changes_nothing(rows, rng):
    shuffled = list(rows)
    rng.shuffle(shuffled)
    assert result_of(rows) == result_of(shuffled)


@given(st.lists(answers, min_size=1, max_size=40))
def test_ikm_equals_the_mean_of_respondent_scores(rows):
    per_respondent = [Fraction(sum(r), 9) * 25 for r in rows]
    assert result_of(rows).ikm_exact == sum(per_respondent) / len(rows)
