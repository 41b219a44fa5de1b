import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from feedback.models import Assignment, Officer, Unit
from feedback.registry import offers
from tests.factories import (
    AssignmentFactory,
    OfficerFactory,
    PemdaFactory,
    ServiceFactory,
    ServicePointFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


def test_unit_hierarchy_pemda_perangkat_daerah_unit_layanan():
    pemda = PemdaFactory()
    dinkes = UnitFactory(code="DINKES", parent=pemda)
    puskesmas = UnitFactory(code="PKM-1", level=Unit.Level.UNIT_LAYANAN, parent=dinkes)
    puskesmas.full_clean()
    assert [u.code for u in puskesmas.ancestors()] == ["DINKES", "PEMDA"]
    assert set(pemda.descendant_ids()) == {pemda.pk, dinkes.pk, puskesmas.pk}


def test_unit_layanan_cannot_sit_directly_under_the_pemda():
    unit = Unit(code="UPT-X", name="UPT X", level=Unit.Level.UNIT_LAYANAN, parent=PemdaFactory())
    with pytest.raises(ValidationError) as excinfo:
        unit.full_clean()
    assert "parent" in excinfo.value.message_dict


def test_perangkat_daerah_needs_a_parent_and_pemda_must_not_have_one():
    with pytest.raises(ValidationError):
        Unit(code="DINAS", name="Dinas", level=Unit.Level.PERANGKAT_DAERAH).full_clean()
    other = PemdaFactory()
    with pytest.raises(ValidationError):
        Unit(code="P2", name="Pemda 2", level=Unit.Level.PEMDA, parent=other).full_clean()


def test_a_unit_cannot_be_moved_under_its_own_descendant():
    parent = UnitFactory(code="A-UNIT", level=Unit.Level.UNIT_LAYANAN, parent=UnitFactory())
    child = UnitFactory(code="B-UNIT", level=Unit.Level.UNIT_LAYANAN, parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError):
        parent.full_clean()


def test_codes_are_upper_cased_and_bad_characters_rejected():
    service = ServiceFactory(code=" ktp-el ")
    service.full_clean()
    service.save()
    service.refresh_from_db()
    assert service.code == "KTP-EL"
    service.code = "KTP EL!"
    with pytest.raises(ValidationError) as excinfo:
        service.full_clean()
    assert "huruf besar" in str(excinfo.value)


def test_officer_nip_is_validated_and_normalised():
    unit = UnitFactory()
    officer = Officer(nip="19850312 201001 2 003", name="Siti", unit=unit)
    officer.full_clean()
    officer.save()
    assert Officer.objects.get().nip == "198503122010012003"

    bad = Officer(nip="198502302010012003", name="Budi", unit=unit)
    with pytest.raises(ValidationError) as excinfo:
        bad.full_clean()
    assert "tanggal lahir" in excinfo.value.message_dict["nip"][0]


def test_nip_is_unique():
    first = OfficerFactory()
    with pytest.raises(ValidationError):
        Officer(nip=first.nip, name="Kembar", unit=first.unit).full_clean()


def test_assignment_needs_a_service_or_a_service_point():
    officer = OfficerFactory()
    assignment = Assignment(officer=officer, start_date=datetime.date(2025, 1, 1))
    with pytest.raises(ValidationError) as excinfo:
        assignment.full_clean()
    assert "service" in excinfo.value.message_dict
    with pytest.raises(IntegrityError):
        assignment.save()


def test_assignment_cannot_end_before_it_starts():
    assignment = AssignmentFactory.build(
        officer=OfficerFactory(),
        service_point=ServicePointFactory(),
        start_date=datetime.date(2025, 6, 1),
        end_date=datetime.date(2025, 5, 31),
    )
    with pytest.raises(ValidationError) as excinfo:
        assignment.full_clean()
    assert "end_date" in excinfo.value.message_dict


def test_assignment_to_a_service_the_loket_does_not_offer_is_rejected():
    point = ServicePointFactory()
    offered, other = ServiceFactory(unit=point.unit), ServiceFactory(unit=point.unit)
    point.services.add(offered)
    assignment = Assignment(
        officer=OfficerFactory(),
        service=other,
        service_point=point,
        start_date=datetime.date(2025, 1, 1),
    )
    with pytest.raises(ValidationError) as excinfo:
        assignment.full_clean()
    assert "service_point" in excinfo.value.message_dict
    assignment.service = offered
    assignment.full_clean()


def test_assignments_active_on_a_day():
    ongoing = AssignmentFactory(start_date=datetime.date(2025, 1, 1))
    ended = AssignmentFactory(
        start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2024, 12, 31)
    )
    future = AssignmentFactory(start_date=datetime.date(2026, 1, 1))
    active = set(Assignment.objects.active_on(datetime.date(2025, 3, 1)))
    assert active == {ongoing}
    assert set(Assignment.objects.active_on(datetime.date(2024, 6, 1))) == {ended}
    assert future not in active


def test_the_submission_path_registry_snapshot_follows_services_at(demo):
    """registry_cache (read by every submission) applies services_at's rule."""
    from feedback.models import Service, ServicePoint
    from feedback.registry import snapshot

    all_services = list(Service.objects.filter(is_active=True))
    for point in ServicePoint.objects.all():
        offered = {s.pk for s in offers.services_at(point)}
        assert {s.pk for s in all_services if snapshot.offers(point, s)} == offered


def test_a_deactivated_service_is_refused_at_once_in_this_process(client, db):
    from tests.factories import ServiceFactory

    service = ServiceFactory(code="UJI-SNAPSHOT")
    body = {"service": "UJI-SNAPSHOT", "answers": {f"U{n}": 3 for n in range(1, 10)}}
    post = lambda: client.post("/api/v1/feedback/", body, content_type="application/json")  # noqa: E731
    assert post().status_code == 201
    service.is_active = False
    service.save()
    res = post()
    assert res.status_code == 400 and "service" in res.json()
