"""The Maklumat Pelayanan cycle of a unit: the signed document refused unless it is a
PDF or an image within the size cap, no NIP for the signer, and flagged on the
editors' dashboard when missing or older than the newest standard it covers."""

import datetime
import os

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.test.utils.form_data import querydict_from_html

from content.models import UnitPage
from tests.factories import ServiceFactory, UnitFactory, service_page, unit_page

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def document(name, body, title="Maklumat Pelayanan"):
    return Document.objects.create(title=title, file=ContentFile(body, name=name))


def signed(**fields):
    return {
        "maklumat": "Kami sanggup menyelenggarakan pelayanan sesuai standar.",
        "maklumat_signatory": "Drs. Haryanto Wibisono, M.Si.",
        "maklumat_signatory_position": "Kepala Dinas",
        "maklumat_signed_on": datetime.date(2026, 1, 5),
        "maklumat_document": document("maklumat.pdf", PDF),
        **fields,
    }


# --- The flag ----------------------------------------------------------------------------


def flagged():
    return {(row["page"].title, row["reason"]) for row in UnitPage.maklumat_flags()}


def test_a_unit_without_a_signed_maklumat_is_flagged():
    unit_page(UnitFactory(name="Dinas Sosial"))
    unit_page(UnitFactory(name="Dinas Perhubungan"), maklumat_signed_on=datetime.date(2026, 1, 5))
    unit_page(UnitFactory(name="Dinas Kesehatan"), **signed())
    assert flagged() == {("Dinas Sosial", "missing"), ("Dinas Perhubungan", "missing")}


def test_a_maklumat_older_than_the_newest_standard_it_covers_is_flagged():
    older = unit_page(UnitFactory(name="Dinas Kependudukan"), **signed())
    service_page(ServiceFactory(unit=older.unit), parent=older, established_on="2025-06-01")
    service_page(ServiceFactory(unit=older.unit), parent=older, established_on="2026-03-01")
    current = unit_page(UnitFactory(name="Dinas Sosial"), **signed())
    service_page(ServiceFactory(unit=current.unit), parent=current, established_on="2025-12-01")

    rows = UnitPage.maklumat_flags()

    assert [(r["page"].pk, r["reason"], r["since"]) for r in rows] == [
        (older.pk, "older", datetime.date(2026, 3, 1))
    ]


def test_a_standard_without_a_decree_date_counts_from_its_publication():
    page = unit_page(UnitFactory(name="Dinas Kependudukan"), **signed())
    service_page(ServiceFactory(unit=page.unit), parent=page)  # published today, after January
    assert flagged() == {("Dinas Kependudukan", "older")}


