"""Small site-wide responses that belong to no app."""

from django.http import HttpResponse
from django.views.decorators.http import require_GET

# Kept out of search engines: the admin, the kiosk screens (a tablet at a counter),
# the printable loket posters (in both languages: English under /en/) and the
# private HR API.
ROBOTS_DISALLOW = (
    "/admin/",
    "/kiosk/",
    "/en/kiosk/",
    "/loket/",
    "/en/loket/",
    "/api/v1/hr/",
    # Operations: the probes and the metrics (portal/health.py, portal/metrics.py).
    "/healthz",
    "/readyz",
    "/metrics",
)


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
