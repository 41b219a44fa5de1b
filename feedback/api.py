"""Public JSON API of the domain core (CONTRACT.md): the registry as open data,
citizen feedback, and receipts for staff and queue systems."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import permissions, routers, serializers, status, viewsets
from rest_framework.exceptions import ParseError
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from core import metrics
from core.edge import JSONParser
from core.public_cache import PAGES, cache_public

from . import cache_scopes, ratelimits, services
from .models import Channel, Education, Kiosk, Occupation, Service, Unit
from .skm import CODES, SCALE


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


@extend_schema_field(
    {
        "type": "object",
        "description": "The nine elements U1..U9, each an integer 1..4; no other keys.",
        "properties": {
            code: {"type": "integer", "minimum": min(SCALE), "maximum": max(SCALE)}
            for code in CODES
        },
        "required": list(CODES),
        "additionalProperties": False,
    }
)
class AnswersField(serializers.DictField):
    """Documents ``answers`` exactly as parse_submission enforces it."""


@extend_schema_field(
    {
        "type": "object",
        "description": "Optional respondent profile; no other keys.",
        "properties": {
            "age": {
                "type": "integer",
                "minimum": services.AGE_RANGE[0],
                "maximum": services.AGE_RANGE[1],
            },
            "sex": {"type": "string", "enum": ["L", "P"]},
            "education": {"type": "string", "enum": list(Education.values)},
            "occupation": {"type": "string", "enum": list(Occupation.values)},
        },
        "additionalProperties": False,
    }
)
class RespondentField(serializers.DictField):
    """Documents ``respondent`` exactly as parse_submission enforces it."""


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "format": "date"},
            {"type": "string", "enum": [""], "description": "not given: today"},
        ],
        "nullable": True,
        "description": "Day of service (YYYY-MM-DD), not in the future and at most 400 days "
        "ago (a 400 otherwise); empty, null or absent: today.",
    }
)
class ServedOnField(serializers.CharField):
    """Documents ``served_on`` as parse_submission reads it (empty or null: today)."""


class FeedbackRequestSerializer(serializers.Serializer):
    """Documents the request body; validation itself is services.parse_submission,
    shared with the web form, the kiosk and the paper import. Other top-level keys
    are ignored, except ``officer_nip``: an officer is named by a receipt, never by
    the citizen, so a body with ``officer_nip`` is a 400 whatever its value."""

    service = serializers.CharField(help_text="Service code, e.g. KTP-EL.")
    answers = AnswersField()
    comment = serializers.CharField(required=False, max_length=services.COMMENT_MAX_LENGTH)
    respondent = RespondentField(required=False)
    service_point = serializers.CharField(required=False, help_text="Service point (loket) code.")
    receipt = serializers.CharField(required=False, help_text="Single-use receipt code.")
    served_on = ServedOnField(required=False)


class FeedbackCreatedSerializer(serializers.Serializer):
    id = serializers.CharField()
    verified = serializers.BooleanField()
    duplicate = serializers.BooleanField(
        help_text="True when the same answers from this client were already stored "
        "within FEEDBACK_DUPLICATE_MINUTES (the stored response is returned)."
    )


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


def submit_feedback(request, data=None, *, kiosk=None, idempotency_key=None, channel=None):
    """``_submit_feedback``, counted by channel and outcome (portal.metrics)."""
    channel = channel or (Channel.KIOSK if kiosk else Channel.API)
    try:
        code, body, headers = _submit_feedback(
            request, data, kiosk=kiosk, idempotency_key=idempotency_key, channel=channel
        )
    except ParseError:
        metrics.submission(channel, "rejected")
        raise
    if code == status.HTTP_201_CREATED:
        replayed = body.get("duplicate") or "Idempotent-Replayed" in headers
        metrics.submission(channel, "duplicate" if replayed else "stored")
    else:
        rate_limited = code == status.HTTP_429_TOO_MANY_REQUESTS
        metrics.submission(channel, "rate_limited" if rate_limited else "rejected")
    return code, body, headers


def _submit_feedback(request, data, *, kiosk, idempotency_key, channel):
    """One submission in the API's terms, for the JSON API and the kiosk's queue.

    Returns (status, body, headers). Order matters: every request counts as an
    attempt (a body that does not parse too, answered 400 once counted; both
    counters are read in one round trip); a repeat of a keyed submission is
    answered before the accepted-responses limit is looked at, so it costs nothing
    there; only a newly stored response is counted as accepted.
    """
    malformed = None
    if data is None:
        try:
            data = request.data
        except ParseError as exc:
            data, malformed = None, exc  # counts as an attempt too, then answers 400
    receipt_code = data.get("receipt") if isinstance(data, dict) else None
    receipt_code = receipt_code if isinstance(receipt_code, str) else None
    admission = ratelimits.admit(request, kiosk=kiosk, receipt_code=receipt_code)
    if admission.attempts_wait:
        return _too_many(admission.attempts_wait)
    if malformed is not None:
        raise malformed
    try:
        key = services.check_idempotency_key(idempotency_key)
        submission = services.parse_submission(data, check_reported=False)
        outcome = ratelimits.submit_within_limits(
            request,
            submission,
            channel=channel or (Channel.KIOSK if kiosk else Channel.API),
            kiosk=kiosk,
            key=key,
            admission=admission,
        )
    except services.SubmissionInvalid as exc:
        return _error(_("Data yang dikirim tidak valid."), 400, **exc.errors)
    except (services.ReceiptUsed, services.IdempotencyConflict) as exc:
        return _error(exc, status.HTTP_409_CONFLICT)
    except services.ReceiptExpired as exc:
        return _error(exc, status.HTTP_410_GONE)
    if isinstance(outcome, int):
        return _too_many(outcome)
    body = {
        "id": str(outcome.response.public_id),
        "verified": outcome.response.verified,
        "duplicate": outcome.duplicate,
    }
    headers = {"Idempotent-Replayed": "true"} if outcome.replayed else {}
    return status.HTTP_201_CREATED, body, headers


def _error(message, code, *, headers=None, **fields):
    return code, {"message": str(message), **fields}, headers or {}


def _too_many(wait):
    return _error(
        _("Terlalu banyak penilaian dari alamat ini. Coba lagi dalam %(s)d detik.") % {"s": wait},
        status.HTTP_429_TOO_MANY_REQUESTS,
        headers={"Retry-After": str(wait)},
    )


IDEMPOTENCY_HELP = (
    "Optional client-generated key (8-64 characters: letters, digits, '-' or '_'; a UUID "
    "fits) that makes the request safe to repeat. The first request with a key stores the "
    "response; a repeat with the same key and the same body answers the same 201 with the "
    "same id (header Idempotent-Replayed: true) and stores and counts nothing; the same key "
    "with a different body is a 409. Keys are remembered FEEDBACK_IDEMPOTENCY_DAYS (default "
    "7) days, per kiosk for a kiosk key, otherwise in one public space."
)


class FeedbackView(APIView):
    """Submit one SKM response (PermenPANRB 14/2017): the nine elements U1..U9, 1..4.

    Send ``X-Kiosk-Key`` from a registered kiosk to be limited per kiosk rather than
    per address. A valid ``receipt`` makes the response verified. Send an
    ``Idempotency-Key`` to make a retry safe: a repeat is answered, never stored twice.
    """

    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    parser_classes = [JSONParser]

    @extend_schema(
        request=FeedbackRequestSerializer,
        parameters=[
            OpenApiParameter("X-Kiosk-Key", str, OpenApiParameter.HEADER, required=False),
            OpenApiParameter(
                "Idempotency-Key",
                str,
                OpenApiParameter.HEADER,
                required=False,
                description=IDEMPOTENCY_HELP,
            ),
        ],
        responses={
            201: FeedbackCreatedSerializer,
            400: OpenApiResponse(
                MessageSerializer,
                description="Field errors (or a malformed Idempotency-Key); nothing stored.",
            ),
            403: OpenApiResponse(MessageSerializer, description="Unknown kiosk key."),
            409: OpenApiResponse(
                MessageSerializer,
                description="Receipt already used, or Idempotency-Key already used with "
                "a different body.",
            ),
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
            services.kiosk_seen(kiosk)
        code, body, headers = submit_feedback(
            request,
            kiosk=kiosk,
            idempotency_key=request.headers.get("Idempotency-Key"),
        )
        response = ApiResponse(body, status=code)
        for name, value in headers.items():
            response[name] = value
        return response


class ReceiptRequestSerializer(serializers.Serializer):
    # min_length: the schema says what the serializer enforces (a blank code is a 400).
    service = serializers.CharField(help_text="Service code.", min_length=1)
    service_point = serializers.CharField(required=False, min_length=1)
    officer_nip = serializers.CharField(
        required=False, min_length=1, help_text="NIP of the serving officer."
    )
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
