"""What editors and citizens see of the search's lists on the demo Pemda (database
engine): the /nilai/ picker matching like the search, promoted results, the log of
searches without results, and the admin screens that keep them."""

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from content.models import ServicePage, StandardPage
from search import noresults
from search.models import NoResultQuery, ServiceSearchTerms, Synonym

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def picker_names(client, query, prefix=""):
    html = soup(client.get(f"{prefix}/nilai/", {"q": query}))
    return [a.contents[0].strip() for a in html.select("a.picker-link")]


@pytest.mark.parametrize(
    "query, name",
    [
        ("akte", "Penerbitan Akta Kelahiran"),
        ("e-ktp", "Penerbitan KTP Elektronik"),
        ("ektp", "Penerbitan KTP Elektronik"),
        ("keur", "Pengujian Berkala Kendaraan Bermotor (Uji KIR)"),
        ("imunsasi", "Imunisasi Anak"),
    ],
)
def test_the_picker_finds_what_citizens_type(client, demo, query, name):
    assert name in picker_names(client, query)


def test_the_picker_lists_the_best_match_first(client, demo):
    assert picker_names(client, "akte kelahiran")[0] == "Penerbitan Akta Kelahiran"


def test_the_english_picker_finds_a_service_by_its_english_name(client, demo):
    assert picker_names(client, "birth certificate", prefix="/en")[0] == (
        "Penerbitan Akta Kelahiran"
    )


def test_the_english_search_suggests_an_example_that_works(client, demo):
    home = soup(client.get("/en/"))
    field = home.find(
        "input", attrs={"name": "q", "placeholder": True, "id": lambda v: v != "site-search-q"}
    )
    example = field["placeholder"].split(":", 1)[1].strip()

    results = soup(client.get("/en/cari/", {"q": example}))

    item = results.select_one("ol.search-results > li")
    first = item.select_one("h3 a")
    assert first.get_text(strip=True) == "Penerbitan Akta Kelahiran"
    assert first["href"].startswith("/en/")
    # The Indonesian title is marked as such, with the English name under it.
    assert first["lang"] == "id" and item.select_one(".snippet")["lang"] == "id"
    assert item.select_one(".name-en").get_text(strip=True) == "Birth certificate"
    assert not results.select(".suggestion")

    indonesian = soup(client.get("/cari/", {"q": "akta kelahiran"}))
    item = indonesian.select_one("ol.search-results > li")
    assert not item.select_one("h3 a").has_attr("lang") and not item.select(".name-en")


def test_the_other_names_of_a_service_reach_its_search_document(demo):
    from search.models import IndexedPage

    page = ServicePage.objects.get(service__code="AKTA-LAHIR")
    terms = ServiceSearchTerms.objects.get(service__code="AKTA-LAHIR")
    terms.keywords_en += ", newborn paperwork"
    terms.save()

    assert "newborn paperwork" in IndexedPage.objects.get(page=page).keywords


def test_promoted_results_appear_above_the_results(client, demo):
    about = StandardPage.objects.get(slug="tentang-survei")
    query = Query.objects.create(query_string="pengaduan")
    SearchPromotion.objects.create(
        query=query, page=about, description="Cara menyampaikan pengaduan", sort_order=0
    )

    html = soup(client.get("/cari/", {"q": "Pengaduan"}))
    box = html.find("section", class_="search-promotions")
    link = box.find("a")
    assert box.find("h2").get_text(strip=True) == "Rekomendasi"
    assert link["href"] == about.url and link.get_text(strip=True) == about.title
    assert "Cara menyampaikan pengaduan" in box.get_text()

    api = client.get("/api/v1/search/", {"q": "pengaduan"}).json()
    assert [p["title"] for p in api["promotions"]] == [about.title]
    assert client.get("/api/v1/search/", {"q": "akta"}).json()["promotions"] == []


def test_searches_without_results_are_counted_without_personal_data(client, demo):
    client.get("/cari/", {"q": "Zzqx 3301234567890123"}, REMOTE_ADDR="10.1.2.3")
    client.get("/cari/", {"q": "zzqx   3301999999999999"})
    client.get("/cari/", {"q": "akta"})  # found: not logged
    client.get("/cari/", {"q": "zzqx", "jenis": "layanan"})  # filtered: not logged
    client.get("/nilai/", {"q": "gorilamerah"})

    rows = {(r.source, r.query): r.count for r in NoResultQuery.objects.all()}
    assert rows == {("cari", "zzqx [angka]"): 2, ("nilai", "gorilamerah"): 1}
    stored = " ".join(str(v) for r in NoResultQuery.objects.values() for v in r.values())
    assert "3301" not in stored and "10.1.2.3" not in stored


def test_the_log_stays_bounded(db, monkeypatch):
    monkeypatch.setattr(noresults, "MAX_ROWS", 5)
    for i in range(8):
        noresults.record(f"hilang kata{i}")

    kept = set(NoResultQuery.objects.values_list("query", flat=True))
    assert len(kept) == 5
    assert "hilang kata7" in kept and "hilang kata0" not in kept


def test_an_editor_keeps_synonyms_and_reads_the_log_in_the_admin(client, demo, demo_user):
    noresults.record("surat brojol")
    client.force_login(demo_user("editor"))

    synonyms_list = client.get("/admin/snippets/search/synonym/", {"q": "e-KTP"})
    assert synonyms_list.status_code == 200
    assert "e-KTP = KTP elektronik = KTP-el" in synonyms_list.content.decode()

    created = client.post(
        "/admin/snippets/search/synonym/add/", {"terms": "surat brojol, akta kelahiran"}
    )
    assert created.status_code == 302
    assert Synonym.objects.filter(terms="surat brojol, akta kelahiran").exists()
    html = soup(client.get("/cari/", {"q": "surat brojol"}))
    assert html.select_one("ol.search-results > li h3 a").get_text(strip=True) == (
        "Penerbitan Akta Kelahiran"
    )

    log = client.get("/admin/snippets/search/noresultquery/")
    assert log.status_code == 200 and "surat brojol" in log.content.decode()
    assert client.get("/admin/snippets/search/noresultquery/add/").status_code in (302, 403)


def test_a_synonym_needs_two_terms(client, demo, demo_user):
    client.force_login(demo_user("editor"))

    response = client.post("/admin/snippets/search/synonym/add/", {"terms": "ktp"})

    assert response.status_code == 200
    assert "Isi paling sedikit dua istilah" in response.content.decode()
    assert not Synonym.objects.filter(terms="ktp").exists()
