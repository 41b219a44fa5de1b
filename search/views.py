"""The search page (/cari/) and the search API (/api/v1/search/)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from core.errors import MessageSerializer, api_error
from core.i18n import path_in_language

from . import noresults, selectors, service_match
from .documents import TYPE_LABELS
from .engines import SearchUnavailable
from .engines.base import MAX_PER_PAGE, MAX_QUERY_LENGTH
from .models import ServiceSearchTerms

PER_PAGE = 10
# Retry-After for a search engine that is down, in seconds.
RETRY_AFTER = 60


def _unavailable_message() -> str:
    return _("Pencarian sedang tidak tersedia. Silakan coba lagi beberapa saat lagi.")


def _empty_message(results) -> str:
    if not results.query:
        return _("Ketik nama layanan atau kata yang dicari.")
    return _("Tidak ada hasil yang cocok. Periksa ejaan atau gunakan kata lain.")


# The page


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def _link(params: dict, **changes) -> str:
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "", 1)})


def _page_links(results, params) -> list[dict]:
    """Page numbers around the current one (at most seven), with links."""
    first = max(1, min(results.page - 3, results.num_pages - 6))
    last = min(results.num_pages, first + 6)
    return [
        {"number": n, "url": _link(params, halaman=n), "current": n == results.page}
        for n in range(first, last + 1)
    ]


def _add_english_names(hits) -> None:
    """Services' English names (Pencarian > Kata kunci layanan) beside their titles."""
    codes = [hit.service_code for hit in hits if hit.service_code]
    if not codes:
        return
    names = dict(
        ServiceSearchTerms.objects.filter(service__code__in=codes)
        .exclude(name_en="")
        .values_list("service__code", "name_en")
    )
    for hit in hits:
        hit.name_en = names.get(hit.service_code, "")


def _promotions(query: str) -> list[dict]:
    """The editors' promoted results, as links in the page's language."""
    out = []
    for pick in selectors.promotions(query):
        url = pick.page.url if pick.page else pick.external_link_url
        if url.startswith("/") and translation.get_language() != settings.LANGUAGE_CODE:
            url = path_in_language(url, translation.get_language())
        out.append({"title": pick.title, "url": url, "description": pick.description})
    return out


