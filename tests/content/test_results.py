import pytest

from content.models import FollowUpAction, ResultsPage, SurveyReportPage
from feedback.models import Response
from tests.factories import ServiceFactory, fill, home_page, publish_child, service_page, unit_page
from tests.html_reading import soup

pytestmark = pytest.mark.django_db


def test_a_service_page_publishes_its_ikm_with_chart_and_table(client):
    page = service_page(ServiceFactory(code="KTP-EL"))
    fill(page.service, 12, 3)
    html = soup(client.get(page.url + "?periode=2026-Q3"))
    results = html.find("section", attrs={"aria-labelledby": "judul-hasil"})
    text = results.get_text(" ", strip=True)
    assert "75,00" in text and "Kurang Baik" in text and "Triwulan III 2026" in text
    assert results.find("svg")  # server-rendered chart
    table_rows = results.find("table").find("tbody").find_all("tr")
    assert len(table_rows) == 9  # the data table beside the chart


def test_too_few_respondents_shows_a_notice_instead_of_figures(client):
    page = service_page(ServiceFactory(code="KK"))
    fill(page.service, 3, 4)
    results = soup(client.get(page.url + "?periode=2026-Q3")).find(
        "section", attrs={"aria-labelledby": "judul-hasil"}
    )
    assert "Belum cukup responden" in results.get_text()
    assert "100,00" not in results.get_text()


def test_a_bad_period_in_the_address_shows_a_message_not_an_error(client):
    page = service_page(ServiceFactory(code="KK"))
    res = client.get(page.url + "?periode=2026-Q9")
    assert res.status_code == 200
    assert "tidak dikenal" in res.content.decode()


def test_unit_page_shows_follow_up_plans_and_service_page_you_said_we_did(client):
    svc_page = service_page(ServiceFactory(code="AKTA-LAHIR"))
    unit = svc_page.get_parent().specific
    unit.follow_ups.add(
        FollowUpAction(
            period="2026-Q2",
            element="U3",
            action="Menambah loket pada jam sibuk.",
            timing="Juli 2026",
            responsible="Kepala Bidang",
            status="selesai",
        )
    )
    unit.save_revision().publish()
    fill(svc_page.service, 1, 4, comment="Antrean terlalu lama.")
    fill(svc_page.service, 1, 3, comment="Komentar yang belum dimoderasi.")
    Response.objects.filter(comment="Antrean terlalu lama.").update(comment_status="approved")

    unit_html = client.get(unit.url).content.decode()
    assert "Menambah loket pada jam sibuk." in unit_html
    service_html = client.get(svc_page.url).content.decode()
    assert "Anda berkata, kami bertindak" in service_html
    assert "Antrean terlalu lama." in service_html
    assert "Menambah loket pada jam sibuk." in service_html
    assert "belum dimoderasi" not in service_html


def test_follow_up_period_is_validated():
    from django.core.exceptions import ValidationError

    action = FollowUpAction(period="Q2", element="U3", action="x", timing="x", responsible="x")
    with pytest.raises(ValidationError):
        action.full_clean(exclude=["page"])


@pytest.fixture
def results_page():
    return publish_child(home_page(), ResultsPage(title="Hasil", slug="hasil"))


def test_the_pemda_results_page_ranks_units_and_services(client, results_page):
    strong, weak = ServiceFactory(code="KIA"), ServiceFactory(code="UJI-KIR")
    fill(strong, 10, 4)
    fill(weak, 10, 2)
    html = soup(client.get(results_page.url + "?periode=2026-Q3"))
    ranking = html.find("section", attrs={"aria-labelledby": "judul-peringkat-layanan"})
    names = [h.get_text(strip=True) for h in ranking.select(".card-title")]
    assert names.index(strong.name) < names.index(weak.name)


def report(results_page, **kwargs):
    fields = {
        "title": "Laporan SKM Triwulan III 2026",
        "slug": "laporan-q3",
        "period": "2026-Q3",
        "method": "<p>Survei daring dan kertas.</p>",
        "analysis": "<p>U3 terendah.</p>",
    }
    return publish_child(results_page, SurveyReportPage(**{**fields, **kwargs}))


def test_a_published_report_freezes_its_figures(client, results_page):
    service = ServiceFactory(code="KTP-EL")
    fill(service, 10, 4)
    page = report(results_page)
    assert "100,00" in client.get(page.url).content.decode()

    fill(service, 30, 1)  # later responses arrive
    page.save_revision().publish()  # even a republish keeps the figures
    html = client.get(page.url).content.decode()
    assert "100,00" in html
    assert page.snapshots.count() == 1


def test_refreshing_a_report_takes_new_figures_and_keeps_the_old(client, results_page):
    service = ServiceFactory(code="KTP-EL")
    fill(service, 10, 4)
    page = report(results_page)
    fill(service, 10, 1)
    page.refresh_figures = True
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.snapshots.count() == 2
    assert page.snapshot.figures["result"]["respondents"] == 20
    assert "62,50" in client.get(page.url).content.decode()


