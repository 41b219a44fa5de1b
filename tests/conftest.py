import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (the rate-limit store on Redis runs)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(db):
    """The full demo Pemda, as `make run` serves it."""
    from portal.demo import loader

    loader.load(log=lambda line: None)
    return loader


@pytest.fixture
def demo_user(demo):
    """A demo account by username ("editor", "approver", "hr", "admin")."""
    from django.contrib.auth import get_user_model

    return lambda username: get_user_model().objects.get(username=username)
