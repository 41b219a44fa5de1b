import datetime
import random
import uuid
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from feedback.intake import parsing, receipts, storing
from feedback.models import Assignment, OfficerMonth, ProfileMonth, Response, ServiceMonth
from feedback.personnel.indicators import SUM_FIELDS
from feedback.results import rollups, selectors
from feedback.rules.periods import Period
from tests.factories import OfficerFactory, ServiceFactory, ServicePointFactory, UnitFactory

pytestmark = pytest.mark.django_db


def submit(service, answers, served_on, **respondent):
    data = {
        "service": service.code,
        "answers": answers,
        "served_on": served_on,
        "respondent": respondent,
    }
    sub = parsing.parse_submission(data, today=datetime.date(2026, 11, 22))
    return storing.response_submit(sub, channel="paper")[0]


def snapshot():
    """Every rollup row of the three tables (service-month, profile, officer)."""
    officers = sorted(
        # Every sum the officer indicators read.
        OfficerMonth.objects.values_list("officer_id", "year", "month", "basis", *SUM_FIELDS)
    )
    months = sorted(
        ServiceMonth.objects.values_list(
            "service_id",
            "year",
            "month",
            "respondents",
            "total_sq_sum",
            "u1",
            "u2",
            "u3",
            "u4",
            "u5",
            "u6",
            "u7",
            "u8",
            "u9",
        )
    )
    profiles = sorted(
        ProfileMonth.objects.values_list(
            "service_id", "year", "month", "dimension", "value", "count"
        )
    )
    return months, profiles, officers


def test_recompute_equals_the_incrementally_maintained_rollups():
    rng = random.Random(7)
    unit = UnitFactory()
    svcs = [ServiceFactory(unit=unit) for _ in range(3)]
    for _ in range(150):
        submit(
            rng.choice(svcs),
            {f"U{i}": rng.randint(1, 4) for i in range(1, 10)},
            datetime.date(2026, rng.randint(1, 10), rng.randint(1, 28)),
            **({"age": rng.randint(15, 80)} if rng.random() < 0.7 else {}),
            **({"sex": rng.choice("LP")} if rng.random() < 0.8 else {}),
        )
    incremental = snapshot()
    assert sum(row[3] for row in incremental[0]) == 150
    assert {row[3] for row in incremental[1]} == set(ProfileMonth.Dimension.values)

    out = StringIO()
    call_command("recompute_ikm", stdout=out)
    assert snapshot() == incremental
    assert "Done" in out.getvalue()


def test_recompute_equals_incremental_for_every_profile_and_officer_attribution():
    """Every channel's attribution: verified receipts (both bases), responses at a loket
    for each officer assigned that day (once, however many assignments overlap), ended
    and future assignments, a named but unverified officer (import), no loket at all."""
    rng = random.Random(11)
    unit = UnitFactory()
    svcs = [ServiceFactory(unit=unit) for _ in range(2)]
    points = [ServicePointFactory(unit=unit) for _ in range(2)]
    for point in points:
        point.services.add(*svcs)
    officers = [OfficerFactory(unit=unit) for _ in range(4)]
    a, b, c, d = officers
    Assignment.objects.create(officer=a, service_point=points[0], start_date=date(2026, 1, 1))
    # b twice at the same loket (overlapping): credited once per response.
    Assignment.objects.create(officer=b, service_point=points[0], start_date=date(2026, 1, 1))
    Assignment.objects.create(
        officer=b, service_point=points[0], start_date=date(2026, 3, 1), end_date=date(2026, 8, 31)
    )
    Assignment.objects.create(
        officer=c, service_point=points[1], start_date=date(2026, 1, 1), end_date=date(2026, 5, 31)
    )
    Assignment.objects.create(officer=d, service_point=points[1], start_date=date(2026, 6, 1))
    Assignment.objects.create(officer=d, service=svcs[0], start_date=date(2026, 1, 1))
    for _ in range(240):
        service, point = rng.choice(svcs), rng.choice([*points, None])
        kind = rng.random()
        data = {
            "service": service.code,
            "answers": {f"U{i}": rng.randint(1, 4) for i in range(1, 10)},
            "served_on": date(2026, rng.randint(1, 10), rng.randint(1, 28)),
            "service_point": point.code if point else None,
            "respondent": {
                **({"age": rng.choice([10, 19, 20, 45, 59, 60, 110])} if kind < 0.8 else {}),
                **({"sex": rng.choice("LP")} if rng.random() < 0.8 else {}),
                **({"education": rng.choice(["sd", "sma", "s1"])} if rng.random() < 0.6 else {}),
                **({"occupation": rng.choice(["asn", "petani"])} if rng.random() < 0.6 else {}),
            },
        }
        if kind < 0.25:
            receipt = receipts.receipt_issue(
                service=service, service_point=point, officer=rng.choice(officers)
            )
            data["receipt"] = receipt.code
        elif kind < 0.35:
            data["officer_nip"] = rng.choice(officers).nip  # named on paper: not verified
        # Only staff imports name an officer by NIP (paper forms).
        sub = parsing.parse_submission(
            data, today=date(2026, 11, 22), officer_by_nip="officer_nip" in data
        )
        storing.response_submit(sub, channel="paper")
    incremental = snapshot()
    assert {row[3] for row in incremental[2]} == {"verified", "loket"}
    assert {row[0] for row in incremental[2]} == {o.pk for o in officers}

    rollups.rebuild()

    assert snapshot() == incremental
    # Rebuilding one officer's rows leaves the others' as they are.
    rollups.rebuild_officers(officer_ids=[b.pk])
    assert snapshot() == incremental


