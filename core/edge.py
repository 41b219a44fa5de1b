"""The edge: text no part of the portal can store is refused before any view runs.

PostgreSQL cannot store a NUL character (``DataError``), and a lone UTF-16
surrogate (``"\\ud800"``, possible only through a JSON escape) cannot be encoded
to UTF-8 at all (``UnicodeEncodeError``). Both once reached the database as a
server error; here they are one check for every channel: the URL path, the
query string, form fields and JSON bodies. A JSON body is also bounded in size
and nesting depth, because Python's parser answers deep nesting with a
``RecursionError``.

A JSON body is decoded once, here (``json_body``), and every reader takes that
document: this middleware, DRF's parser (``JSONParser`` below, the API's only one)
and the kiosk's queue, whatever Content-Type the kiosk sent. JSON is UTF-8 (RFC
8259): a body declared in any other charset is a 415 and bytes that are not UTF-8
are a 400, so the check and the parser can never read the same bytes as two
different texts (a latin-1 body once carried a NUL past the check into PostgreSQL).

Under ``/api/`` the refusal is the API's JSON error shape; anywhere else it is
the site's friendly 400 page.
"""

import codecs
import json
import re

from django.conf import settings
from django.http import RawPostDataException
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError, UnsupportedMediaType

from .errors import refusal

# A NUL, or a UTF-16 surrogate that is not part of a valid pair (Python keeps
# such a code point as is when it decodes a JSON ``\\ud800`` escape).
FORBIDDEN = re.compile("[\x00\ud800-\udfff]")
# Strings in a JSON document, so brackets inside them are not counted as nesting.
JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
BRACKETS = re.compile(rb"[\[\]{}]")


class InputRefused(Exception):
    """Request input the portal refuses to read; ``message`` says why, for people."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


class NotJson(ValueError):
    """A body that is UTF-8 but not a JSON document: left to the reader to answer."""


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


# Query parameters whose empty value means something: the search's query (an empty
# search answers its empty state). Any other empty parameter under /api/ is a 400.
EMPTY_ALLOWED = frozenset({"q"})

# Charsets a JSON body may declare: UTF-8, and ASCII (a subset, read as UTF-8).
JSON_CHARSETS = {"utf-8", "ascii"}


def _declared_charset_is_utf8(charset: str | None) -> bool:
    if not charset:
        return True
    try:
        return codecs.lookup(charset.strip().strip('"')).name in JSON_CHARSETS
    except LookupError:
        return False


def parse_json_body(raw: bytes, charset: str | None = None):
    """The JSON document in ``raw``, or InputRefused (415/400) with the reason.

    The one decoding step of every JSON body: the declared charset must be UTF-8
    (or ASCII), the bytes are decoded strictly as UTF-8 (a leading byte-order mark is
    ignored, as RFC 8259 allows), size and nesting are bounded, and the decoded
    document is checked for NULs and lone surrogates. Raises NotJson for UTF-8 text
    that is not JSON, which each reader answers in its own way.
    """
    if not _declared_charset_is_utf8(charset):
        raise InputRefused(
            _("Isi JSON harus berupa teks UTF-8 (RFC 8259); charset '%(c)s' tidak diterima.")
            % {"c": str(charset)[:40]},
            status=415,
        )
    check_json_body(raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputRefused(_("Isi JSON harus berupa teks UTF-8 (RFC 8259).")) from None
    try:
        document = json.loads(text.removeprefix("\ufeff"))
    except (ValueError, RecursionError) as exc:
        raise NotJson(str(exc)) from None
    _walk_json(document, _("Isi permintaan (JSON)"))
    return document


_UNREAD = object()


def json_body(request):
    """``parse_json_body`` of the request's body, decoded once per request.

    The outcome (the document, or the refusal) is kept on the request, so the edge,
    the API's parser and a view all read the same document.
    """
    outcome = getattr(request, "_edge_json", _UNREAD)
    if outcome is _UNREAD:
        try:
            outcome = parse_json_body(request.body, request.content_params.get("charset"))
        except (InputRefused, NotJson) as exc:
            outcome = exc
        request._edge_json = outcome
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def is_json(content_type: str | None) -> bool:
    content_type = content_type or ""
    return content_type == "application/json" or content_type.endswith("+json")


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser on the edge's one decoding step (``json_body``)."""

    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        django_request = getattr(request, "_request", None)
        if django_request is None:  # not from a view (a direct call): decode the stream
            raw = stream.read() if stream is not None else b""
            charset = (parser_context or {}).get("encoding")
            return self._parsed(lambda: parse_json_body(raw, charset))
        return self._parsed(lambda: json_body(django_request))

    @staticmethod
    def _parsed(read):
        try:
            return read()
        except NotJson as exc:
            raise ParseError(_("JSON tidak valid: %(e)s") % {"e": exc}) from None
        except InputRefused as exc:
            if exc.status == 415:
                raise UnsupportedMediaType("application/json", exc.message) from None
            raise ParseError(exc.message) from None


def check_json_body(raw: bytes) -> None:
    """Refuse a JSON body that is too large or too deep for the parser to read."""
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


def check_request(request) -> None:
    """Raise InputRefused when any channel of the request carries refused text."""
    target = len(request.META.get("PATH_INFO", "")) + len(request.META.get("QUERY_STRING", ""))
    if target > settings.EDGE_URL_MAX_BYTES:
        # Below the server's own request-line limit (gunicorn, nginx), so the refusal
        # is the portal's: JSON under /api/, documented in the schema.
        raise InputRefused(
            _("Alamat terlalu panjang (paling banyak %(n)d karakter).")
            % {"n": settings.EDGE_URL_MAX_BYTES},
            status=414,
        )
    check_text(request.path_info, _("Alamat halaman"))
    api = request.path_info.startswith("/api/")
    for key, values in request.GET.lists():
        for value in (key, *values):
            check_text(value, _("Parameter alamat '%(name)s'") % {"name": key[:40]})
        if api and "" in values and key not in EMPTY_ALLOWED:
            # An empty filter is not "no filter": ?service= once answered the whole
            # Pemda's figures as if it were the service asked for.
            raise InputRefused(
                _("Parameter '%(name)s' kosong; isi nilainya atau hapus parameternya.")
                % {"name": key[:40]}
            )
    if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return
    content_type = request.content_type or ""
    if is_json(content_type):
        try:
            json_body(request)
        except (RawPostDataException, NotJson):
            pass  # not JSON at all: the view's parser answers it with its own 400
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
            return refusal(request, exc.message, exc.status)
        return self.get_response(request)
