"""Interface language: the one the URL is in (Indonesian unprefixed, English under /en/).

Django's LocaleMiddleware would also follow the browser's Accept-Language and the
language cookie, but many phones in Indonesia are set to English while their owners
expect a Pemda site in Indonesian, and a cookie would make every page uncacheable by
a proxy. Only the URL chooses: the language switch links to the same page under the
other prefix, and every other URL (the API, the sitemap, documents) is Indonesian.
"""

from django.utils import translation

from core import i18n


class UrlLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = i18n.language_of_path(request.path_info)
        request.LANGUAGE_CODE = language
        # Restored afterwards, so nothing after this request runs in its language.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
