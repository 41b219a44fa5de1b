"""Which engine answers: ``SEARCH_ENGINE`` ("database" or "elasticsearch"); by default
Elasticsearch when ``ELASTICSEARCH_URL`` is set, else the database."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import Hit, SearchEngine, SearchResults, SearchUnavailable
from .database import DatabaseEngine

__all__ = ["Hit", "SearchEngine", "SearchResults", "SearchUnavailable", "engine_name", "get_engine"]

ENGINES = ("database", "elasticsearch")


def engine_name() -> str:
    name = getattr(settings, "SEARCH_ENGINE", "") or (
        "elasticsearch" if getattr(settings, "ELASTICSEARCH_URL", "") else "database"
    )
    if name not in ENGINES:
        raise ImproperlyConfigured(f"SEARCH_ENGINE must be one of {', '.join(ENGINES)}: {name!r}")
    return name


def get_engine(name: str | None = None) -> SearchEngine:
    """The configured engine (or the one named). Cheap: clients are shared per process."""
    name = name or engine_name()
    if name == "elasticsearch":
        try:
            # The Elasticsearch client is an optional dependency (the "elasticsearch" extra).
            from .elastic import ElasticsearchEngine
        except ImportError as exc:
            raise ImproperlyConfigured(
                'The Elasticsearch engine needs its client: pip install -e ".[elasticsearch]"'
            ) from exc

        return ElasticsearchEngine.from_settings()
    return DatabaseEngine()
