"""HR API: officer indicator scores for appraisals (CONTRACT.md). HR only, audited."""

import re

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from core.errors import api_error

from ..access.permissions import is_hr
from ..models import Unit
from ..rules import periods
from ..rules.nip import InvalidNIP, normalise_nip, parse_nip
from ..rules.periods import Period
from . import indicators
from .evidence import hr_rows
from .exports import XLSX, scores_file

NIP_PATTERN = r"^[0-9]{18}$"


class IsHR(permissions.BasePermission):
    message = "Hanya pengguna kelompok HR yang dapat membaca data kinerja petugas."

    def has_permission(self, request, view):
        return is_hr(request.user)


HR_ROW_FIELDS = (
    "HRIndicatorRow",
    {
        "nip": serializers.CharField(),
        "name": serializers.CharField(),
        "unit": serializers.CharField(),
        "indicator": serializers.CharField(),
        "target": serializers.FloatField(),
        "realisation": serializers.FloatField(allow_null=True),
        "respondents": serializers.IntegerField(),
        "sufficient": serializers.BooleanField(),
        "expectation": serializers.ChoiceField(["above", "meets", "below"], allow_null=True),
        "estimate": serializers.FloatField(
            allow_null=True,
            help_text="The realisation shrunk toward the unit mean (empirical Bayes, "
            "docs/hr.md); null where the realisation is null.",
        ),
        "band": serializers.IntegerField(
            allow_null=True,
            help_text="Rank band within the unit, 1 the highest: officers whose 95% "
            "intervals overlap share a band; null without sufficient data.",
        ),
        "appeals": inline_serializer(
            "HRIndicatorAppeals",
            {"accepted": serializers.IntegerField(), "rejected": serializers.IntegerField()},
            help_text="HR's decisions on the officer's appeals against ratings served "
            "in the period; an accepted one is no longer in the figures.",
        ),
        "peer": inline_serializer(
            "HRPeerResult",
            {
                "values": serializers.DictField(
                    child=serializers.FloatField(allow_null=True),
                    help_text="BerAKHLAK value code -> mean of the colleagues' ratings "
                    "(1 below, 2 as, 3 above expectation); empty when suppressed",
                ),
                "raters": serializers.IntegerField(),
                "suppressed": serializers.BooleanField(
                    help_text="Fewer raters than PEER_MIN_RATERS: no values given"
                ),
            },
        ),
        "notes": serializers.IntegerField(
            help_text="Continuous-feedback notes the supervisor wrote to the officer "
            "within the period's dates."
        ),
        "dialogues": serializers.IntegerField(
            help_text="Performance dialogues (dialog kinerja) recorded for the period "
            "or a period inside it."
        ),
    },
)


class HRIndicatorsView(APIView):
    """Officer indicator scores for a period: evidence for the SKP, private to HR.

    Every call is written to the audit log. ``format=csv`` or ``format=xlsx`` gives
    the same rows as a file shaped for e-Kinerja entry (NIP, indicator, target,
    realisation, unit of measure first).
    """

    permission_classes = [permissions.IsAuthenticated, IsHR]
    api_error_codes = (403, 404)

    def finalize_response(self, request, response, *args, **kwargs):
        # Personnel data: never kept by a browser cache or a proxy.
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "period",
                str,
                required=True,
                pattern=periods.OPENAPI_PATTERN,
                description="YYYY, YYYY-S1, YYYY-Q3 or YYYY-MM",
            ),
            OpenApiParameter("unit", str, description="Unit code (with its sub-units)"),
            OpenApiParameter(
                "nip",
                str,
                pattern=NIP_PATTERN,
                description="One officer's NIP (18 digits); a NIP no officer can have "
                "(its dates impossible) is a 404",
            ),
            OpenApiParameter("format", str, enum=["json", "csv", "xlsx"]),
        ],
        responses={
            (200, "application/json"): inline_serializer(
                "HRIndicators",
                {
                    "period": serializers.CharField(),
                    "count": serializers.IntegerField(),
                    "results": inline_serializer(*HR_ROW_FIELDS, many=True),
                },
            ),
            (200, "text/csv"): OpenApiTypes.STR,
            (200, XLSX): OpenApiTypes.BINARY,
        },
    )
    def get(self, request):
        params = request.query_params
        try:
            period = Period.parse(params.get("period"))
        except ValueError as exc:
            return api_error(str(exc), period=[str(exc)])
        unit = None
        if params.get("unit"):
            unit = Unit.objects.filter(code=params["unit"].strip().upper()).first()
            if unit is None:
                msg = _("Unit '%(c)s' tidak dikenal.") % {"c": params["unit"]}
                return api_error(msg, status=404, unit=[msg])
        nip = normalise_nip(params.get("nip", "")) or None
        if nip:
            try:
                parse_nip(nip)
            except InvalidNIP as exc:
                # Eighteen digits are the NIP's form (the schema's pattern); one whose
                # dates are impossible names no officer: not found, like an unknown unit.
                status = 404 if re.fullmatch(NIP_PATTERN, nip) else 400
                return api_error(str(exc), status=status, nip=[str(exc)])
        output = params.get("format", "json")
        if output not in ("json", "csv", "xlsx"):
            return api_error(_("format harus json, csv atau xlsx."), format=["json|csv|xlsx"])
        try:
            scores = indicators.officer_scores(user=request.user, period=period, unit=unit, nip=nip)
        except indicators.NotAllowed:
            return api_error(_("Unit ini di luar cakupan akses HR Anda."), status=403)
        indicators.log_read(
            user=request.user,
            channel=f"api-{output}",
            period=period,
            scores=scores,
            query=request.get_full_path(),
        )
        if output in ("csv", "xlsx"):
            return scores_file(output, scores, period)
        rows = hr_rows(scores, period)
        return ApiResponse({"period": str(period), "count": len(rows), "results": rows})
