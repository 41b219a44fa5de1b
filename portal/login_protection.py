"""Protection of the admin login (django-axes), where HR users reach NIPs and scores.

After ``AXES_FAILURE_LIMIT`` failed logins for one username, or from one client
address (``core.client_ip``, the same address rate limiting sees, so a forged
``X-Forwarded-For`` changes nothing), further logins are refused for
``AXES_COOLOFF_TIME``. Either counter alone locks: a guesser who rotates
usernames is stopped by the address, one who rotates addresses by the username.

Superusers and the HR Admin group unlock an account or an address early on the
"Login terkunci" admin screen; operators can also run
``manage.py axes_reset_username USERNAME`` or ``axes_reset_ip ADDRESS``.
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from feedback.access.permissions import HR_ADMIN_GROUP


def cooloff_minutes() -> int:

    cool_off = get_cool_off()
    return max(1, int(cool_off.total_seconds() // 60)) if cool_off else 0


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the page a locked-out person sees, in Indonesian first."""
    response = render(
        request,
        "portal/lockout.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": cooloff_minutes()},
        status=429,
    )
    response["Retry-After"] = str(cooloff_minutes() * 60)
    return response


def can_unlock(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=HR_ADMIN_GROUP).exists()
    )


def _locked(field: str):
    """Usernames or addresses whose failures reached the limit, most recent first."""

    return [
        row
        for row in AccessAttempt.objects.exclude(**{field: None})
        .exclude(**{field: ""})
        .values(field)
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .order_by("-last")
        if row["failures"] >= settings.AXES_FAILURE_LIMIT
    ]


@require_http_methods(["GET", "POST"])
def locked_logins(request):
    """Admin screen: who is locked out, and a button to unlock each."""

    if not can_unlock(request.user):
        raise PermissionDenied
    if request.method == "POST":
        username = request.POST.get("username", "").strip()
        address = request.POST.get("ip_address", "").strip()
        if username:
            reset(username=username)
            messages.success(request, _("Login untuk %(u)s dibuka kembali.") % {"u": username})
        elif address:
            reset(ip=address)
            messages.success(request, _("Login dari alamat %(a)s dibuka kembali.") % {"a": address})
        return redirect("portal_locked_logins")
    return render(
        request,
        "portal/admin/locked_logins.html",
        {
            "usernames": _locked("username"),
            "addresses": _locked("ip_address"),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": cooloff_minutes(),
        },
    )
