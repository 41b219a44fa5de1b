"""Content-Security-Policy on every response (django-csp).

The site's own pages, the kiosk and the API get a strict policy
(``CONTENT_SECURITY_POLICY`` in settings): scripts, styles, workers, fetches and
forms from this origin only, no inline script, no plugins, framed only by this
origin (Wagtail's preview). Same-origin scripts and service workers are allowed
so an offline kiosk can cache its pages.

The Wagtail admin still relies on inline styles and a few inline scripts
(wagtail/wagtail#1288, #7053), so under the admin prefix the policy is widened
by ``CSP_ADMIN_UPDATE`` only: the public site never gets 'unsafe-inline'.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(settings.CSP_ADMIN_PREFIX) and parts.update is None:
            parts.update = settings.CSP_ADMIN_UPDATE
        return parts
