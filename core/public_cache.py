"""Server-side cache of public pages and open data, invalidated precisely.

A view opts in with ``cache_public(request, *scopes)``: what it shows depends on
those scopes (``"pages"``, ``"registry"``, ``"ikm:pemda"``, ``"ikm:unit:7"``,
``"ikm:service:12"``, ...). Each scope has a version in the cache; a change bumps the
versions of the scopes it touches (``bump``), after its transaction commits. An
entry is stored with the versions it was rendered under and served only while all
of them are unchanged, so a citizen's submission refreshes that service's, its
units' and the Pemda's figures at once and nothing else is thrown away.

The key is the host, scheme, language, full path and query. ``PublicCacheMiddleware``
sits above the session, CSRF and authentication middleware: a hit runs no view, no
query and never touches the session. Nothing is cached or served from the cache for
a request with a session cookie (an editor, a logged-in user, previews live under
/admin/) or an ``Authorization`` header, for anything but GET, or for a response
that sets a cookie, varies on Cookie (it used the session or a CSRF token) or is not
a plain 200. Views that show officer data or forms never opt in.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from . import i18n, redis_client

logger = logging.getLogger(__name__)

# Published pages: bumped by a publish, unpublish, move or deletion (content.signals).
PAGES = "pages"
VERSION_PREFIX = "v:"
ENTRY_PREFIX = "public:"
# Set by the hit path so tests and benchmarks can tell a hit from a render.
CACHE_HEADER = "X-Portal-Cache"


def _version_keys(scopes) -> list[str]:
    return [VERSION_PREFIX + scope for scope in scopes]


def bump_now(*scopes: str) -> None:
    """Give ``scopes`` new versions: every entry rendered under the old ones is stale."""
    if not scopes:
        return
    versions = {key: uuid.uuid4().hex for key in _version_keys(scopes)}

    # One MSET, where django-redis's set_many pipelines a SET per key: the same keys
    # and values for a fifth of the client's work, on every submission.
    def mset(pipe):
        pipe.mset({cache.make_key(k): cache.client.encode(v) for k, v in versions.items()})

    if not redis_client.queue(cache, mset):
        cache.set_many(versions, timeout=None)


def bump(*scopes: str) -> None:
    """``bump_now`` once the current transaction commits: a reader in between would
    otherwise store the old content under the new version."""
    if scopes:
        after_commit(lambda: bump_now(*scopes))


def after_commit(refresh) -> None:
    """Run ``refresh`` once the transaction commits. A cache that is down then is
    logged, not raised: what was committed stays committed and the citizen is not
    shown an error; entries expire after PUBLIC_CACHE_SECONDS anyway."""
    transaction.on_commit(refresh, robust=True)


def current_versions(scopes) -> dict[str, str]:
    """Versions of ``scopes`` now; a scope seen for the first time gets one."""
    keys = _version_keys(scopes)
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex, timeout=None)
            found[key] = cache.get(key)
    return found


def cache_public(request, *scopes: str) -> None:
    """Declare that this response may be cached and depends on ``scopes``.

    Call it before reading anything the response shows: the versions are read now,
    so a change made while the page renders makes the stored copy stale at once.
    """
    request = getattr(request, "_request", request)  # a DRF Request wraps Django's
    scopes = tuple(dict.fromkeys(scopes))
    versions = None
    if _cacheable_request(request):
        try:
            versions = current_versions(scopes)
        except Exception:  # the cache is down: serve without it
            logger.warning("public cache unavailable", exc_info=True)
    request.public_cache = (scopes, versions)


def _cacheable_request(request) -> bool:
    return (
        settings.PUBLIC_CACHE_ENABLED
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        # Wagtail renders a draft's preview through the middleware with a request of
        # its own for the page's live URL: never answer it with the live page.
        and not getattr(request, "is_dummy", False)
        and not getattr(request, "is_preview", False)
    )


def _entry_key(request) -> str:
    raw = "|".join(
        (
            request.scheme,
            request.get_host(),
            i18n.language_of_path(request.path_info),
            request.get_full_path(),
        )
    )
    return ENTRY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _storable(response) -> bool:
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",")}
    control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "cookie" not in vary
        and "private" not in control
        and "no-store" not in control
    )


# The scopes of each URL this process has stored, so a hit is one round trip to the
# cache (the entry and its scopes' versions together). A URL's scopes are checked
# against the entry's own, so a stale guess only costs a second round trip.
_known_scopes: dict[str, tuple] = {}
KNOWN_SCOPES_MAX = 10_000


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _from_cache(self, key):
        guess = _known_scopes.get(key)
        if guess is not None:
            found = cache.get_many([key, *_version_keys(guess)])
            entry = found.pop(key, None)
        else:
            entry, found = cache.get(key), None
        if entry is None:
            return None
        day, scopes, versions, status, headers, content = entry
        if found is None or scopes != guess:
            found = cache.get_many(_version_keys(scopes))
            _known_scopes[key] = scopes
        if day != timezone.localdate() or found != versions:
            return None
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[CACHE_HEADER] = "hit"
        return response

    def __call__(self, request):
        if not settings.PUBLIC_CACHE_ENABLED:
            return self.get_response(request)
        if not _cacheable_request(request):
            response = self.get_response(request)
            if getattr(request, "public_cache", None) is not None:
                # A public page seen by a logged-in editor: theirs alone.
                patch_cache_control(response, private=True, no_cache=True)
            return response

        key = _entry_key(request)
        try:
            hit = self._from_cache(key)
        except Exception:  # the cache is down: render as if it were empty
            logger.warning("public cache unavailable", exc_info=True)
            hit = None
        if hit is not None:
            return hit

        response = self.get_response(request)
        plan = getattr(request, "public_cache", None)
        if plan is None or plan[1] is None:
            return response
        if not _storable(response):
            # Shown to this visitor only (it set a cookie or used the session).
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE)
        scopes, versions = plan
        headers = list(response.items())
        entry = (timezone.localdate(), scopes, versions, response.status_code, headers)
        try:
            cache.set(key, (*entry, response.content), settings.PUBLIC_CACHE_SECONDS)
        except Exception:
            logger.warning("public cache unavailable", exc_info=True)
            return response
        if len(_known_scopes) >= KNOWN_SCOPES_MAX:
            _known_scopes.clear()
        _known_scopes[key] = scopes
        response[CACHE_HEADER] = "miss"
        return response
