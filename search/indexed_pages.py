"""Which pages become search documents (search/documents.py), and how.

A document is built from a live, public page only, and only from text the page
already shows to every visitor: a service's name, code, unit and standard, a
unit's profile, an information page, a published report. Officer data
(Officer, Assignment) and citizen responses (Response, comments) are never read
here, so neither engine can ever index them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from content.models import ResultsPage, ServicePage, StandardPage, SurveyReportPage, UnitPage

from . import text
from .documents import INFORMATION, REPORT, SERVICE, UNIT, SearchDocument
from .models import ServiceSearchTerms

# The page types that become documents, and their facet.
INDEXED_MODELS = {
    ServicePage: SERVICE,
    UnitPage: UNIT,
    StandardPage: INFORMATION,
    ResultsPage: REPORT,
    SurveyReportPage: REPORT,
}


# What each page type's document reads besides the page, fetched with it.
_RELATED = {
    "ServicePage": (["service__unit", "service__search_terms"], ["documents"]),
    "UnitPage": (["unit"], []),
    "SurveyReportPage": (["unit"], []),
}


def indexable_pages() -> Iterator[Page]:
    """Every page that belongs in the index (live, public, of an indexed type), with what
    its document needs fetched in a few queries per type."""
    for model in INDEXED_MODELS:
        select, prefetch = _RELATED.get(model.__name__, ([], []))
        yield from (
            model.objects.live()
            .public()
            .select_related(*select)
            .prefetch_related(*prefetch)
            .order_by("path")
        )


def indexable_count() -> int:
    return Page.objects.live().public().type(*INDEXED_MODELS).count()


def is_public(page: Page) -> bool:
    """Live, reachable, and not behind a view restriction (on itself or an ancestor)."""
    if not page.live or page.expired:
        return False
    return not page.get_view_restrictions().exists()


def build(page: Page) -> SearchDocument | None:
    """The document for ``page``, or None when it must not be in the index."""
    page = page.specific
    doc_type = INDEXED_MODELS.get(type(page))
    if doc_type is None or not is_public(page):
        return None
    return _build(page, doc_type)


def build_many(pages: Iterable[Page]) -> Iterator[SearchDocument]:
    """Documents for pages already known to be live and public (indexable_pages())."""
    for page in pages:
        doc_type = INDEXED_MODELS.get(type(page))
        if doc_type is not None:
            doc = _build(page, doc_type)
            if doc is not None:
                yield doc


def _build(page, doc_type) -> SearchDocument | None:
    # Indexed in Indonesian (unprefixed) whatever language the editor's admin is in;
    # the English search page turns it into the /en/ address.
    with translation.override(settings.LANGUAGE_CODE):
        url = page.get_url()
    if not url:
        # Not under any site: nobody can reach it.
        return None
    builder = {
        SERVICE: _service_fields,
        UNIT: _unit_fields,
        INFORMATION: _information_fields,
        REPORT: _report_fields,
    }[doc_type]
    fields = {"unit": None, "service_code": "", "keywords": "", "summary": "", "body": []}
    fields.update(builder(page))
    unit = fields.pop("unit")
    body = " ".join(part for part in fields.pop("body") if part)
    summary = fields["summary"] or page.search_description or ""
    return SearchDocument(
        id=page.pk,
        type=doc_type,
        title=page.title,
        url=url,
        unit_code=unit.code if unit else "",
        unit_name=unit.name if unit else "",
        service_code=fields["service_code"],
        keywords=" ".join(fields["keywords"].split()),
        summary=" ".join(summary.split()),
        body=" ".join(body.split()),
        published_at=page.last_published_at or timezone.now(),
    )


def _money(amount: int) -> str:
    return str(_("Gratis")) if not amount else f"Rp {amount:,}".replace(",", ".")


def _service_fields(page) -> dict:
    service = page.service
    unit = service.unit
    components = [text.html_to_text(getattr(page, name)) for name in page.DELIVERY_FIELDS]
    components[page.DELIVERY_FIELDS.index("biaya")] = _money(page.biaya)
    components.append(page.biaya_keterangan)
    components += [text.html_to_text(getattr(page, name)) for name in page.MANAGEMENT_FIELDS]
    components += [d.title for d in page.documents.all()]
    other_names = _other_names(service)
    return {
        "unit": unit,
        "service_code": service.code,
        "keywords": f"{service.name} {service.code} {service.get_category_display()} "
        f"{unit.name} {other_names}",
        "summary": page.summary,
        "body": components,
    }


def _other_names(service) -> str:
    """What citizens also call the service, in Indonesian and English (editors keep
    them under Pencarian > Kata kunci layanan)."""
    try:
        return service.search_terms.text()
    except ServiceSearchTerms.DoesNotExist:
        return ""


def _unit_fields(page) -> dict:
    unit = page.unit
    # The Maklumat's signatory is a person's name: left out on purpose.
    return {
        "unit": unit,
        "keywords": f"{unit.name} {unit.code}",
        "summary": text.truncate(text.html_to_text(page.description), 300),
        "body": [
            text.html_to_text(page.description),
            page.address,
            page.opening_hours,
            page.maklumat,
        ],
    }


def _information_fields(page) -> dict:
    parts = [
        text.html_to_text(block.value.source if hasattr(block.value, "source") else block.value)
        for block in page.body
    ]
    return {"summary": page.intro, "body": parts}


def _report_fields(page) -> dict:
    if isinstance(page, SurveyReportPage):
        unit = page.unit
        return {
            "unit": unit,
            "keywords": f"{page.period} {unit.name if unit else ''}",
            "summary": text.truncate(text.html_to_text(page.analysis), 300),
            "body": [text.html_to_text(page.method), text.html_to_text(page.analysis)],
        }
    intro = text.html_to_text(page.intro)
    return {"summary": intro, "body": []}
