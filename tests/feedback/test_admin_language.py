"""The admin speaks one language: no English fragments inside Indonesian screens."""

import pytest
from wagtail.models import Task, Workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", password="x"))
    return client


def test_registry_listings_say_aktif_not_is_active_true(admin_client):
    from tests.factories import ServicePointFactory

    ServicePointFactory(code="DUK-L1")
    html = admin_client.get("/admin/snippets/feedback/servicepoint/").content.decode()
    html += admin_client.get("/admin/snippets/feedback/unit/").content.decode()
    assert "Is active" not in html
    assert 'title="True"' not in html and ">True<" not in html
    assert "Aktif" in html


def test_the_add_screen_and_the_workflow_are_named_in_indonesian(admin_client):
    html = admin_client.get("/admin/snippets/feedback/kiosk/add/").content.decode()
    assert "New:" not in html and "Baru:" in html
    names = set(Workflow.objects.values_list("name", flat=True)) | set(
        Task.objects.values_list("name", flat=True)
    )
    assert "Moderators approval" not in names
    assert "Persetujuan moderator" in names
