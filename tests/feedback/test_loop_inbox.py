"""The inbox "Masukan warga": items arrive, unit staff see their own units only,
the status flow and its history, replies approved before they are public."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError

from feedback.loop import deadlines, items, replies
from feedback.models import (
    FeedbackItem,
    ItemEvent,
    LoopMonth,
    Reply,
    ReplyTemplate,
    Response,
    UnitStaff,
)
from feedback.rules import loop as rules
from tests.factories import OfficerFactory, ServiceFactory, UnitFactory, service_page

pytestmark = pytest.mark.django_db

ALL_FOUR = {f"U{i}": 4 for i in range(1, 10)}


def rate(client, code, **body):
    res = client.post(
        "/api/v1/feedback/",
        {"service": code, "answers": ALL_FOUR, **body},
        content_type="application/json",
    )
    assert res.status_code == 201, res.content
    return Response.objects.get(public_id=res.json()["id"])


@pytest.fixture
def two_units():
    duk = ServiceFactory(code="KTP-EL", name="KTP Elektronik")
    dinkes = ServiceFactory(code="SIP", name="Surat Izin Praktik", unit=UnitFactory(code="DINKES"))
    return duk, dinkes


def staff_user(django_user_model, name, *units, group="Petugas unit"):
    user = django_user_model.objects.create_user(name, password="x")
    user.groups.add(Group.objects.get(name=group))
    for unit in units:
        UnitStaff.objects.create(user=user, unit=unit)
    return user


def approve(admin_client, response):
    res = admin_client.post(
        "/admin/komentar/", {"decision": "approved", "response": [str(response.public_id)]}
    )
    assert res.status_code == 302


# --- Working days ---------------------------------------------------------------


def test_a_deadline_skips_weekends_and_indonesian_public_holidays():
    # Friday 14 August 2026; Monday 17 August is Independence Day.
    assert deadlines.due_on(datetime.date(2026, 8, 14)) == datetime.date(2026, 8, 24)
    # The same week without a holiday: five working days later is the next Friday.
    assert deadlines.due_on(datetime.date(2026, 9, 4)) == datetime.date(2026, 9, 11)


def test_extra_days_off_and_the_number_of_days_are_configurable(settings):
    settings.LOOP_EXTRA_HOLIDAYS = ["2026-09-07"]
    settings.LOOP_SLA_WORKING_DAYS = 2
    assert deadlines.due_on(datetime.date(2026, 9, 4)) == datetime.date(2026, 9, 9)


def test_working_days_between_counts_from_the_day_after():
    assert (
        rules.working_days_between(datetime.date(2026, 8, 14), datetime.date(2026, 8, 18), []) == 2
    )
    assert deadlines.working_days(datetime.date(2026, 8, 14), datetime.date(2026, 8, 18)) == 1


# --- Arrival ------------------------------------------------------------------


def test_a_reason_or_an_element_rated_1_brings_a_response_into_its_units_inbox(client, two_units):
    duk, _dinkes = two_units
    rate(client, "KTP-EL")  # all 4: nothing to hear
    reasoned = rate(client, "KTP-EL", answers={**ALL_FOUR, "U3": 2}, reasons={"U3": "Antre lama"})
    ones = rate(client, "KTP-EL", answers={**ALL_FOUR, "U4": 1})
    got = {i.response_id: i for i in FeedbackItem.objects.all()}
    assert set(got) == {reasoned.pk, ones.pk}
    assert got[reasoned.pk].has_reasons and not got[reasoned.pk].low_score
    assert got[ones.pk].low_score and got[ones.pk].unit_id == duk.unit_id
    assert got[ones.pk].status == "baru" and got[ones.pk].due_on > got[ones.pk].received_on


def test_an_approved_comment_becomes_a_public_item(client, admin_client, two_units):
    response = rate(client, "KTP-EL", comment="Ruang tunggu panas.")
    assert not FeedbackItem.objects.exists()  # not before moderation
    approve(admin_client, response)
    item = FeedbackItem.objects.get()
    assert item.has_comment and item.public
    assert ItemEvent.objects.filter(item=item, action="diterima").exists()


# --- Who sees what ----------------------------------------------------------------


def test_unit_staff_see_only_their_units_items(client, two_units, django_user_model):
    duk, dinkes = two_units
    ours = rate(client, "KTP-EL", answers={**ALL_FOUR, "U1": 1})
    theirs = rate(client, "SIP", answers={**ALL_FOUR, "U1": 1})
    user = staff_user(django_user_model, "duk", duk.unit)
    client.force_login(user)
    html = client.get("/admin/masukan/").content.decode()
    assert f"#{ours.loop_item.pk}" in html and f"#{theirs.loop_item.pk}" not in html
    assert client.get(f"/admin/masukan/{theirs.loop_item.pk}/").status_code == 404
    assert client.get("/admin/masukan/abc/").status_code == 404
    assert client.get(f"/admin/masukan/{ours.loop_item.pk}/").status_code == 200


def test_the_inbox_is_closed_to_staff_outside_the_group(client, two_units, django_user_model):
    user = staff_user(django_user_model, "editor", group="Editors")
    client.force_login(user)
    assert client.get("/admin/masukan/").status_code in (302, 403)


def test_an_item_never_shows_the_officer_or_the_scores(client, two_units, django_user_model):
    duk, _dinkes = two_units
    officer = OfficerFactory(unit=duk.unit, name="Rina Kartika")
    response = rate(client, "KTP-EL", answers={**ALL_FOUR, "U7": 1})
    Response.objects.filter(pk=response.pk).update(officer=officer)
    client.force_login(staff_user(django_user_model, "duk", duk.unit))
    html = client.get(f"/admin/masukan/{response.loop_item.pk}/").content.decode()
    assert "Rina" not in html and officer.nip not in html
    assert "U7" in html


def test_the_inbox_filters_by_status_and_overdue(client, two_units, django_user_model):
    duk, _dinkes = two_units
    late = rate(client, "KTP-EL", answers={**ALL_FOUR, "U1": 1}).loop_item
    fresh = rate(client, "KTP-EL", answers={**ALL_FOUR, "U2": 1}).loop_item
    FeedbackItem.objects.filter(pk=late.pk).update(due_on=datetime.date(2020, 1, 1))
    client.force_login(staff_user(django_user_model, "duk", duk.unit))
    html = client.get("/admin/masukan/?terlambat=1").content.decode()
    assert f"#{late.pk}" in html and f"#{fresh.pk}" not in html
    assert "1 masukan melewati batas waktu" in html
    assert "melewati batas waktu" in client.get("/admin/").content.decode()
    html = client.get("/admin/masukan/?status=ditutup").content.decode()
    assert f"#{late.pk}" not in html
    assert "Periode tidak dikenal" in client.get("/admin/masukan/?periode=zz").content.decode()


# --- The status flow --------------------------------------------------------------


def test_the_status_flow_records_who_and_when(client, two_units, django_user_model):
    duk, _dinkes = two_units
    item = rate(client, "KTP-EL", answers={**ALL_FOUR, "U1": 1}).loop_item
    user = staff_user(django_user_model, "duk", duk.unit)
    client.force_login(user)
    url = f"/admin/masukan/{item.pk}/"
    assert client.post(url, {"action": "status", "status": "ditinjau"}).status_code == 302
    res = client.post(url, {"action": "status", "status": "ditutup"})
    assert res.status_code == 400 and "alasan" in res.content.decode()
    item.refresh_from_db()
    assert item.status == "ditinjau"
    client.post(url, {"action": "status", "status": "ditutup", "reason": "Sudah diperbaiki"})
    item.refresh_from_db()
    assert item.status == "ditutup" and item.closed_reason == "Sudah diperbaiki"
    events = list(item.events.values_list("user__username", "action"))
    assert ("duk", "Ditinjau") in events and ("duk", "Ditutup") in events
    with pytest.raises(ValidationError):
        items.move(item, "ditinjau", user=user)  # closed stays closed


def test_forwarding_to_lapor_records_the_ticket(client, two_units, django_user_model):
    duk, _dinkes = two_units
    item = rate(client, "KTP-EL", answers={**ALL_FOUR, "U1": 1}).loop_item
    client.force_login(staff_user(django_user_model, "duk", duk.unit))
    url = f"/admin/masukan/{item.pk}/"
    res = client.post(url, {"action": "forward", "ticket": "", "url": ""})
    assert res.status_code == 400
    res = client.post(
        url,
        {"action": "forward", "ticket": "LAPOR-123", "url": "https://www.lapor.go.id/x/123"},
    )
    assert res.status_code == 302
    item.refresh_from_db()
    assert item.status == "diteruskan" and item.lapor_ticket == "LAPOR-123"
    assert item.forwarded_at is not None


# --- Replies ------------------------------------------------------------------------


@pytest.fixture
def commented(client, admin_client, two_units):
    duk, _dinkes = two_units
    page = service_page(duk)
    response = rate(client, "KTP-EL", comment="Antrean <b>panjang</b> sekali.")
    approve(admin_client, response)
    return page, response.loop_item


@pytest.mark.parametrize(
    "text, message",
    [
        ("x" * 1001, "1000 karakter"),
        ("Sudah ditangani petugas NIP 198503122010011003.", "NIP"),
        ("Sudah ditegur, Bu Rina Kartika minta maaf.", "nama petugas"),
        ("   ", "Tulis tanggapan"),
    ],
)
def test_a_reply_that_cannot_be_public_is_refused_and_nothing_is_stored(
    client, commented, django_user_model, text, message
):
    _page, item = commented
    OfficerFactory(unit=item.unit, name="Rina Kartika")
    client.force_login(staff_user(django_user_model, "duk", item.unit))
    res = client.post(f"/admin/masukan/{item.pk}/", {"action": "reply", "text": text})
    assert res.status_code == 400 and message in res.content.decode()
    assert not Reply.objects.exists()


def test_a_reply_is_public_only_once_an_approver_publishes_it(client, commented, django_user_model):
    page, item = commented
    staff = staff_user(django_user_model, "duk", item.unit)
    client.force_login(staff)
    text = "Terima kasih. Kami menambah loket <script>x</script> mulai Senin."
    res = client.post(f"/admin/masukan/{item.pk}/", {"action": "reply", "text": text})
    assert res.status_code == 302
    assert "Kami menambah loket" not in client.get(page.url).content.decode()
    reply = Reply.objects.get()
    with pytest.raises(PermissionDenied):
        replies.publish(reply, user=staff)  # staff cannot approve their own reply

    approver = staff_user(django_user_model, "moderator", group="Moderators")
    client.force_login(approver)
    res = client.post(f"/admin/masukan/{item.pk}/", {"action": "publish"})
    assert res.status_code == 302
    client.logout()
    html = client.get(page.url).content.decode()
    assert "Kami menambah loket" in html
    assert "<script>x</script>" not in html and "&lt;script&gt;" in html
    assert "dijawab" in html
    en = client.get("/en" + page.url).content.decode()
    assert "answered" in en
    item.refresh_from_db()
    assert item.status == "dijawab"
    month = LoopMonth.objects.get(service=item.service)
    assert (month.comments, month.answered, month.answered_within_sla) == (1, 1, 1)


def test_a_reply_starts_from_the_units_template(client, commented, django_user_model):
    _page, item = commented
    template = ReplyTemplate.objects.create(
        unit=item.unit, title="Antrean", text="Kami sedang menambah petugas loket."
    )
    other = ReplyTemplate.objects.create(
        unit=UnitFactory(code="LAIN"), title="Lain", text="Bukan unit ini."
    )
    client.force_login(staff_user(django_user_model, "duk", item.unit))
    html = client.get(f"/admin/masukan/{item.pk}/?templat={template.pk}").content.decode()
    assert "Kami sedang menambah petugas loket." in html
    html = client.get(f"/admin/masukan/{item.pk}/?templat={other.pk}").content.decode()
    assert "Bukan unit ini." not in html


def test_a_published_reply_reaches_the_cached_page_at_once(
    client, commented, django_user_model, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_CACHE_ENABLED = True
    page, item = commented
    other = service_page(ServiceFactory(code="AKTA"))
    client.get(page.url)
    client.get(other.url)
    assert client.get(page.url)["X-Portal-Cache"] == "hit"
    Reply.objects.create(item=item, service=item.service, text="Sudah kami perbaiki.")
    approver = staff_user(django_user_model, "m", group="Moderators")
    with django_capture_on_commit_callbacks(execute=True):
        replies.publish(Reply.objects.get(), user=approver)
    assert client.get(other.url)["X-Portal-Cache"] == "hit"  # no full flush
    fresh = client.get(page.url)
    assert fresh["X-Portal-Cache"] != "hit" and "Sudah kami perbaiki." in fresh.content.decode()


def test_unit_staff_file_reply_templates_under_their_own_units_only(
    client, two_units, django_user_model
):
    duk, dinkes = two_units
    client.force_login(staff_user(django_user_model, "duk", duk.unit))
    url = "/admin/snippets/feedback/replytemplate/add/"
    form = client.get(url).content.decode()
    assert f'value="{duk.unit.pk}"' in form and f'value="{dinkes.unit.pk}"' not in form

    # A forged id of another unit in the POST: refused with a message, nothing stored.
    res = client.post(url, {"unit": dinkes.unit.pk, "title": "Lain", "text": "Bukan unit saya."})
    assert res.status_code == 200
    assert "templat hanya dapat dibuat untuk unit tempat Anda bertugas" in res.content.decode()
    assert not ReplyTemplate.objects.exists()

    res = client.post(url, {"unit": duk.unit.pk, "title": "Antrean", "text": "Terima kasih."})
    assert res.status_code == 302
    assert ReplyTemplate.objects.get().unit == duk.unit
