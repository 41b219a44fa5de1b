"""Officer accounts: the link between an officer and a login, and the demo logins."""

import pytest

from feedback.access.permissions import OFFICER_GROUP
from feedback.models import Officer

pytestmark = pytest.mark.django_db


def test_demo_officer_and_supervisor_logins_are_linked_to_disdukcapil_officers(demo, demo_user):
    petugas, atasan = demo_user("petugas"), demo_user("atasan")

    assert petugas.check_password("petugas-demo")
    assert atasan.check_password("atasan-demo")
    assert petugas.officer.unit.code == "DISDUKCAPIL"
    assert petugas.officer.assignments.filter(service_point__code__startswith="DUK-").exists()
    assert atasan.officer.unit.code == "DISDUKCAPIL"
    assert atasan.officer != petugas.officer
    for user in (petugas, atasan):
        assert user.groups.filter(name=OFFICER_GROUP).exists()
        assert user.has_perm("wagtailadmin.access_admin")
        assert not user.is_staff and not user.is_superuser


def test_loading_the_demo_again_keeps_one_officer_per_login(demo, demo_user):
    demo.load(log=lambda line: None, with_responses=False)

    assert Officer.objects.filter(user=demo_user("petugas")).count() == 1
    assert Officer.objects.filter(user=demo_user("atasan")).count() == 1
