"""What answers an error that escapes a view: Django's handler400/404/500
(portal/urls.py) and DRF's exception handler (REST_FRAMEWORK in settings).

Under /api/ every answer keeps the one JSON error shape (core.errors), so an error
that escapes a view, or happens before one is reached, still answers an API client
in JSON rather than with an HTML page. A dependency down is a 503 (core.outages).
"""

import logging
import sys

from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from core import outages
from core.errors import (
    api_error,
    error_body,
    host_is_allowed,
    invalid_data_message,
    is_api,
    json_error,
    refusal,
    server_error_message,
)

logger = logging.getLogger("portal.api")


def exception_handler(exc, context):
    """DRF's handler, plus a human-readable ``message`` on every error body.

    Field errors stay under their field names, so an API client can show each
    message beside the field that caused it. An error no view expected is
    logged with its traceback and answered 500 in the same shape, never as an
    HTML page. A dependency down is left to core.outages (503, Retry-After).
    """
    if outages.is_outage(exc):
        return None  # re-raised to core.outages.OutageMiddleware: a 503, not a 500
    response = drf_exception_handler(exc, context)
    if response is None:
        request = context.get("request")
        logger.error("Unhandled error in %s", getattr(request, "path", "?"), exc_info=exc)
        set_rollback()
        return api_error(server_error_message(), 500)
    data = response.data
    if isinstance(data, dict) and "detail" in data and len(data) == 1:
        response.data = error_body(data["detail"])
    elif isinstance(data, dict):
        response.data = error_body(invalid_data_message(), **data)
    else:
        response.data = error_body(invalid_data_message(), non_field_errors=data)
    return response


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
    return page_not_found(request, exception)


def server_error(request):
    """handler500. The page needs no database and no context processors: whatever
    failed may be what they depend on. A dependency down that a middleware ran
    into (the handler runs while its exception is handled) answers 503 instead."""
    error = sys.exc_info()[1]
    if outages.is_outage(error):
        return outages.unavailable(request, error)
    if is_api(request):
        return json_error(server_error_message(), 500)
    return HttpResponseServerError(loader.get_template("500.html").render())
