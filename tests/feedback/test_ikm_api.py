import csv
import datetime
import io

import pytest

from feedback.intake import parsing, storing
from tests.factories import ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db


def fill(service, count, value, day=datetime.date(2026, 8, 10)):
    for i in range(count):
        answers = {f"U{n}": value for n in range(1, 10)}
        answers["U9"] = 1 + i % 4  # some spread, so the interval is not a point
        sub = parsing.parse_submission(
            {"service": service.code, "answers": answers, "served_on": day},
            today=datetime.date(2026, 11, 22),
        )
        storing.response_submit(sub, channel="paper")


@pytest.fixture
def data():
    unit = UnitFactory(code="DISDUKCAPIL", name="Disdukcapil")
    ktp = ServiceFactory(code="KTP-EL", unit=unit)
    rare = ServiceFactory(code="IZIN-TRAYEK", unit=unit)
    fill(ktp, 20, 4)
    fill(rare, 4, 2)
    return unit, ktp, rare


def test_ikm_of_a_service_has_the_contract_shape(client, data):
    body = client.get("/api/v1/ikm/?service=KTP-EL&period=2026-Q3").json()
    assert set(body) >= {
        "scope",
        "period",
        "respondents",
        "suppressed",
        "nrr",
        "ikm",
        "mutu",
        "kinerja",
        "ci95",
    }
    assert body["period"] == "2026-Q3" and body["respondents"] == 20
    assert body["suppressed"] is False
    assert set(body["nrr"]) == {f"U{n}" for n in range(1, 10)}
    assert body["nrr"]["U1"] == 4.0 and body["nrr"]["U9"] == 2.5
    assert body["ikm"] == 95.83 and body["mutu"] == "A" and body["kinerja"] == "Sangat Baik"
    low, high = body["ci95"]
    assert low < body["ikm"] < high
    assert body["scope"]["code"] == "KTP-EL"


def test_below_the_public_minimum_figures_are_null_and_suppressed(client, data):
    body = client.get("/api/v1/ikm/?service=IZIN-TRAYEK&period=2026-Q3").json()
    assert body["suppressed"] is True and body["respondents"] == 4
    assert all(body[k] is None for k in ("nrr", "ikm", "mutu", "kinerja", "ci95"))


def test_the_public_minimum_is_a_setting(client, data, settings):
    settings.SKM_PUBLIC_MIN_RESPONDENTS = 3
    body = client.get("/api/v1/ikm/?service=IZIN-TRAYEK&period=2026-Q3").json()
    # eight elements at 2 and U9 averaging 2.5: (16 + 2.5) / 9 x 25
    assert body["suppressed"] is False and body["ikm"] == 51.39


def test_unit_and_pemda_scopes(client, data):
    unit = client.get("/api/v1/ikm/?unit=disdukcapil&period=2026").json()
    assert unit["respondents"] == 24 and unit["scope"]["type"] == "unit"
    pemda = client.get("/api/v1/ikm/?period=2026-08").json()
    assert pemda["respondents"] == 24 and pemda["scope"]["type"] == "pemda"


@pytest.mark.parametrize("period", ["2026-Q5", "2026-S3", "2026-13", "26", "2026-W01"])
def test_a_bad_period_is_400(client, data, period):
    res = client.get(f"/api/v1/ikm/?service=KTP-EL&period={period}")
    assert res.status_code == 400
    assert "period" in res.json() and res.json()["message"]


def test_unknown_scope_is_404_and_both_scopes_name_the_service_of_that_unit(client, data):
    assert client.get("/api/v1/ikm/?service=NOPE&period=2026").status_code == 404
    assert client.get("/api/v1/ikm/?unit=NOPE&period=2026").status_code == 404
    # Both: the service, when it belongs to that unit (a schema-valid request is not a 400).
    both = client.get("/api/v1/ikm/?unit=DISDUKCAPIL&service=KTP-EL&period=2026-Q3")
    assert both.status_code == 200
    assert both.json()["scope"]["type"] == "service" and both.json()["respondents"] == 20
    UnitFactory(code="DINKES")
    res = client.get("/api/v1/ikm/?unit=DINKES&service=KTP-EL&period=2026-Q3")
    assert res.status_code == 404 and res.json()["unit"]


def test_csv_download_of_public_figures(client, data):
    res = client.get("/api/v1/ikm/table/?period=2026-Q3&level=service&format=csv")
    assert res["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(res.content.decode())))
    by_code = {r["code"]: r for r in rows}
    assert by_code["KTP-EL"]["ikm"] == "95.83"
    assert by_code["IZIN-TRAYEK"]["ikm"] == "" and by_code["IZIN-TRAYEK"]["suppressed"] == "True"
    assert list(by_code) == ["KTP-EL", "IZIN-TRAYEK"]  # ranked, suppressed last
