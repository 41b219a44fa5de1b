"""GET /api/v1/comments/ and the IKM API's ``loop``."""

import datetime

import pytest
from django.contrib.auth.models import Group

from feedback.loop import figures, replies
from feedback.models import FeedbackItem, Reply, Response, UnitFollowUps
from tests.factories import OfficerFactory, ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db

ALL_FOUR = {f"U{i}": 4 for i in range(1, 10)}


def commented(client, code, text, served_on="2026-08-10"):
    res = client.post(
        "/api/v1/feedback/",
        {"service": code, "answers": ALL_FOUR, "comment": text, "served_on": served_on},
        content_type="application/json",
    )
    assert res.status_code == 201, res.content
    return Response.objects.get(public_id=res.json()["id"])


@pytest.fixture
def services(settings):
    settings.FEEDBACK_DUPLICATE_MINUTES = 0
    ktp = ServiceFactory(code="KTP-EL")
    sip = ServiceFactory(code="SIP", unit=UnitFactory(code="DINKES"))
    return ktp, sip


@pytest.fixture
def approver(django_user_model):
    user = django_user_model.objects.create_user("moderator", password="x")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def approve(admin_client, *responses):
    admin_client.post(
        "/admin/komentar/",
        {"decision": "approved", "response": [str(r.public_id) for r in responses]},
    )


def test_only_approved_public_comments_are_listed_with_their_reply(
    client, admin_client, services, approver
):
    answered = commented(client, "KTP-EL", "Antrean panjang.")
    waiting = commented(client, "KTP-EL", "Parkir sempit.")
    pending = commented(client, "KTP-EL", "Belum dimoderasi.")
    about_officer = commented(client, "KTP-EL", "Petugasnya ramah.")
    Response.objects.filter(pk=about_officer.pk).update(officer=OfficerFactory())
    approve(admin_client, answered, waiting, about_officer)
    item = FeedbackItem.objects.get(response=answered)
    reply = Reply.objects.create(item=item, service=item.service, text="Loket ditambah.")
    replies.publish(reply, user=approver)

    body = client.get("/api/v1/comments/?service=KTP-EL&period=2026-Q3").json()
    assert set(body) == {"count", "next", "previous", "results"}
    by_id = {row["id"]: row for row in body["results"]}
    assert set(by_id) == {str(answered.public_id), str(waiting.public_id)}
    assert str(pending.public_id) not in by_id
    row = by_id[str(answered.public_id)]
    assert row["service"] == "KTP-EL" and row["period"] == "2026-08"
    assert row["status"] == "dijawab" and row["reply"]["text"] == "Loket ditambah."
    assert by_id[str(waiting.public_id)]["reply"] is None
    assert by_id[str(waiting.public_id)]["status"] == "diterima"


def test_comments_by_unit_period_and_bad_input(client, admin_client, services):
    ktp_comment = commented(client, "KTP-EL", "A")
    sip_comment = commented(client, "SIP", "B")
    approve(admin_client, ktp_comment, sip_comment)
    body = client.get("/api/v1/comments/?unit=DINKES").json()
    assert [r["id"] for r in body["results"]] == [str(sip_comment.public_id)]
    assert client.get("/api/v1/comments/?period=2025-Q1").json()["count"] == 0
    assert client.get("/api/v1/comments/?service=NOPE").status_code == 404
    res = client.get("/api/v1/comments/?period=kemarin")
    assert res.status_code == 400 and "period" in res.json()


def test_the_ikm_api_reports_the_loop(client, admin_client, services, approver):
    ktp, _sip = services
    first = commented(client, "KTP-EL", "Satu")
    second = commented(client, "KTP-EL", "Dua")
    approve(admin_client, first, second)
    item = FeedbackItem.objects.get(response=first)
    # Arrived on Friday 14 August 2026, answered Tuesday 18th: Monday 17th is a holiday,
    # so one working day.
    FeedbackItem.objects.filter(pk=item.pk).update(received_on=datetime.date(2026, 8, 14))
    item.refresh_from_db()
    reply = Reply.objects.create(item=item, service=ktp, text="Terima kasih.")
    replies.publish(reply, user=approver)
    Reply.objects.filter(pk=reply.pk).update(
        published_at=datetime.datetime(2026, 8, 18, 10, tzinfo=datetime.UTC)
    )
    figures.refresh(ktp.pk, datetime.date(2026, 8, 1))
    UnitFollowUps.objects.create(unit=ktp.unit, period="2026-Q3", planned=3, done=1)
    UnitFollowUps.objects.create(unit=ktp.unit, period="2025-Q3", planned=9, done=9)

    loop = client.get("/api/v1/ikm/?service=KTP-EL&period=2026-Q3").json()["loop"]
    assert loop == {
        "comments": 2,
        "answered": 1,
        "answered_within_sla": 1,
        "median_days_to_reply": 1.0,
        "rtl_planned": 3,
        "rtl_done": 1,
    }
    pemda = client.get("/api/v1/ikm/?period=2026").json()["loop"]
    assert pemda["comments"] == 2 and pemda["rtl_planned"] == 3
    other = client.get("/api/v1/ikm/?service=SIP&period=2026-Q3").json()["loop"]
    assert other["comments"] == 0 and other["median_days_to_reply"] is None
