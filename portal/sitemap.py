"""The sitemap: every live public page in each interface language, each entry with
hreflang alternates to the others and an x-default (Indonesian), as the pages'
own <head> links them (templates/includes/hreflang.html)."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import get_script_prefix
from wagtail.contrib.sitemaps import Sitemap

from core import i18n


class LanguagesSitemap(Sitemap):
    # Each page is listed once per language: keep a sitemap page within the
    # protocol's 50,000 URLs.
    limit = 50_000 // len(settings.LANGUAGES)

    def _urls(self, page, protocol, domain):
        urls = []
        for url in super()._urls(page, protocol, domain):
            versions = _in_every_language(url["location"])
            alternates = [{"lang_code": code, "location": loc} for code, loc in versions.items()]
            alternates.append(
                {"lang_code": "x-default", "location": versions[settings.LANGUAGE_CODE]}
            )
            for location in versions.values():
                urls.append({**url, "location": location, "alternates": alternates})
        return urls


def _in_every_language(location: str) -> dict[str, str]:
    """{language code: the same page's absolute URL in that language}."""
    parts = urlsplit(location)
    prefix = get_script_prefix().rstrip("/")
    path = parts.path[len(prefix) :] if parts.path.startswith(prefix) else parts.path
    return {
        code: urlunsplit(parts._replace(path=prefix + i18n.path_in_language(path, code)))
        for code, _name in settings.LANGUAGES
    }
