"""The contract every search engine passes, on the same fixture corpus (conftest.py).

Each test runs once on the database engine and once on Elasticsearch (osmem-server,
or the cluster at ELASTICSEARCH_URL).
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError
from wagtail.search.models import IndexEntry

from content.models import StandardPage
from search.engines import SearchUnavailable, get_engine
from tests.factories import home_page, publish_child

from .conftest import (
    OFFICER_NAME,
    OFFICER_NIP,
    PENDING_COMMENT,
    REJECTED_COMMENT,
    free_port,
)

pytestmark = pytest.mark.django_db


def titles(results):
    return [hit.title for hit in results.hits]


def facet(results, name):
    return {f.value: f.count for f in results.facets[name]}


# Finding


def test_finds_a_service_by_a_word_of_its_name(corpus):
    results = corpus.engine.search("akta")

    assert titles(results)[0] == "Penerbitan Akta Kelahiran"


def test_finds_a_service_by_a_word_of_its_requirements(corpus):
    results = corpus.engine.search("kepolisian")

    assert titles(results) == ["Penerbitan KTP Elektronik"]


def test_finds_units_information_pages_and_reports(corpus):
    assert "Dinas Kesehatan" in titles(corpus.engine.search("kesehatan masyarakat"))
    assert titles(corpus.engine.search("sembilan unsur")) == ["Tentang Survei Kepuasan Masyarakat"]
    assert titles(corpus.engine.search("poliklinik")) == ["Laporan SKM Semester I 2026"]


def test_finds_a_service_by_its_code(corpus):
    assert titles(corpus.engine.search("SIPB"))[0] == "Penerbitan Surat Izin Praktik Bidan"


def test_a_word_being_typed_matches_as_a_prefix(corpus):
    results = corpus.engine.search("akta kelahi")

    assert titles(results)[0] == "Penerbitan Akta Kelahiran"


def test_a_misspelt_word_gets_a_did_you_mean(corpus):
    results = corpus.engine.search("kependudukn")

    assert results.suggestion == "kependudukan"
    if corpus.engine.name == "elasticsearch":
        # Typo tolerance: the pages are found anyway.
        assert "Dinas Kependudukan dan Pencatatan Sipil" in titles(results)


def test_indonesian_word_forms(corpus, settings):
    """'lahir' finds 'kelahiran' wherever the engine stems Indonesian: the database
    engine always (Snowball stems), Elasticsearch with the indonesian analyzer."""
    if corpus.engine.name == "elasticsearch" and settings.ELASTICSEARCH_ANALYZER != "indonesian":
        pytest.skip("the standard analyzer (osmem-server has no Indonesian) does not stem")
    assert "Penerbitan Akta Kelahiran" in titles(corpus.engine.search("lahir"))


def test_a_question_finds_pages_with_some_of_its_words(corpus):
    results = corpus.engine.search("bagaimana cara mengurus ktp yang hilang di kecamatan")

    assert results.relaxed
    assert titles(results)[0] == "Penerbitan KTP Elektronik"


# What a result carries


def test_results_have_title_url_type_and_a_highlighted_snippet(corpus):
    results = corpus.engine.search("kelahiran")

    hit = results.hits[0]
    assert (hit.title, hit.url, hit.type) == (
        "Penerbitan Akta Kelahiran",
        corpus.akta.url,
        "layanan",
    )
    assert hit.unit_code == "DISDUKCAPIL"
    assert "<mark>kelahiran</mark>" in hit.snippet.lower()


def test_snippets_escape_the_page_text(corpus):
    results = corpus.engine.search("vaksin")

    snippet = results.hits[0].snippet
    assert "<mark>Vaksin</mark>" in snippet
    assert "&lt;script&gt;" in snippet and "<script>" not in snippet
    assert "&amp;" in snippet


def test_facets_count_by_unit_and_by_type(corpus):
    results = corpus.engine.search("kependudukan")

    assert results.count == 4
    assert facet(results, "type") == {"layanan": 2, "unit": 1, "informasi": 1}
    assert facet(results, "unit") == {"DISDUKCAPIL": 3}
    assert results.facets["unit"][0].label == "Dinas Kependudukan dan Pencatatan Sipil"


def test_filters_by_type_and_by_unit(corpus):
    by_type = corpus.engine.search("kependudukan", type="layanan")
    by_unit = corpus.engine.search("kependudukan", unit="DISDUKCAPIL")

    assert sorted(titles(by_type)) == ["Penerbitan Akta Kelahiran", "Penerbitan KTP Elektronik"]
    assert by_type.count == 2
    # Each facet counts under the other filter, so other choices stay visible.
    assert facet(by_type, "type") == {"layanan": 2, "unit": 1, "informasi": 1}
    assert facet(by_type, "unit") == {"DISDUKCAPIL": 2}
    assert by_unit.count == 3
    assert {hit.unit_code for hit in by_unit.hits} == {"DISDUKCAPIL"}
    assert corpus.engine.search("kependudukan", unit="DINKES").count == 0


def test_pages_of_results(corpus):
    first = corpus.engine.search("kependudukan", per_page=3)
    second = corpus.engine.search("kependudukan", page=2, per_page=3)
    beyond = corpus.engine.search("kependudukan", page=5, per_page=3)

    assert (first.num_pages, first.has_next, second.has_previous) == (2, True, True)
    assert len(first.hits) == 3 and len(second.hits) == 1
    assert not set(titles(first)) & set(titles(second))
    assert beyond.hits == [] and beyond.count == 4


def test_empty_and_unmatched_queries_give_an_empty_state(corpus, client):
    assert corpus.engine.search("").count == 0
    assert corpus.engine.search("   ").hits == []
    assert corpus.engine.search("qwzxv").count == 0

    for q in ("", "qwzxv"):
        body = client.get("/api/v1/search/", {"q": q}).json()
        assert (body["count"], body["results"]) == (0, [])
        assert body["message"]
        page = client.get("/cari/", {"q": q})
        assert page.status_code == 200
    assert "Tidak ada hasil" in page.content.decode()


# What is never found


def test_drafts_private_and_unpublished_pages_never_appear(corpus):
    for word in ("rahasiadraf", "tertutupsekali", "kadaluwarsaku"):
        assert corpus.engine.search(word).count == 0, word
    indexed = {doc["id"] for doc in corpus.engine.indexed_documents()}
    assert not indexed & {corpus.draft.pk, corpus.private.pk, corpus.withdrawn.pk}
    assert {corpus.ktp.pk, corpus.akta.pk, corpus.about.pk, corpus.report.pk} <= indexed
    # The home page is a door, not a result.
    assert home_page().pk not in indexed


def test_officer_data_and_unmoderated_comments_never_reach_the_index(corpus):
    distinctive = ["sutrisno", "wibowokarto", OFFICER_NIP, "pelicin", "zebrakuda", "gorilamerah"]
    for word in distinctive:
        assert corpus.engine.search(word).count == 0, word

    documents = list(corpus.engine.indexed_documents())
    assert len(documents) >= 8  # the index is filled: the check below means something
    stored = json.dumps(documents, default=str).lower()
    for secret in [OFFICER_NAME, PENDING_COMMENT, REJECTED_COMMENT, *distinctive]:
        assert secret.lower() not in stored, secret

    # Nor Wagtail's own index table (the admin's page search), whatever the engine.
    entries = json.dumps(list(IndexEntry.objects.values()), default=str).lower()
    assert "akta" in entries
    for word in distinctive:
        assert word not in entries, word


# The engine is down


@pytest.fixture
def engine_down(corpus, settings, monkeypatch):
    """The corpus' engine, now unreachable."""
    if corpus.engine.name == "elasticsearch":
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"
        settings.ELASTICSEARCH_TIMEOUT = 1.0
    else:
        from search.models import IndexedPageQuerySet

        def broken(*args, **kwargs):
            raise OperationalError("database is locked")

        monkeypatch.setattr(IndexedPageQuerySet, "search", broken)
        monkeypatch.setattr(IndexedPageQuerySet, "autocomplete", broken)
    return get_engine()


