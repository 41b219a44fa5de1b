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


def test_an_approvers_dashboard_history_and_comparison_speak_indonesian(client, django_user_model):
    from tests.content.test_dashboard import submit_for_moderation, user_in
    from tests.factories import ServiceFactory, service_page

    editor = user_in(django_user_model, "editor", "Editors")
    approver = user_in(django_user_model, "approver", "Moderators")
    page = service_page(ServiceFactory(name="Penerbitan KTP Elektronik"), owner=editor)
    previous = page.latest_revision
    revision = submit_for_moderation(page, editor)
    client.force_login(approver)
    screens = {
        "dashboard": client.get("/admin/").content.decode(),
        "history": client.get(f"/admin/pages/{page.pk}/history/").content.decode(),
        "compare": client.get(
            f"/admin/pages/{page.pk}/revisions/compare/{previous.pk}...{revision.pk}/"
        ).content.decode(),
    }
    english = (
        ">Compare with previous version<",
        ">Request changes<",
        ">Approve with comment<",
        'aria-label="Actions" aria-expanded',  # a row's actions menu
        "Compare: ",
        '"Help"',
        '"Reports"',
        ">History<",
    )
    for name, html in screens.items():
        found = [text for text in english if text in html]
        assert not found, f"{name}: {found}"
    assert "Bandingkan dengan versi sebelumnya" in screens["dashboard"]
    assert "Minta perubahan" in screens["dashboard"]
    assert "Bandingkan: " in screens["compare"]
