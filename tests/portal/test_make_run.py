"""`make run` as a newcomer meets it: the development server with the embedded
settings shows the portal's own 404 page (not Django's debug page with the URL list)
and still serves the static files; `DEBUG=1` brings the debug pages back."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A migrated SQLite file of the embedded profile."""
    path = tmp_path_factory.mktemp("run") / "db.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    env["DATABASE_URL"] = f"sqlite:///{path}"
    env.pop("DEBUG", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    return env


def serve(env: dict):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, base
        except OSError:
            time.sleep(0.25)
    server.kill()
    raise AssertionError("runserver did not start")


@pytest.mark.parametrize("debug", [None, "1"])
def test_make_run_serves_the_real_404_page_and_the_static_files(database, debug):
    env = dict(database)
    if debug:
        env["DEBUG"] = debug
    server, base = serve(env)
    try:
        status, body = fetch(base + "/tidak-ada-halaman-ini/")
        css_status, css = fetch(base + "/static/css/portal.css")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert status == 404
    if debug:
        assert "Using the URLconf" in body or "Page not found" in body
    else:
        assert "Halaman tidak ditemukan" in body
        assert "URLconf" not in body and "DEBUG = True" not in body
    assert css_status == 200 and ":root" in css