def test_the_dashboard_names_each_maklumat_to_renew(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    missing = unit_page(UnitFactory(name="Dinas Sosial"))
    older = unit_page(UnitFactory(name="Dinas Kependudukan"), **signed())
    service_page(
        ServiceFactory(unit=older.unit, name="Akta Kelahiran"),
        parent=older,
        established_on="2026-03-01",
    )

    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    panel = BeautifulSoup(html[html.index('id="editor-tasks') :], "html.parser")
    text = " ".join(panel.get_text().split())

    assert "Maklumat pelayanan perlu diperbarui: 2" in text
    assert "Dinas Sosial: belum ada maklumat bertanda tangan (dokumen dan tanggal)" in text
    assert (
        'Dinas Kependudukan: ditandatangani 5 Januari 2026, sebelum standar "Akta Kelahiran" '
        "ditetapkan (1 Maret 2026)" in text
    )
    link = panel.find("a", string="Dinas Sosial")
    assert link["href"] == reverse("wagtailadmin_pages:edit", args=(missing.pk,))


# --- Refusals in the admin -----------------------------------------------------------------


@pytest.fixture
def page():
    return unit_page(UnitFactory(name="Dinas Kependudukan"))


def post_maklumat(client, page, **fields):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(
        {
            "maklumat": "Kami sanggup menyelenggarakan pelayanan sesuai standar.",
            "maklumat_signatory": "Drs. Haryanto Wibisono, M.Si.",
            "maklumat_signatory_position": "Kepala Dinas",
            "maklumat_signed_on": "2026-01-05",
            "maklumat_published_in": "Papan informasi ruang tunggu\nhttps://example.org/maklumat",
            "action-publish": "x",
            **fields,
        }
    )
    return client.post(url, data)


def errors_of(response, field):
    html = BeautifulSoup(response.content, "html.parser")
    return " ".join(
        " ".join(e.get_text().split())
        for e in html.select(f'[data-contentpath="{field}"] .error-message')
    )


@pytest.mark.parametrize(
    "name, body, message",
    [
        (
            "maklumat.docx",
            b"PK\x03\x04 not a pdf",
            "harus berupa PDF atau gambar (JPG, PNG); berkas ini DOCX",
        ),
        (
            "maklumat.pdf",
            b"PK\x03\x04 a spreadsheet renamed",
            "Isi berkas maklumat bukan PDF yang sah",
        ),
        ("maklumat.png", PNG + b"\x00" * (1024 * 1024 + 10), "melebihi batas 1 MB"),
    ],
)
def test_a_maklumat_upload_that_is_not_a_small_pdf_or_image_is_refused_and_not_stored(
    admin_client, page, settings, name, body, message
):
    settings.MAKLUMAT_MAX_UPLOAD_MB = 1
    revisions = page.revisions.count()
    documents = Document.objects.count()
    files = _stored_documents(settings.MEDIA_ROOT)

    response = post_maklumat(admin_client, page, maklumat_file=SimpleUploadedFile(name, body))

    assert response.status_code == 200
    assert message in errors_of(response, "maklumat_file")
    page.refresh_from_db()
    assert page.maklumat_document_id is None and page.revisions.count() == revisions
    # Nothing of the refused file is kept: no document in the library, no file.
    assert Document.objects.count() == documents
    assert _stored_documents(settings.MEDIA_ROOT) == files


def _stored_documents(media_root) -> list[str]:
    folder = os.path.join(media_root, "documents")
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def test_a_document_already_in_the_library_is_still_checked(page):
    from django.core.exceptions import ValidationError

    page.maklumat_document = document("maklumat.docx", b"PK\x03\x04 not a pdf")
    with pytest.raises(ValidationError) as exc:
        page.full_clean()
    assert "harus berupa PDF atau gambar" in str(exc.value)


@pytest.mark.parametrize(
    "fields, field, message",
    [
        (
            {"maklumat_signatory_position": "Kepala Dinas NIP 19700101 199803 1 001"},
            "maklumat_signatory_position",
            "Jangan menulis NIP di sini",
        ),
        (
            {"maklumat_signed_on": "2099-01-01"},
            "maklumat_signed_on",
            "Tanggal penandatanganan tidak boleh di masa depan.",
        ),
    ],
)
def test_a_nip_or_a_future_signing_date_is_refused(admin_client, page, fields, field, message):
    response = post_maklumat(admin_client, page, **fields)
    assert response.status_code == 200
    assert message in errors_of(response, field)
    page.refresh_from_db()
    assert page.maklumat == ""


def test_a_signed_maklumat_is_published_with_where_else_it_hangs(admin_client, client, page):
    scan = SimpleUploadedFile("maklumat.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64)

    response = post_maklumat(admin_client, page, maklumat_file=scan)

    assert response.status_code == 302
    page.refresh_from_db()
    stored = page.maklumat_document
    assert stored.title == "Maklumat Pelayanan Dinas Kependudukan"
    assert stored.file_extension == "jpg" and stored.file.size == 68
    assert UnitPage.maklumat_flags() == []
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    text = " ".join(html.select_one("section.maklumat").get_text().split())
    assert "Maklumat ini juga dipasang di: Papan informasi ruang tunggu" in text
    assert html.select_one('section.maklumat a[href="https://example.org/maklumat"]')
    assert "Kepala Dinas" in text
