"""Backup and restore as the deploy guide says (docs/operations.md "Backup and restore"):
deploy/backup.sh dumps the database with pg_dump and packs the media directory;
pg_restore loads the dump into a fresh database, and the portal pointed at it
answers the same IKM figures. PostgreSQL only."""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.db import connection

from feedback.intake import parsing, storing
from tests.factories import ServiceFactory, UnitFactory

ROOT = Path(__file__).resolve().parents[2]
SERVED = datetime.date(2026, 8, 5)
PERIODS = ("2026-08", "2026-Q3", "2026")

# Run by a process of its own on the restored database: the IKM API's answers.
ANSWERS = r"""
import json, sys
import django
django.setup()
from django.test import Client
client = Client()
out = {}
for url in json.loads(sys.argv[1]):
    res = client.get(url)
    out[url] = [res.status_code, res.json()]
print(json.dumps(out))
"""


def database_url(name: str) -> str:
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def ikm_answers(db_name: str, urls: list[str]) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url(db_name),
    }
    done = subprocess.run(
        [sys.executable, "-c", ANSWERS, json.dumps(urls)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def rate(service, answers: dict):
    sub = parsing.parse_submission(
        {"service": service.code, "answers": answers, "served_on": SERVED},
        today=SERVED + datetime.timedelta(days=1),
    )
    storing.response_submit(sub, channel="web")


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        reason = "backup and restore use pg_dump and pg_restore: PostgreSQL only"
        print(f"SKIPPED: {reason} (run with DATABASE_URL=postgres://...)")
        pytest.skip(reason)
    for tool in ("pg_dump", "pg_restore", "createdb", "dropdb"):
        if shutil.which(tool) is None:
            print(f"SKIPPED: {tool} is not installed (Debian: postgresql-client)")
            pytest.skip(f"{tool} is not installed")


@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_answers_the_same_ikm_figures(postgresql_only, tmp_path):
    unit = UnitFactory(code="dukcapil")
    ktp, kia = ServiceFactory(code="ktp", unit=unit), ServiceFactory(code="kia", unit=unit)
    for n in range(14):
        rate(ktp, {f"U{e}": 1 + (n + e) % 4 for e in range(1, 10)})
        rate(kia, {f"U{e}": 3 + (n * e) % 2 for e in range(1, 10)})
    urls = [
        f"/api/v1/ikm/?{scope}period={period}"
        for scope in ("service=ktp&", "service=kia&", "unit=dukcapil&", "")
        for period in PERIODS
    ]

    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "maklumat.pdf").write_bytes(b"%PDF-1.4 maklumat pelayanan")
    source = connection.settings_dict["NAME"]
    restored = f"{source}_restored"[:63]
    backups = tmp_path / "backups"
    env = {**os.environ, "DATABASE_URL": database_url(source), "MEDIA_ROOT": str(media)}
    done = subprocess.run(
        ["sh", str(ROOT / "deploy" / "backup.sh"), str(backups)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    dump = Path(done.stdout.strip().splitlines()[-1])
    assert dump.exists() and dump.suffix == ".dump"
    (archive,) = backups.glob("media-*.tar.gz")

    db = connection.settings_dict
    pg = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"]]
    subprocess.run(["dropdb", *pg, "--if-exists", restored], check=True)
    try:
        # The documented restore: a fresh database, pg_restore, the media unpacked.
        subprocess.run(["createdb", *pg, restored], check=True)
        subprocess.run(
            ["pg_restore", *pg, "--no-owner", "--exit-on-error", "-d", restored, str(dump)],
            check=True,
            capture_output=True,
        )
        unpacked = tmp_path / "restored-media"
        unpacked.mkdir()
        with tarfile.open(archive) as tar:
            tar.extractall(unpacked, filter="data")
        assert (unpacked / "documents" / "maklumat.pdf").read_bytes().startswith(b"%PDF")

        original, copy = ikm_answers(source, urls), ikm_answers(restored, urls)
        assert copy == original
        for url in urls:
            status, body = copy[url]
            assert status == 200, (url, body)
            assert body["respondents"] >= 14 and body["ikm"] is not None, (url, body)
    finally:
        subprocess.run(["dropdb", *pg, "--if-exists", restored], check=True)
