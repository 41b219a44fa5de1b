"""The demo Pemda as a new user sees it after `make run`: menu, footer, follow-ups.

Every test here uses the demo (loaded once for the module), so none can see
another module's data or leak into it.
"""

import pytest

from tests.html_reading import soup, text

pytestmark = pytest.mark.django_db


def test_the_home_page_lists_the_latest_follow_up_actions(client, demo):
    html = soup(client.get("/"))

    section = html.find("section", attrs={"aria-labelledby": "judul-rtl-beranda"})
    items = section.select("li")
    assert len(items) == 3
    assert "Menyediakan nomor WhatsApp pengaduan" in text(section)


def test_the_demo_menu_and_footer(client, demo):
    html = soup(client.get("/"))

    menu = [text(a) for a in html.find("nav", class_="main-nav").find_all("a")]
    assert menu[:2] == ["Layanan", "Nilai Layanan"]
    assert {"Data Terbuka", "Tentang Survei", "Metodologi"} <= set(menu)
    footer = html.find("footer", class_="site-footer")
    assert "(0285) 441001" in text(footer)
    assert footer.find("a", string="SP4N-LAPOR!")["href"] == "https://www.lapor.go.id/"
    assert "WhatsApp pengaduan" in text(footer)
    statement = footer.find("a", string="Pernyataan aksesibilitas")
    assert soup(client.get(statement["href"])).h1.get_text() == "Pernyataan Aksesibilitas"
