"""The editors' dashboard panel in the Wagtail admin, and published pages in
the public cache (core.public_cache)."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.components import Component

from core.public_cache import PAGES, cache_public
from feedback.access.permissions import EDITORS_GROUP, MODERATORS_GROUP
from feedback.registry import cache_scopes

from . import loop_views, review_cycle, selectors
from .models import OpenDataPage, ResultsPage, ServicePage, UnitPage


def is_editor(user) -> bool:
    """Communications staff: the Editors or Moderators group (or a superuser)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (
            user.is_superuser
            or user.groups.filter(name__in=[EDITORS_GROUP, MODERATORS_GROUP]).exists()
        )
    )


class EditorDashboardPanel(Component):
    """What waits for this editor: pages to review, pages sent back with requested
    changes, their own unpublished drafts, citizen comments awaiting moderation,
    standards due for review and Maklumat to renew."""

    name = "editor_tasks"
    template_name = "content/admin/dashboard_editor.html"
    order = 140

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = super().get_context_data(parent_context)
        context.update(selectors.editor_tasks(request.user))
        context["can_moderate_comments"] = request.user.has_perm("feedback.moderate_comment")
        context["overdue_reviews"] = ServicePage.overdue_reviews()
        context["review_months"] = review_cycle.review_months()
        context["maklumat_flags"] = UnitPage.maklumat_flags()
        return context


@hooks.register("construct_homepage_panels")
def editor_dashboard_panel(request, panels):
    if is_editor(request.user):
        panels.append(EditorDashboardPanel())


def figures_scopes(page) -> list[str]:
    """The survey figures a page shows (a survey report's are frozen: none)."""
    if isinstance(page, ServicePage):
        return [cache_scopes.service_scope(page.service_id)]
    if isinstance(page, UnitPage):
        return [cache_scopes.unit_scope(page.unit_id)]
    if isinstance(page, (ResultsPage, OpenDataPage)):  # the open-data files: every figure
        return [cache_scopes.PEMDA]
    return []


@hooks.register("before_serve_page")
def cache_published_page(page, request, serve_args, serve_kwargs):
    # A page behind a password or a login is never shared.
    if page.get_view_restrictions().exists():
        return
    cache_public(request, PAGES, cache_scopes.REGISTRY, *figures_scopes(page))


@hooks.register("register_admin_urls")
def follow_up_urls():
    return [
        path(
            "rtl-dari-masukan/",
            loop_views.follow_up_from_items,
            name="content_follow_up_from_items",
        ),
    ]
