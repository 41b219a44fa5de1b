"""Where a submission is stored: one statement on PostgreSQL (feedback.intake.statement),
the ORM in a transaction elsewhere and for receipts. Both must store the same
response with the same rollups, and refuse what the other refuses."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from feedback.intake import parsing, statement, storing
from feedback.models import (
    Channel,
    ImportBatch,
    Kiosk,
    OfficerMonth,
    ProfileMonth,
    ReportedPeriod,
    Response,
    ServiceMonth,
)
from tests.factories import AssignmentFactory, OfficerFactory, ServiceFactory, ServicePointFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/feedback/"
ANSWERS = {"U1": 4, "U2": 3, "U3": 3, "U4": 2, "U5": 4, "U6": 1, "U7": 4, "U8": 3, "U9": 2}


@pytest.fixture
def loket():
    service = ServiceFactory(code="KTP-EL")
    point = ServicePointFactory(code="L1", unit=service.unit)
    point.services.add(service)
    AssignmentFactory(
        officer=OfficerFactory(),
        service_point=point,
        start_date=timezone.localdate() - datetime.timedelta(days=30),
    )
    return service, point


def report_covering(service, day):
    batch = ImportBatch.objects.create(filename="laporan.csv", sha256="0" * 64, rows=1)
    return ReportedPeriod.objects.create(
        service=service,
        period=f"{day.year}-Q{(day.month - 1) // 3 + 1}",
        start=day - datetime.timedelta(days=1),
        end=day + datetime.timedelta(days=1),
        respondents=10,
        import_batch=batch,
        **{f"u{i}": Decimal("30") for i in range(1, 10)},
    )


def rollups():
    return (
        list(ServiceMonth.objects.values()),
        list(ProfileMonth.objects.values()),
        list(OfficerMonth.objects.values()),
    )


def test_a_period_counted_from_a_report_table_is_refused_and_nothing_is_stored(client, loket):
    service, _point = loket
    report = report_covering(service, timezone.localdate())
    res = client.post(
        URL, {"service": "KTP-EL", "answers": ANSWERS}, content_type="application/json"
    )
    assert res.status_code == 400
    [message] = res.json()["served_on"]
    assert report.period in message and "dua kali" in message
    assert Response.objects.count() == 0
    assert rollups() == ([], [], [])


def test_a_report_imported_after_validation_still_refuses_the_response(loket):
    """The check where the response is stored, not only where it is validated: a
    report table imported in between must not let the period count twice."""
    service, point = loket
    sub = parsing.parse_submission(
        {"service": "KTP-EL", "answers": ANSWERS, "service_point": "L1"}, check_reported=False
    )
    report_covering(service, sub.served_on)
    with pytest.raises(parsing.SubmissionInvalid) as refused:
        storing.response_submit(sub, channel=Channel.API, ip="10.0.0.1")
    assert "served_on" in refused.value.errors
    assert Response.objects.count() == 0
    assert rollups() == ([], [], [])


def test_a_kiosk_submission_notes_when_the_kiosk_was_last_used(client, loket):
    _service, point = loket
    kiosk = Kiosk.objects.create(name="Tablet Loket 1", service_point=point)
    sub = parsing.parse_submission({"service": "KTP-EL", "answers": ANSWERS})
    response, created = storing.response_submit(sub, channel=Channel.KIOSK, kiosk=kiosk)
    kiosk.refresh_from_db()
    assert created and response.kiosk_id == kiosk.pk
    assert response.service_point_id == point.pk  # the kiosk's loket by default
    assert kiosk.last_used_at == Response.objects.get().submitted_at


def test_one_statement_and_the_orm_store_the_same_response_and_rollups(loket, monkeypatch):
    if not statement.available():
        pytest.skip("the one-statement path is PostgreSQL's; runs in the PostgreSQL pass")
    data = {
        "service": "KTP-EL",
        "answers": ANSWERS,
        "service_point": "L1",
        "comment": "Hubungi 081234567890, antrean lama.",
        "respondent": {"age": 41, "sex": "P", "education": "s1", "occupation": "asn"},
    }

    def store_and_read(ip):
        Response.objects.all().delete()
        for model in (ServiceMonth, ProfileMonth, OfficerMonth):
            model.objects.all().delete()
        response, created = storing.response_submit(
            parsing.parse_submission(data), channel=Channel.API, ip=ip
        )
        assert created
        again, created_again = storing.response_submit(
            parsing.parse_submission(data), channel=Channel.API, ip=ip
        )
        assert (again.pk, created_again) == (response.pk, False)  # the duplicate rule
        stored = Response.objects.values().get()
        for varying in ("id", "public_id", "submitted_at"):
            stored.pop(varying)
        strip = [[{k: v for k, v in row.items() if k != "id"} for row in t] for t in rollups()]
        return stored, strip

    one_statement = store_and_read("10.0.0.7")
    monkeypatch.setattr(statement, "available", lambda: False)
    orm = store_and_read("10.0.0.7")
    assert one_statement == orm
    stored, (months, profiles, officers) = one_statement
    assert "081234567890" not in stored["comment"]  # masked on both paths
    assert months[0]["respondents"] == 1 and len(profiles) == 4 and len(officers) == 1
    assert connection.vendor == "postgresql"


def test_the_prepared_duplicate_check_uses_its_index_when_most_rows_have_no_fingerprint(loket):
    """Years of paper imports have no fingerprint. PostgreSQL plans the prepared
    submission statement once for any fingerprint; with such statistics a plain index
    lost to a scan of the whole table by id on every submission."""
    if not statement.available():
        pytest.skip("prepared statements are PostgreSQL's; runs in the PostgreSQL pass")
    service, _point = loket
    day = timezone.localdate()
    Response.objects.bulk_create(
        Response(
            service=service,
            channel=Channel.PAPER,
            served_on=day,
            fingerprint="" if n > 3 else f"{n:064d}",
            **{f"u{i}": 3 for i in range(1, 10)},
        )
        for n in range(20_000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE feedback_response")
        numbered = statement.earlier_sql().replace("%s", "$1", 1).replace("%s", "$2", 1)
        cursor.execute(f"PREPARE earlier_check (varchar, timestamptz) AS {numbered}")
        try:
            cursor.execute("SET LOCAL plan_cache_mode = force_generic_plan")
            cursor.execute("EXPLAIN EXECUTE earlier_check('f', now())")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        finally:
            cursor.execute("DEALLOCATE earlier_check")
    assert "response_fingerprint" in plan, plan
