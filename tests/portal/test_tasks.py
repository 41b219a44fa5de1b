"""Background work through Django's tasks API (django-tasks).

Tests run the immediate backend (a task runs at once, after the commit that
queued it). The database backend is exercised with a real worker: on
PostgreSQL a separate ``manage.py db_worker`` process polls the test database;
on SQLite (an in-memory test database no other process can open) the same
worker command runs in this process until the queue is empty.
"""

import datetime
import os
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.models import DBTaskResult

from feedback.intake import parsing, storing
from feedback.models import Assignment, Channel, OfficerMonth, Response
from tests.factories import ServiceFactory, ktp_loket

ROOT = Path(__file__).resolve().parents[2]
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DAY = datetime.date(2026, 8, 12)


def rate_at(service, point, *, u6, u7, day=DAY):
    answers = {f"U{n}": 3 for n in range(1, 10)} | {"U6": u6, "U7": u7}
    sub = parsing.parse_submission(
        {
            "service": service.code,
            "answers": answers,
            "served_on": day,
            "service_point": point.code,
        },
        today=datetime.date(2026, 11, 22),
    )
    return storing.response_submit(sub, channel=Channel.QR)[0]


@pytest.fixture
def loket():
    _unit, service, point, siti = ktp_loket()
    return service, point, siti


def officer_figures(officer):
    return list(
        OfficerMonth.objects.filter(officer=officer, basis="loket").values_list(
            "year", "month", "respondents", "u6", "u7"
        )
    )


def test_the_embedded_default_and_the_tests_run_tasks_at_once():
    assert type(task_backends["default"]).__name__ == "ImmediateBackend"


def test_production_queues_tasks_for_the_database_worker():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "portal.example.go.id",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    code = (
        "import django; django.setup(); from django_tasks import task_backends; "
        "b = task_backends['default']; print(type(b).__module__, type(b).__name__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.stdout.split() == ["django_tasks_db.backend", "DatabaseBackend"], out.stderr


@pytest.mark.django_db
def test_an_assignment_change_rebuilds_the_officer_in_a_task(
    loket, django_capture_on_commit_callbacks
):
    service, point, siti = loket
    rate_at(service, point, u6=4, u7=2)  # nobody assigned yet: nobody credited
    assert officer_figures(siti) == []
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Assignment.objects.create(officer=siti, service_point=point, start_date=DAY)
    assert len(callbacks) == 1  # queued after the commit, not run inside HR's save
    assert officer_figures(siti) == [(2026, 8, 1, 4, 2)]


@pytest.mark.django_db
def test_the_daily_purge_can_be_handed_to_the_worker():
    old = Response.objects.create(
        service=ServiceFactory(),
        channel=Channel.API,
        served_on=DAY,
        submitted_at=timezone.now() - datetime.timedelta(days=400),
        client_hash="x" * 64,
        fingerprint="y" * 64,
        **{f"u{i}": 3 for i in range(1, 10)},
    )
    out = StringIO()
    call_command("purge_client_hashes", "--enqueue", stdout=out)
    assert "queued" in out.getvalue()
    old.refresh_from_db()
    assert (old.client_hash, old.fingerprint) == ("", "")


@pytest.mark.django_db
def test_a_submission_updates_public_figures_without_waiting_for_a_worker(client, settings):
    """The service rollups stay in the submission's transaction: with the database
    backend and no worker running, the public IKM counts the response at once."""
    settings.TASKS = DATABASE_BACKEND
    service = ServiceFactory(code="KTP-EL")
    answers = {f"U{n}": 4 for n in range(1, 10)}
    today = timezone.localdate()
    period = f"{today:%Y-%m}"
    before = client.get(f"/api/v1/ikm/?service=KTP-EL&period={period}").json()["respondents"]
    queued_before = DBTaskResult.objects.count()  # Wagtail's own (reference index) tasks
    res = client.post(
        "/api/v1/feedback/",
        {"service": service.code, "answers": answers},
        content_type="application/json",
    )
    assert res.status_code == 201
    after = client.get(f"/api/v1/ikm/?service=KTP-EL&period={period}").json()["respondents"]
    assert after == before + 1
    assert DBTaskResult.objects.count() == queued_before  # nothing of a submission is deferred


def _worker_env():
    """The environment of a worker process that uses this test database."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": url,
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "REDIS_URL": django_settings.REDIS_URL,
    }


def run_db_worker(finished) -> str:
    """Run the database backend's worker until ``finished()`` (60 s at most); its output.

    On PostgreSQL a separate ``manage.py db_worker`` process polls the test database;
    SQLite's in-memory test database is private to this process, so there the same
    command runs here until the queue is empty."""
    if connection.vendor != "postgresql":
        print("SQLite: the in-memory test database is private to this process; running ")
        print("the db_worker command here (the PostgreSQL pass starts a worker process).")
        out = StringIO()
        call_command("db_worker", "--batch", "--no-startup-delay", stdout=out)
        return out.getvalue()
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=_worker_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and worker.poll() is None:
            if finished():
                break
            time.sleep(0.2)
    finally:
        worker.terminate()
        output = worker.communicate(timeout=30)[0]
    return output


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_a_queued_officer_rebuild(loket, settings):
    settings.TASKS = DATABASE_BACKEND
    service, point, siti = loket
    rate_at(service, point, u6=4, u7=3)
    rate_at(service, point, u6=2, u7=3)
    Assignment.objects.create(officer=siti, service_point=point, start_date=DAY)

    queued = DBTaskResult.objects.get(task_path="feedback.tasks.rebuild_officer_rollups")
    assert queued.status == "READY"
    assert officer_figures(siti) == []  # queued, not run by the save

    def finished():
        queued.refresh_from_db()
        return queued.status in ("SUCCESSFUL", "FAILED")

    output = run_db_worker(finished)
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL", output
    assert officer_figures(siti) == [(2026, 8, 2, 6, 6)]
