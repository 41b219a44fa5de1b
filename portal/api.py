"""The /api/v1/ router and the JSON error shape shared by every endpoint."""

import logging

from django.urls import include, path
from django.utils.translation import gettext as _
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from feedback import api as feedback_api
from feedback import api_hr, api_ikm
from search import views as search_views

from . import outages
from .errors import server_error_message

logger = logging.getLogger("portal.api")


def exception_handler(exc, context):
    """DRF's handler, plus a human-readable ``message`` on every error body.

    Field errors stay under their field names, so an API client can show each
    message beside the field that caused it. An error no view expected is
    logged with its traceback and answered 500 in the same shape, never as an
    HTML page. A dependency down is left to portal.outages (503, Retry-After).
    """
    if outages.is_outage(exc):
        return None  # re-raised to portal.outages.OutageMiddleware: a 503, not a 500
    response = drf_exception_handler(exc, context)
    if response is None:
        request = context.get("request")
        logger.error("Unhandled error in %s", getattr(request, "path", "?"), exc_info=exc)
        set_rollback()
        return Response({"message": server_error_message()}, status=500)
    data = response.data
    if isinstance(data, dict) and "detail" in data and len(data) == 1:
        response.data = {"message": str(data["detail"])}
    elif isinstance(data, dict):
        response.data = {"message": _("Data yang dikirim tidak valid."), **data}
    else:
        response.data = {"message": _("Data yang dikirim tidak valid."), "non_field_errors": data}
    return response


def public_endpoints_only(endpoints, **kwargs):
    """drf-spectacular hook: document /api/ only, not Wagtail's internal admin API."""
    return [e for e in endpoints if e[0].startswith("/api/")]


urlpatterns = [
    path("feedback/", feedback_api.FeedbackView.as_view(), name="api-feedback"),
    path("receipts/", feedback_api.ReceiptView.as_view(), name="api-receipts"),
    path("ikm/", api_ikm.IkmView.as_view(), name="api-ikm"),
    path("ikm/table/", api_ikm.IkmTableView.as_view(), name="api-ikm-table"),
    path("hr/indicators/", api_hr.HRIndicatorsView.as_view(), name="api-hr-indicators"),
    path("search/", search_views.SearchView.as_view(), name="api-search"),
    path("", include(feedback_api.router.urls)),
]
