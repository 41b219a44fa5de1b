"""'Nilai layanan': a citizen finds the service they received, then its survey form."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db


def links(response):
    html = BeautifulSoup(response.content, "html.parser")
    return {
        a.get_text(" ", strip=True).split(" \u2013 ")[0]: a["href"]
        for a in html.select("a.picker-link")
    }


def test_the_picker_lists_active_services_by_unit_and_leads_to_the_form(client):
    dukcapil = UnitFactory(name="Dinas Kependudukan")
    ServiceFactory(unit=dukcapil, code="KTP-EL", name="Penerbitan KTP Elektronik")
    ServiceFactory(unit=dukcapil, code="KK", name="Penerbitan Kartu Keluarga")
    ServiceFactory(code="OLD", name="Layanan lama", is_active=False)

    response = client.get("/nilai/")

    assert response.status_code == 200
    assert links(response) == {
        "Penerbitan KTP Elektronik": "/nilai/KTP-EL/",
        "Penerbitan Kartu Keluarga": "/nilai/KK/",
    }
    html = BeautifulSoup(response.content, "html.parser")
    assert [h.get_text() for h in html.select(".picker-unit h2")] == ["Dinas Kependudukan"]


def test_the_picker_searches_names_codes_and_units(client):
    puskesmas = UnitFactory(name="Puskesmas Sukamaju")
    ServiceFactory(unit=puskesmas, code="GIGI", name="Pelayanan Poli Gigi")
    ServiceFactory(code="KTP-EL", name="Penerbitan KTP Elektronik")

    assert set(links(client.get("/nilai/?q=ktp"))) == {"Penerbitan KTP Elektronik"}
    assert set(links(client.get("/nilai/?q=puskesmas gigi"))) == {"Pelayanan Poli Gigi"}
    empty = client.get("/nilai/?q=tidakada")
    assert links(empty) == {}
    assert "Tidak ada layanan yang cocok" in empty.content.decode()
