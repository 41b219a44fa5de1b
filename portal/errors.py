"""Error answers: the API's JSON error shape under /api/, the site's pages elsewhere.

Django's handler400 and handler500 point here (portal/urls.py), so an error
that escapes a view, or happens before one is reached, still answers an API
client in JSON rather than with an HTML page.
"""

import logging

from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def is_api(request) -> bool:
    """An API client: a path under /api/, or a request whose body is JSON (the kiosk's
    queue), which reads the answer as JSON too."""
    content_type = getattr(request, "content_type", "") or ""
    return (
        request.path_info.startswith("/api/")
        or content_type == "application/json"
        or content_type.endswith("+json")
    )


def json_error(message: str, status: int) -> JsonResponse:
    """The shape every API error has (portal.api.exception_handler): ``{"message": ...}``."""
    return JsonResponse(
        {"message": str(message)}, status=status, json_dumps_params={"ensure_ascii": False}
    )


def refusal(request, message: str, status: int = 400):
    """A 4xx a person or an API client understands: JSON under /api/, else a page."""
    if is_api(request):
        return json_error(message, status)
    return render(request, "400.html", {"message": message}, status=status)


def server_error_message() -> str:
    return _("Terjadi kesalahan pada server; permintaan tidak diproses. Silakan coba lagi nanti.")


def host_is_allowed(request) -> bool:
    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True


def bad_request(request, exception=None):
    """handler400: a malformed request (broken multipart, too large a body, an unknown
    ``Host``, ...).

    For an unknown host the answer is built without the request: the site's page
    template, its context processors, Wagtail's site lookup and every absolute URL ask
    for the host again, and a second ``DisallowedHost`` inside the handler would turn
    the 400 into a 500."""
    if isinstance(exception, DisallowedHost) or not host_is_allowed(request):
        message = _("Alamat situs (Host) tidak dikenal oleh server ini.")
        if is_api(request):
            return json_error(message, 400)
        page = loader.get_template("400_bare.html").render({"message": message})
        return HttpResponseBadRequest(page)
    return refusal(request, _("Permintaan tidak dapat dibaca."))


def not_found(request, exception=None):
    """handler404: the API's JSON shape under /api/ (an unknown route there answered
    the site's HTML page), Django's own page (templates/404.html) elsewhere."""
    if request.path_info.startswith("/api/"):
        return json_error(_("Alamat API tidak ditemukan."), 404)
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)


def method_not_allowed(request, allowed) -> HttpResponse:
    """405 with the ``Allow`` header: JSON under /api/, a short page elsewhere."""
    allowed = sorted(allowed)
    message = _("Metode %(m)s tidak diterima di alamat ini; gunakan %(a)s.") % {
        "m": request.method[:20],
        "a": ", ".join(allowed),
    }
    if is_api(request):
        response = json_error(message, 405)
    else:
        response = HttpResponseNotAllowed(
            allowed, message, content_type="text/plain; charset=utf-8"
        )
    response["Allow"] = ", ".join(allowed)
    return response


def server_error(request):
    """handler500. The page needs no database and no context processors: whatever
    failed may be what they depend on. A dependency down that a middleware ran
    into (the handler runs while its exception is handled) answers 503 instead."""
    import sys

    from . import outages

    if outages.is_outage(sys.exc_info()[1]):
        return outages.unavailable(request, sys.exc_info()[1])
    if is_api(request):
        return json_error(server_error_message(), 500)
    from django.http import HttpResponseServerError

    return HttpResponseServerError(loader.get_template("500.html").render())
