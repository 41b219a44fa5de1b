"""The one error shape of every JSON answer, ``{"message": ..., <field>: [...]}``, and
the 4xx refusals built on it: JSON for an API client, a page for a person.

Everything that answers an error in JSON builds it here: DRF's exception handler
(portal/handlers.py), the submission channels, search, the request-edge checks and
the 405/503 answers.
"""

from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.response import Response as ApiResponse


def is_api(request) -> bool:
    """An API client: a path under /api/, or a request whose body is JSON (the kiosk's
    queue), which reads the answer as JSON too."""
    content_type = getattr(request, "content_type", "") or ""
    return (
        request.path_info.startswith("/api/")
        or content_type == "application/json"
        or content_type.endswith("+json")
    )


def error_body(message, **fields) -> dict:
    """The body: a sentence a person can act on, then field errors under their names."""
    return {"message": str(message), **fields}


def json_error(message, status: int, **fields) -> JsonResponse:
    """The error shape as a plain Django response (middleware, handlers, plain views)."""
    return JsonResponse(
        error_body(message, **fields), status=status, json_dumps_params={"ensure_ascii": False}
    )


def api_error(message, status: int = 400, headers=None, **fields) -> ApiResponse:
    """The error shape as a DRF response (content negotiation, the browsable API)."""
    return ApiResponse(error_body(message, **fields), status=status, headers=headers)


class MessageSerializer(serializers.Serializer):
    """The error shape in the OpenAPI schema: a human-readable message, and for a
    400 the field errors beside it."""

    message = serializers.CharField()


def refusal(request, message: str, status: int = 400):
    """A 4xx a person or an API client understands: JSON under /api/, else a page."""
    if is_api(request):
        return json_error(message, status)
    return render(request, "400.html", {"message": message}, status=status)


def invalid_data_message() -> str:
    return _("Data yang dikirim tidak valid.")


def server_error_message() -> str:
    return _("Terjadi kesalahan pada server; permintaan tidak diproses. Silakan coba lagi nanti.")


def host_is_allowed(request) -> bool:
    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True


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