def test_when_the_engine_is_down_search_says_so_and_the_site_works(engine_down, client):
    with pytest.raises(SearchUnavailable):
        engine_down.search("akta")

    api = client.get("/api/v1/search/", {"q": "akta"})
    assert api.status_code == 503
    assert "tidak tersedia" in api.json()["message"]

    page = client.get("/cari/", {"q": "akta"})
    assert page.status_code == 503
    assert "Pencarian sedang tidak tersedia" in page.content.decode()

    assert client.get("/").status_code == 200


def test_editors_publish_while_elasticsearch_is_down(db, settings, on_commit, caplog):
    """An external engine is written after the commit and a failure there is only logged,
    so editors can publish while it is down. (The database engine writes in the page's
    own transaction.)"""
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"
    settings.ELASTICSEARCH_TIMEOUT = 1.0
    with on_commit():
        page = publish_child(home_page(), StandardPage(title="Tetap Terbit", slug="tetap"))
    assert page.live
    assert "search_index --rebuild" in caplog.text


# The page and the API on top of the engine


def test_api_answers_with_the_contract_shape(corpus, client):
    body = client.get("/api/v1/search/", {"q": "kependudukan", "page_size": 3}).json()

    assert body["count"] == 4
    assert {"title", "url", "type", "snippet"} <= set(body["results"][0])
    assert body["results"][0]["url"].startswith("http://testserver/")
    assert set(body["facets"]) == {"unit", "type"}
    assert body["facets"]["unit"] == [
        {"value": "DISDUKCAPIL", "label": "Dinas Kependudukan dan Pencatatan Sipil", "count": 3}
    ]
    assert body["next"].endswith("page=2") and body["previous"] is None
    assert body["engine"] == corpus.engine.name

    second = client.get(body["next"]).json()
    assert len(second["results"]) == 1


def test_search_page_lists_results_with_facets_and_pages(corpus, client):
    response = client.get("/cari/", {"q": "kependudukan"})

    html = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    items = html.select("ol.search-results > li")
    assert len(items) == 4
    assert items[0].find("mark")
    facets = html.find("nav", attrs={"aria-label": "Saring hasil"})
    assert "Dinas Kependudukan dan Pencatatan Sipil (3)" in " ".join(facets.get_text(" ").split())

    filtered = BeautifulSoup(
        client.get("/cari/", {"q": "kependudukan", "jenis": "layanan"}).content, "html.parser"
    )
    assert len(filtered.select("ol.search-results > li")) == 2
    current = filtered.select('nav[aria-label="Saring hasil"] a[aria-current]')
    assert [a.get_text(" ", strip=True) for a in current] == ["Layanan (2)", "Semua unit"]
