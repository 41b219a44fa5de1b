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
