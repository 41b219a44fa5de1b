"""The database engine's index: one row per public page, searched with Wagtail's
database search backend (SQLite FTS5, PostgreSQL full text).

The rows hold exactly the search documents (search/documents.py), never the
pages themselves: drafts, private pages and officer data cannot be found
because they are never written here. Wagtail's own page index (used by the
admin's search) is separate and untouched.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


class IndexedPageQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class IndexedPage(index.Indexed, models.Model):
    """A live, public page as the database engine indexes it."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    type = models.CharField(_("jenis"), max_length=20)
    title = models.CharField(_("judul"), max_length=255)
    url = models.CharField(max_length=500)
    unit_code = models.CharField(max_length=20, blank=True)
    unit_name = models.CharField(max_length=200, blank=True)
    service_code = models.CharField(max_length=20, blank=True)
    keywords = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Snowball stems of all of the above: Indonesian word forms on SQLite, which
    # cannot stem ("kelahiran" -> "lahir").
    stems = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = IndexedPageQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=4),
        index.SearchField("keywords", boost=2),
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.SearchField("stems"),
        index.AutocompleteField("title"),
        index.AutocompleteField("keywords"),
        index.AutocompleteField("summary"),
        index.AutocompleteField("body"),
        index.FilterField("type"),
        index.FilterField("unit_code"),
    ]

    class Meta:
        verbose_name = _("halaman terindeks")
        verbose_name_plural = _("halaman terindeks")

    def __str__(self):
        return self.title
