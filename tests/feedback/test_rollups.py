import datetime
import random
from io import StringIO

import pytest
from django.core.management import call_command

from feedback import selectors, services
from feedback.models import ProfileMonth, ServiceMonth
from feedback.periods import Period
from tests.factories import ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db


def submit(service, answers, served_on, **respondent):
    data = {
        "service": service.code,
        "answers": answers,
        "served_on": served_on,
        "respondent": respondent,
    }
    sub = services.parse_submission(data, today=datetime.date(2026, 11, 22))
    return services.response_submit(sub, channel="paper")[0]


def snapshot():
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
    return months, profiles


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

    out = StringIO()
    call_command("recompute_ikm", stdout=out)
    assert snapshot() == incremental
    assert "Done" in out.getvalue()


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
