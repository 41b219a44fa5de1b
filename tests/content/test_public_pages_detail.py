"""Details a citizen notices on the public pages: a running period says so, the
profile tables read in their natural order, a comment sent twice is quoted once,
the unit's phone can be called, and figures have one format."""

import datetime

import pytest
from bs4 import BeautifulSoup

from content.results import profile_table
from feedback.models import CommentStatus, Response
from tests.factories import ServiceFactory, fill, service_page, unit_page

pytestmark = pytest.mark.django_db


def text(res):
    return BeautifulSoup(res.content, "html.parser").get_text(" ", strip=True)


def test_a_period_not_yet_over_is_marked_as_running(client):
    page = service_page(ServiceFactory(code="KTP-EL"))
    year = datetime.date.today().year
    running = text(client.get(page.url + f"?periode={year}"))
    assert f"Tahun {year} belum berakhir" in running
    assert "(berjalan)" in running  # in the period list too
    past = text(client.get(page.url + f"?periode={year - 2}"))
    assert f"Tahun {year - 2} belum berakhir" not in past


def test_profile_tables_follow_the_natural_order():
    table = profile_table(
        {
            "age": [("30-39", 9), ("<20", 1), ("60+", 4), ("20-29", 7)],
            "sex": [("P", 8), ("L", 3)],
        }
    )
    by_label = {str(row["label"]): [e["value"] for e in row["entries"]] for row in table}
    assert by_label["Usia"] == ["<20", "20-29", "30-39", "60+"]
    assert by_label["Jenis kelamin"][0].startswith("Laki")


def test_a_comment_sent_twice_is_quoted_once(client):
    page = service_page(ServiceFactory(code="KK"))
    fill(page.service, 2, 4, comment="Antrean cepat, petugas ramah.")
    fill(page.service, 1, 4, comment="Ruang tunggu panas.")
    Response.objects.update(comment_status=CommentStatus.APPROVED)
    body = text(client.get(page.url))
    assert body.count("Antrean cepat, petugas ramah.") == 1
    assert "Ruang tunggu panas." in body


def test_the_units_phone_is_a_tel_link(client):
    unit = unit_page(phone="(0274) 123-456")
    soup = BeautifulSoup(client.get(unit.url).content, "html.parser")
    assert soup.select_one('a[href="tel:0274123456"]').get_text() == "(0274) 123-456"


def test_figures_use_comma_decimals_everywhere_on_a_service_page(client):
    page = service_page(ServiceFactory(code="AKTA"))
    fill(page.service, 12, 3)
    soup = BeautifulSoup(client.get(page.url + "?periode=2026-Q3").content, "html.parser")
    section = soup.find("section", attrs={"aria-labelledby": "judul-hasil"})
    figures = [t.get_text() for t in section.select("svg text.bar-value, svg text.point-value")]
    assert figures and all("," in f and "." not in f for f in figures), figures
