"""import_skm stores in bulk, all or none (feedback/imports/responses.py): the rollups it
brings up to date equal a full recompute, and a failure at any step, or a killed
process, leaves nothing counted and nothing visible."""

import datetime
import os
import random
import signal
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection

from feedback.imports import responses
from feedback.intake import parsing, storing
from feedback.models import Assignment, ImportBatch, ReportedPeriod, Response, ServiceMonth
from feedback.results import rollups
from tests.factories import OfficerFactory, ServiceFactory, ServicePointFactory, UnitFactory
from tests.feedback.test_rollups import snapshot

pytestmark = pytest.mark.django_db

HEADER = "service,date,U1,U2,U3,U4,U5,U6,U7,U8,U9,age,sex,education,occupation,service_point\n"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def registry():
    """Two services offered at two lokets with officers assigned over the year."""
    unit = UnitFactory()
    svcs = [ServiceFactory(unit=unit, code=f"LAY-{i}") for i in range(2)]
    points = [ServicePointFactory(unit=unit, code=f"LOK-{i}") for i in range(2)]
    for point in points:
        point.services.add(*svcs)
    a, b, c = (OfficerFactory(unit=unit) for _ in range(3))
    Assignment.objects.create(
        officer=a, service_point=points[0], start_date=datetime.date(2026, 1, 1)
    )
    Assignment.objects.create(
        officer=b,
        service_point=points[0],
        start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2026, 6, 30),
    )
    Assignment.objects.create(
        officer=c, service_point=points[1], start_date=datetime.date(2026, 2, 1)
    )
    return svcs, points


def forms(rows: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    lines = [HEADER]
    for _ in range(rows):
        lines.append(
            ",".join(
                [
                    rng.choice(["LAY-0", "lay-1"]),
                    datetime.date(2026, rng.randint(1, 9), rng.randint(1, 28)).isoformat(),
                    *[str(rng.randint(1, 4)) for _ in range(9)],
                    rng.choice(["", "19", "20", "45", "60", "110"]),
                    rng.choice(["", "L", "p"]),
                    rng.choice(["", "sma", "S1", "D4/S1"]),
                    rng.choice(["", "asn", "Petani/nelayan"]),
                    rng.choice(["", "", "LOK-0", "lok-1"]),
                ]
            )
            + "\n"
        )
    return "".join(lines)


def live(service, served_on, answers=3):
    data = {"service": service.code, "answers": {f"U{i}": answers for i in range(1, 10)}}
    data["served_on"] = served_on
    sub = parsing.parse_submission(data, earliest=datetime.date(2017, 1, 1))
    return storing.response_submit(sub, channel="web")[0]


def rollups_equal_a_recompute() -> bool:
    before = snapshot()
    rollups.rebuild()
    return snapshot() == before


def test_rollups_after_an_import_equal_a_full_recompute(registry):
    svcs, _points = registry
    # Live responses already counted in some of the same service-months.
    for day in (datetime.date(2026, 2, 3), datetime.date(2026, 5, 9)):
        live(svcs[0], day)
    batch = responses.import_file(forms(600).encode(), filename="kertas.csv")
    assert batch.rows == 600 and Response.objects.filter(import_batch=batch).count() == 600
    assert Response.objects.count() == 602
    months = snapshot()
    assert sum(row[3] for row in months[0]) == 602
    assert {row[3] for row in months[2]} == {"loket"}  # officers credited through lokets
    assert rollups_equal_a_recompute()
    # A second file adds to the same rollup rows.
    responses.import_file(forms(300, seed=2).encode(), filename="kertas-2.csv")
    assert sum(ServiceMonth.objects.values_list("respondents", flat=True)) == 902
    assert rollups_equal_a_recompute()


def test_a_row_failing_when_stored_leaves_nothing(registry, monkeypatch):
    """A row the database refuses (a constraint), past validation: all or none."""
    live(registry[0][0], datetime.date(2026, 2, 3))
    before = snapshot()
    made = []
    original = responses._RowValues.__call__

    def row_values(self, sub, batch_id):
        values = original(self, sub, batch_id)
        made.append(values)
        if len(made) == 150:
            values[self.names.index("u3")] = 9  # outside 1..4: the CHECK constraint refuses it
        return values

    monkeypatch.setattr(responses._RowValues, "__call__", row_values)
    with pytest.raises(responses.ImportRejected) as caught:
        responses.import_file(forms(400).encode(), filename="kertas.csv")
    assert "basis data menolak" in str(caught.value.errors[0])
    assert Response.objects.count() == 1 and ImportBatch.objects.count() == 0
    assert snapshot() == before


def test_a_failure_while_adding_to_the_rollups_leaves_nothing(registry, monkeypatch):
    def fail(batch_id):
        raise DatabaseError("the server closed the connection")

    monkeypatch.setattr(rollups, "add_import_batch", fail)
    with pytest.raises(responses.ImportRejected):
        responses.import_file(forms(50).encode(), filename="kertas.csv")
    assert Response.objects.count() == 0 and ImportBatch.objects.count() == 0
    assert snapshot() == ([], [], [])


def test_a_report_table_imported_meanwhile_refuses_the_whole_file(registry, monkeypatch):
    """A table for one of the file's periods, stored while the rows were loading,
    is seen by the final check: the period would otherwise count twice."""
    svc = registry[0][0]
    original = responses._final_checks

    def table_arrives(batch, digest, allow_duplicate):
        other = ImportBatch.objects.create(filename="laporan.csv", sha256="x" * 64, rows=1)
        ReportedPeriod.objects.create(
            service=svc,
            period="2026-Q1",
            start=datetime.date(2026, 1, 1),
            end=datetime.date(2026, 3, 31),
            respondents=10,
            import_batch=other,
            **{f"u{i}": 30 for i in range(1, 10)},
        )
        return original(batch, digest, allow_duplicate)

    monkeypatch.setattr(responses, "_final_checks", table_arrives)
    text = HEADER + "LAY-0,2026-02-03,4,4,4,4,4,4,4,4,4,,,,,\n"
    with pytest.raises(responses.ImportRejected) as caught:
        responses.import_file(text.encode(), filename="kertas.csv")
    assert "2026-Q1" in str(caught.value.errors[0])
    assert Response.objects.count() == 0
    assert snapshot() == ([], [], [])


def test_progress_is_shown_with_counts_and_time(registry, tmp_path, monkeypatch):
    monkeypatch.setattr(responses, "PROGRESS_EVERY", 100)
    path = tmp_path / "kertas.csv"
    path.write_text(forms(250))
    out = StringIO()
    call_command("import_skm", str(path), stdout=out)
    text = out.getvalue()
    assert "100 rows read and stored" in text and "200 rows read and stored" in text
    assert "250 rows stored" in text and "rows/s" in text and " s)" in text
    assert "Imported 250 responses" in text
    with pytest.raises(CommandError):
        call_command("import_skm", str(path), stdout=StringIO(), stderr=StringIO())
    assert Response.objects.count() == 250


# --- a real process, killed: PostgreSQL, where another process can watch ------------


@pytest.mark.django_db(transaction=True)
def test_a_killed_import_leaves_nothing_visible_and_can_be_run_again(registry, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the import runs in a process of its own (SQLite in memory)")
    path = tmp_path / "kertas.csv"
    path.write_text(forms(60_000, seed=3))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": (
            f"postgres://{connection.settings_dict['USER']}@{connection.settings_dict['HOST']}:"
            f"{connection.settings_dict['PORT']}/{connection.settings_dict['NAME']}"
        ),
    }
    command = [sys.executable, "manage.py", "import_skm", str(path)]
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        seen = []
        for line in proc.stdout:
            seen.append(line)
            if "rows read and stored" in line:
                break
        assert any("rows read and stored" in line for line in seen), "".join(seen)
        # Rows are in the table, uncommitted: nobody else sees them or their batch.
        assert Response.objects.count() == 0 and ImportBatch.objects.count() == 0
        # A citizen's submission for a service-month the file fills is not held up:
        # the import holds no lock on the rollups while its rows load.
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '5s'")
        try:
            live(registry[0][0], datetime.date(2026, 2, 3))
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET lock_timeout")
        assert ServiceMonth.objects.get(service=registry[0][0], month=2).respondents == 1
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()
    deadline = time.monotonic() + 30
    while Response.objects.count() != 1 or ImportBatch.objects.count():
        assert time.monotonic() < deadline
        time.sleep(0.2)
    months, _profiles, _officers = snapshot()
    assert [row[3] for row in months] == [1]  # the citizen's response only
    # Nothing of the killed run remains, so the same file is not refused.
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Imported 60000 responses" in done.stdout
    assert Response.objects.count() == 60_001
    assert rollups_equal_a_recompute()


