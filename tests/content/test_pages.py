"""What a citizen sees on the public pages: links, the published standard, language."""

from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from content.models import ServicePage, StandardPage, UnitPage
from feedback.models import Officer
from tests.factories import (
    ServiceFactory,
    UnitFactory,
    draft_service_page,
    home_page,
    service_page,
    unit_page,
)

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DELIVERY_HEADINGS = [
    "Persyaratan",
    "Sistem, mekanisme, dan prosedur",
    "Jangka waktu penyelesaian",
    "Biaya/tarif",
    "Produk pelayanan",
    "Penanganan pengaduan, saran, dan masukan",
]
MANAGEMENT_HEADINGS = [
    "Dasar hukum",
    "Sarana dan prasarana, dan/atau fasilitas",
    "Kompetensi pelaksana",
    "Pengawasan internal",
    "Jumlah pelaksana",
    "Jaminan pelayanan",
    "Jaminan keamanan dan keselamatan pelayanan",
    "Evaluasi kinerja pelaksana",
]


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(node):
    return " ".join(node.get_text(" ").split())


def hrefs(response):
    return {urlparse(a["href"]).path for a in soup_of(response).find_all("a", href=True)}


def headings_in(section):
    """Component headings without their running number ("1. Persyaratan" -> "Persyaratan")."""
    return [text_of(h).split(". ", 1)[-1] for h in section.find_all("h3")]


def test_home_page_links_to_every_live_unit_and_service_page(client, demo):
    response = client.get("/")

    assert response.status_code == 200
    expected = {p.url for p in UnitPage.objects.live()} | {
        p.url for p in ServicePage.objects.live()
    }
    assert len(expected) == 9 + 25
    linked = hrefs(response)
    assert expected <= linked
    # Nothing else under the unit tree is linked: no stale or draft pages.
    unit_index = "/unit/"
    assert {h for h in linked if h.startswith(unit_index) and h != unit_index} == expected


def test_service_page_shows_the_six_delivery_and_eight_management_components(client, demo):
    page = ServicePage.objects.get(service__code="KTP-EL")

    soup = soup_of(client.get(page.url))

    delivery = soup.find("section", attrs={"aria-labelledby": "judul-penyampaian"})
    management = soup.find("section", attrs={"aria-labelledby": "judul-pengelolaan"})
    assert headings_in(delivery) == DELIVERY_HEADINGS
    assert headings_in(management) == MANAGEMENT_HEADINGS
    # Each component's own text sits in its section, not just its heading.
    assert "Kartu Keluarga" in text_of(delivery)  # from the requirements list
    assert page.jangka_waktu in text_of(delivery)
    assert page.produk in text_of(delivery)
    assert "Undang-Undang Nomor 25 Tahun 2009" in text_of(management)
    for value in (
        page.jumlah_pelaksana,
        page.jaminan_pelayanan,
        page.jaminan_keamanan,
        page.evaluasi_kinerja,
    ):
        assert value in text_of(management)
    assert "Undang-Undang Nomor 25 Tahun 2009" not in text_of(delivery)


def test_service_page_shows_the_units_maklumat_with_its_signatory(client, demo):
    page = ServicePage.objects.get(service__code="KTP-EL")
    unit = UnitPage.objects.get(unit__code="DISDUKCAPIL")
    assert unit.maklumat and unit.maklumat_signatory

    soup = soup_of(client.get(page.url))

    maklumat = soup.find("section", attrs={"aria-labelledby": "judul-maklumat"})
    assert maklumat is not None
    assert "Maklumat Pelayanan" in text_of(maklumat.find("h2"))
    assert text_of(BeautifulSoup(unit.maklumat, "html.parser")) in text_of(maklumat)
    assert unit.maklumat_signatory in text_of(maklumat)
    assert unit.maklumat_signatory_position in text_of(maklumat)
    assert "2 Januari 2025" in text_of(maklumat)


def test_a_free_service_says_gratis(client):
    page = service_page(biaya=0, biaya_keterangan="")

    soup = soup_of(client.get(page.url))
    facts = soup.find("ul", class_="quick-facts")

    assert "Biaya Gratis" in text_of(facts)
    assert "Rp" not in text_of(facts)
    delivery = soup.find("section", attrs={"aria-labelledby": "judul-penyampaian"})
    assert "Biaya/tarif Gratis (tidak dipungut biaya)" in text_of(delivery)


def test_a_paid_service_shows_the_fee_with_indonesian_thousands_separator(client):
    page = service_page(biaya=75000, biaya_keterangan="")

    soup = soup_of(client.get(page.url))

    assert "Biaya Rp75.000" in text_of(soup.find("ul", class_="quick-facts"))
    delivery = text_of(soup.find("section", attrs={"aria-labelledby": "judul-penyampaian"}))
    assert "Biaya/tarif Rp75.000" in delivery
    assert "75,000" not in delivery
    assert "Gratis" not in delivery


