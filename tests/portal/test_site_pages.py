"""Site-wide pages: robots.txt, error pages in both languages, sharing metadata, favicon."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from django.views import defaults
from PIL import Image as PILImage

from content.models import PemdaSettings
from tests.factories import ServiceFactory, home_page, service_page


def soup(content):
    return BeautifulSoup(content, "html.parser")


@pytest.mark.django_db
def test_robots_txt_keeps_admin_and_kiosk_out_and_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /kiosk/", "Disallow: /en/kiosk/"} <= set(lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    # Public pages stay crawlable.
    assert "Disallow: /" not in lines


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, heading, home_link",
    [
        ("id", "Halaman tidak ditemukan", "Kembali ke beranda"),
        ("en", "Page not found", "Back to the home page"),
    ],
)
def test_the_not_found_page_speaks_the_active_language(language, heading, home_link):
    home_page()
    prefix = "" if language == "id" else "/en"
    request = RequestFactory().get(f"{prefix}/tidak-ada/")
    with translation.override(language):
        response = defaults.page_not_found(request, Http404())

    assert response.status_code == 404
    html = soup(response.content)
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True) == heading
    assert html.find("a", string=home_link)["href"] == f"{prefix}/"
    # The site's own header and search are there, so the visitor can carry on.
    assert html.find("form", role="search")["action"] == f"{prefix}/cari/"


@pytest.mark.parametrize(
    "language, heading",
    [("id", "Terjadi kesalahan pada server"), ("en", "Something went wrong on our side")],
)
def test_the_server_error_page_renders_without_the_database(language, heading):
    # No django_db mark: any query here would fail the test. The 500 page is
    # rendered when the database may be what broke.
    request = RequestFactory().get("/")
    with translation.override(language):
        response = defaults.server_error(request)

    assert response.status_code == 500
    html = soup(response.content)
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True) == heading
    assert html.find("link", rel="stylesheet")["href"].endswith("css/portal.css")


@pytest.mark.django_db
def test_pages_carry_open_graph_metadata_and_a_fallback_favicon(client):
    page = service_page(
        ServiceFactory(code="KTP-EL", name="Penerbitan KTP Elektronik"),
        search_description="Syarat dan cara membuat KTP-el.",
    )

    html = soup(client.get(page.url).content)

    og = {m["property"]: m["content"] for m in html.find_all("meta", property=True)}
    assert og["og:title"] == "Penerbitan KTP Elektronik"
    assert og["og:description"] == "Syarat dan cara membuat KTP-el."
    assert og["og:url"] == f"http://testserver{page.url}"
    assert og["og:image"] == "http://testserver/static/img/og-default.png"
    assert og["og:locale"] == "id_ID"
    assert html.find("link", rel="icon")["href"] == "/static/img/favicon.svg"


@pytest.mark.django_db
def test_the_favicon_and_sharing_image_come_from_the_pemda_logo(client, settings, tmp_path):
    from wagtail.images.models import Image

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PILImage.new("RGB", (300, 300), "#336699").save(buffer, "PNG")
    logo = Image.objects.create(title="Logo", file=ImageFile(buffer, name="logo.png"))
    pemda = PemdaSettings.load()
    pemda.logo = logo
    pemda.save()
    home_page()

    html = soup(client.get("/").content)

    icon = html.find("link", rel="icon")["href"]
    assert icon.startswith("/media/images/logo") and ".fill-64x64" in icon
    image = html.find("meta", property="og:image")["content"]
    assert image.startswith("http://testserver/media/images/logo")
    assert html.find("img", class_="brand-logo")["src"] == icon


@pytest.mark.django_db
def test_every_page_has_a_meta_description(client):
    """Search engines and link previews show it: the picker says what it is for, a page
    without its own description gets the portal's."""
    page = service_page(ServiceFactory(code="KTP-EL"), search_description="")

    for url, expected in (
        ("/nilai/", "Pilih layanan yang baru Anda terima"),
        (page.url, "Standar pelayanan, survei kepuasan masyarakat dan hasilnya."),
        ("/en/nilai/", "Choose the service you just received"),
    ):
        meta = soup(client.get(url).content).find("meta", attrs={"name": "description"})
        assert meta is not None, f"{url}: no meta description"
        assert meta["content"].startswith(expected), (url, meta["content"])
