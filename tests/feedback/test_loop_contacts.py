"""A citizen's e-mail for a reply: only with consent, kept apart, used once,
masked for staff, deleted after the item is closed."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from feedback.loop import contacts, replies
from feedback.models import FeedbackItem, Reply, ReplyContact, Response, UnitStaff
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

ALL_FOUR = {f"U{i}": 4 for i in range(1, 10)}


def post(client, **body):
    return client.post(
        "/api/v1/feedback/",
        {"service": "KTP-EL", "answers": ALL_FOUR, **body},
        content_type="application/json",
    )


@pytest.fixture
def service():
    return ServiceFactory(code="KTP-EL")


def test_a_contact_is_kept_apart_only_with_consent_and_a_comment(client, service, settings):
    settings.FEEDBACK_DUPLICATE_MINUTES = 0
    contact = {"email": "warga@example.test", "consent": True}
    assert post(client, comment="Antre lama.", contact=contact).status_code == 201
    assert post(client, comment="Lagi.", contact={**contact, "consent": False}).status_code == 201
    assert post(client, contact=contact).status_code == 201  # nothing to answer
    stored = ReplyContact.objects.get()
    assert stored.email == "warga@example.test" and stored.response.comment == "Antre lama."
    assert "warga@" not in str(Response.objects.values().get(pk=stored.response_id))


def test_a_bad_address_with_consent_is_a_400_and_nothing_is_stored(client, service):
    res = post(client, comment="x", contact={"email": "bukan-email", "consent": True})
    assert res.status_code == 400 and "email" in res.json()["contact"]
    assert not Response.objects.exists() and not ReplyContact.objects.exists()


def test_the_citizen_is_told_once_when_the_reply_is_published_and_staff_see_it_masked(
    client, admin_client, service, django_user_model, django_capture_on_commit_callbacks
):
    post(client, comment="Antre lama.", contact={"email": "warga@example.test", "consent": True})
    response = Response.objects.get()
    admin_client.post(
        "/admin/komentar/", {"decision": "approved", "response": [str(response.public_id)]}
    )
    item = FeedbackItem.objects.get()
    staff = django_user_model.objects.create_user("duk")
    staff.groups.add(Group.objects.get(name="Petugas unit"))
    UnitStaff.objects.create(user=staff, unit=item.unit)
    client.force_login(staff)
    html = client.get(f"/admin/masukan/{item.pk}/").content.decode()
    assert "w***@example.test" in html and "warga@example.test" not in html

    approver = django_user_model.objects.create_user("m")
    approver.groups.add(Group.objects.get(name="Moderators"))
    reply = Reply.objects.create(item=item, service=item.service, text="Sudah ditambah loket.")
    with django_capture_on_commit_callbacks(execute=True):
        replies.publish(reply, user=approver)
    assert [m.to for m in mail.outbox] == [["warga@example.test"]]
    assert not contacts.notify_reply(response.pk, None)  # used once


def test_contacts_are_deleted_once_the_item_has_been_closed_long_enough(
    client, admin_client, service, settings
):
    settings.LOOP_CONTACT_KEEP_DAYS = 30
    settings.FEEDBACK_DUPLICATE_MINUTES = 0
    for text in ("Satu", "Dua"):
        post(client, comment=text, contact={"email": f"{text}@example.test", "consent": True})
    admin_client.post(
        "/admin/komentar/",
        {"decision": "approved", "response": [str(r.public_id) for r in Response.objects.all()]},
    )
    old = FeedbackItem.objects.get(response__comment="Satu")
    FeedbackItem.objects.filter(pk=old.pk).update(
        status="ditutup", closed_at=timezone.now() - datetime.timedelta(days=31)
    )
    call_command("purge_client_hashes", stdout=open("/dev/null", "w"))
    assert list(ReplyContact.objects.values_list("email", flat=True)) == ["Dua@example.test"]
