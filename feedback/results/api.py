"""Open data: IKM per service, unit or Pemda and period (CONTRACT.md), plus CSV."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from core import export
from core.errors import api_error
from core.public_cache import cache_public

from ..models import Service, Unit
from ..registry import cache_scopes
from ..rules import coverage, periods
from ..rules.skm import CODES
from . import loop_figures, selectors


def result_dict(scope, period, result) -> dict:
    return {
        "scope": scope.as_dict(),
        "period": str(period),
        "period_label": period.label,
        **result.as_dict(),
        "coverage": selectors.coverage_for(
            scope=scope, period=period, respondents=result.respondents
        ).as_dict(),
        "loop": loop_figures.loop_for(scope=scope, period=period),
    }


CoverageSerializer = inline_serializer(
    "Coverage",
    {
        "service_users": serializers.IntegerField(
            allow_null=True,
            min_value=0,
            help_text="People the services in scope served in the period, as the units "
            "entered them; null unless every active service in scope has its count.",
        ),
        "required_sample": serializers.IntegerField(
            allow_null=True,
            min_value=1,
            help_text="The Krejcie & Morgan sample for service_users (null when unknown or 0).",
        ),
        "adequate": serializers.BooleanField(
            allow_null=True, help_text="respondents >= required_sample; null when unknown."
        ),
    },
)


LoopSerializer = inline_serializer(
    "Loop",
    {
        "comments": serializers.IntegerField(
            min_value=0,
            help_text="Approved public comments on services in scope, by day of service.",
        ),
        "answered": serializers.IntegerField(
            min_value=0, help_text="Of those, answered with a published reply."
        ),
        "answered_within_sla": serializers.IntegerField(
            min_value=0,
            help_text="Answered within LOOP_SLA_WORKING_DAYS (5) working days of arriving, "
            "Indonesian public holidays not counted.",
        ),
        "median_days_to_reply": serializers.FloatField(
            allow_null=True, help_text="Median working days to a reply; null when none."
        ),
        "rtl_planned": serializers.IntegerField(
            min_value=0, help_text="Follow-up (RTL) items published for periods within this one."
        ),
        "rtl_done": serializers.IntegerField(min_value=0, help_text="Of those, done."),
    },
)


def _period(request):
    period, error = selectors.period_or_latest(request.query_params.get("period"))
    return period, (api_error(error, period=[error]) if error else None)


IkmSerializer = inline_serializer(
    "Ikm",
    {
        "scope": serializers.DictField(),
        "period": serializers.CharField(),
        "period_label": serializers.CharField(),
        "respondents": serializers.IntegerField(),
        "suppressed": serializers.BooleanField(),
        "nrr": serializers.DictField(child=serializers.FloatField(), allow_null=True),
        "ikm": serializers.FloatField(allow_null=True),
        "mutu": serializers.CharField(allow_null=True),
        "kinerja": serializers.CharField(allow_null=True),
        "ci95": serializers.ListField(child=serializers.FloatField(), allow_null=True),
        "source": serializers.ChoiceField(
            choices=["responden", "laporan", "campuran"],
            help_text="Where the respondents come from: the portal's responses (responden), "
            "tables imported from past reports (laporan), or both (campuran). ci95 is null "
            "whenever a report table is part of the result.",
        ),
        "coverage": CoverageSerializer,
        "loop": LoopSerializer,
    },
)


class IkmView(APIView):
    """IKM of a service (``service=CODE``), a unit with its sub-units (``unit=CODE``) or,
    with neither, the whole Pemda, for a period (default: the latest complete quarter).
    With both, the service's, provided it belongs to that unit or one below it (404
    otherwise).

    Figures are null and ``suppressed`` true below the public minimum of respondents.
    """

    authentication_classes = []
    api_error_codes = (404,)

    @extend_schema(
        parameters=[
            OpenApiParameter("service", str, description="Service code"),
            OpenApiParameter("unit", str, description="Unit code"),
            OpenApiParameter(
                "period",
                str,
                pattern=periods.OPENAPI_PATTERN,
                description="YYYY, YYYY-S1, YYYY-Q3 or YYYY-MM; default the latest quarter",
            ),
        ],
        responses={200: IkmSerializer},
    )
    def get(self, request):
        service_code = request.query_params.get("service")
        unit_code = request.query_params.get("unit")
        period, error = _period(request)
        if error:
            return error
        target = None
        if service_code:
            target = (
                Service.objects.select_related("unit")
                .filter(code=service_code.strip().upper())
                .first()
            )
            if target is None:
                msg = _("Layanan '%(c)s' tidak dikenal.") % {"c": service_code}
                return api_error(msg, status=404, service=[msg])
            if unit_code and not _unit_holds(unit_code, target):
                # Both given: the service, as a service of that unit (or a sub-unit).
                msg = _("Layanan '%(s)s' tidak ada di unit '%(u)s'.") % {
                    "s": service_code,
                    "u": unit_code,
                }
                return api_error(msg, status=404, unit=[msg])
        elif unit_code:
            target = Unit.objects.filter(code=unit_code.strip().upper()).first()
            if target is None:
                msg = _("Unit '%(c)s' tidak dikenal.") % {"c": unit_code}
                return api_error(msg, status=404, unit=[msg])
        cache_public(request, cache_scopes.REGISTRY, cache_scopes.scope_of(target))
        scope = selectors.Scope.of(target)
        result = selectors.ikm_for(scope=scope, period=period)
        return ApiResponse(result_dict(scope, period, result))


def _unit_holds(unit_code: str, service) -> bool:
    """Whether the unit coded ``unit_code`` is the service's unit or one above it."""
    unit, code = service.unit, unit_code.strip().upper()
    while unit is not None:
        if unit.code == code:
            return True
        unit = unit.parent
    return False


