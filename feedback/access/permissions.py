"""Groups and who may see what.

Communications staff work in Wagtail's built-in "Editors" group and approvers in
"Moderators" (the default moderation workflow is theirs). Officer data belongs to
the HR group only.
"""

from django.core.exceptions import PermissionDenied

from ..models import Officer

HR_GROUP = "HR"
# HR staff who also read the access log and decide which HR user sees which unit.
HR_ADMIN_GROUP = "HR Admin"
EDITORS_GROUP = "Editors"
MODERATORS_GROUP = "Moderators"
# Counter staff and queue systems: issue receipts, set up kiosks.
SERVICE_POINT_GROUP = "Loket"
# Officers with their own login: they enter the admin to read their own performance
# (Kinerja saya) and, as supervisors, their current team's; the link to the Officer
# row, not the group, decides whose data they see.
OFFICER_GROUP = "Petugas"

# Registry models page editors need to pick from when tying a page to a unit or
# service; they may look but not change.
REGISTRY_VIEW_MODELS = ("unit", "service", "servicepoint")
# Personnel models: HR manages them; nobody else (bar superusers) sees them.
HR_MODELS = ("officer", "assignment")


def officer_of(user) -> Officer | None:
    """The active officer linked to this login, or None: the link, not a group,
    decides whose data a login reads (Kinerja saya, the team, appeals)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Officer.objects.select_related("unit").filter(user=user, is_active=True).first()


def is_hr(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.groups.filter(name__in=[HR_GROUP, HR_ADMIN_GROUP]).exists())
    )


def require_perm(request, perm: str) -> None:
    """Refuse (403) a staff screen to a user without ``perm``."""
    if not request.user.has_perm(perm):
        raise PermissionDenied


def require_hr(request) -> None:
    """Refuse (403) an HR screen to anyone outside the HR groups."""
    if not is_hr(request.user):
        raise PermissionDenied
