"""Public JSON API of the domain core (CONTRACT.md): the registry as open data,
citizen feedback, and receipts for staff and queue systems."""

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import permissions, serializers, status
from rest_framework.exceptions import ParseError
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from core.edge import JSONParser
from core.errors import MessageSerializer, api_error, error_body, invalid_data_message

from ..models import Channel, Kiosk
from ..rules.skm import CODES, SCALE
from . import parsing, receipts, storing, submission


@extend_schema_field(
    {
        "type": "object",
        "description": f"The nine elements {CODES[0]}..{CODES[-1]}, each an integer "
        f"{min(SCALE)}..{max(SCALE)}; no other keys.",
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
                "minimum": parsing.AGE_RANGE[0],
                "maximum": parsing.AGE_RANGE[1],
            },
            **{
                name: {"type": "string", "enum": list(choices.values)}
                for name, choices in parsing.PROFILE_CHOICES.items()
            },
        },
        "additionalProperties": False,
    }
)
class RespondentField(serializers.DictField):
    """Documents ``respondent`` exactly as parse_submission enforces it."""


@extend_schema_field(
    {
        "type": "object",
        "description": 'Optional: why an element was rated low ("Apa yang kurang?"), '
        f"one text of at most {parsing.REASON_MAX_LENGTH} characters per element, only "
        f"for elements answered {' or '.join(map(str, parsing.REASON_SCALE))}; a reason "
        "for an element answered higher, or for an unknown element, is a 400 and nothing "
        "is stored. Masked like the comment and never published word for word.",
        "properties": {
            code: {"type": "string", "maxLength": parsing.REASON_MAX_LENGTH} for code in CODES
        },
        "additionalProperties": False,
    }
)
class ReasonsField(serializers.DictField):
    """Documents ``reasons`` exactly as parse_submission enforces it."""


@extend_schema_field(
    {
        "type": "object",
        "description": "Optional: an e-mail address to be told once when the unit's reply to "
        "the comment is published. Kept only with consent true and a comment; otherwise "
        "dropped. Stored apart from the response and deleted after the item is closed.",
        "properties": {
            "email": {"type": "string", "format": "email", "maxLength": parsing.CONTACT_MAX_LENGTH},
            "consent": {"type": "boolean"},
        },
        "additionalProperties": False,
    }
)
class ContactField(serializers.DictField):
    """Documents ``contact`` exactly as parse_submission reads it."""


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "format": "date"},
            {"type": "string", "enum": [""], "description": "not given: today"},
        ],
        "nullable": True,
        "description": "Day of service (YYYY-MM-DD), not in the future and at most "
        f"{parsing.SERVED_ON_MAX_AGE_DAYS} days ago (a 400 otherwise); empty, null or "
        "absent: today.",
    }
)
class ServedOnField(serializers.CharField):
    """Documents ``served_on`` as parse_submission reads it (empty or null: today)."""


class FeedbackRequestSerializer(serializers.Serializer):
    """Documents the request body; validation itself is parsing.parse_submission,
    shared with the web form, the kiosk and the paper import. Other top-level keys
    are ignored, except ``officer_nip``: an officer is named by a receipt, never by
    the citizen, so a body with ``officer_nip`` is a 400 whatever its value."""

    service = serializers.CharField(help_text="Service code, e.g. KTP-EL.")
    answers = AnswersField()
    comment = serializers.CharField(required=False, max_length=parsing.COMMENT_MAX_LENGTH)
    reasons = ReasonsField(required=False)
    contact = ContactField(required=False)
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


def json_answer(result: submission.Result) -> tuple[int, dict, dict]:
    """A submission's result in the API's terms: (status, body, headers). The JSON API
    and the kiosk's queue (intake/views.py) answer the same."""
    if result.outcome is not None:
        body = {
            "id": str(result.outcome.response.public_id),
            "verified": result.outcome.response.verified,
            "duplicate": result.outcome.duplicate,
        }
        headers = {"Idempotent-Replayed": "true"} if result.outcome.replayed else {}
        return status.HTTP_201_CREATED, body, headers
    if result.wait:
        message = _("Terlalu banyak penilaian dari alamat ini. Coba lagi dalam %(s)d detik.")
        body = error_body(message % {"s": result.wait})
        return status.HTTP_429_TOO_MANY_REQUESTS, body, {"Retry-After": str(result.wait)}
    refused = result.refused
    if isinstance(refused, parsing.SubmissionInvalid):
        return status.HTTP_400_BAD_REQUEST, error_body(invalid_data_message(), **refused.errors), {}
    if isinstance(refused, storing.ReceiptExpired):
        return status.HTTP_410_GONE, error_body(refused), {}
    return status.HTTP_409_CONFLICT, error_body(refused), {}  # a used receipt or key


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
                return api_error(_("Kunci kiosk tidak dikenal atau tidak aktif."), 403)
            storing.kiosk_seen(kiosk)
        try:
            data, malformed = request.data, None
        except ParseError as exc:
            data, malformed = None, exc  # counted as an attempt, then answered 400
        result = submission.submit(
            request,
            data,
            channel=Channel.KIOSK if kiosk else Channel.API,
            kiosk=kiosk,
            idempotency_key=request.headers.get("Idempotency-Key"),
            refused=malformed,
        )
        if malformed is not None and result.refused is malformed:
            raise malformed  # DRF's own 400 for a body that is not JSON
        code, body, headers = json_answer(result)
        return ApiResponse(body, status=code, headers=headers)


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
            receipt = receipts.receipt_issue_from_codes(
                service=data["service"],
                service_point=data.get("service_point"),
                officer_nip=data.get("officer_nip"),
                hours=data.get("valid_hours"),
                issued_by=request.user,
            )
        except parsing.SubmissionInvalid as exc:
            return api_error(invalid_data_message(), **exc.errors)
        return ApiResponse(
            ReceiptSerializer(receipt, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )
