import pytest

from tests.factories import ServiceFactory


@pytest.fixture
def service():
    """The service the web form tests rate (a module may define its own)."""
    return ServiceFactory(code="KTP-EL", name="Penerbitan KTP Elektronik")


@pytest.fixture
def no_fill_delay(settings):
    """The web form accepts an answer sent at once (a person needs a few seconds)."""
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
