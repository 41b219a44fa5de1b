"""Editors write service standards in the Wagtail admin; moderators approve them."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
)

from content.models import ServicePage, UnitPage
from feedback.models import Service, Unit

pytestmark = pytest.mark.django_db

# What Draftail posts for an editor left empty.
EMPTY_RICH_TEXT = "null"


def service_form(service, **overrides):
    """The add form of a ServicePage as the admin posts it, every component filled."""
    fields = {
        "title": "Rekomendasi Bantuan Sosial",
        "slug": "rekomendasi-bansos",
        "service": service.pk,
        "summary": "Rekomendasi bagi warga yang mengajukan bantuan sosial.",
        "persyaratan": rich_text("<ul><li>Fotokopi KTP-el pemohon</li></ul>"),
        "prosedur": rich_text("<ol><li>Pemohon menyerahkan berkas di loket</li></ol>"),
        "jangka_waktu": "3 (tiga) hari kerja",
        "biaya": "0",
        "biaya_keterangan": "",
        "produk": "Surat rekomendasi",
        "pengaduan": rich_text("<ul><li>SP4N-LAPOR!</li></ul>"),
        "dasar_hukum": rich_text("<ul><li>Undang-Undang Nomor 25 Tahun 2009</li></ul>"),
        "sarana_prasarana": rich_text("<ul><li>Ruang tunggu</li></ul>"),
        "kompetensi_pelaksana": rich_text("<ul><li>Memahami DTKS</li></ul>"),
        "pengawasan_internal": rich_text("<ul><li>Supervisi kepala bidang</li></ul>"),
        "jumlah_pelaksana": "2 (dua) orang",
        "jaminan_pelayanan": "Selesai tepat waktu.",
        "jaminan_keamanan": "Data pemohon dijaga kerahasiaannya.",
        "evaluasi_kinerja": "Dievaluasi setiap triwulan.",
        "documents": inline_formset([]),
        "reviews": inline_formset([]),
        **overrides,
    }
    return nested_form_data(fields)


@pytest.fixture
def dinsos(demo):
    """The Dinas Sosial unit page and a new service it has no page for yet."""
    unit = Unit.objects.get(code="DINSOS")
    service = Service.objects.create(code="REK-BANSOS", name="Rekomendasi Bansos", unit=unit)
    return UnitPage.objects.get(unit=unit), service


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("content", "servicepage", parent.pk))


def field_errors(response, field):
    page = BeautifulSoup(response.content, "html.parser")
    return [
        " ".join(e.get_text().split())
        for e in page.select(f'[data-contentpath="{field}"] .error-message')
    ]


def approve(client, page):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    return client.post(url, {"comment": ""})


def test_demo_users_are_in_their_groups(demo_user):
    assert [g.name for g in demo_user("editor").groups.all()] == ["Editors"]
    assert [g.name for g in demo_user("approver").groups.all()] == ["Moderators"]
    assert [g.name for g in demo_user("hr").groups.all()] == ["HR"]


def test_editor_submits_a_new_service_page_and_approver_publishes_it(client, dinsos, demo_user):
    parent, service = dinsos
    client.force_login(demo_user("editor"))

    response = client.post(add_url(parent), {**service_form(service), "action-submit": "x"})

    assert response.status_code == 302
    page = ServicePage.objects.get(service=service)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    client.logout()
    assert client.get(page.url).status_code == 404
    assert page.url not in client.get("/").content.decode()

    client.force_login(demo_user("approver"))
    response = approve(client, page)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    client.logout()
    public = client.get(page.url)
    assert public.status_code == 200
    assert "Fotokopi KTP-el pemohon" in public.content.decode()
    assert page.url in client.get("/").content.decode()


def test_an_editor_cannot_publish_directly(client, dinsos, demo_user):
    parent, service = dinsos
    client.force_login(demo_user("editor"))

    client.post(add_url(parent), {**service_form(service), "action-publish": "x"})

    page = ServicePage.objects.get(service=service)
    assert not page.live
    assert page.first_published_at is None
    client.logout()
    assert client.get(page.url).status_code == 404


def test_editing_a_live_page_keeps_the_live_version_until_approval(client, demo, demo_user):
    page = ServicePage.objects.get(service__code="DTKS")
    old_time = page.jangka_waktu
    revisions = page.revisions.count()
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.force_login(demo_user("editor"))
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    data["jangka_waktu"] = "5 (lima) hari kerja"
    data["action-submit"] = "x"

    assert client.post(edit_url, data).status_code == 302

    page.refresh_from_db()
    assert page.revisions.count() == revisions + 1
    assert page.live and page.has_unpublished_changes
    assert page.jangka_waktu == old_time
    client.logout()
    public = client.get(page.url).content.decode()
    assert old_time in public and "5 (lima) hari kerja" not in public

    client.force_login(demo_user("approver"))
    approve(client, page)
    client.logout()

    assert "5 (lima) hari kerja" in client.get(page.url).content.decode()


def test_a_draft_may_leave_required_components_empty(client, dinsos, demo_user):
    parent, service = dinsos
    client.force_login(demo_user("editor"))
    form = service_form(service, persyaratan=EMPTY_RICH_TEXT, produk="")

    response = client.post(add_url(parent), form)

    assert response.status_code == 302
    page = ServicePage.objects.get(service=service)
    assert not page.live
    assert page.persyaratan == "" and page.produk == ""


@pytest.mark.parametrize(
    "role, action",
    [("editor", "action-submit"), ("approver", "action-publish")],
    ids=["submitted by an editor", "published even by a moderator"],
)
def test_a_page_without_persyaratan_shows_an_error_and_stores_nothing(
    client, dinsos, demo_user, role, action
):
    parent, service = dinsos
    client.force_login(demo_user(role))
    form = service_form(service, persyaratan=EMPTY_RICH_TEXT)

    response = client.post(add_url(parent), {**form, action: "x"})

    assert response.status_code == 200
    assert field_errors(response, "persyaratan") == ["Kolom ini harus diisi."]
    assert not ServicePage.objects.filter(service=service).exists()