CSV_COLUMNS = [
    "type",
    "code",
    "name",
    "unit",
    "period",
    "respondents",
    "suppressed",
    *CODES,
    "ikm",
    "mutu",
    "kinerja",
    "ci95_low",
    "ci95_high",
    "source",
    "service_users",
    "required_sample",
    "adequate",
]


def ranking_rows(period, level):
    service_users = selectors.service_users_lookup(period=period)
    for row in selectors.ranking(period=period, level=level):
        scope, result = row["scope"], row["result"]
        info = scope.as_dict()
        nrr = result.nrr or {}
        ci = result.ci95 or (None, None)
        yield {
            "type": info["type"],
            "code": info["code"],
            "name": info["name"],
            "unit": (info.get("unit") or {}).get("code", ""),
            "period": str(period),
            "respondents": result.respondents,
            "suppressed": result.suppressed,
            **{code: nrr.get(code) for code in CODES},
            "ikm": result.ikm,
            "mutu": result.mutu,
            "kinerja": result.kinerja,
            "ci95_low": ci[0],
            "ci95_high": ci[1],
            "source": result.source,
            **coverage.Coverage(
                service_users=service_users(scope), respondents=result.respondents
            ).as_dict(),
        }


class IkmTableView(APIView):
    """Every service (``level=service``) or unit (``level=unit``) for a period, best
    first; ``format=csv`` downloads the same rows as CSV (open data)."""

    authentication_classes = []

    @extend_schema(
        parameters=[
            OpenApiParameter("period", str, pattern=periods.OPENAPI_PATTERN),
            OpenApiParameter("level", str, enum=["service", "unit"]),
            OpenApiParameter("format", str, enum=["json", "csv"]),
        ],
        responses={
            (200, "application/json"): inline_serializer(
                "IkmTable",
                {
                    "period": serializers.CharField(),
                    "level": serializers.CharField(),
                    "results": serializers.ListField(child=serializers.DictField()),
                },
            ),
            (200, "text/csv"): OpenApiTypes.STR,
        },
    )
    def get(self, request):
        period, error = _period(request)
        if error:
            return error
        level = request.query_params.get("level", "service")
        if level not in ("service", "unit"):
            return api_error(_("level harus 'service' atau 'unit'."), level=["service|unit"])
        output = request.query_params.get("format", "json")
        if output not in ("json", "csv"):
            return api_error(_("format harus json atau csv."), format=["json|csv"])
        cache_public(request, cache_scopes.REGISTRY, cache_scopes.PEMDA)
        rows = list(ranking_rows(period, level))
        if output == "csv":
            body = export.csv_text(CSV_COLUMNS, rows)  # the API's dialect, formula-safe
            response = HttpResponse(body, content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="ikm-{level}-{period}.csv"'
            return response
        return ApiResponse({"period": str(period), "level": level, "results": rows})
