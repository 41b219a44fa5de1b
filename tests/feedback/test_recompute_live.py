"""A recompute during live traffic: nothing lost, nothing doubled, nobody kept waiting.

Submissions are committed by another connection at the moment a recompute has read
its snapshot and not yet written anything (``rollups._snapshot_taken``), the window
in which a recompute that empties and refills the rollups loses them. PostgreSQL
only: SQLite serialises writers, so nothing can commit during a recompute there.
"""

import threading
from datetime import date

import pytest
from django.db import connection

from feedback.intake import parsing, receipts, storing
from feedback.models import Assignment, OfficerMonth, ProfileMonth, Response, ServiceMonth
from feedback.results import rollups
from tests.factories import OfficerFactory, ServiceFactory, ServicePointFactory, UnitFactory
from tests.feedback.test_rollups import snapshot

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs a submission committing during a recompute: SQLite serialises writers "
            "(IMMEDIATE transactions); runs in the PostgreSQL pass of .ci/run"
        )


@pytest.fixture
def loket():
    unit = UnitFactory()
    service = ServiceFactory(unit=unit)
    point = ServicePointFactory(unit=unit)
    point.services.add(service)
    officer = OfficerFactory(unit=unit)
    Assignment.objects.create(officer=officer, service_point=point, start_date=date(2026, 1, 1))
    return service, point, officer


def submit(service, point, served_on, *, receipt=None, **respondent):
    data = {
        "service": service.code,
        "answers": {f"U{i}": 1 + (i + served_on.day) % 4 for i in range(1, 10)},
        "served_on": served_on,
        "service_point": point.code,
        "respondent": respondent,
    }
    if receipt:
        data["receipt"] = receipt.code
    sub = parsing.parse_submission(data, today=TODAY)
    return storing.response_submit(sub, channel="paper")[0]


def committed_meanwhile(monkeypatch, *submissions):
    """Make each of ``submissions`` (callables) commit on a connection of its own at
    the moment the recompute has read its snapshot; each must finish within seconds
    while the recompute waits for it (it would wait forever on a lock the recompute
    holds)."""
    finished, errors = [], []

    def run_all():
        try:
            for submission in submissions:
                submission()
                finished.append(submission)
        except Exception as exc:  # reported by the test, with the thread's error
            errors.append(exc)
        finally:
            connection.close()

    def at_snapshot():
        worker = threading.Thread(target=run_all)
        worker.start()
        worker.join(timeout=20)
        assert not worker.is_alive(), "a submission waited on the recompute's locks"

    monkeypatch.setattr(rollups, "_snapshot_taken", at_snapshot)
    return finished, errors


def test_a_recompute_keeps_the_submissions_committed_while_it_runs(monkeypatch, loket):
    service, point, officer = loket
    for day in range(1, 13):
        submit(service, point, date(2026, 3, day), sex="L", age=30)
    # Drift for the recompute to repair: a month counted twice as many, a profile
    # count gone missing.
    ServiceMonth.objects.filter(service=service).update(respondents=24)
    ProfileMonth.objects.filter(service=service, dimension="sex").delete()
    receipt = receipts.receipt_issue(service=service, service_point=point, officer=officer)
    finished, errors = committed_meanwhile(
        monkeypatch,
        # To rows the snapshot has: the month, its profile, the officer's loket month.
        lambda: submit(service, point, date(2026, 3, 20), sex="P", age=30),
        # To rows that did not exist yet: a new month, through a receipt (the ORM path).
        lambda: submit(service, point, date(2026, 4, 2), receipt=receipt, education="s1"),
    )

    rollups.rebuild()

    assert not errors and len(finished) == 2, errors
    assert Response.objects.count() == 14
    march = ServiceMonth.objects.get(service=service, year=2026, month=3)
    assert march.respondents == 13
    assert ServiceMonth.objects.get(service=service, year=2026, month=4).respondents == 1
    sexes = dict(
        ProfileMonth.objects.filter(service=service, month=3, dimension="sex").values_list(
            "value", "count"
        )
    )
    assert sexes == {"L": 12, "P": 1}
    officer_months = dict(
        OfficerMonth.objects.filter(officer=officer, basis="loket").values_list(
            "month", "respondents"
        )
    )
    assert officer_months == {3: 13, 4: 1}
    # And every figure equals a recompute with nobody submitting.
    after = snapshot()
    monkeypatch.undo()
    rollups.rebuild()
    assert snapshot() == after


def test_an_officer_rebuild_keeps_the_submissions_committed_while_it_runs(monkeypatch, loket):
    service, point, officer = loket
    for day in range(1, 6):
        submit(service, point, date(2026, 5, day))
    OfficerMonth.objects.filter(officer=officer).update(respondents=50)
    finished, errors = committed_meanwhile(
        monkeypatch,
        lambda: submit(service, point, date(2026, 5, 9)),
        lambda: submit(service, point, date(2026, 6, 1)),
    )

    rollups.rebuild_officers(officer_ids=[officer.pk])

    assert not errors and len(finished) == 2, errors
    assert dict(
        OfficerMonth.objects.filter(officer=officer, basis="loket").values_list(
            "month", "respondents"
        )
    ) == {5: 6, 6: 1}
    after = snapshot()
    monkeypatch.undo()
    rollups.rebuild()
    assert snapshot() == after