def test_a_draft_service_page_is_not_public_and_not_linked_from_home(client):
    unit = unit_page()
    draft = draft_service_page(service=ServiceFactory(unit=unit.unit), parent=unit)

    assert client.get(draft.url).status_code == 404
    assert draft.url not in hrefs(client.get("/"))
    assert draft.url not in hrefs(client.get(unit.url))


def test_unpublishing_a_service_page_removes_its_link_from_home(client):
    page = service_page()
    assert page.url in hrefs(client.get("/"))

    page.unpublish()

    assert page.url not in hrefs(client.get("/"))
    assert client.get(page.url).status_code == 404


def test_unit_page_lists_its_services_and_sub_units(client):
    dinkes = unit_page(UnitFactory(code="DINKES-UJI", name="Dinas Kesehatan Uji"))
    puskesmas_unit = UnitFactory(
        code="PKM-UJI", name="Puskesmas Uji", level="unit_layanan", parent=dinkes.unit
    )
    puskesmas = unit_page(puskesmas_unit, parent=dinkes)
    own = service_page(ServiceFactory(unit=dinkes.unit, name="Sertifikat Higiene"), parent=dinkes)
    child_service = service_page(ServiceFactory(unit=puskesmas_unit), parent=puskesmas)

    soup = soup_of(client.get(dinkes.url))

    services = soup.find("section", attrs={"aria-labelledby": "judul-layanan-unit"})
    sub_units = soup.find("section", attrs={"aria-labelledby": "judul-subunit"})
    service_links = {urlparse(a["href"]).path for a in services.find_all("a")}
    assert service_links == {own.url}
    assert "Sertifikat Higiene" in text_of(services)
    assert {urlparse(a["href"]).path for a in sub_units.find_all("a")} == {puskesmas.url}
    assert child_service.url not in service_links


@pytest.mark.parametrize(
    "which",
    ["home", "unit", "service", "information", "not found"],
)
def test_pages_have_one_h1_a_main_landmark_a_skip_link_and_indonesian_lang(client, demo, which):
    url = {
        "home": lambda: "/",
        "unit": lambda: UnitPage.objects.get(unit__code="DINKES").url,
        "service": lambda: ServicePage.objects.get(service__code="UJI-KIR").url,
        "information": lambda: StandardPage.objects.get(slug="metodologi").url,
        "not found": lambda: "/tidak-ada-halaman-ini/",
    }[which]()

    soup = soup_of(client.get(url))

    assert soup.html["lang"] == "id"
    assert len(soup.find_all("h1")) == 1
    main = soup.find_all("main")
    assert len(main) == 1 and main[0]["id"] == "isi"
    # The skip link is the first thing a keyboard user reaches.
    first_link = soup.body.find("a")
    assert first_link["href"] == "#isi"
    assert text_of(first_link) == "Langsung ke isi"


def test_the_language_switch_leads_to_the_english_page(client):
    home_page()
    english = soup_of(client.get("/")).select_one("nav.lang a[hreflang=en]")["href"]
    assert english == "/en/"

    soup = soup_of(client.get(english))

    assert soup.html["lang"] == "en"
    assert soup.select_one("nav.lang [aria-current=page]").get_text(strip=True) == "English"


def test_the_not_found_page_speaks_indonesian(client):
    home_page()

    response = client.get("/tidak-ada/")

    assert response.status_code == 404
    soup = soup_of(response)
    assert text_of(soup.find("h1")) == "Halaman tidak ditemukan"
    assert "Kembali ke beranda" in text_of(soup)
    assert soup.find("a", string="Kembali ke beranda")["href"] == "/"


def test_sitemap_lists_service_pages_and_never_an_officer_nip(client, demo):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    body = response.content.decode()
    locs = {urlparse(loc.text).path for loc in ElementTree.fromstring(body).iter(f"{SITEMAP}loc")}
    assert {p.url for p in ServicePage.objects.live()} <= locs
    nips = list(Officer.objects.values_list("nip", flat=True))
    assert len(nips) == 51  # 50 loket officers and the demo supervisor
    assert not [nip for nip in nips if nip in body]


def test_sitemap_lists_every_page_in_both_languages_with_hreflang_alternates(client, demo):
    body = client.get("/sitemap.xml").content.decode()
    xhtml = "{http://www.w3.org/1999/xhtml}"
    entries = {
        urlparse(url.find(f"{SITEMAP}loc").text).path: {
            link.get("hreflang"): urlparse(link.get("href")).path
            for link in url.iter(f"{xhtml}link")
        }
        for url in ElementTree.fromstring(body).iter(f"{SITEMAP}url")
    }
    page = ServicePage.objects.live().first()
    english = f"/en{page.url}"
    expected = {"id": page.url, "en": english, "x-default": page.url}
    assert entries[page.url] == entries[english] == expected
    assert len(entries) == 2 * len([p for p in entries if not p.startswith("/en/")])
    assert client.get(english).status_code == 200
