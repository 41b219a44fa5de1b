"""The registry as open data: units and services with their public pages
(``/api/v1/units/``, ``/api/v1/services/``), cached until the registry or a page
changes."""

from django_filters import rest_framework as filters
from rest_framework import routers, serializers, viewsets

from core.public_cache import PAGES, cache_public

from ..models import Service, Unit
from . import cache_scopes


def _public_page_url(obj, request):
    """The live public page tied to a registry entry, or None.

    Reached through the reverse relation the content app declares, so this app
    never imports content.
    """
    page = getattr(obj, "page", None)
    if page is None or not page.live:
        return None
    url = page.get_url(request)
    return request.build_absolute_uri(url) if request else url


class UnitRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["code", "name"]


class UnitSerializer(serializers.ModelSerializer):
    parent = UnitRefSerializer(read_only=True, allow_null=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Unit
        fields = ["code", "name", "level", "parent", "url"]

    def get_url(self, obj) -> str | None:
        return _public_page_url(obj, self.context.get("request"))


class ServiceSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Service
        fields = ["code", "name", "category", "unit", "url"]

    def get_url(self, obj) -> str | None:
        return _public_page_url(obj, self.context.get("request"))


class UnitFilter(filters.FilterSet):
    parent = filters.CharFilter(field_name="parent__code", lookup_expr="iexact")

    class Meta:
        model = Unit
        fields = ["level", "parent"]


class ServiceFilter(filters.FilterSet):
    unit = filters.CharFilter(field_name="unit__code", lookup_expr="iexact")

    class Meta:
        model = Service
        fields = ["unit", "category"]


class PublicRegistryMixin:
    """Open data lists: cached until the registry or a page (their ``url``) changes."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        cache_public(request, cache_scopes.REGISTRY, PAGES)


class UnitViewSet(PublicRegistryMixin, viewsets.ReadOnlyModelViewSet):
    """Organisation units (Pemda, Perangkat Daerah, Unit Layanan)."""

    api_error_codes = (404,)  # an unknown code, or a page past the last

    serializer_class = UnitSerializer
    filterset_class = UnitFilter
    lookup_field = "code"

    def get_queryset(self):
        return Unit.objects.filter(is_active=True).select_related("parent", "page")


class ServiceViewSet(PublicRegistryMixin, viewsets.ReadOnlyModelViewSet):
    """Services (Jenis Layanan) with their unit and public page."""

    api_error_codes = (404,)

    serializer_class = ServiceSerializer
    filterset_class = ServiceFilter
    lookup_field = "code"

    def get_queryset(self):
        return Service.objects.filter(is_active=True).select_related("unit", "page")


router = routers.DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("units", UnitViewSet, basename="unit")
router.register("services", ServiceViewSet, basename="service")
