"""The demo Pemda that `make run` serves, and the command that loads it."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision

from content.models import FollowUpAction, ServicePage, UnitPage
from feedback.models import (
    Appeal,
    Assignment,
    Officer,
    ReportedPeriod,
    Response,
    Service,
    ServicePoint,
    Unit,
)
from feedback.rules.nip import parse_nip

pytestmark = pytest.mark.django_db

MODELS = {
    "units": Unit,
    "services": Service,
    "service points": ServicePoint,
    "officers": Officer,
    "assignments": Assignment,
    "pages": Page,
    "users": get_user_model(),
    "page revisions": Revision,
    "survey responses": Response,
    "report tables": ReportedPeriod,
    "appeals": Appeal,
    "follow-up links to inbox items": FollowUpAction.feedback_items.through,
}


def counts():
    return {name: model.objects.count() for name, model in MODELS.items()}


def load_demo_data():
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def is_blank(value):
    if value is None:
        return True
    if isinstance(value, int):
        return False
    return not BeautifulSoup(value, "html.parser").get_text().strip()


def test_demo_has_units_in_two_levels_below_the_pemda(demo):
    pemda = Unit.objects.get(level=Unit.Level.PEMDA)
    below = Unit.objects.exclude(pk=pemda.pk)

    assert below.count() >= 6
    depths = {len(u.ancestors()) for u in below}
    assert {1, 2} <= depths
    assert all(u.ancestors()[-1] == pemda for u in below)


def test_demo_has_25_services_each_with_a_complete_live_standard(demo):
    services = Service.objects.all()
    assert services.count() == 25

    fields = ServicePage.DELIVERY_FIELDS + ServicePage.MANAGEMENT_FIELDS
    assert len(fields) == 14
    for service in services:
        page = ServicePage.objects.get(service=service)
        assert page.live, service.code
        blank = [f for f in fields if is_blank(getattr(page, f))]
        assert blank == [], service.code


def test_demo_has_51_officers_with_structurally_valid_nips(demo):
    """50 at the counters and their supervisor (the demo login atasan)."""
    nips = list(Officer.objects.values_list("nip", flat=True))

    assert len(nips) == 51
    assert len(set(nips)) == 51
    for nip in nips:
        parse_nip(nip)  # raises InvalidNIP with the reason


def test_every_demo_service_is_offered_at_a_service_point(demo):
    without_point = Service.objects.filter(service_points__isnull=True)

    assert list(without_point.values_list("code", flat=True)) == []
    # Every officer serves at a loket, except a supervisor who leads those who do.
    unassigned = Officer.objects.filter(assignments__isnull=True)
    assert list(unassigned.filter(supervising__isnull=True)) == []
    assert unassigned.count() == 1


def test_loading_the_demo_twice_creates_nothing_the_second_time(client):
    """Also holds when this module's shared demo (without responses) is already loaded."""
    load_demo_data()
    after_first = counts()
    assert after_first["services"] == 25 and after_first["survey responses"] > 0
    # Two years of a past report's tables, before the portal's own responses.
    assert after_first["report tables"] == 40
    assert not ReportedPeriod.objects.filter(end__gte="2025-01-01").exists()
    # The demo officer's appeals: one accepted, one rejected, both by HR.
    mine = Appeal.objects.filter(officer__user__username="petugas")
    assert sorted(mine.values_list("status", flat=True)) == ["accepted", "rejected"]
    trend = client.get("/api/v1/ikm/?service=KTP-EL&period=2024").json()
    assert trend["source"] == "laporan" and trend["respondents"] > 300
    # "You said, we did": a unit's follow-up items name what citizens said.
    page = UnitPage.objects.live().get(unit__code="DISDUKCAPIL")
    assert page.follow_ups.filter(feedback_items__isnull=False).exists()
    heard = BeautifulSoup(client.get(page.url).content, "html.parser").select(".heard")
    assert any("Kami dengar:" in span.get_text() for span in heard)
    # The links are in the live revision too, so the next publish keeps them.
    latest = page.get_latest_revision_as_object()
    assert any(f.feedback_items.exists() for f in latest.follow_ups.all())

    output = load_demo_data()

    assert counts() == after_first
    # Pages and responses are reported as "created this run".
    assert "pages: 0" in output
    assert "responses: 0" in output
    assert "report tables: 0" in output
    assert "Demo data ready." in output
