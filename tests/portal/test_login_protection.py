"""The admin login, the door to personnel data, locks after repeated failures per
username and per client address, says so in Indonesian, and HR Admin can unlock."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command

from feedback.access.permissions import HR_ADMIN_GROUP

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 3


@pytest.fixture
def siti(django_user_model):
    return django_user_model.objects.create_superuser("siti", "siti@example.go.id", "benar-123")


def login(client, username, password, address="10.0.0.1", **extra):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def locked_on_screen(res) -> list[str]:
    soup = BeautifulSoup(res.content, "html.parser")
    return [row.td.get_text(strip=True) for row in soup.select("table.listing tbody tr")]


def assert_locked(res):
    assert res.status_code == 429
    html = res.content.decode()
    assert "Login dikunci sementara" in html
    assert "Coba lagi dalam 30 menit" in html


def test_the_right_password_works_before_the_limit(client, siti):
    login(client, "siti", "salah")
    res = login(client, "siti", "benar-123")
    assert res.status_code == 302 and logged_in(client)


def test_a_username_is_locked_after_the_limit_even_with_the_right_password(client, siti):
    for _ in range(2):
        assert login(client, "siti", "salah").status_code == 200
    assert_locked(login(client, "siti", "salah"))  # the limit-th failure locks
    assert_locked(login(client, "siti", "benar-123"))
    assert not logged_in(client)
    # ... from any address: rotating addresses does not help a guesser.
    assert_locked(login(client, "siti", "benar-123", address="10.9.9.9"))


def test_an_address_is_locked_after_failures_on_many_usernames(client, siti):
    for name in ("admin", "hr", "editor"):
        login(client, name, "tebakan", address="10.0.0.66")
    assert_locked(login(client, "siti", "benar-123", address="10.0.0.66"))
    # The same person from another address is not affected.
    assert login(client, "siti", "benar-123", address="10.0.0.2").status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_address_lock(client, siti):
    for name in ("admin", "hr", "editor"):
        login(
            client, name, "tebakan", address="10.0.0.66", HTTP_X_FORWARDED_FOR=f"1.2.3.{len(name)}"
        )
    res = login(client, "siti", "benar-123", address="10.0.0.66", HTTP_X_FORWARDED_FOR="8.8.8.8")
    assert_locked(res)


def test_hr_admin_unlocks_an_account_on_the_admin_screen(client, siti, django_user_model):
    for _ in range(3):
        login(client, "siti", "salah")
    assert_locked(login(client, "siti", "benar-123", address="10.0.0.3"))

    hr_admin = django_user_model.objects.create_user("kepala-hr", password="x")
    hr_admin.groups.add(Group.objects.get(name=HR_ADMIN_GROUP))
    admin_client = type(client)()
    admin_client.force_login(hr_admin)
    screen = admin_client.get("/admin/login-terkunci/")
    assert screen.status_code == 200
    assert "siti" in locked_on_screen(screen)
    res = admin_client.post("/admin/login-terkunci/", {"username": "siti"})
    assert res.status_code == 302
    assert "siti" not in locked_on_screen(admin_client.get("/admin/login-terkunci/"))

    assert login(client, "siti", "benar-123", address="10.0.0.3").status_code == 302


def test_only_hr_admin_or_superusers_see_the_unlock_screen(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/login-terkunci/").status_code in (302, 403)
    assert client.post("/admin/login-terkunci/", {"username": "x"}).status_code in (302, 403)


def test_the_reset_command_unlocks_a_username(client, siti):
    for _ in range(3):
        login(client, "siti", "salah")
    assert_locked(login(client, "siti", "benar-123"))
    call_command("axes_reset_username", "siti", stdout=StringIO())
    assert login(client, "siti", "benar-123", address="10.0.0.4").status_code == 302