def search_page(request):
    """The search page: works without JavaScript; 503 with a clear message when the
    engine is down (the rest of the site is unaffected)."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    unit = request.GET.get("unit", "").strip().upper()[:20] or None
    doc_type = request.GET.get("jenis", "").strip()
    doc_type = doc_type if doc_type in TYPE_LABELS else None
    params = {"q": query, "unit": unit, "jenis": doc_type}
    context = {"query": query, "unit": unit, "doc_type": doc_type, "results": None}
    try:
        results = selectors.search(
            query,
            unit=unit,
            type=doc_type,
            page=_page_number(request.GET.get("halaman")),
            per_page=PER_PAGE,
        )
    except SearchUnavailable:
        context["unavailable_message"] = _unavailable_message()
        response = render(request, "search/search.html", context, status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response

    if translation.get_language() != settings.LANGUAGE_CODE:
        for hit in results.hits:  # indexed with the Indonesian address
            if hit.url.startswith("/"):
                hit.url = path_in_language(hit.url, translation.get_language())
        _add_english_names(results.hits)
    context["results"] = results
    if results.page == 1 and not (unit or doc_type):
        context["promotions"] = _promotions(query)
    context["type_facets"] = [
        {
            "facet": f,
            "url": _link(params, jenis=f.value, halaman=None),
            "selected": f.value == doc_type,
        }
        for f in results.facets["type"]
    ]
    context["unit_facets"] = [
        {"facet": f, "url": _link(params, unit=f.value, halaman=None), "selected": f.value == unit}
        for f in results.facets["unit"]
    ]
    context["all_types_url"] = _link(params, jenis=None, halaman=None)
    context["all_units_url"] = _link(params, unit=None, halaman=None)
    context["filtered"] = bool(unit or doc_type)
    context["unfiltered_url"] = _link({"q": query})
    context["first_page_url"] = _link(params, halaman=None)
    if results.suggestion:
        context["suggestion_url"] = _link({"q": results.suggestion})
    if results.num_pages > 1:
        context["page_links"] = _page_links(results, params)
        if results.has_previous:
            context["previous_url"] = _link(params, halaman=results.page - 1)
        if results.has_next:
            context["next_url"] = _link(params, halaman=results.page + 1)
    return render(request, "search/search.html", context)


# The API


class SearchParams(serializers.Serializer):
    q = serializers.CharField(
        allow_blank=True, max_length=MAX_QUERY_LENGTH, default="", help_text="The words to find."
    )
    unit = serializers.CharField(required=False, max_length=20, help_text="Unit code filter.")
    type = serializers.ChoiceField(
        choices=list(TYPE_LABELS), required=False, help_text="Result type filter."
    )
    page = serializers.IntegerField(min_value=1, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=MAX_PER_PAGE, default=PER_PAGE)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class FacetsSerializer(serializers.Serializer):
    unit = FacetValueSerializer(many=True)
    type = FacetValueSerializer(many=True)


class ResultUnitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class SearchResultSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField()
    type = serializers.ChoiceField(choices=list(TYPE_LABELS))
    type_label = serializers.CharField()
    snippet = serializers.CharField(
        help_text="HTML: escaped text with the matched words in <mark>."
    )
    unit = ResultUnitSerializer(allow_null=True)


class PromotionSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    description = serializers.CharField(allow_blank=True)


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    query = serializers.CharField()
    suggestion = serializers.CharField(allow_null=True, help_text="Did you mean ...")
    relaxed = serializers.BooleanField(
        help_text="True when no page has every word: the results have some of them."
    )
    engine = serializers.CharField()
    message = serializers.CharField(required=False, help_text="Why there are no results.")
    results = SearchResultSerializer(many=True)
    facets = FacetsSerializer()
    promotions = PromotionSerializer(
        many=True, help_text="Results editors promote for this query (first page only)."
    )


class SearchView(APIView):
    """Full-text search over the public pages: services (names and standards), units,
    information pages and published survey reports. Never officer data or comments.

    ``facets`` count results by ``unit`` and by ``type`` (each under the other filter).
    503 with a ``message`` when the search engine is unavailable.
    """

    authentication_classes = []

    @extend_schema(
        parameters=[SearchParams],
        responses={200: SearchResponseSerializer, 400: MessageSerializer, 503: MessageSerializer},
    )
    def get(self, request):
        params = SearchParams(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        try:
            results = selectors.search(
                data["q"],
                unit=(data.get("unit") or "").strip().upper() or None,
                type=data.get("type"),
                page=data["page"],
                per_page=data["page_size"],
            )
        except SearchUnavailable:
            return api_error(_unavailable_message(), 503, headers={"Retry-After": str(RETRY_AFTER)})

        def page_url(number):
            query = request.query_params.copy()
            query["page"] = number
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        body = {
            "count": results.count,
            "page": results.page,
            "page_size": results.per_page,
            "num_pages": results.num_pages,
            "next": page_url(results.page + 1) if results.has_next else None,
            "previous": page_url(results.page - 1) if results.has_previous else None,
            "query": results.query,
            "suggestion": results.suggestion,
            "relaxed": results.relaxed,
            "engine": results.engine,
            "results": [
                {
                    "title": hit.title,
                    "url": request.build_absolute_uri(hit.url),
                    "type": hit.type,
                    "type_label": hit.type_label,
                    "snippet": hit.snippet,
                    "unit": {"code": hit.unit_code, "name": hit.unit_name}
                    if hit.unit_code
                    else None,
                }
                for hit in results.hits
            ],
            "facets": {
                name: [{"value": f.value, "label": f.label, "count": f.count} for f in values]
                for name, values in results.facets.items()
            },
        }
        body["promotions"] = (
            [{**p, "url": request.build_absolute_uri(p["url"])} for p in _promotions(results.query)]
            if results.page == 1 and not (data.get("unit") or data.get("type"))
            else []
        )
        if not results.count:
            body["message"] = _empty_message(results)
        return ApiResponse(body)


def service_picker(request):
    """ "Nilai layanan": find the service you received (search or browse by unit), then
    its survey form. A plain GET form, so it works without JavaScript."""
    query = request.GET.get("q", "").strip()
    groups = service_match.services_to_rate(query)
    if query and not groups:
        noresults.record(query, source="nilai")
    return render(
        request,
        "search/service_picker.html",
        {
            "query": query,
            "groups": groups,
            "count": sum(len(g["services"]) for g in groups),
        },
    )
