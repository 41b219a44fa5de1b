"""Real headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by
Playwright (no browser is ever downloaded). `make test` installs it with apt;
CHROMIUM_PATH points at another. Without Playwright or Chromium every browser test
is skipped with the reason printed."""

import os
import shutil

import pytest
from django.db import connections

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying hosts this closed
# network refuses; --no-sandbox because tests run as root.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

if not shutil.which(CHROMIUM):
    pytest.skip(
        f"No Chromium at {CHROMIUM}: `make test` installs Debian's chromium; "
        "set CHROMIUM_PATH to use another.",
        allow_module_level=True,
    )


@pytest.fixture
def chromium(monkeypatch):
    """A launched headless Chromium, closed after the test."""
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # test makes are still synchronous. Set only for these tests: the variable
    # must never reach other processes (check --deploy refuses it).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        # The ORM calls a test makes while Playwright's event loop runs have a
        # database connection of their own (asgiref keeps connections per context),
        # out of pytest-django's reach once the loop stops: close it here, or
        # PostgreSQL refuses to drop the test database at the end ("being accessed").
        connections.close_all()
        browser.close()
