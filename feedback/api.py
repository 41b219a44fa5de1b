"""Public registry API: units and services (CONTRACT.md). Read-only, open data."""

from django_filters import rest_framework as filters
from rest_framework import routers, serializers, viewsets

from .models import Service, Unit


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


class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    """Organisation units (Pemda, Perangkat Daerah, Unit Layanan)."""

    serializer_class = UnitSerializer
    filterset_class = UnitFilter
    lookup_field = "code"

    def get_queryset(self):
        return Unit.objects.filter(is_active=True).select_related("parent", "page")


class ServiceViewSet(viewsets.ReadOnlyModelViewSet):
    """Services (Jenis Layanan) with their unit and public page."""

    serializer_class = ServiceSerializer
    filterset_class = ServiceFilter
    lookup_field = "code"

    def get_queryset(self):
        return Service.objects.filter(is_active=True).select_related("unit", "page")


router = routers.DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("units", UnitViewSet, basename="unit")
router.register("services", ServiceViewSet, basename="service")
