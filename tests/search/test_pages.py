"""The search page and API as a citizen or an API client meets them, on the demo Pemda
(database engine, the default)."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from content.models import ServicePage
from search.engines import engine_name

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_every_page_has_a_labelled_search_form_in_its_header(client, demo):
    for url in ("/", ServicePage.objects.get(service__code="KTP-EL").url):
        header = soup(client.get(url)).find("header")
        form = header.find("form", attrs={"role": "search"})
        assert form["action"] == "/cari/" and form["method"] == "get"
        field = form.find("input", attrs={"name": "q"})
        label = header.find("label", attrs={"for": field["id"]})
        assert label.get_text(strip=True) == "Cari layanan atau informasi"


def test_the_search_page_without_a_query_offers_examples(client, demo):
    html = soup(client.get("/cari/"))

    field = html.find("input", id="cari-q")
    assert html.find("label", attrs={"for": "cari-q"}).get_text(strip=True) == "Kata yang dicari"
    assert field["value"] == ""
    assert html.find("a", href="?q=akta+kelahiran")


def test_results_are_a_list_with_page_links(client, demo):
    first = soup(client.get("/cari/", {"q": "pelayanan"}))

    summary = first.find("p", class_="search-summary").get_text(" ", strip=True)
    count = int(summary.split()[0])
    assert count > 10
    assert len(first.select("ol.search-results > li")) == 10
    pages = first.find("nav", attrs={"aria-label": "Halaman hasil pencarian"})
    assert pages.find("a", attrs={"aria-current": "page"}).get_text(" ", strip=True) == "Halaman 1"
    next_link = pages.find("a", rel="next")["href"]
    assert next_link == "?q=pelayanan&halaman=2"

    second = soup(client.get("/cari/" + next_link))
    assert second.find("ol", class_="search-results")["start"] == "11"
    current = second.find("a", attrs={"aria-current": "page"})
    assert current.get_text(" ", strip=True) == "Halaman 2"
    assert second.find("a", rel="prev")


def test_a_page_past_the_end_links_back_to_the_first(client, demo):
    html = soup(client.get("/cari/", {"q": "akta", "halaman": 99}))
    assert html.find("a", string="Kembali ke halaman pertama")["href"] == "?q=akta"


def test_no_results_suggest_a_spelling(client, demo):
    html = soup(client.get("/cari/", {"q": "imunsasi"}))

    suggestion = html.find("p", class_="suggestion").find("a")
    assert suggestion.get_text() == "imunisasi"
    assert suggestion["href"] == "?q=imunisasi"


def test_the_query_is_escaped_on_the_page(client, demo):
    response = client.get("/cari/", {"q": "<script>alert(1)</script>"})
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;" in response.content


def test_api_rejects_bad_parameters_with_field_errors(client, demo):
    for params, field in (
        ({"q": "akta", "page": "0"}, "page"),
        ({"q": "akta", "page_size": "500"}, "page_size"),
        ({"q": "x" * 201}, "q"),
        ({"q": "akta", "type": "petugas"}, "type"),
    ):
        response = client.get("/api/v1/search/", params)
        assert response.status_code == 400, params
        assert field in response.json() and response.json()["message"]


def test_api_results_link_to_live_pages(client, demo):
    body = client.get("/api/v1/search/", {"q": "akta kelahiran"}).json()
    top = body["results"][0]
    assert top["title"] == "Penerbitan Akta Kelahiran"
    assert top["type"] == "layanan" and top["unit"]["code"] == "DISDUKCAPIL"
    assert client.get(top["url"]).status_code == 200


def test_the_api_is_in_the_openapi_schema(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/search/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"q", "unit", "type", "page"}
    assert {"200", "400", "503"} <= set(operation["responses"])


def test_the_engine_follows_the_settings():
    with override_settings(SEARCH_ENGINE="", ELASTICSEARCH_URL=""):
        assert engine_name() == "database"
    with override_settings(SEARCH_ENGINE="", ELASTICSEARCH_URL="http://search:9200"):
        assert engine_name() == "elasticsearch"
    with override_settings(SEARCH_ENGINE="database", ELASTICSEARCH_URL="http://search:9200"):
        assert engine_name() == "database"
