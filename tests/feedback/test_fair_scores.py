"""Fair scores: the empirical Bayes estimate and the rank bands, against figures
worked out by hand, and as HR reads them through the API, the screen and the files."""

import csv
import io
from fractions import Fraction

import pytest

from feedback.rules.fair_scores import Sample, rank_bands, shrunk, unit_prior
from tests.factories import OfficerFactory
from tests.feedback.test_hr import counter, get, hr_token, indicator, rate  # noqa: F401


def sample(*answers):
    return Sample(len(answers), sum(answers), sum(a * a for a in answers))


# Three officers of one unit (U7, scale 1-4). By hand:
#   A 4 4 4 2      n=4 mean 3.5   SS within 52 - 14^2/4 = 3
#   B 2 3          n=2 mean 2.5   SS within 13 - 5^2/2 = 0.5
#   C 3 3 3 3 2 4  n=6 mean 3.0   SS within 56 - 18^2/6 = 2
# N=12, g=3, unit mean 37/12; MSW = 5.5/9 = 11/18; MSB = 1.41667/2 = 17/24;
# n0 = (12 - 56/12)/2 = 11/3; tau2 = (17/24 - 11/18)/(11/3) = 7/264;
# w_A = 4 tau2 / (4 tau2 + MSW) = 21/142, estimate_A = 3.5 w + 37/12 (1 - w) = 3.14495.
A, B, C = sample(4, 4, 4, 2), sample(2, 3), sample(3, 3, 3, 3, 2, 4)


def test_the_unit_prior_is_the_method_of_moments_by_hand():
    prior = unit_prior([A, B, C])
    assert prior.mean == pytest.approx(37 / 12)
    assert prior.within == pytest.approx(11 / 18)
    assert prior.between == pytest.approx(7 / 264)
    assert prior.weight(4) == pytest.approx(21 / 142)
    assert prior.weight(2) == pytest.approx(21 / 263)
    assert prior.weight(6) == pytest.approx(63 / 305)


def test_the_estimate_is_pulled_toward_the_unit_mean_the_more_the_fewer_ratings():
    prior = unit_prior([A, B, C])
    assert shrunk(A, prior) == pytest.approx(
        float(Fraction(7, 2) * Fraction(21, 142) + Fraction(37, 12) * Fraction(121, 142))
    )
    assert round(shrunk(A, prior), 2) == 3.14
    assert round(shrunk(B, prior), 2) == 3.04  # 2.5 with two ratings is barely evidence
    assert round(shrunk(C, prior), 2) == 3.07


def test_degenerate_units_fall_back_as_documented():
    alone = unit_prior([A])
    assert shrunk(A, alone) == pytest.approx(3.5)  # nothing to shrink toward
    once = unit_prior([sample(4), sample(2)])
    assert shrunk(sample(4), once) == 4  # spread within unknown: raw mean
    exact = unit_prior([sample(4, 4), sample(2, 2, 2)])
    assert shrunk(sample(4, 4), exact) == 4  # no spread within: each mean is exact
    alike = unit_prior([sample(4, 2), sample(2, 4), sample(3, 3)])
    assert alike.between == 0
    assert shrunk(sample(4, 2), alike) == pytest.approx(3.0)  # no evidence they differ
    assert shrunk(Sample(0, 0, 0), unit_prior([])) is None


def test_officers_whose_intervals_overlap_share_a_band():
    bands = rank_bands(
        {
            "a": (3.2, 3.8),
            "b": (3.0, 3.3),  # overlaps a
            "c": (2.5, 2.9),  # below b's interval: a band of its own
            "d": (1.0, 2.6),  # overlaps c
            "e": (0.5, 0.9),
        }
    )
    assert bands == {"a": 1, "b": 1, "c": 2, "d": 2, "e": 3}


def test_a_chain_of_overlaps_is_one_band_so_no_overlapping_pair_is_split():
    # x and z do not overlap, but ranking z below y or y below x would split a pair
    # whose intervals overlap.
    assert set(rank_bands({"x": (3, 4), "y": (2, 3.1), "z": (1, 2.05)}).values()) == {1}


