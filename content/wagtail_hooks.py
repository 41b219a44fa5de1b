"""The editors' dashboard panel, the survey report DOCX, the publication media log and
the PEKPPP self-evaluation in the Wagtail admin, revision comparisons that keep lists
readable, and published pages in the public cache (core.public_cache)."""

from django.db import models
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.compare import register_comparison_class
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.fields import RichTextField
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.public_cache import PAGES, cache_public
from feedback.access.permissions import EDITORS_GROUP, MODERATORS_GROUP
from feedback.registry import cache_scopes

from . import loop_views, pekppp_admin, report_admin, review_cycle, selectors
from .models import MediaPublication, OpenDataPage, ResultsPage, ServicePage, UnitPage
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


class MediaPublicationForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The form's own "Enter a valid URL" says nothing of what to type.
        self.fields["link"].error_messages["invalid"] = _(
            "Tautan harus alamat web lengkap, misalnya https://..."
        )


class MediaPublicationViewSet(SnippetViewSet):
    """The publication media log (content.media_log): editors and approvers record
    where the standard and the SKM results were published besides the portal."""

    model = MediaPublication
    icon = "doc-full"
    menu_label = _("Log media publikasi")
    menu_order = 230
    add_to_admin_menu = True
    # Filtered in the database: the log is not in the search index.
    search_backend_name = None
    search_fields = ["title", "note"]
    list_display = ["title", "unit", "subject", "kind", "published_on"]
    list_filter = ["subject", "kind", "unit", "published_on"]
    edit_handler = ObjectList(MediaPublication.panels, base_form_class=MediaPublicationForm)


register_snippet(MediaPublicationViewSet)


@hooks.register("register_admin_urls")
def content_admin_urls():
    return [
        path(
            "laporan-skm/<int:page_id>/docx/",
            report_admin.report_docx_download,
            name="content_report_docx",
        ),
        path("pekppp/", pekppp_admin.index, name="content_pekppp_index"),
        path("pekppp/<int:unit_id>/<int:year>/", pekppp_admin.unit, name="content_pekppp_unit"),
        path(
            "pekppp/<int:unit_id>/<int:year>/paket-bukti.zip",
            pekppp_admin.pack,
            name="content_pekppp_pack",
        ),
    ]


@hooks.register("register_page_header_buttons")
def report_docx_header_button(page, user, view_name, next_url=None):
    yield report_admin.ReportDocxButton(page=page)


@hooks.register("register_page_listing_more_buttons")
def report_docx_listing_button(page, user, next_url=None):
    yield report_admin.ReportDocxButton(page=page)


class PekpppMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(pekppp_admin.VIEW_PERM)


@hooks.register("register_admin_menu_item")
def pekppp_menu_item():
    return PekpppMenuItem(
        _("Evaluasi mandiri PEKPPP"), reverse("content_pekppp_index"), icon_name="tasks", order=231
    )


@hooks.register("register_admin_urls")
def follow_up_urls():
    return [
        path(
            "rtl-dari-masukan/",
            loop_views.follow_up_from_items,
            name="content_follow_up_from_items",
        ),
    ]
