"""The database engine's index: one row per public page, searched with Wagtail's
database search backend (SQLite FTS5, PostgreSQL full text).

The rows hold exactly the search documents (search/documents.py), never the
pages themselves: drafts, private pages and officer data cannot be found
because they are never written here. Wagtail's own page index (used by the
admin's search) is separate and untouched.
"""

import re

from django.core.exceptions import ValidationError
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


class IndexedWord(models.Model):
    """Every word of the indexed pages, once: what a misspelt word is compared with
    (pg_trgm similarity on PostgreSQL, difflib elsewhere), and what "known" means."""

    word = models.CharField(max_length=60, primary_key=True)

    class Meta:
        verbose_name = _("kata terindeks")
        verbose_name_plural = _("kata terindeks")

    def __str__(self):
        return self.word


def split_terms(value: str) -> list[str]:
    """Terms an editor typed, one per line or separated by commas, semicolons or "="."""
    parts = (part.strip() for part in re.split(r"[\n,;=]", value or ""))
    return list(dict.fromkeys(part for part in parts if part))


class Synonym(models.Model):
    """A set of terms that mean the same to citizens (e-KTP = KTP elektronik = KTP-el):
    a search for any of them finds what any of them finds."""

    terms = models.TextField(
        _("istilah yang setara"),
        help_text=_(
            "Dipisah koma atau satu per baris, misalnya: e-KTP, KTP elektronik, KTP-el. "
            "Tanda hubung dan spasi tidak berpengaruh: e-KTP juga menemukan eKTP dan e ktp."
        ),
    )
    note = models.CharField(_("catatan"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("sinonim pencarian")
        verbose_name_plural = _("sinonim pencarian")

    def __str__(self):
        return " = ".join(self.term_list())

    def term_list(self) -> list[str]:
        return split_terms(self.terms)

    def terms_display(self) -> str:
        return " = ".join(self.term_list())

    def clean(self):
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Isi paling sedikit dua istilah, dipisah koma.")})


class ServiceSearchTerms(models.Model):
    """Other names citizens use for a service, in Indonesian and English: indexed with
    the service's page and used by the /nilai/ picker."""

    service = models.OneToOneField(
        "feedback.Service",
        on_delete=models.CASCADE,
        related_name="search_terms",
        verbose_name=_("jenis layanan"),
    )
    keywords = models.TextField(
        _("kata kunci"),
        blank=True,
        help_text=_("Sebutan lain dari warga, dipisah koma, misalnya: akte lahir, surat lahir."),
    )
    name_en = models.CharField(_("nama dalam bahasa Inggris"), max_length=200, blank=True)
    keywords_en = models.TextField(
        _("kata kunci bahasa Inggris"),
        blank=True,
        help_text=_("Dipisah koma, misalnya: birth certificate, register a birth."),
    )

    class Meta:
        ordering = ["service__code"]
        verbose_name = _("kata kunci layanan")
        verbose_name_plural = _("kata kunci layanan")

    def __str__(self):
        return str(self.service)

    def text(self) -> str:
        """Everything a search should find the service by, as one text."""
        return " ".join(
            [*split_terms(self.keywords), self.name_en, *split_terms(self.keywords_en)]
        ).strip()


class NoResultQuery(models.Model):
    """A search that found nothing, counted per normalized query: what editors read to
    add synonyms and keywords. Holds the query only (digits runs masked), never who
    searched, their address or when beyond the last time."""

    class Source(models.TextChoices):
        SEARCH = "cari", _("Pencarian situs")
        PICKER = "nilai", _("Pilih layanan untuk dinilai")

    source = models.CharField(_("tempat"), max_length=10, choices=Source.choices)
    query = models.CharField(_("kata yang dicari"), max_length=100)
    count = models.PositiveIntegerField(_("jumlah"), default=1)
    first_seen = models.DateTimeField(_("pertama kali"), auto_now_add=True)
    last_seen = models.DateTimeField(_("terakhir kali"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-last_seen"]
        constraints = [
            models.UniqueConstraint(fields=["source", "query"], name="search_noresult_unique")
        ]
        verbose_name = _("pencarian tanpa hasil")
        verbose_name_plural = _("pencarian tanpa hasil")

    def __str__(self):
        return self.query
