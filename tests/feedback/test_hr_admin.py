"""The HR screens in the admin as HR staff use them: the exports behind the buttons
answer a signed-in session (the API itself takes tokens only), the table pages, and
every figure and label is in Indonesian."""

import csv
import io
import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from feedback.access.permissions import HR_ADMIN_GROUP
from feedback.models import AccessLog
from feedback.personnel import indicators
from feedback.rules.periods import Period
from tests.factories import OfficerFactory, UnitFactory
from tests.feedback.test_hr import counter, get, hr_token, indicator, rate  # noqa: F401

pytestmark = pytest.mark.django_db


def hr_user(django_user_model, username="hr-staff", unit=None):
    hr_token(username, unit=unit)  # the command creates the user in the HR group
    return django_user_model.objects.get(username=username)


def link(html, name, base="/admin/hr/indikator/"):
    soup = BeautifulSoup(html, "html.parser")
    anchor = soup.find("a", string=re.compile(re.escape(name)))
    assert anchor is not None, f"no link {name!r}"
    return urljoin(base, anchor["href"])


@pytest.mark.parametrize("role", ["hr", "hr-admin", "admin"])
def test_the_export_buttons_download_the_api_rows_for_a_signed_in_user(
    counter,  # noqa: F811
    client,
    django_user_model,
    role,
):
    _unit, service, point, siti, _budi = counter
    indicator(measure="nrr_u7", target="3.60")
    for _ in range(5):
        rate(service, u6=4, u7=2, officer=siti, point=point)
    if role == "admin":
        user = django_user_model.objects.create_superuser("boss", password="x")
    else:
        user = hr_user(django_user_model, role)
        if role == "hr-admin":
            user.groups.set([Group.objects.get(name=HR_ADMIN_GROUP)])
    client.force_login(user)
    listing = client.get("/admin/hr/indikator/?periode=2026-Q3").content.decode()

    csv_response = client.get(link(listing, "Unduh CSV"))
    assert csv_response.status_code == 200, csv_response.content[:200]
    assert csv_response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.DictReader(io.StringIO(csv_response.content.decode())))
    api_rows = list(
        csv.DictReader(io.StringIO(get(client, hr_token(), period="2026-Q3", format="csv").text))
    )
    assert rows == api_rows and siti.nip in {r["nip"] for r in rows}

    xlsx_response = client.get(link(listing, "Unduh XLSX (untuk e-Kinerja)"))
    assert xlsx_response.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    assert [c.value for c in sheet[1]][:4] == ["nip", "indicator", "target", "realisation"]
    assert siti.nip in {row[0].value for row in sheet.iter_rows(min_row=2)}
    assert "no-store" in xlsx_response["Cache-Control"]
    assert set(
        AccessLog.objects.filter(channel__in=["admin-csv", "admin-xlsx"]).values_list(
            "channel", flat=True
        )
    ) == {"admin-csv", "admin-xlsx"}


def test_the_export_keeps_to_the_hr_users_units(counter, client, django_user_model):  # noqa: F811
    unit, service, point, siti, _budi = counter
    other = UnitFactory(code="DINKES")
    outsider = OfficerFactory(unit=other, name="Tono")
    indicator(measure="nrr_u7", target="3.00")
    for _ in range(5):
        rate(service, u6=4, u7=4, officer=siti, point=point)
    client.force_login(hr_user(django_user_model, "hr-duk", unit="DISDUKCAPIL"))
    body = client.get("/admin/hr/indikator/unduh.csv?periode=2026-Q3").content.decode()
    assert siti.nip in body and outsider.nip not in body
    # Another unit's code is not a way round the scope.
    body = client.get("/admin/hr/indikator/unduh.csv?periode=2026-Q3&unit=DINKES").content
    assert outsider.nip.encode() not in body


def test_the_export_refuses_staff_outside_hr(client, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get("/admin/hr/indikator/unduh.csv?periode=2026-Q3")
    assert response.status_code in (302, 403)
    assert not AccessLog.objects.exists()


def test_buttons_sit_above_a_paged_table(counter, client, django_user_model):  # noqa: F811
    unit, service, point, _siti, _budi = counter
    for n in range(58):
        OfficerFactory(unit=unit, name=f"Petugas {n:02d}")
    indicator(measure="nrr_u7", target="3.00")
    client.force_login(hr_user(django_user_model))
    html = client.get("/admin/hr/indikator/?periode=2026-Q3").content.decode()
    assert html.index("Unduh XLSX") < html.index('<table class="listing"')
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select("table tbody tr")) == 50
    second = client.get(link(html, "Berikutnya")).content.decode()
    assert len(BeautifulSoup(second, "html.parser").select("table tbody tr")) == 10
    # The export still holds every row, not just the page.
    export = client.get(link(html, "Unduh CSV")).content.decode()
    assert len(export.strip().splitlines()) == 1 + 60