def test_recompute_counts_a_profile_value_outside_the_choices_too():
    """A value written around the validation (an old import, a manual fix) still gets
    its own profile row, exactly as the incremental path would count it."""
    unit = UnitFactory()
    service = ServiceFactory(unit=unit)
    for day in range(1, 6):
        submit(service, {f"U{i}": 2 for i in range(1, 10)}, date(2026, 4, day), age=33)
    Response.objects.filter(pk=Response.objects.first().pk).update(education="pesantren")
    expected = {}
    for response in Response.objects.all():
        for dimension, value in rollups.profile_values(response).items():
            key = (service.pk, 2026, 4, dimension, value)
            expected[key] = expected.get(key, 0) + 1

    rollups.rebuild()

    assert snapshot()[1] == sorted((*key, n) for key, n in expected.items())
    assert ("education", "pesantren", 1) in {(d, v, n) for _s, _y, _m, d, v, n in snapshot()[1]}


def test_a_recompute_that_fails_half_way_leaves_the_old_rollups(monkeypatch):
    unit = UnitFactory()
    service = ServiceFactory(unit=unit)
    for day in range(1, 11):
        submit(service, {f"U{i}": 3 for i in range(1, 10)}, date(2026, 5, day), sex="P")
    before = snapshot()
    # An 11th response restored behind the rollups' back: a full rebuild would count it.
    restored = Response.objects.first()
    restored.pk, restored.public_id, restored.fingerprint = None, uuid.uuid4(), ""
    restored.save()

    apply_drift = rollups._apply_drift

    def fail(model, *args):
        if model is OfficerMonth:
            raise RuntimeError("the database went away")
        return apply_drift(model, *args)

    # The service-month and profile rows are already corrected when the officers fail.
    monkeypatch.setattr(rollups, "_apply_drift", fail)
    with pytest.raises(RuntimeError):
        rollups.rebuild()
    assert snapshot() == before
    assert ServiceMonth.objects.get().respondents == 10
    monkeypatch.undo()
    rollups.rebuild()
    assert ServiceMonth.objects.get().respondents == 11


def test_results_come_from_rollups_not_from_raw_responses(django_assert_max_num_queries):
    service = ServiceFactory()
    for _ in range(12):
        submit(service, {f"U{i}": 3 for i in range(1, 10)}, datetime.date(2026, 8, 3))
    # One query on the month rollups, one on the tables imported from past reports.
    with django_assert_max_num_queries(2):
        result = selectors.ikm_for(
            scope=selectors.Scope.of(service), period=Period.parse("2026-Q3")
        )
    assert result.ikm == 75.0 and result.respondents == 12


def test_responses_count_in_the_period_of_the_day_they_were_served():
    service = ServiceFactory()
    for _ in range(10):
        submit(service, {f"U{i}": 4 for i in range(1, 10)}, datetime.date(2026, 6, 30))
    q2 = selectors.ikm_for(scope=selectors.Scope.of(service), period=Period.parse("2026-Q2"))
    q3 = selectors.ikm_for(scope=selectors.Scope.of(service), period=Period.parse("2026-Q3"))
    assert (q2.respondents, q3.respondents) == (10, 0)
    year = selectors.ikm_for(scope=selectors.Scope.of(service), period=Period.parse("2026"))
    assert year.respondents == 10


def test_a_unit_includes_its_sub_units_and_the_pemda_everything():
    parent = UnitFactory(code="DINKES")
    child = UnitFactory(code="PKM-1", level="unit_layanan", parent=parent)
    other = UnitFactory(code="DISHUB", parent=parent.parent)
    for unit, value in ((parent, 4), (child, 2), (other, 1)):
        service = ServiceFactory(unit=unit)
        for _ in range(10):
            submit(service, {f"U{i}": value for i in range(1, 10)}, datetime.date(2026, 2, 1))
    period = Period.parse("2026-Q1")
    assert selectors.ikm_for(scope=selectors.Scope.of(parent), period=period).ikm == 75.0
    assert selectors.ikm_for(scope=selectors.Scope.of(child), period=period).ikm == 50.0
    assert selectors.ikm_for(scope=selectors.Scope.of(None), period=period).respondents == 30
    assert selectors.ikm_for(scope=selectors.Scope.of(None), period=period).ikm == 58.33


def test_a_rejected_response_leaves_the_rollups_untouched(client):
    service = ServiceFactory(code="KTP-EL")
    client.post(
        "/api/v1/feedback/",
        {"service": "KTP-EL", "answers": {"U1": 9}},
        content_type="application/json",
    )
    assert not ServiceMonth.objects.exists()
    assert service.responses.count() == 0
