"""The OpenAPI schema says what the server does: every operation documents the
errors it can answer, each in the one error shape (``{"message": ..., field: [...]}``).

Every operation can answer 400: the edge (core/edge.py) refuses NUL bytes and
lone surrogates in any URL, and views refuse malformed parameters. Views list
their other error codes in ``api_error_codes``; an operation that authenticates
by token can also answer 401 (an unknown, expired or revoked token).
Codes an ``@extend_schema`` already documents keep their own description.
"""

from drf_spectacular.openapi import AutoSchema

from core.edge import EMPTY_ALLOWED
from core.errors import MessageSerializer

DESCRIPTIONS = {
    400: "Invalid input: a message, and field errors beside it. Also any request with a "
    "NUL byte or a lone surrogate, an empty query parameter, or a JSON body too large or "
    "nested too deep. Nothing is stored.",
    401: "Missing, unknown, expired or revoked token.",
    403: "Not allowed for this user.",
    404: "Not found (an unknown code, or a page past the last).",
    409: "Conflict.",
    410: "Gone.",
    414: "The URL (path and query) is longer than EDGE_URL_MAX_BYTES.",
    415: "The body is not JSON, or declares a charset other than UTF-8 (RFC 8259). "
    "Nothing is stored.",
    429: "Rate limited; see Retry-After.",
    503: "Temporarily unavailable.",
}


class PortalAutoSchema(AutoSchema):
    def _error_codes(self) -> list[int]:
        codes = {400, 414, *getattr(self.view, "api_error_codes", ())}
        if self.view.get_authenticators():
            codes.add(401)
        if self.method in ("POST", "PUT", "PATCH"):
            codes.add(415)  # core.edge: JSON bodies are UTF-8 only
        return sorted(codes)

    def _get_parameters(self):
        """A string query parameter is never empty (the edge refuses ``?service=``),
        except those whose empty value means something (the search's ``q``)."""
        parameters = super()._get_parameters()
        for parameter in parameters:
            schema = parameter.get("schema", {})
            if parameter.get("in") == "query" and schema.get("type") == "string":
                if "enum" not in schema and parameter.get("name") not in EMPTY_ALLOWED:
                    schema.setdefault("minLength", 1)
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self._error_codes():
            if str(code) not in responses:
                body = self._get_response_for_code(MessageSerializer, str(code))
                body["description"] = DESCRIPTIONS[code]
                responses[str(code)] = body
        return responses


def public_endpoints_only(endpoints, **kwargs):
    """drf-spectacular hook: document /api/ only, not Wagtail's internal admin API."""
    return [e for e in endpoints if e[0].startswith("/api/")]
