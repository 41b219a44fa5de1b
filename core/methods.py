"""HTTP methods a URL does not take answer 405 with ``Allow``, before anything else
looks at the request.

Without this a PUT or DELETE on a public page met the CSRF check first (403, as
if the method were allowed and only the token missing), and TRACE reached Wagtail,
which serves a page to any method (200). The API's views are DRF's, which answer
405 themselves in the JSON shape; this covers every other URL:

- TRACE, TRACK and CONNECT: 405 on every path (nothing in the portal echoes or
  tunnels a request);
- PUT, PATCH and DELETE: 405 everywhere outside /api/ and the Wagtail admin (which
  has its own DELETE-less forms and answers them itself).

A view declares what it takes with ``@allow("GET", "POST")`` (which also refuses
the others, as ``require_http_methods``); any other view outside the API is read
only: GET and HEAD (and POST where a form posts to it, which the CSRF check guards).
"""

from django.views.decorators.http import require_http_methods

from .errors import method_not_allowed

NEVER = {"TRACE", "TRACK", "CONNECT"}
WRITES = {"PUT", "PATCH", "DELETE"}
READ_ONLY = ("GET", "HEAD")


def allow(*methods):
    """``require_http_methods`` that also tells the middleware (and ``Allow``) what the
    view takes. HEAD comes with GET."""
    taken = set(methods) | ({"HEAD"} if "GET" in methods else set())

    def decorate(view):
        wrapped = require_http_methods(sorted(taken))(view)
        wrapped.allowed_methods = frozenset(taken)
        return wrapped

    return decorate


def _allowed(view_func, request) -> frozenset:
    declared = getattr(view_func, "allowed_methods", None)
    if declared is not None:
        return declared
    cls = getattr(view_func, "cls", None) or getattr(view_func, "view_class", None)
    if cls is not None and hasattr(cls, "http_method_names"):
        names = [m for m in cls.http_method_names if m != "options" and hasattr(cls, m)]
        if names:
            taken = {m.upper() for m in names}
            return frozenset(taken | ({"HEAD"} if "GET" in taken else set()))
    return frozenset(READ_ONLY)


def _own_admin(path: str) -> bool:
    return path.startswith("/admin/")


class MethodMiddleware:
    """405 with ``Allow`` for methods a URL does not take (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        method = request.method
        if method in NEVER:
            return method_not_allowed(request, _allowed(view_func, request) - NEVER)
        path = request.path_info
        if method in WRITES and not path.startswith("/api/") and not _own_admin(path):
            allowed = _allowed(view_func, request)
            if method not in allowed:
                return method_not_allowed(request, allowed)
        return None