@pytest.mark.django_db
def test_the_hr_api_and_files_give_the_estimate_and_band_computed_by_hand(counter, client):  # noqa: F811
    unit, service, point, siti, budi = counter
    citra = OfficerFactory(unit=unit, name="Citra")
    indicator(minimum_respondents=2)
    for officer, answers in ((siti, (4, 4, 4, 2)), (budi, (2, 3)), (citra, (3, 3, 3, 3, 2, 4))):
        for value in answers:
            rate(service, u6=3, u7=value, officer=officer, point=point)
    key = hr_token()
    rows = {r["nip"]: r for r in get(client, key, period="2026-Q3").json()["results"]}
    assert rows[siti.nip]["realisation"] == 3.5
    assert [rows[o.nip]["estimate"] for o in (siti, budi, citra)] == [3.14, 3.04, 3.07]
    # Intervals (2.52-4.48), (1.52-3.48), (2.49-3.51) overlap: one band, no ranking.
    assert {rows[o.nip]["band"] for o in (siti, budi, citra)} == {1}
    # The figures are the unit's, not the filter's.
    one = get(client, key, period="2026-Q3", nip=budi.nip).json()["results"]
    assert one[0]["estimate"] == 3.04
    text = get(client, key, period="2026-Q3", format="csv").content.decode()
    by_nip = {r["nip"]: r for r in csv.DictReader(io.StringIO(text))}
    assert by_nip[siti.nip]["estimate"] == "3.14" and by_nip[siti.nip]["band"] == "1"


@pytest.mark.django_db
def test_officers_apart_get_different_bands_and_too_few_ratings_get_none(counter, client):  # noqa: F811
    unit, service, point, siti, budi = counter
    newcomer = OfficerFactory(unit=unit, name="Dewi")
    indicator(minimum_respondents=5)
    for _ in range(5):
        rate(service, u6=3, u7=4, officer=siti, point=point)
        rate(service, u6=3, u7=2, officer=budi, point=point)
    rate(service, u6=3, u7=1, officer=newcomer, point=point)
    rows = {r["nip"]: r for r in get(client, hr_token(), period="2026-Q3").json()["results"]}
    assert (rows[siti.nip]["band"], rows[budi.nip]["band"]) == (1, 2)
    assert rows[newcomer.nip]["estimate"] is None and rows[newcomer.nip]["band"] is None
    assert rows[newcomer.nip]["realisation"] is None  # the sufficiency rule stands


@pytest.mark.django_db
def test_the_hr_screen_shows_the_estimate_and_band(counter, client, django_user_model):  # noqa: F811
    unit, service, point, siti, budi = counter
    indicator(minimum_respondents=2)
    for value in (4, 4, 4, 2):
        rate(service, u6=3, u7=value, officer=siti, point=point)
    for value in (2, 3):
        rate(service, u6=3, u7=value, officer=budi, point=point)
    hr_token("hr-staff")  # creates the user in the HR group
    client.force_login(django_user_model.objects.get(username="hr-staff"))
    html = client.get("/admin/hr/indikator/?periode=2026-Q3").content.decode()
    assert "Estimasi wajar" in html and "Kelompok" in html
    # By hand: unit mean 19/6, MSW 0.875, MSB 4/3, n0 8/3, tau2 0.171875;
    # w = 0.44 for Siti (3.5 -> 3.31), 0.282 for Budi (2.5 -> 2.98).
    assert "3,31" in html and "2,98" in html


@pytest.mark.django_db
def test_the_openapi_schema_documents_estimate_band_and_appeals(client):
    from tests.portal.test_api import schema_json

    schemas = schema_json(client)["components"]["schemas"]
    row = schemas["HRIndicatorRow"]["properties"]
    assert row["estimate"]["type"] == "number" and row["estimate"].get("nullable")
    assert row["band"]["type"] == "integer" and row["band"].get("nullable")
    appeals = schemas["HRIndicatorAppeals"]["properties"]
    assert set(appeals) == {"accepted", "rejected"}