def test_an_imported_row_is_stored_as_the_one_by_one_path_stores_it(registry):
    """The bulk path builds the row's values itself: they must be those of
    storing.response_submit for the same paper form (masking included)."""
    svcs, points = registry
    officer = OfficerFactory(unit=svcs[0].unit)
    text = (
        HEADER.strip()
        + ",officer_nip,comment\n"
        + f"LAY-0,2026-02-03,4,3,2,1,4,3,2,1,4,45,P,sma,asn,LOK-0,{officer.nip},"
        + "Hubungi saya di 081234567890\n"
    )
    responses.import_file(text.encode(), filename="kertas.csv")
    bulk = Response.objects.get()
    sub = parsing.parse_submission(
        {
            "service": "LAY-0",
            "served_on": "2026-02-03",
            "answers": dict(
                zip([f"U{i}" for i in range(1, 10)], [4, 3, 2, 1, 4, 3, 2, 1, 4], strict=True)
            ),
            "respondent": {"age": 45, "sex": "P", "education": "sma", "occupation": "asn"},
            "service_point": "LOK-0",
            "officer_nip": officer.nip,
            "comment": "Hubungi saya di 081234567890",
        },
        earliest=datetime.date(2017, 1, 1),
        officer_by_nip=True,
    )
    one, _created = storing.response_submit(sub, channel="paper")
    ignore = {"id", "public_id", "submitted_at", "import_batch_id"}
    fields = [f.attname for f in Response._meta.concrete_fields if f.attname not in ignore]
    assert Response.objects.filter(pk=bulk.pk).values(*fields).get() == (
        Response.objects.filter(pk=one.pk).values(*fields).get()
    )
    assert "081234567890" not in bulk.comment and bulk.officer == officer
