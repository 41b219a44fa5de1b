"""Public JSON API of the domain core (CONTRACT.md): the registry as open data,
citizen feedback, and receipts for staff and queue systems."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import permissions, routers, serializers, status, viewsets
from rest_framework.parsers import JSONParser
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from portal.client_ip import client_ip
from portal.public_cache import PAGES, cache_public

from . import cache_scopes, ratelimits, services
from .models import Channel, Kiosk, Service, Unit
from .skm import CODES


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

    serializer_class = UnitSerializer
    filterset_class = UnitFilter
    lookup_field = "code"

    def get_queryset(self):
        return Unit.objects.filter(is_active=True).select_related("parent", "page")


class ServiceViewSet(PublicRegistryMixin, viewsets.ReadOnlyModelViewSet):
    """Services (Jenis Layanan) with their unit and public page."""

    serializer_class = ServiceSerializer
    filterset_class = ServiceFilter
    lookup_field = "code"

    def get_queryset(self):
        return Service.objects.filter(is_active=True).select_related("unit", "page")


class RespondentSerializer(serializers.Serializer):
    age = serializers.IntegerField(required=False, min_value=10, max_value=110)
    sex = serializers.ChoiceField(choices=["L", "P"], required=False)
    education = serializers.CharField(required=False)
    occupation = serializers.CharField(required=False)


class FeedbackRequestSerializer(serializers.Serializer):
    """Documents the request body; validation itself is services.parse_submission,
    shared with the web form, the kiosk and the paper import."""

    service = serializers.CharField(help_text="Service code, e.g. KTP-EL.")
    answers = inline_serializer(
        "Answers",
        {code: serializers.IntegerField(min_value=1, max_value=4) for code in CODES},
    )
    comment = serializers.CharField(required=False, max_length=2000)
    respondent = RespondentSerializer(required=False)
    service_point = serializers.CharField(required=False, help_text="Service point (loket) code.")
    receipt = serializers.CharField(required=False, help_text="Single-use receipt code.")
    served_on = serializers.DateField(required=False, help_text="Day of service; default today.")


class FeedbackCreatedSerializer(serializers.Serializer):
    id = serializers.CharField()
    verified = serializers.BooleanField()


class MessageSerializer(serializers.Serializer):
    """Every error: a human-readable message, and for 400 the field errors beside it."""

    message = serializers.CharField()


def error_response(message, status=400, *, headers=None, **fields):
    """Every API error of the project: a human-readable message, field errors beside it."""
    response = ApiResponse({"message": str(message), **fields}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def invalid(errors: dict):
    """400 in the project's error shape: a message plus DRF-style field errors."""
    return error_response(_("Data yang dikirim tidak valid."), **errors)


def _too_many(wait):
    return error_response(
        _("Terlalu banyak penilaian dari alamat ini. Coba lagi dalam %(s)d detik.") % {"s": wait},
        status.HTTP_429_TOO_MANY_REQUESTS,
        headers={"Retry-After": str(wait)},
    )


class FeedbackView(APIView):
    """Submit one SKM response (PermenPANRB 14/2017): the nine elements U1..U9, 1..4.

    Send ``X-Kiosk-Key`` from a registered kiosk to be limited per kiosk rather than
    per address. A valid ``receipt`` makes the response verified.
    """

    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    parser_classes = [JSONParser]

    @extend_schema(
        request=FeedbackRequestSerializer,
        parameters=[OpenApiParameter("X-Kiosk-Key", str, OpenApiParameter.HEADER, required=False)],
        responses={
            201: FeedbackCreatedSerializer,
            400: OpenApiResponse(MessageSerializer, description="Field errors; nothing stored."),
            403: OpenApiResponse(MessageSerializer, description="Unknown kiosk key."),
            409: OpenApiResponse(MessageSerializer, description="Receipt already used."),
            410: OpenApiResponse(MessageSerializer, description="Receipt expired."),
            429: OpenApiResponse(MessageSerializer, description="Rate limited; see Retry-After."),
        },
    )
    def post(self, request):
        kiosk = None
        kiosk_key = request.headers.get("X-Kiosk-Key")
        if kiosk_key:
            kiosk = Kiosk.for_key(kiosk_key)
            if kiosk is None:
                return error_response(_("Kunci kiosk tidak dikenal atau tidak aktif."), 403)
        wait = ratelimits.count_attempt(request, kiosk=kiosk)
        if wait:
            return _too_many(wait)

        data = request.data
        receipt_code = data.get("receipt") if isinstance(data, dict) else None
        receipt_code = receipt_code if isinstance(receipt_code, str) else None
        wait = ratelimits.accepted_wait(request, kiosk=kiosk, receipt_code=receipt_code)
        if wait:
            return _too_many(wait)
        try:
            submission = services.parse_submission(data)
            response, created = services.response_submit(
                submission,
                channel=Channel.KIOSK if kiosk else Channel.API,
                kiosk=kiosk,
                ip=client_ip(request),
            )
        except services.SubmissionInvalid as exc:
            return invalid(exc.errors)
        except services.ReceiptUsed as exc:
            return error_response(exc, status.HTTP_409_CONFLICT)
        except services.ReceiptExpired as exc:
            return error_response(exc, status.HTTP_410_GONE)
        if created:
            ratelimits.record_accepted(request, kiosk=kiosk, receipt_code=receipt_code)
        return ApiResponse(
            {
                "id": str(response.public_id),
                "verified": response.verified,
                "duplicate": not created,
            },
            status=status.HTTP_201_CREATED,
        )


class ReceiptRequestSerializer(serializers.Serializer):
    service = serializers.CharField(help_text="Service code.")
    service_point = serializers.CharField(required=False)
    officer_nip = serializers.CharField(required=False, help_text="NIP of the serving officer.")
    valid_hours = serializers.IntegerField(required=False, min_value=1, max_value=24 * 30)


class ReceiptSerializer(serializers.Serializer):
    code = serializers.CharField()
    service = serializers.CharField(source="service.code")
    service_point = serializers.CharField(source="service_point.code", allow_null=True)
    expires_at = serializers.DateTimeField()
    rating_url = serializers.SerializerMethodField()

    def get_rating_url(self, obj) -> str:
        url = reverse("feedback:rate", args=[obj.service.code]) + f"?r={obj.code}"
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class CanIssueReceipts(permissions.BasePermission):
    message = "Hanya petugas loket atau sistem antrean yang dapat menerbitkan tanda terima."

    def has_permission(self, request, view):
        return bool(request.user and request.user.has_perm("feedback.add_receipt"))


class ReceiptView(APIView):
    """Issue a single-use receipt (staff or a queue system, authenticated by token).

    A citizen who rates with it gives a verified response attributed to the officer.
    """

    permission_classes = [permissions.IsAuthenticated, CanIssueReceipts]
    parser_classes = [JSONParser]

    @extend_schema(
        request=ReceiptRequestSerializer,
        responses={
            201: ReceiptSerializer,
            400: MessageSerializer,
            401: MessageSerializer,
            403: MessageSerializer,
        },
    )
    def post(self, request):
        payload = ReceiptRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        try:
            receipt = services.receipt_issue_from_codes(
                service=data["service"],
                service_point=data.get("service_point"),
                officer_nip=data.get("officer_nip"),
                hours=data.get("valid_hours"),
                issued_by=request.user,
            )
        except services.SubmissionInvalid as exc:
            return invalid(exc.errors)
        return ApiResponse(
            ReceiptSerializer(receipt, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


router = routers.DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("units", UnitViewSet, basename="unit")
router.register("services", ServiceViewSet, basename="service")
