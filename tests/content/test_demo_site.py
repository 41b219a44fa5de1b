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


def test_the_demo_shows_the_review_and_maklumat_cycles(client, demo, demo_user):
    from content.models import ServicePage, StandardReview, UnitPage

    reviews = StandardReview.objects.all()
    assert reviews.filter(citizens_took_part=True).exists()
    assert reviews.filter(citizens_took_part=False).exists()
    changed = reviews.get(page_changed=True)
    assert changed.revision.object_id == str(changed.page_id)
    assert [row["page"].service.code for row in ServicePage.overdue_reviews()] == ["IZIN-REKLAME"]
    assert all(
        p.maklumat_document.file_extension == "pdf" and p.maklumat_signed_on
        for p in UnitPage.objects.live()
    )
    assert [(r["page"].unit.code, r["reason"]) for r in UnitPage.maklumat_flags()] == [
        ("UPT-PKB", "older")
    ]

    client.force_login(demo_user("editor"))
    html = client.get("/admin/").content.decode()
    assert "Standar pelayanan perlu ditinjau: 1" in html
    assert "Maklumat pelayanan perlu diperbarui: 1" in html
    client.logout()
    ktp = client.get(ServicePage.objects.get(service__code="KTP-EL").url).content.decode()
    assert "Ditinjau terakhir:" in ktp and "Survei, 312 peserta" in ktp


def test_the_demo_shows_a_filled_self_evaluation(client, demo, demo_user):
    from django.urls import reverse

    from content.models import MediaPublication
    from feedback.models import Unit

    assert MediaPublication.objects.values("unit").distinct().count() >= 3
    assert MediaPublication.objects.exclude(photo="").exists()
    client.force_login(demo_user("editor"))
    unit = Unit.objects.get(code="DISDUKCAPIL")
    html = text(soup(client.get(reverse("content_pekppp_unit", args=[unit.pk, 2026]))))
    assert "Instagram @disdukcapil.sukamaju" in html  # the media log's entry as evidence
    assert "SKM per triwulan; sampel KTP-el belum memadai." in html
    assert "Diisi oleh approver" in html
    # (17x90 + 14x80 + 7x75 + 14x70 + 10x100 + 17x85 + 7x75 + 14x60) / 100
    assert "Nilai aspek dari isian evaluator: 79,65" in html