@pytest.fixture
def two_units(counter):  # noqa: F811
    """60 officers at Disdukcapil (Siti and Budi rated) and 3 at a unit listed after
    it, two indicators for everyone: 126 rows, three pages of 50."""
    unit, service, point, siti, budi = counter
    for n in range(58):
        OfficerFactory(unit=unit, name=f"Petugas {n:02d}")
    other = UnitFactory(code="ZDINKES", name="Dinas Kesehatan")
    for n in range(3):
        OfficerFactory(unit=other, name=f"Perawat {n}")
    indicator(measure="nrr_u7", target="3.00")
    indicator(name="NRR kompetensi (U6)", measure="nrr_u6", target="3.00")
    for _ in range(5):
        rate(service, u6=4, u7=3, officer=siti, point=point)
        rate(service, u6=2, u7=2, officer=budi, point=point)


def test_all_units_computes_only_the_pages_officers(
    two_units, client, django_user_model, monkeypatch
):
    client.force_login(hr_user(django_user_model))
    computed = []
    real = indicators.scores_of

    def spy(officers, period):
        computed.append(len(officers))
        return real(officers, period)

    monkeypatch.setattr(indicators, "scores_of", spy)

    rows = 0
    for number in (1, 2, 3):
        html = client.get(f"/admin/hr/indikator/?periode=2026-Q3&p={number}").content.decode()
        rows += len(BeautifulSoup(html, "html.parser").select("table tbody tr"))

    assert rows == 126 and "126 baris indikator" in html
    # Each page computed its own officers (two rows each), never all 63.
    assert computed == [25, 25, 13]
    assert AccessLog.objects.filter(channel="admin-list").count() == 3


def test_the_pages_hold_the_rows_and_figures_of_the_whole_list(two_units, django_user_model):
    user = hr_user(django_user_model)
    period = Period.parse("2026-Q3")
    whole = [s.as_row() for s in indicators.officer_scores(user=user, period=period)]
    pages = indicators.ScorePages(indicators.listed_officers(user=user), period)

    paged = [s.as_row() for s in pages[0:50] + pages[50:100] + pages[100:150]]

    assert len(pages) == len(whole) == 126
    assert paged == whole
    assert [r["estimate"] for r in paged if r["estimate"] is not None]  # Siti and Budi
    # A slice that starts inside an officer's rows starts at that row.
    assert [s.as_row() for s in pages[1:4]] == whole[1:4]


def test_pages_hold_the_whole_list_when_units_have_different_indicators(
    counter,  # noqa: F811
    django_user_model,
):
    """Officers of a unit with its own indicator have more rows than the others, and
    officers of a unit no indicator applies to have none: every slice still holds the
    rows of the whole list, the count included."""
    unit, service, point, siti, budi = counter
    for n in range(4):
        OfficerFactory(unit=unit, name=f"Petugas {n}")
    middle = UnitFactory(code="MDINSOS", name="Dinas Sosial")
    for n in range(3):
        OfficerFactory(unit=middle, name=f"Pekerja {n}")
    last = UnitFactory(code="ZDINKES", name="Dinas Kesehatan")
    for n in range(2):
        OfficerFactory(unit=last, name=f"Perawat {n}")
    indicator(measure="nrr_u7", target="3.00", unit=unit)
    indicator(name="NRR kompetensi (U6)", measure="nrr_u6", target="3.00", unit=unit)
    indicator(name="IKM petugas", measure="ikm_officer", target="75", unit=last)
    for _ in range(5):
        rate(service, u6=4, u7=3, officer=siti, point=point)
    user = hr_user(django_user_model)
    period = Period.parse("2026-Q3")
    whole = [s.as_row() for s in indicators.officer_scores(user=user, period=period)]
    pages = indicators.ScorePages(indicators.listed_officers(user=user), period)

    # 6 officers x 2 rows at Disdukcapil, none at Dinas Sosial, 2 x 1 at Dinas Kesehatan.
    assert len(pages) == len(whole) == 14
    for size in (1, 3, 5, 14, 50):
        paged = [s.as_row() for n in range(0, 14, size) for s in pages[n : n + size]]
        assert paged == whole, size
    assert [s.as_row() for s in pages[11:13]] == whole[11:13]
    assert pages[14:20] == []


def test_hr_screens_speak_indonesian_with_one_number_format(
    counter,  # noqa: F811
    client,
    django_user_model,
):
    _unit, service, point, siti, _budi = counter
    indicator(measure="nrr_u7", target="3.60")
    indicator(name="IKM petugas", measure="ikm_officer", target="71")
    for _ in range(5):
        rate(service, u6=4, u7=3, officer=siti, point=point)
    client.force_login(hr_user(django_user_model))
    listing = client.get("/admin/hr/indikator/?periode=2026-Q3").content.decode()
    detail = client.get(f"/admin/hr/petugas/{siti.nip}/?periode=2026-Q3").content.decode()
    for html in (listing, detail):
        text = BeautifulSoup(html, "html.parser").select_one("table").get_text(" ")
        assert "3,60" in text and "71,00" in text  # targets
        assert "3,00" in text and "87,50" in text  # realisations
        assert "83,3%" in text or "83,3 %" in text  # achievement 3.00 / 3.60
        assert not re.search(r"\b(above|meets|below)\b", text)
        assert re.search(r"(Di atas|Sesuai|Di bawah) ekspektasi", text)
        assert not re.search(r"\d\.\d", text)  # no decimal points
    # The period is a select, not a free-text box.
    soup = BeautifulSoup(listing, "html.parser")
    assert soup.select_one("select[name=periode] option[selected]")["value"] == "2026-Q3"
