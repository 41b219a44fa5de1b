"""The daily digest of the inbox, by e-mail (Django's outbox in tests)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from feedback.models import FeedbackItem, Response, UnitStaff
from tests.factories import ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db

ALL_FOUR = {f"U{i}": 4 for i in range(1, 10)}


def test_unit_staff_get_their_units_new_and_overdue_items(client, django_user_model):
    ServiceFactory(code="KTP-EL")
    other = ServiceFactory(code="SIP", unit=UnitFactory(code="DINKES"))
    for code in ("KTP-EL", "KTP-EL", "SIP"):
        res = client.post(
            "/api/v1/feedback/",
            {"service": code, "answers": {**ALL_FOUR, "U1": 1}},
            content_type="application/json",
            REMOTE_ADDR=f"10.0.0.{len(code)}{Response.objects.count()}",
        )
        assert res.status_code == 201
    FeedbackItem.objects.exclude(unit=other.unit).filter(
        pk=FeedbackItem.objects.exclude(unit=other.unit).first().pk
    ).update(due_on=datetime.date(2020, 1, 1))
    group = Group.objects.get(name="Petugas unit")
    duk = django_user_model.objects.create_user("duk", email="duk@example.test")
    duk.groups.add(group)
    UnitStaff.objects.create(user=duk, unit=FeedbackItem.objects.exclude(unit=other.unit)[0].unit)
    silent = django_user_model.objects.create_user("tanpa-surel")
    UnitStaff.objects.create(user=silent, unit=other.unit)

    call_command("send_inbox_digests", stdout=open("/dev/null", "w"))

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["duk@example.test"]
    assert "masukan baru sejak kemarin: 2" in message.body
    assert "melewati batas waktu 5 hari kerja: 1" in message.body
    assert "/admin/masukan/" in message.body


def test_the_digest_files_the_item_a_crash_kept_from_being_filed(client, django_user_model):
    """A response stored without its inbox item (the process died after the commit)
    gets it when the daily digest runs, and the staff hear of it."""
    ServiceFactory(code="KTP-EL")
    res = client.post(
        "/api/v1/feedback/",
        {"service": "KTP-EL", "answers": {**ALL_FOUR, "U2": 1}},
        content_type="application/json",
    )
    assert res.status_code == 201
    item = FeedbackItem.objects.get()
    unit = item.unit
    item.delete()  # as if the process had died between the response and its item
    duk = django_user_model.objects.create_user("duk", email="duk@example.test")
    duk.groups.add(Group.objects.get(name="Petugas unit"))
    UnitStaff.objects.create(user=duk, unit=unit)

    call_command("send_inbox_digests", stdout=open("/dev/null", "w"))

    assert (
        FeedbackItem.objects.filter(response__service__code="KTP-EL", low_score=True).count() == 1
    )
    assert "masukan baru sejak kemarin: 1" in mail.outbox[0].body
