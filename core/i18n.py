"""The interface language comes from the URL: Indonesian unprefixed, English under /en/.

One URL per page and language lets a reverse proxy or a CDN cache every public page
without a cookie, and lets search engines index both languages (hreflang).
"""

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils import translation


def language_of_path(path_info: str) -> str:
    """The language a path is in: its prefix (``/en/...``), otherwise Indonesian."""
    language = translation.get_language_from_path(path_info)
    if language and path_info.startswith(f"/{language}/") and language != settings.LANGUAGE_CODE:
        return language
    return settings.LANGUAGE_CODE


def path_in_language(path_info: str, language: str) -> str:
    """The same path in another language: ``/cari/`` <-> ``/en/cari/``.

    Every language-prefixed route has the same path in both languages (the URLs are
    Indonesian words), so switching is adding or removing the prefix.
    """
    current = language_of_path(path_info)
    bare = path_info if current == settings.LANGUAGE_CODE else path_info[len(current) + 1 :]
    if language == settings.LANGUAGE_CODE:
        return bare
    return f"/{language}{bare}"


def language_versions(request) -> list[dict]:
    """The page of ``request`` in every interface language, for the switch and hreflang."""
    current = language_of_path(request.path_info)
    query = request.META.get("QUERY_STRING", "")
    prefix = get_script_prefix().rstrip("/")
    versions = []
    for code, name in settings.LANGUAGES:
        url = prefix + path_in_language(request.path_info, code) + (f"?{query}" if query else "")
        versions.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return versions


def reverse_for_citizens(viewname, *args, **kwargs) -> str:
    """A public URL printed for citizens (QR posters, receipt slips, the kiosk): in
    Indonesian whatever language the staff member's admin screen is in."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(viewname, *args, **kwargs)
