"""The editors' dashboard panel: pages waiting for them and comments to moderate."""

import datetime

import pytest
from django.contrib.auth.models import Group

from feedback.intake import parsing, storing
from tests.factories import ServiceFactory, service_page

pytestmark = pytest.mark.django_db


def user_in(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def submit_for_moderation(page, user):
    page.title = page.title + " (revisi)"
    revision = page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return revision


def test_editors_and_moderators_see_what_waits_for_them(client, django_user_model):
    editor = user_in(django_user_model, "editor", "Editors")
    approver = user_in(django_user_model, "approver", "Moderators")
    page = service_page(ServiceFactory(name="Penerbitan KTP Elektronik"), owner=editor)
    submit_for_moderation(page, editor)
    service = page.service
    sub = parsing.parse_submission(
        {
            "service": service.code,
            "answers": {f"U{n}": 3 for n in range(1, 10)},
            "served_on": datetime.date(2026, 8, 10),
            "comment": "Antrean terlalu panjang.",
        },
        today=datetime.date(2026, 11, 22),
    )
    storing.response_submit(sub, channel="web")

    client.force_login(approver)
    html = client.get("/admin/").content.decode()
    panel = html[html.index('id="editor-tasks') :]
    assert "Halaman untuk ditinjau: 1" in panel
    assert "Penerbitan KTP Elektronik (revisi)" in panel
    assert "Komentar warga menunggu moderasi: 1" in panel
    assert "/admin/komentar/" in panel
    assert 'id="hr-officers' not in html

    client.force_login(editor)
    panel = client.get("/admin/").content.decode()
    panel = panel[panel.index('id="editor-tasks') :]
    assert "Halaman untuk ditinjau: 0" in panel
    assert "Komentar warga menunggu moderasi: 1" in panel
    # Editors do not moderate comments: no link to that screen.
    assert "/admin/komentar/" not in panel


def test_no_editor_panel_for_hr_or_counter_staff(client, django_user_model):
    for username, group in (("hr-staff", "HR"), ("loket", "Loket")):
        client.force_login(user_in(django_user_model, username, group))
        html = client.get("/admin/").content.decode()
        assert 'id="editor-tasks' not in html
        if group == "HR":
            assert 'id="hr-officers' in html
        else:
            assert 'id="hr-officers' not in html
