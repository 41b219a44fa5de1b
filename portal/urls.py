from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views

from . import api, views
from .sitemap import LanguagesSitemap

# One URL whatever the language: the admin (in each editor's own language), the API
# (Indonesian messages), documents and the sitemap.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/", include(api.urlpatterns)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LanguagesSitemap}}),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# What citizens read, in their language: Indonesian unprefixed (every URL printed on
# posters and slips stays valid), English under /en/ (portal.middleware picks it).
urlpatterns += i18n_patterns(
    path("cari/", search_views.search_page, name="search"),
    path("nilai/", search_views.service_picker, name="choose"),
    path("", include("feedback.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Errors under /api/ answer in the API's JSON shape (core/errors.py).
handler400 = "portal.handlers.bad_request"
handler404 = "portal.handlers.not_found"
handler500 = "portal.handlers.server_error"
