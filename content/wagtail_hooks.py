"""Published pages in the public cache (portal.public_cache)."""

from wagtail import hooks

from feedback import cache_scopes
from portal.public_cache import PAGES, cache_public

from .models import ResultsPage, ServicePage, UnitPage


def figures_scopes(page) -> list[str]:
    """The survey figures a page shows (a survey report's are frozen: none)."""
    if isinstance(page, ServicePage):
        return [cache_scopes.service_scope(page.service_id)]
    if isinstance(page, UnitPage):
        return [cache_scopes.unit_scope(page.unit_id)]
    if isinstance(page, ResultsPage):
        return [cache_scopes.PEMDA]
    return []


@hooks.register("before_serve_page")
def cache_published_page(page, request, serve_args, serve_kwargs):
    # A page behind a password or a login is never shared.
    if page.get_view_restrictions().exists():
        return
    cache_public(request, PAGES, cache_scopes.REGISTRY, *figures_scopes(page))
