"""HR's recognition and development lists: who is on them, the weakest element and
training suggested, the files, the HR scope and the access log."""

import csv
import io

import pytest
from openpyxl import load_workbook

from feedback.models import AccessLog
from feedback.rules.development import weakest_element
from tests.factories import OfficerFactory, UnitFactory
from tests.feedback.test_hr import counter, hr_token, indicator, rate  # noqa: F401

pytestmark = pytest.mark.django_db
LISTS = "/admin/hr/daftar/"


@pytest.fixture
def rated(counter, client, django_user_model):  # noqa: F811
    """Siti well above the courtesy target, Budi below it with courtesy his weak
    point, Dewi with too few ratings; an HR user signed in."""
    unit, service, point, siti, budi = counter
    dewi = OfficerFactory(unit=unit, name="Dewi")
    indicator(measure="nrr_u7", target="3.00", minimum_respondents=5)
    indicator(name="IKM unsur petugas", measure="ikm_officer", target="75")
    for _ in range(5):
        rate(service, u6=4, u7=4, officer=siti, point=point)
        rate(service, u6=4, u7=2, officer=budi, point=point)
    rate(service, u6=1, u7=1, officer=dewi, point=point)
    hr_token("hr-staff")
    client.force_login(django_user_model.objects.get(username="hr-staff"))
    return siti, budi, dewi


def test_recognition_lists_officers_above_expectation_with_enough_data(rated, client):
    siti, budi, dewi = rated
    html = client.get(f"{LISTS}?periode=2026-Q3&daftar=penghargaan").content.decode()
    assert siti.nip in html
    assert budi.nip not in html and dewi.nip not in html  # below; too few ratings
    entry = AccessLog.objects.get(channel="admin-recognition")
    assert entry.officer_nips == [siti.nip] and entry.period == "2026-Q3"


def test_development_names_the_weakest_element_and_a_training(rated, client):
    siti, budi, dewi = rated
    html = client.get(f"{LISTS}?periode=2026-Q3&daftar=pengembangan").content.decode()
    assert budi.nip in html and siti.nip not in html and dewi.nip not in html
    # Budi: U6 all 4, U7 all 2; both indicators point at courtesy.
    assert "Perilaku pelaksana (U7)" in html and "pelayanan prima" in html
    assert "Kompetensi pelaksana (U6)" not in html


def test_the_list_files_hold_the_rows_with_the_suggestion(rated, client):
    _siti, budi, _dewi = rated
    res = client.get(f"{LISTS}unduh.csv?periode=2026-Q3&daftar=pengembangan")
    assert res.status_code == 200 and "no-store" in res["Cache-Control"]
    rows = list(csv.DictReader(io.StringIO(res.content.decode())))
    assert {r["nip"] for r in rows} == {budi.nip}
    assert {r["weakest_element"] for r in rows} == {"U7"}
    assert all("pelayanan prima" in r["suggested_training"] for r in rows)
    assert {r["weakest_element_nrr"] for r in rows} == {"2.0"}
    xlsx = client.get(f"{LISTS}unduh.xlsx?periode=2026-Q3&daftar=penghargaan")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]][:2] == ["nip", "name"]
    assert sheet.max_row == 1 + 2  # Siti, on both indicators
    assert set(AccessLog.objects.values_list("channel", flat=True)) >= {
        "development-csv",
        "recognition-xlsx",
    }
    assert client.get(f"{LISTS}unduh.pdf?periode=2026-Q3").status_code == 404


def test_the_lists_keep_to_the_hr_scope_and_refuse_others(rated, client, django_user_model):
    siti, _budi, _dewi = rated
    UnitFactory(code="DINKES")
    hr_token("hr-dinkes", unit="DINKES")
    client.force_login(django_user_model.objects.get(username="hr-dinkes"))
    html = client.get(f"{LISTS}?periode=2026-Q3&daftar=penghargaan").content.decode()
    assert siti.nip not in html and siti.name not in html
    rows = client.get(f"{LISTS}unduh.csv?periode=2026-Q3&daftar=penghargaan").content.decode()
    assert siti.nip not in rows
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    client.force_login(editor)
    assert client.get(f"{LISTS}?periode=2026-Q3").status_code in (302, 403)


def test_the_weakest_element_is_the_lowest_mean_answer():
    distribution = {"U6": {1: 0, 2: 1, 3: 1, 4: 0}, "U7": {1: 0, 2: 0, 3: 2, 4: 0}}
    assert weakest_element(distribution) == ("U6", 2.5)
    tie = {"U6": {3: 2}, "U7": {3: 2}}
    assert weakest_element(tie) == ("U6", 3.0)
    assert weakest_element({"U6": {}, "U7": {}}) is None


def test_the_suggested_training_comes_from_hrs_catalogue(rated, client):
    from feedback.models import Training

    Training.objects.create(name="Pelatihan Service Excellence", element="U7")
    Training.objects.create(name="Pelatihan lama", element="U7", is_active=False)
    html = client.get(f"{LISTS}?periode=2026-Q3&daftar=pengembangan").content.decode()
    assert "Pelatihan Service Excellence" in html and "Pelatihan lama" not in html
    assert "pelayanan prima" not in html  # the catalogue's, not the fallback
