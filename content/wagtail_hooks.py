"""The editors' dashboard panel in the Wagtail admin."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from feedback.permissions import EDITORS_GROUP, MODERATORS_GROUP

from . import selectors


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
    changes, their own unpublished drafts, and citizen comments awaiting moderation."""

    name = "editor_tasks"
    template_name = "content/admin/dashboard_editor.html"
    order = 140

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = super().get_context_data(parent_context)
        context.update(selectors.editor_tasks(request.user))
        context["can_moderate_comments"] = request.user.has_perm("feedback.moderate_comment")
        return context


@hooks.register("construct_homepage_panels")
def editor_dashboard_panel(request, panels):
    if is_editor(request.user):
        panels.append(EditorDashboardPanel())
