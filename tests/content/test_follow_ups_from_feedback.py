"""From the inbox to a follow-up (RTL) item and back: the link both ways, the draft
published through the page's approval, and "you said, we did" on the unit page."""

import pytest
from django.contrib.auth.models import Group

from content.models import FollowUpAction, UnitPage
from feedback.models import FeedbackItem, ItemEvent, UnitFollowUps, UnitStaff
from tests.factories import ServiceFactory, UnitFactory, unit_page

pytestmark = pytest.mark.django_db

ALL_FOUR = {f"U{i}": 4 for i in range(1, 10)}


@pytest.fixture
def inbox(client, settings):
    settings.FEEDBACK_DUPLICATE_MINUTES = 0
    service = ServiceFactory(code="KTP-EL")
    page = unit_page(service.unit)
    for body in (
        {"answers": {**ALL_FOUR, "U3": 1}, "reasons": {"U3": "Antre tiga jam"}},
        {"answers": {**ALL_FOUR, "U3": 1}},
    ):
        res = client.post(
            "/api/v1/feedback/",
            {"service": "KTP-EL", "served_on": "2026-08-10", **body},
            content_type="application/json",
        )
        assert res.status_code == 201
    return page, list(FeedbackItem.objects.order_by("pk"))


def staff(django_user_model, unit):
    user = django_user_model.objects.create_user("duk", password="x")
    user.groups.add(Group.objects.get(name="Petugas unit"))
    UnitStaff.objects.create(user=user, unit=unit)
    return user


def test_unit_staff_draft_a_follow_up_from_items_and_it_links_both_ways_once_published(
    client, inbox, django_user_model
):
    page, items = inbox
    client.force_login(staff(django_user_model, page.unit))
    ids = [str(i.pk) for i in items]
    form = client.post("/admin/rtl-dari-masukan/", {"item": ids})
    html = form.content.decode()
    assert form.status_code == 200 and 'value="2026-Q3"' in html and 'value="U3" selected' in html
    res = client.post(
        "/admin/rtl-dari-masukan/",
        {
            "item": ids,
            "create": "1",
            "period": "2026-Q3",
            "element": "U3",
            "action": "Menambah loket pada jam sibuk.",
            "timing": "Oktober 2026",
            "responsible": "Kepala Bidang Pelayanan",
        },
    )
    assert res.status_code == 302
    assert not FollowUpAction.objects.exists()  # a draft until it is approved
    assert ItemEvent.objects.filter(action="dijadikan RTL").count() == 2

    page = UnitPage.objects.get(pk=page.pk)
    page.get_latest_revision().publish()
    action = FollowUpAction.objects.get()
    assert set(action.feedback_items.all()) == set(items)
    assert list(items[0].follow_up_actions.all()) == [action]
    assert UnitFollowUps.objects.get(unit=page.unit).planned == 1
    html = client.get(page.url).content.decode()
    assert "Kami dengar: 0 komentar dan 1 alasan nilai rendah dari warga." in html
    assert "Antre tiga jam" not in html  # reasons are never public word for word


def test_items_of_two_units_or_forged_ids_are_refused(client, inbox, django_user_model):
    page, items = inbox
    ServiceFactory(code="SIP", unit=UnitFactory(code="DINKES"))
    client.force_login(staff(django_user_model, page.unit))
    res = client.post("/admin/rtl-dari-masukan/", {"item": ["999999", "abc"]}, follow=True)
    assert "Pilih masukan" in res.content.decode()
    res = client.post(
        "/admin/rtl-dari-masukan/",
        {"item": [str(items[0].pk)], "create": "1", "period": "kemarin", "element": "U3"},
    )
    assert res.status_code == 400
    assert not UnitPage.objects.get(pk=page.pk).has_unpublished_changes
