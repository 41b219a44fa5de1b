"""Reads for the search page and API: one call, whatever the engine."""

from django.db import DatabaseError
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from . import noresults
from .engines import SearchResults, get_engine


def search(
    query: str,
    *,
    unit: str | None = None,
    type: str | None = None,
    page: int = 1,
    per_page=10,
    log_no_result: bool = True,
) -> SearchResults:
    """Public pages matching ``query``, with facets; raises SearchUnavailable when the
    engine cannot answer. A query that finds nothing (unfiltered) is counted in the log
    editors read (search/noresults.py)."""
    results = get_engine().search(query, unit=unit, type=type, page=page, per_page=per_page)
    if log_no_result and results.query and not results.count and not (unit or type):
        noresults.record(results.query)
    return results


def promotions(query: str) -> list:
    """The editors' promoted results for ``query`` (Wagtail's search promotions), in
    their order; live pages and external links only."""
    value = normalise_query_string(query or "")
    if not value:
        return []
    try:
        picks = list(
            SearchPromotion.objects.filter(query__query_string=value)
            .select_related("page")
            .order_by("sort_order")
        )
    except DatabaseError:
        return []
    return [p for p in picks if p.page is None or (p.page.live and p.page.url)]
