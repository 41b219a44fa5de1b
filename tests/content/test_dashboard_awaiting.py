"""An editor whose page waits in moderation sees it on the dashboard, not "Draf ...
belum terbit: 0" and nothing else."""

import pytest

from tests.content.test_dashboard import submit_for_moderation, user_in
from tests.factories import ServiceFactory, service_page

pytestmark = pytest.mark.django_db


def test_the_editor_sees_their_page_waiting_for_approval(client, django_user_model):
    editor = user_in(django_user_model, "editor", "Editors")
    page = service_page(ServiceFactory(name="Penerbitan KTP Elektronik"), owner=editor)
    submit_for_moderation(page, editor)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    panel = html[html.index('id="editor-tasks') :]
    assert "Halaman Anda menunggu persetujuan: 1" in panel
    assert "Penerbitan KTP Elektronik (revisi)" in panel
