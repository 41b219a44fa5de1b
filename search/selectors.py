"""Reads for the search page and API: one call, whatever the engine."""

from .engines import SearchResults, get_engine


def search(
    query: str, *, unit: str | None = None, type: str | None = None, page: int = 1, per_page=10
) -> SearchResults:
    """Public pages matching ``query``, with facets; raises SearchUnavailable when the
    engine cannot answer."""
    return get_engine().search(query, unit=unit, type=type, page=page, per_page=per_page)
