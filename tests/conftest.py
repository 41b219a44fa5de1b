from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import transaction


@contextmanager
def rolled_back():
    """A transaction that is rolled back at the end, whatever happened: data built
    once for a test module (each test runs in a savepoint within it) is gone when the
    module ends."""
    atomic = transaction.atomic()
    atomic.__enter__()
    try:
        yield
    finally:
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (the rate-limit store on Redis runs) and
    reads the registry afresh (a rolled-back test leaves no snapshot behind)."""
    from feedback.registry import officer_names, snapshot

    cache.clear()
    snapshot.clear()
    officer_names.clear()
    yield
    cache.clear()
    snapshot.clear()
    officer_names.clear()


@pytest.fixture(scope="module")
def _demo_module(django_db_setup, django_db_blocker):
    """Load the demo Pemda once per test module, inside a transaction that is
    rolled back when the module ends; each test runs in a savepoint within it.

    Loading publishes ~40 pages (revisions, reference and search index), several
    seconds, too slow to repeat for every test. Survey responses are left out;
    tests that need them create their own.
    """
    from portal.demo import loader

    with django_db_blocker.unblock(), rolled_back():
        loader.load(log=lambda line: None, with_responses=False)
        yield loader


@pytest.fixture
def demo(_demo_module, db):
    """The demo Pemda (registry, pages, users), as `make run` serves it."""
    return _demo_module


@pytest.fixture
def demo_user(demo):
    """A demo account by username ("editor", "approver", "hr", "admin")."""
    from django.contrib.auth import get_user_model

    return lambda username: get_user_model().objects.get(username=username)
