"""``POST /api/v1/service-users/``: a queue system (or staff with a token) reports how
many people a service served in a period. Idempotent per service and period: the
same body again changes nothing, a new count replaces the old one.

The count is checked by results.service_users.check_count, as in the admin form and
``import_service_users``."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from core.edge import JSONParser
from core.errors import MessageSerializer, api_error

from ..rules import periods
from ..rules.coverage import SERVICE_USERS_MAX
from . import selectors, service_users
from .api import CoverageSerializer

FIELDS = ("service", "period", "service_users")

ServiceUsersRequest = inline_serializer(
    "ServiceUsersRequest",
    {
        "service": serializers.CharField(min_length=1, help_text="Service code."),
        "period": serializers.RegexField(
            periods.OPENAPI_PATTERN,
            help_text="YYYY, YYYY-S1, YYYY-Q3 or YYYY-MM; a period that has begun.",
        ),
        "service_users": serializers.IntegerField(
            min_value=0,
            max_value=SERVICE_USERS_MAX,
            help_text="People served in the period; not fewer than the respondents "
            "already stored for that service and period.",
        ),
    },
)

ServiceUsersAnswer = inline_serializer(
    "ServiceUsers",
    {
        "service": serializers.CharField(),
        "period": serializers.CharField(),
        "service_users": serializers.IntegerField(),
        "respondents": serializers.IntegerField(),
        "created": serializers.BooleanField(),
        "coverage": CoverageSerializer,
    },
)


class CanRecordServiceUsers(permissions.BasePermission):
    message = (
        "Hanya sistem antrean atau petugas yang berwenang yang dapat mencatat jumlah "
        "pengguna layanan."
    )

    def has_permission(self, request, view):
        user = request.user
        return bool(
            user
            and user.has_perm("feedback.add_population")
            and user.has_perm("feedback.change_population")
        )


class ServiceUsersView(APIView):
    """Record the number of service users of one service and period (a token of the
    Loket group, ``manage.py create_api_token``). 201 when new, 200 when it replaced
    or repeated a stored count."""

    permission_classes = [permissions.IsAuthenticated, CanRecordServiceUsers]
    parser_classes = [JSONParser]

    @extend_schema(
        request=ServiceUsersRequest,
        responses={
            200: ServiceUsersAnswer,
            201: ServiceUsersAnswer,
            400: MessageSerializer,
            401: MessageSerializer,
            403: MessageSerializer,
        },
    )
    def post(self, request):
        data = request.data
        if not isinstance(data, dict):
            return api_error(_("Kirim satu objek JSON: service, period, service_users."))
        unknown = sorted(str(k) for k in data if k not in FIELDS)
        if unknown:
            msg = _("Kolom tidak dikenal: %(k)s.") % {"k": ", ".join(unknown)}
            return api_error(msg, **{k: [msg] for k in unknown[:10]})
        try:
            count = service_users.check_count(
                service=_text(data.get("service")),
                period=_text(data.get("period")),
                service_users=data.get("service_users"),
            )
        except service_users.CountRefused as exc:
            return api_error(str(exc), **exc.errors)
        population, created = service_users.record(count)
        scope = selectors.Scope.of(count.service)
        respondents = selectors.respondents_for(scope=scope, period=count.period)
        return ApiResponse(
            {
                "service": count.service.code,
                "period": population.period,
                "service_users": population.served,
                "respondents": respondents,
                "created": created,
                "coverage": selectors.coverage_for(
                    scope=scope, period=count.period, respondents=respondents
                ).as_dict(),
            },
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


def _text(value):
    """A code or a period as JSON sent it: a string, or a number (2026); anything
    else is read as missing rather than as its Python spelling."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None
