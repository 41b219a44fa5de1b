"""The ceiling of bench/ingest_bench.py: a bare Django JSON view that stores the
same response row as ``POST /api/v1/feedback/``, and nothing else (no validation
beyond the JSON, no rate limit, no duplicate check, no rollups)."""

import json

from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from feedback.models import Channel, Response, Service, ServicePoint

# Registry ids by code, read once per process: the ceiling does no lookups.
_service_ids: dict[str, int] = {}
_point_ids: dict[str, int] = {}


@csrf_exempt
def bare_feedback(request):
    data = json.loads(request.body)
    if not _service_ids:
        _service_ids.update(Service.objects.values_list("code", "pk"))
        _point_ids.update(ServicePoint.objects.values_list("code", "pk"))
    respondent = data.get("respondent") or {}
    now = timezone.now()
    response = Response.objects.create(
        service_id=_service_ids[data["service"]],
        service_point_id=_point_ids.get(data.get("service_point")),
        comment=data.get("comment", ""),
        channel=Channel.API,
        served_on=timezone.localdate(now),
        submitted_at=now,
        age=respondent.get("age"),
        sex=respondent.get("sex", ""),
        education=respondent.get("education", ""),
        occupation=respondent.get("occupation", ""),
        **{code.lower(): value for code, value in data["answers"].items()},
    )
    return JsonResponse({"id": str(response.public_id), "verified": False}, status=201)
