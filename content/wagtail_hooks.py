"""The editors' dashboard panel in the Wagtail admin, revision comparisons that
keep lists readable, and published pages in the public cache (core.public_cache)."""

from django.db import models
from wagtail import hooks
from wagtail.admin.compare import register_comparison_class
from wagtail.admin.ui.components import Component
from wagtail.fields import RichTextField

from core.public_cache import PAGES, cache_public
from feedback.access.permissions import EDITORS_GROUP, MODERATORS_GROUP
from feedback.registry import cache_scopes

from . import review_cycle, selectors
from .models import OpenDataPage, ResultsPage, ServicePage, UnitPage
from .revision_compare import RichTextLinesComparison, TextLinesComparison

# An approver comparing two revisions reads each list item, paragraph and line on its
# own (Wagtail's comparison runs them together; see content.revision_compare).
register_comparison_class(RichTextField, comparison_class=RichTextLinesComparison)
register_comparison_class(models.TextField, comparison_class=TextLinesComparison)


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
