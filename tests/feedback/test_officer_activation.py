"""Officer logins by HR: a one-time activation link (hashed, expiring, single use) or
an existing login tied on the officer's form; HR only for officers in its scope."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from feedback.access.permissions import OFFICER_GROUP
from feedback.models import AccessLog, ActivationLink
from tests.factories import OfficerFactory, UnitFactory
from tests.feedback.test_hr import hr_token

pytestmark = pytest.mark.django_db


STRONG = "Loket-pagi-2026!"


def hr_user(django_user_model, username="hr-staff", unit=None):
    hr_token(username, unit=unit)
    return django_user_model.objects.get(username=username)


def issue_through_the_screen(client, officer):
    response = client.post(f"/admin/hr/petugas/{officer.pk}/aktivasi/")
    assert response.status_code == 200
    link = BeautifulSoup(response.content, "html.parser").find(id="activation-link")["value"]
    return link.split("testserver", 1)[1]


def test_hr_issues_a_one_time_link_and_the_officer_chooses_a_login(client, django_user_model):
    officer = OfficerFactory(name="Dewi")
    client.force_login(hr_user(django_user_model))

    path = issue_through_the_screen(client, officer)
    key = path.rstrip("/").rsplit("/", 1)[1]
    stored = ActivationLink.objects.get()
    assert key not in stored.key_hash and len(stored.key_hash) == 64  # only the hash is kept

    client.logout()
    form = client.get(path)
    assert form.status_code == 200 and "Dewi" in form.content.decode()
    weak = client.post(path, {"username": "dewi", "password": "123"})
    assert weak.status_code == 400 and not django_user_model.objects.filter(username="dewi")

    done = client.post(path, {"username": "dewi", "password": STRONG})
    assert done.status_code == 302 and done["Location"].startswith("/admin/login/")
    officer.refresh_from_db()
    assert officer.user.username == "dewi" and officer.user.check_password(STRONG)
    signed_in = client.post("/admin/login/", {"username": "dewi", "password": STRONG})
    assert signed_in.status_code == 302
    assert client.get("/admin/kinerja-saya/").status_code == 200

    client.logout()
    assert client.get(path).status_code == 404  # single use
    again = client.post(path, {"username": "dewi2", "password": STRONG})
    assert again.status_code == 404 and not django_user_model.objects.filter(username="dewi2")


def test_an_expired_or_unknown_link_says_so_and_stores_nothing(client, django_user_model):
    officer = OfficerFactory()
    _link, key = ActivationLink.issue(officer)
    ActivationLink.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    for path in (f"/akun/aktivasi/{key}/", "/akun/aktivasi/tebakan/"):
        response = client.post(path, {"username": "x", "password": STRONG})
        assert response.status_code == 404
        assert "sudah kedaluwarsa" in response.content.decode()
    assert not django_user_model.objects.filter(username="x").exists()


def test_a_taken_username_is_refused_on_the_form(client, django_user_model):
    django_user_model.objects.create_user("dewi", password="x")
    _link, key = ActivationLink.issue(OfficerFactory())

    response = client.post(f"/akun/aktivasi/{key}/", {"username": "Dewi", "password": STRONG})

    assert response.status_code == 400
    assert "Nama pengguna ini sudah dipakai" in response.content.decode()
    assert ActivationLink.objects.get().used_at is None


def test_hr_outside_the_officers_unit_gets_a_404_for_the_link(client, django_user_model):
    inside = UnitFactory(code="DISDUKCAPIL")
    outsider = OfficerFactory(unit=UnitFactory(code="DINKES"))
    client.force_login(hr_user(django_user_model, unit=inside.code))

    assert client.post(f"/admin/hr/petugas/{outsider.pk}/aktivasi/").status_code == 404
    assert client.post("/admin/hr/petugas/999999/aktivasi/").status_code == 404
    assert not ActivationLink.objects.exists()
    assert not AccessLog.objects.exists()


def test_hr_links_an_existing_login_on_the_officer_form(client, django_user_model):
    officer = OfficerFactory(name="Dewi")
    login = django_user_model.objects.create_user("dewi", password="x")
    admin = django_user_model.objects.create_superuser("boss", password="x")
    client.force_login(admin)

    response = client.post(
        f"/admin/snippets/feedback/officer/edit/{officer.pk}/",
        {
            "nip": officer.nip,
            "name": officer.name,
            "position": officer.position,
            "unit": officer.unit_id,
            "is_active": "on",
            "user": login.pk,
        },
    )

    assert response.status_code == 302
    login.refresh_from_db()
    assert login.officer == officer
    assert login.groups.filter(name=OFFICER_GROUP).exists()


@pytest.mark.parametrize("username", ["dewi sari", "x" * 151, "dewi<script>"])
def test_a_username_django_would_not_take_is_refused_on_the_form(client, username):
    _link, key = ActivationLink.issue(OfficerFactory())

    response = client.post(f"/akun/aktivasi/{key}/", {"username": username, "password": STRONG})

    assert response.status_code == 400
    assert "Nama pengguna paling panjang 150 karakter" in response.content.decode()
    assert ActivationLink.objects.get().used_at is None
