"""Who is whose: the officer behind a login, and a supervisor's current team.

Every screen of this package starts here, so that an officer reaches only their own
data and a supervisor only the officers they supervise today; anything else is a 404.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404

from ..access.permissions import officer_of
from ..models import Officer, Supervision


def require_officer(request) -> Officer:
    """The signed-in officer; 403 for a user who is no officer."""
    officer = officer_of(request.user)
    if officer is None:
        raise PermissionDenied
    return officer


def current_team(supervisor: Officer, today: datetime.date | None = None):
    """Officers the supervisor supervises today (a past team member is no longer theirs)."""
    today = today or datetime.date.today()
    ids = (
        Supervision.objects.active_on(today)
        .filter(supervisor=supervisor)
        .values_list("officer_id", flat=True)
    )
    return Officer.objects.filter(pk__in=ids, is_active=True).select_related("unit")


def supervises_today(officer: Officer | None) -> bool:
    return bool(officer) and current_team(officer).exists()


def team_member(supervisor: Officer, officer_id) -> Officer:
    """One officer of the supervisor's current team; 404 for any other id."""
    member = current_team(supervisor).filter(pk=officer_id).first()
    if member is None:
        raise Http404("not in the current team")
    return member


def current_supervisor(officer: Officer, today: datetime.date | None = None) -> Officer | None:
    today = today or datetime.date.today()
    row = (
        Supervision.objects.active_on(today)
        .filter(officer=officer)
        .select_related("supervisor")
        .first()
    )
    return row.supervisor if row else None
