"""The home page shows how the Pemda is doing, and the same figures the selectors give."""

import pytest
from django.utils import formats

from content.models import HomePage, MenuItem, NavigationSettings, ResultsPage, StandardPage
from feedback.results import selectors as feedback_selectors
from tests.factories import (
    ServiceFactory,
    UnitFactory,
    draft_service_page,
    fill,
    home_page,
    publish_child,
    service_page,
    unit_page,
)
from tests.html_reading import soup, text

pytestmark = pytest.mark.django_db


def two_decimals(value):
    return formats.number_format(value, 2)


@pytest.fixture
def rated_services():
    """Eight published services with public figures, two published ones with too few
    respondents (and the lowest answers), and one unpublished service with data."""
    unit = UnitFactory(name="Dinas Uji")
    parent = unit_page(unit)
    rated = []
    for n in range(8):
        # Ten respondents each, n of them answering 3 and the rest 4: IKM falls with n.
        service = ServiceFactory(unit=unit, name=f"Layanan peringkat {n + 1}")
        service_page(service, parent=parent)
        fill(service, 10 - n, 4)
        fill(service, n, 3)
        rated.append(service)
    few = []
    for n in range(2):
        service = ServiceFactory(unit=unit, name=f"Layanan jarang {n}")
        service_page(service, parent=parent)
        fill(service, 4, 1)
        few.append(service)
    hidden = ServiceFactory(unit=unit, name="Layanan belum terbit")
    draft_service_page(hidden, parent=parent)
    fill(hidden, 30, 1)
    return {"rated": rated, "few": few, "hidden": hidden}


def test_the_home_page_shows_the_pemdas_figures_from_the_selectors(client, rated_services):
    period = feedback_selectors.latest_period_with_data()
    expected = feedback_selectors.ikm_for(scope=feedback_selectors.Scope.of(None), period=period)
    figures = HomePage.figures(period)

    html = soup(client.get("/"))

    hero = html.find("section", class_="hero")
    assert text(hero.find(class_="score-value")) == two_decimals(expected.ikm)
    assert f"Mutu {expected.mutu}" in text(hero.find(class_="score-band"))
    assert str(expected.respondents) in text(hero.find(class_="score-n")).replace(".", "")
    assert expected.respondents == 8 * 10 + 2 * 4 + 30
    key = text(hero.find(class_="key-figures"))
    assert f"{figures['service_count']} layanan" in key and figures["service_count"] == 10
    assert f"{figures['unit_count']} unit" in key and figures["unit_count"] == 1
    # The trend table beside the small chart lists the same periods and figures.
    rows = html.find("section", class_="home-trend").select("tbody tr")
    assert len(rows) == len(figures["trend"]) == 4
    assert two_decimals(expected.ikm) in text(rows[-1])
    # "Nilai layanan" leads to the service picker, and the search is there too.
    assert hero.find("a", string="Nilai layanan")["href"] == "/nilai/"
    assert hero.find("form", role="search")["action"] == "/cari/"


def test_best_and_weakest_are_published_services_with_public_figures(client, rated_services):
    html = soup(client.get("/"))

    best = [text(h) for h in html.select("[aria-labelledby=judul-terbaik] .card-title")]
    weakest = [text(h) for h in html.select("[aria-labelledby=judul-terlemah] .card-title")]
    rated = rated_services["rated"]
    assert best == [rated[0].name, rated[1].name, rated[2].name]
    assert weakest == [rated[7].name, rated[6].name, rated[5].name]
    listed = set(best) | set(weakest)
    never = [s.name for s in rated_services["few"]] + [rated_services["hidden"].name]
    assert not listed & set(never)


def test_the_weakest_never_repeat_the_best_when_few_services_have_figures(client):
    service = ServiceFactory(name="Satu-satunya layanan")
    service_page(service)
    fill(service, 10, 3)

    figures = HomePage.figures()

    assert [c["name"] for c in figures["best"]] == ["Satu-satunya layanan"]
    assert figures["weakest"] == []


def test_suppressed_pemda_figures_say_so_instead_of_a_number(client):
    service = ServiceFactory()
    service_page(service)
    fill(service, 3, 4)

    html = soup(client.get("/"))

    hero = html.find("section", class_="hero")
    assert hero.find(class_="score-value") is None
    assert "responden belum cukup" in text(hero)


def test_the_menu_comes_from_the_navigation_settings(client):
    home = home_page()
    about = publish_child(home, StandardPage(title="Tentang", slug="tentang", show_in_menus=True))
    results = publish_child(home, ResultsPage(title="Hasil", slug="hasil"))
    nav = NavigationSettings.load()
    nav.menu_items = [
        MenuItem(label="Hasil Survei", label_en="Survey results", link_page=results),
        MenuItem(label="Nilai", link_url="/nilai/"),
    ]
    nav.save()

    menu = soup(client.get(results.url)).find("nav", class_="main-nav")

    links = [(text(a), a["href"]) for a in menu.find_all("a")]
    assert links == [("Hasil Survei", results.url), ("Nilai", "/nilai/")]
    assert menu.find("a", attrs={"aria-current": "page"})["href"] == results.url
    assert about.url not in {href for _t, href in links}

    menu = soup(client.get("/en/")).find("nav", class_="main-nav")
    links = [(text(a), a["href"]) for a in menu.find_all("a")]
    assert links[0] == ("Survey results", "/en" + results.url)
    assert links[1][0] == "Nilai"


def test_without_menu_items_the_menu_lists_pages_shown_in_menus(client):
    home = home_page()
    about = publish_child(home, StandardPage(title="Tentang", slug="tentang", show_in_menus=True))
    publish_child(home, StandardPage(title="Tersembunyi", slug="sembunyi", show_in_menus=False))

    menu = soup(client.get("/")).find("nav", class_="main-nav")

    assert [(text(a), a["href"]) for a in menu.find_all("a")] == [("Tentang", about.url)]
