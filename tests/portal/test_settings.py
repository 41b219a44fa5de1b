"""The production profile refuses unsafe configurations and passes the deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.core.management.utils import get_random_secret_key
from django.test import override_settings
from wagtail.models import Page

from feedback.models import Officer, Service, Unit

REPO = Path(__file__).resolve().parents[2]
REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL")


def production_env(tmp_path, **values):
    """os.environ without the production variables, plus ``values``."""
    env = {k: v for k, v in os.environ.items() if k not in REQUIRED and k != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env.update(values)
    return env


def run(args, env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "missing",
    [REQUIRED, ("SECRET_KEY",), ("ALLOWED_HOSTS",), ("REDIS_URL",)],
    ids=["all", "secret-key", "allowed-hosts", "redis-url"],
)
def test_production_refuses_to_start_without_its_required_variables(tmp_path, missing):
    given = {
        "SECRET_KEY": get_random_secret_key(),
        "ALLOWED_HOSTS": "layanan.sukamajukab.go.id",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
    }
    env = production_env(tmp_path, **{k: v for k, v in given.items() if k not in missing})

    result = run(["-c", "import django; django.setup()"], env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    last_line = result.stderr.strip().splitlines()[-1]
    for name in REQUIRED:
        assert (name in last_line) == (name in missing), last_line


def test_production_passes_the_deploy_checks_when_configured(tmp_path):
    env = production_env(
        tmp_path,
        SECRET_KEY=get_random_secret_key() + get_random_secret_key(),
        ALLOWED_HOSTS="layanan.sukamajukab.go.id",
        REDIS_URL="redis://127.0.0.1:6379/15",
    )

    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
@override_settings(DEMO_DATA_ALLOWED=False)
def test_demo_data_is_refused_where_not_allowed():
    """The demo users have published passwords: production must never get them."""
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="refused"):
        call_command("load_demo_data")

    assert not Unit.objects.exists()
    assert not Service.objects.exists()
    assert not Officer.objects.exists()
    assert not get_user_model().objects.exists()
    assert Page.objects.count() == pages


def test_a_secret_key_starting_with_a_dollar_sign_is_taken_as_it_is(tmp_path):
    env = production_env(
        tmp_path,
        SECRET_KEY="$" + get_random_secret_key(),
        ALLOWED_HOSTS="layanan.sukamajukab.go.id",
        REDIS_URL="redis://127.0.0.1:6379/15",
    )
    result = run(
        [
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.SECRET_KEY[:1])",
        ],
        env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "$"


# `make run` installs the project without its extras: no psycopg, Redis client or
# gunicorn. Every module the site imports must load, and a rating be stored, without them.
WITHOUT_EXTRAS = """
import sys
for name in ("psycopg", "redis", "django_redis", "gunicorn"):
    sys.modules[name] = None  # importing any of them now raises ImportError
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from feedback.models import Response
from tests.factories import ServiceFactory

call_command("migrate", verbosity=0)
ServiceFactory(code="KTP-EL")
answers = {f"U{n}": 3 for n in range(1, 10)}
res = Client(HTTP_HOST="127.0.0.1").post(
    "/api/v1/feedback/", {"service": "KTP-EL", "answers": answers},
    content_type="application/json",
)
assert res.status_code == 201, res.content[:500]
assert Response.objects.count() == 1
print("stored without the extras")
"""


def test_the_embedded_default_runs_without_the_postgres_redis_and_serve_extras(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    out = run(["-c", WITHOUT_EXTRAS], env)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "stored without the extras" in out.stdout
