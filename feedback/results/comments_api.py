"""Approved citizen comments with the unit's public reply, as open data
(``GET /api/v1/comments/``). Comments about an officer are personnel data and never
listed; contacts are never stored with a response, so never here either."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.views import APIView

from core.errors import api_error
from core.public_cache import cache_public

from ..models import ReplyStatus, Response, Service, Unit
from ..registry import cache_scopes
from ..rules import loop as rules
from ..rules import periods


class CommentSerializer(serializers.Serializer):
    id = serializers.UUIDField(help_text="The response's public id.")
    service = serializers.CharField(help_text="Service code.")
    period = serializers.CharField(help_text="Month of service, YYYY-MM.")
    comment = serializers.CharField(help_text="The comment, masked.")
    status = serializers.ChoiceField(
        choices=sorted(set(rules.PUBLIC_STATUS.values())),
        help_text="Where the unit is with it: diterima (received), ditinjau (under "
        "review), dijawab (answered), diteruskan (forwarded to SP4N-LAPOR!), selesai "
        "(resolved).",
    )
    reply = inline_serializer(
        "CommentReply",
        {"text": serializers.CharField(), "published_at": serializers.DateTimeField()},
        allow_null=True,
        help_text="The unit's published reply, or null.",
    )


CommentPageSerializer = inline_serializer(
    "PaginatedCommentList",
    {
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": CommentSerializer(many=True),
    },
)


class CommentPagination(PageNumberPagination):
    page_size = 50


class CommentsView(APIView):
    """Approved citizen comments, newest first, with the unit's published reply: of a
    service (``service=CODE``), a unit with its sub-units (``unit=CODE``) or the
    whole Pemda, optionally for a period (``period``)."""

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
                description="YYYY, YYYY-S1, YYYY-Q3 or YYYY-MM (of the day of service); "
                "default every period",
            ),
            OpenApiParameter("page", int, description="Page number (50 per page)"),
        ],
        responses={200: CommentPageSerializer},
    )
    def get(self, request):
        rows = Response.objects.filter(comment_status="approved", officer__isnull=True).exclude(
            comment=""
        )
        target = None
        service_code = request.query_params.get("service")
        unit_code = request.query_params.get("unit")
        if service_code:
            target = Service.objects.filter(code=service_code.strip().upper()).first()
            if target is None:
                msg = _("Layanan '%(c)s' tidak dikenal.") % {"c": service_code}
                return api_error(msg, status=404, service=[msg])
            rows = rows.filter(service=target)
        if unit_code:
            unit = Unit.objects.filter(code=unit_code.strip().upper()).first()
            if unit is None:
                msg = _("Unit '%(c)s' tidak dikenal.") % {"c": unit_code}
                return api_error(msg, status=404, unit=[msg])
            rows = rows.filter(service__unit_id__in=unit.descendant_ids())
            target = target or unit
        raw = request.query_params.get("period")
        if raw:
            try:
                period = periods.Period.parse(raw)
            except ValueError as exc:
                return api_error(str(exc), period=[str(exc)])
            rows = rows.filter(served_on__gte=period.start, served_on__lte=period.end)
        cache_public(request, cache_scopes.REGISTRY, cache_scopes.scope_of(target))
        rows = rows.order_by("-submitted_at", "-pk").values(
            "public_id",
            "service__code",
            "served_on",
            "comment",
            "loop_item__status",
            "loop_item__reply__text",
            "loop_item__reply__status",
            "loop_item__reply__published_at",
        )
        paginator = CommentPagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response([_as_json(row) for row in page])


def _as_json(row) -> dict:
    published = row["loop_item__reply__status"] == ReplyStatus.PUBLISHED
    return {
        "id": str(row["public_id"]),
        "service": row["service__code"],
        "period": row["served_on"].strftime("%Y-%m"),
        "comment": row["comment"],
        "status": rules.PUBLIC_STATUS.get(row["loop_item__status"] or rules.NEW),
        "reply": {
            "text": row["loop_item__reply__text"],
            "published_at": row["loop_item__reply__published_at"].isoformat(),
        }
        if published
        else None,
    }
