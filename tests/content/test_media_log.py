"""The publication media log: staff record where the standard and the SKM results
were published besides the portal; bad input is refused with a message and nothing
is stored; editors and approvers may use it, others may not."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from content.models import MediaPublication
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
ADD = reverse("wagtailsnippets_content_mediapublication:add")
LIST = reverse("wagtailsnippets_content_mediapublication:list")


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def unit():
    return UnitFactory(name="Dinas Kependudukan")


def post(client, unit, **fields):
    data = {
        "unit": unit.pk,
        "subject": "standar",
        "kind": "papan",
        "title": "Papan informasi ruang tunggu",
        "published_on": "2026-03-02",
        "link": "",
        "note": "",
        **fields,
    }
    return client.post(ADD, data)


def field_error(response, field):
    html = BeautifulSoup(response.content, "html.parser")
    wrapper = html.find(attrs={"data-field-wrapper": True, "id": f"panel-child-{field}-section"})
    text = " ".join((wrapper or html).get_text().split())
    return text


def test_an_editor_records_a_notice_board_photo(client, editor, unit):
    client.force_login(editor)
    photo = SimpleUploadedFile("papan.png", PNG, content_type="image/png")
    response = post(client, unit, photo=photo)
    assert response.status_code == 302
    entry = MediaPublication.objects.get()
    assert (entry.unit, entry.kind, entry.subject) == (unit, "papan", "standar")
    assert entry.photo.read().startswith(b"\x89PNG")
    assert "Papan informasi ruang tunggu" in client.get(LIST).content.decode()


def test_a_social_media_post_with_a_link_is_enough(client, editor, unit):
    client.force_login(editor)
    response = post(client, unit, kind="medsos", subject="skm", link="https://instagram.com/p/abc")
    assert response.status_code == 302
    assert MediaPublication.objects.get().link == "https://instagram.com/p/abc"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"published_on": "2999-01-01", "link": "https://example.org/"},
            "Tanggal publikasi tidak boleh di masa depan",
        ),
        ({}, "Isi tautan publikasinya atau unggah fotonya"),
        ({"link": "papan depan"}, "Tautan harus alamat web lengkap"),
        (
            {"photo": SimpleUploadedFile("papan.pdf", b"%PDF-1.4 x", "application/pdf")},
            "Foto harus berupa gambar JPG atau PNG; berkas ini PDF",
        ),
        (
            {"photo": SimpleUploadedFile("papan.png", b"MZ not an image at all")},
            "Isi berkas bukan gambar PNG yang sah",
        ),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_stored(
    client, editor, unit, fields, message
):
    client.force_login(editor)
    response = post(client, unit, **fields)
    assert response.status_code == 200
    assert message in " ".join(response.content.decode().split())
    assert not MediaPublication.objects.exists()


@override_settings(MAKLUMAT_MAX_UPLOAD_MB=1)
def test_an_over_large_photo_is_refused(client, editor, unit):
    client.force_login(editor)
    big = SimpleUploadedFile("papan.png", PNG + b"\x00" * (1024 * 1024))
    response = post(client, unit, photo=big)
    text = " ".join(response.content.decode().split())
    assert "melebihi batas 1 MB" in text
    assert not MediaPublication.objects.exists()


def test_today_is_not_the_future(unit):
    entry = MediaPublication(
        unit=unit,
        subject="skm",
        kind="koran",
        title="Harian Sukamaju",
        published_on=timezone.localdate(),
        link="https://koran.example/skm",
    )
    entry.full_clean()


def test_someone_outside_the_editors_cannot_open_the_log(client, django_user_model, unit):
    staff = django_user_model.objects.create_user("loket", is_staff=True)
    staff.groups.add(Group.objects.get(name="Loket"))
    client.force_login(staff)
    assert client.get(LIST).status_code in (302, 403)
    assert post(client, unit, link="https://example.org/").status_code in (302, 403)
    assert not MediaPublication.objects.exists()


def test_approvers_may_record_too(client, django_user_model, unit):
    approver = django_user_model.objects.create_user("approver", is_staff=True)
    approver.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(approver)
    assert (
        post(
            client, unit, link="https://example.org/", published_on=str(datetime.date(2026, 1, 5))
        ).status_code
        == 302
    )


def test_the_log_filters_by_unit(client, editor, unit):
    other = UnitFactory(name="Dinas Sosial")
    for owner, title in ((unit, "Papan Disduk"), (other, "Papan Dinsos")):
        MediaPublication.objects.create(
            unit=owner,
            subject="standar",
            kind="papan",
            title=title,
            published_on=datetime.date(2026, 2, 1),
            link="https://example.org/",
        )
    client.force_login(editor)
    html = client.get(LIST, {"unit": unit.pk}).content.decode()
    assert "Papan Disduk" in html and "Papan Dinsos" not in html
