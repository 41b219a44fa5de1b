"""Officer data in the admin: HR manages it, page editors never see it."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from feedback.models import Officer, Unit

pytestmark = pytest.mark.django_db

OFFICER_LIST = "wagtailsnippets_feedback_officer:list"
ASSIGNMENT_LIST = "wagtailsnippets_feedback_assignment:list"
SERVICE_LIST = "wagtailsnippets_feedback_service:list"
OFFICER_ADD = "wagtailsnippets_feedback_officer:add"


def error_messages(response, field):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        " ".join(e.get_text().split())
        for e in soup.select(f'[data-contentpath="{field}"] .error-message')
    ]


def officer_form(nip, **overrides):
    return {
        "nip": nip,
        "name": "Rina Marlina",
        "position": "Pengadministrasi Kependudukan",
        "unit": Unit.objects.get(code="DISDUKCAPIL").pk,
        "is_active": "on",
        **overrides,
    }


@pytest.mark.parametrize("url_name", [OFFICER_LIST, ASSIGNMENT_LIST, OFFICER_ADD])
def test_an_editor_is_turned_away_from_personnel_screens(client, demo_user, url_name):
    client.force_login(demo_user("editor"))

    response = client.get(reverse(url_name))

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert not any(o.nip in response.content.decode() for o in Officer.objects.all())


def test_an_editors_admin_shows_no_personnel_menu_and_no_nip(client, demo_user):
    client.force_login(demo_user("editor"))

    response = client.get(reverse("wagtailadmin_home"), follow=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Petugas" not in html
    assert "Penugasan" not in html
    assert reverse(OFFICER_LIST) not in html
    assert not [o.nip for o in Officer.objects.all() if o.nip in html]


def test_an_editor_can_look_at_services_but_not_add_them(client, demo_user):
    client.force_login(demo_user("editor"))

    listing = client.get(reverse(SERVICE_LIST))
    add = client.get(reverse("wagtailsnippets_feedback_service:add"))

    assert listing.status_code == 200
    assert "Penerbitan KTP Elektronik" in listing.content.decode()
    assert add.status_code in (302, 403)


def test_hr_sees_officers_with_their_nip(client, demo_user):
    client.force_login(demo_user("hr"))

    response = client.get(reverse(OFFICER_LIST))

    assert response.status_code == 200
    first = Officer.objects.order_by("name").first()
    html = response.content.decode()
    assert first.name in html and first.nip in html
    assert client.get(reverse(ASSIGNMENT_LIST)).status_code == 200


def test_hr_creating_an_officer_born_on_30_february_sees_the_indonesian_error(client, demo_user):
    client.force_login(demo_user("hr"))
    before = Officer.objects.count()

    response = client.post(reverse(OFFICER_ADD), officer_form("198002301999031001"))

    assert response.status_code == 200
    assert error_messages(response, "nip") == [
        "Digit 1-8 NIP (19800230) bukan tanggal lahir yang sah (format TTTTBBHH)."
    ]
    assert Officer.objects.count() == before


def test_hr_typing_a_valid_nip_with_spaces_stores_it_normalised(client, demo_user):
    """People copy NIPs from letters, where they are printed in groups."""
    client.force_login(demo_user("hr"))

    response = client.post(reverse(OFFICER_ADD), officer_form("19800201 200503 2 001"))

    assert error_messages(response, "nip") == []
    assert response.status_code == 302
    assert Officer.objects.get(name="Rina Marlina").nip == "198002012005032001"


def test_a_user_without_groups_cannot_enter_the_admin(client, demo):
    user = get_user_model().objects.create_user("warga", password="rahasia-sekali-123")
    client.force_login(user)

    for url in (reverse("wagtailadmin_home"), reverse(OFFICER_LIST), reverse(SERVICE_LIST)):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
