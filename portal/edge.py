"""The edge: text no part of the portal can store is refused before any view runs.

PostgreSQL cannot store a NUL character (``DataError``), and a lone UTF-16
surrogate (``"\\ud800"``, possible only through a JSON escape) cannot be encoded
to UTF-8 at all (``UnicodeEncodeError``). Both once reached the database as a
server error; here they are one check for every channel: the URL path, the
query string, form fields and JSON bodies. A JSON body is also bounded in size
and nesting depth, because Python's parser answers deep nesting with a
``RecursionError``.

Under ``/api/`` the refusal is the API's JSON error shape; anywhere else it is
the site's friendly 400 page.
"""

import json
import re

from django.conf import settings
from django.http import RawPostDataException
from django.utils.translation import gettext as _

from .errors import refusal

# A NUL, or a UTF-16 surrogate that is not part of a valid pair (Python keeps
# such a code point as is when it decodes a JSON ``\\ud800`` escape).
FORBIDDEN = re.compile("[\x00\ud800-\udfff]")
# Strings in a JSON document, so brackets inside them are not counted as nesting.
JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
BRACKETS = re.compile(rb"[\[\]{}]")


class InputRefused(Exception):
    """Request input the portal refuses to read; ``message`` says why, for people."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def check_text(value: str, where: str) -> None:
    if FORBIDDEN.search(value):
        raise InputRefused(
            _("%(where)s berisi karakter yang tidak dapat diproses (NUL atau surrogate).")
            % {"where": where}
        )


def json_depth(raw: bytes) -> int:
    """Deepest nesting of arrays and objects, counted without recursion."""
    depth = deepest = 0
    for char in BRACKETS.findall(JSON_STRING.sub(b'""', raw)):
        if char in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _walk_json(value, where: str) -> None:
    # Iterative, so it also holds for the deepest document json_depth lets through.
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            check_text(item, where)
        elif isinstance(item, dict):
            for key, inner in item.items():
                check_text(key, where)
                stack.append(inner)
        elif isinstance(item, list):
            stack.extend(item)


def check_json_body(raw: bytes) -> None:
    """Refuse a JSON body that is too large, too deep or holds text no one can store.

    A body that is not JSON at all is left to the view's parser, which answers
    it with its own 400.
    """
    where = _("Isi permintaan (JSON)")
    if len(raw) > settings.EDGE_JSON_MAX_BYTES:
        raise InputRefused(
            _("Isi permintaan terlalu besar (paling banyak %(n)d byte).")
            % {"n": settings.EDGE_JSON_MAX_BYTES}
        )
    if json_depth(raw) > settings.EDGE_JSON_MAX_DEPTH:
        raise InputRefused(
            _("Isi permintaan bersarang terlalu dalam (paling banyak %(n)d tingkat).")
            % {"n": settings.EDGE_JSON_MAX_DEPTH}
        )
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError):
        return
    _walk_json(document, where)


def check_request(request) -> None:
    """Raise InputRefused when any channel of the request carries refused text."""
    check_text(request.path_info, _("Alamat halaman"))
    for key, values in request.GET.lists():
        for value in (key, *values):
            check_text(value, _("Parameter alamat '%(name)s'") % {"name": key[:40]})
    if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return
    content_type = request.content_type or ""
    if content_type == "application/json" or content_type.endswith("+json"):
        try:
            check_json_body(request.body)
        except RawPostDataException:
            pass
    elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        for key, values in request.POST.lists():
            for value in (key, *values):
                check_text(value, _("Isian '%(name)s'") % {"name": key[:40]})


class EdgeMiddleware:
    """Refuses NUL bytes, lone surrogates and over-deep JSON on every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            check_request(request)
        except InputRefused as exc:
            return refusal(request, exc.message)
        return self.get_response(request)