def test_a_report_downloads_as_pdf(client, results_page):
    fill(ServiceFactory(code="KTP-EL"), 10, 3)
    page = report(results_page)
    res = client.get(page.url + "pdf/")
    assert res.status_code == 200
    assert res["Content-Type"] == "application/pdf"
    assert res.content.startswith(b"%PDF")


def test_a_published_report_pdf_is_rendered_by_a_task_and_served_as_stored(
    client, results_page, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    from content.reports import pdf_name

    fill(ServiceFactory(code="KTP-EL"), 10, 3)
    with django_capture_on_commit_callbacks(execute=True):
        page = report(results_page)
    page.refresh_from_db()
    name = pdf_name(page, page.snapshot)
    assert default_storage.exists(name)
    with default_storage.open(name, "rb") as stored:
        assert client.get(page.url + "pdf/").content == stored.read()

    # New text published: a new PDF for the new revision, never the old one.
    page.analysis = "<p>U7 meningkat.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert pdf_name(page, page.snapshot) != name
    assert default_storage.exists(pdf_name(page, page.snapshot))


def test_a_report_period_must_be_valid(results_page):
    from django.core.exceptions import ValidationError

    page = SurveyReportPage(
        title="x", slug="x", period="Semester 1", method="<p>x</p>", analysis="<p>x</p>"
    )
    with pytest.raises(ValidationError):
        results_page.add_child(instance=page)


def test_unit_page_results_include_sub_units(client):
    parent = unit_page()
    child_service = ServiceFactory(
        unit__parent=parent.unit, unit__level="unit_layanan", unit__code="PKM-X"
    )
    fill(child_service, 10, 4)
    text = soup(client.get(parent.url + "?periode=2026-Q3")).get_text(" ")
    assert "100,00" in text


def test_the_sample_is_judged_against_krejcie_morgan_when_the_population_is_known(client):
    from feedback.models import Population

    page = service_page(ServiceFactory(code="KTP-EL"))
    fill(page.service, 12, 3)
    url = page.url + "?periode=2026-Q3"
    assert "Sampel" not in soup(client.get(url)).get_text(" ")

    Population.objects.create(service=page.service, period="2026-Q3", served=12)
    text = " ".join(soup(client.get(url)).get_text(" ").split())
    # A tiny population: everyone must answer, and everyone did.
    assert "Sampel memadai: 12 responden dari 12 yang diperlukan" in text
    assert "untuk 12 pengguna layanan; tingkat respons 100,0%" in text

    Population.objects.filter(service=page.service).update(served=1000)
    text = " ".join(soup(client.get(url)).get_text(" ").split())
    assert "Sampel belum memadai: 12 responden dari 278 yang diperlukan" in text
    assert "untuk 1.000 pengguna layanan; tingkat respons 1,2%" in text


def test_population_period_is_validated():
    from feedback.results import service_users

    with pytest.raises(service_users.CountRefused) as exc:
        service_users.check_count(service=ServiceFactory(), period="2026-Q9", service_users=10)
    assert set(exc.value.errors) == {"period"}


def test_a_unit_sample_is_judged_only_when_every_service_has_its_population(client):
    from feedback.models import Population

    svc_page = service_page(ServiceFactory(code="KTP-EL"))
    other = ServiceFactory(code="KK", unit=svc_page.service.unit)
    fill(svc_page.service, 12, 3)
    unit_url = svc_page.get_parent().url + "?periode=2026-Q3"
    Population.objects.create(service=svc_page.service, period="2026-Q3", served=12)
    assert "Sampel" not in soup(client.get(unit_url)).get_text(" ")
    Population.objects.create(service=other, period="2026-Q3", served=5)
    text = " ".join(soup(client.get(unit_url)).get_text(" ").split())
    assert "Sampel belum memadai: 12 responden dari 17 yang diperlukan" in text


def test_results_speak_english_when_chosen(client):
    page = service_page(ServiceFactory(code="KTP-EL"))
    fill(page.service, 12, 3)
    html = client.get(f"/en{page.url}?periode=2026-Q3").content.decode()
    assert "Quarter III 2026" in html and "Triwulan III 2026" not in html
    assert "Poor" in html  # the C band, "Kurang Baik"


def test_results_cards_sort_by_the_order_in_the_address(client, results_page, settings):
    busy, good, rare = (
        ServiceFactory(name="B layanan ramai"),
        ServiceFactory(name="C layanan baik"),
        ServiceFactory(name="A layanan jarang"),
    )
    fill(busy, 30, 3)
    fill(good, 12, 4)
    fill(rare, 3, 4)

    def order(query):
        html = soup(client.get(results_page.url + query))
        section = html.find("section", attrs={"aria-labelledby": "judul-peringkat-layanan"})
        return [h.get_text(strip=True) for h in section.select(".card-title")]

    assert order("?periode=2026-Q3") == [good.name, busy.name, rare.name]
    assert order("?periode=2026-Q3&urut=ikm-naik") == [busy.name, good.name, rare.name]
    assert order("?periode=2026-Q3&urut=responden") == [busy.name, good.name, rare.name]
    assert order("?periode=2026-Q3&urut=nama") == [rare.name, busy.name, good.name]
    # Anything else is the default order, not an error.
    assert order("?periode=2026-Q3&urut=<script>") == [good.name, busy.name, rare.name]
    html = soup(client.get(results_page.url + "?periode=2026-Q3&urut=nama"))
    current = html.find("nav", class_="sort-links").find("a", attrs={"aria-current": "true"})
    assert current["href"].startswith("?periode=2026-Q3&urut=nama")
    # Sorting lives in the address only: no session is written.
    assert settings.SESSION_COOKIE_NAME not in client.get(results_page.url + "?urut=nama").cookies


def test_cards_show_figures_or_not_enough_data(client):
    parent = unit_page()
    rated = service_page(ServiceFactory(unit=parent.unit, name="Layanan ramai"), parent=parent)
    rare = service_page(ServiceFactory(unit=parent.unit, name="Layanan jarang"), parent=parent)
    fill(rated.service, 10, 4)
    fill(rare.service, 2, 4)

    html = soup(client.get(parent.url + "?periode=2026-Q3"))

    cards = {
        c.select_one(".card-title").get_text(strip=True): " ".join(c.get_text(" ").split())
        for c in html.select("section[aria-labelledby=judul-layanan-unit] .result-card")
    }
    assert "100,00 Mutu A Sangat Baik 10 responden" in cards["Layanan ramai"]
    assert "Belum cukup data 2 responden" in cards["Layanan jarang"]


def test_a_report_says_whether_its_sample_sufficed_as_frozen(client, results_page):
    from feedback.models import Population

    service = ServiceFactory(code="KTP-EL")  # the only service: the Pemda's count is its own
    fill(service, 12, 3)
    Population.objects.create(service=service, period="2026-Q3", served=1000)
    page = report(results_page)
    text = " ".join(soup(client.get(page.url)).get_text(" ").split())
    assert "Sampel belum memadai: 12 responden dari 278 yang diperlukan" in text
    assert "untuk 1.000 pengguna layanan; tingkat respons 1,2%" in text

    Population.objects.filter(service=service).update(served=12)  # frozen: unchanged
    text = " ".join(soup(client.get(page.url)).get_text(" ").split())
    assert "Sampel belum memadai: 12 responden dari 278" in text


def test_the_sample_phrase_speaks_english_when_chosen(client):
    from feedback.models import Population

    page = service_page(ServiceFactory(code="KTP-EL"))
    fill(page.service, 12, 3)
    Population.objects.create(service=page.service, period="2026-Q3", served=1000)
    text = " ".join(soup(client.get(f"/en{page.url}?periode=2026-Q3")).get_text(" ").split())
    assert "Sample not yet adequate: 12 respondents of the 278 required" in text
    assert "(Krejcie & Morgan, for 1,000 service users; response rate 1.2%)." in text


def test_each_ranking_card_says_whether_its_sample_sufficed(client, results_page):
    from feedback.models import Population

    enough, short, unknown = (
        ServiceFactory(name="A layanan cukup"),
        ServiceFactory(name="B layanan kurang"),
        ServiceFactory(name="C layanan tanpa jumlah"),
    )
    for service in (enough, short, unknown):
        fill(service, 12, 3)
    Population.objects.create(service=enough, period="2026-Q3", served=12)
    Population.objects.create(service=short, period="2026-Q3", served=1000)

    def words(prefix=""):
        html = soup(client.get(f"{prefix}{results_page.url}?periode=2026-Q3&urut=nama"))
        section = html.find("section", attrs={"aria-labelledby": "judul-peringkat-layanan"})
        return [
            " ".join(card.select_one(".card-coverage").get_text(" ").split())
            for card in section.select(".result-card")
        ]

    assert words() == [
        "Sampel: memadai",
        "Sampel: belum memadai",
        "Sampel: jumlah pengguna belum diisi",
    ]
    assert words("/en") == [
        "Sample: adequate",
        "Sample: not yet adequate",
        "Sample: number of service users not entered",
    ]
    # The unit rows: a unit is judged only once every service in it has its count.
    html = soup(client.get(f"{results_page.url}?periode=2026-Q3"))
    units = html.find("section", attrs={"aria-labelledby": "judul-peringkat-unit"})
    assert {" ".join(c.get_text(" ").split()) for c in units.select(".card-coverage")} <= {
        "Sampel: memadai",
        "Sampel: belum memadai",
        "Sampel: jumlah pengguna belum diisi",
    }
    assert len(units.select(".card-coverage")) == len(units.select(".result-card"))
