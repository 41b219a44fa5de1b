"""Citizen-facing pages of the survey: the web/QR form, posters, and the kiosk."""

import datetime
import json

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core import edge
from core.errors import json_error
from core.methods import allow

from ..models import Channel, Kiosk, Receipt, Service, ServicePoint
from ..registry import offers
from ..rules.skm import ELEMENTS
from . import parsing, storing, submission
from .api import json_answer
from .forms import SurveyForm, new_idempotency_key

KIOSK_COOKIE = "kiosk_key"

# parsing.parse_submission names fields as the API does; the form names them so.
FORM_FIELD = (
    {e.code: e.field for e in ELEMENTS}
    | {f"reason_{e.code}": f"reason_{e.field}" for e in ELEMENTS}
    | {
        "age": "age",
        "sex": "sex",
        "education": "education",
        "occupation": "occupation",
        "comment": "comment",
        "receipt": "receipt",
        "served_on": "served_on",
    }
)


def rate_limited(request, wait: int, *, template="feedback/rate_limited.html"):
    response = render(request, template, {"wait": wait, "minutes": max(1, wait // 60)}, status=429)
    response["Retry-After"] = str(wait)
    return response


def _reasons(result: submission.Result):
    """A refused submission's reasons: (form field or None, message) pairs."""
    refused = result.refused
    if isinstance(refused, parsing.SubmissionInvalid):
        for name, message in refused.flat():
            yield FORM_FIELD.get(name), message
    elif isinstance(refused, (storing.ReceiptUsed, storing.ReceiptExpired)):
        yield "receipt", str(refused)
    elif isinstance(refused, storing.IdempotencyConflict):
        yield (
            None,
            _(
                "Formulir ini sudah dikirim sebelumnya dengan jawaban lain; penilaian yang "
                "pertama yang tersimpan. Untuk menilai lagi, buka formulir baru."
            ),
        )


def _form_answer(form, result: submission.Result) -> None:
    """Put a refused submission's reasons on the form, each beside its field; a field
    that already has an error (or that the form could not read) is not reported twice."""
    for field, message in _reasons(result):
        if field not in form.fields:
            form.add_error(None, message)
        elif field in form.cleaned_data and field not in form.errors:
            form.add_error(field, message)


def _service_point_for(service, code):
    """The loket named in a QR link, if it really serves this service."""
    if not code:
        return None
    point = ServicePoint.objects.filter(code=code.strip().upper(), is_active=True).first()
    if point and offers.point_serves(point, service):
        return point
    return None


@allow("GET", "POST")
def rate(request, code):
    """The survey form for one service; ?loket=CODE from a QR poster, ?r=CODE a receipt."""
    service = get_object_or_404(
        Service.objects.select_related("unit"), code=code.upper(), is_active=True
    )
    status = 200
    if request.method == "POST":
        form = SurveyForm(request.POST)
        point = _service_point_for(service, request.POST.get("service_point"))
        valid = form.is_valid()
        data = form.submission_data(service.code)
        data["service_point"] = point.code if point else None
        result = submission.submit(
            request,
            data,
            channel=Channel.QR if point else Channel.WEB,
            idempotency_key=form.cleaned_data.get("idempotency_key"),
            refused=None if valid else submission.ChannelRefused(),
        )
        if result.wait:
            return _rate_form_limited(request, service, form, point, result.wait)
        if result.outcome is not None:
            return redirect(f"{reverse('feedback:thanks')}?layanan={service.code}")
        _form_answer(form, result)
        status = 400
    else:
        point = _service_point_for(service, request.GET.get("loket"))
        form = SurveyForm(
            initial={
                "service_point": point.code if point else "",
                "receipt": request.GET.get("r", "")[:16],
            }
        )
    return _rate_form(request, service, form, point, status=status)


def _rate_form(request, service, form, point, *, status=200, extra=None):
    page = getattr(service, "page", None)
    return render(
        request,
        "feedback/rate.html",
        {
            "service": service,
            "service_point": point,
            "form": form,
            "show_errors": bool(form.is_bound and form.errors),
            "service_page": page if page is not None and page.live else None,
            **(extra or {}),
        },
        status=status,
    )


def _rate_form_limited(request, service, form, point, wait: int):
    """Rate limited: the form again with everything the citizen entered (offices where
    many citizens share one Wi-Fi reach the limit), when to send it, and a receipt as
    the way round a shared address (a receipt is limited on its own)."""

    receipt_given = bool(request.POST.get("receipt", "").strip())
    response = _rate_form(
        request,
        service,
        form,
        point,
        status=429,
        extra={
            "wait_minutes": max(1, -(-wait // 60)),
            "retry_at": timezone.localtime() + datetime.timedelta(seconds=wait),
            "receipt_hint": not receipt_given and Receipt.objects.filter(service=service).exists(),
        },
    )
    response["Retry-After"] = str(wait)
    return response


def thanks(request):
    service = Service.objects.filter(code=request.GET.get("layanan", "").upper()).first()
    page = getattr(service, "page", None) if service else None
    return render(
        request,
        "feedback/thanks.html",
        {"service": service, "service_page": page if page is not None and page.live else None},
    )


def _qr_svg(url: str, title: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=6, title=title)


def poster(request, code):
    """A printable A4 poster per loket: one QR code per service offered there."""
    point = get_object_or_404(
        ServicePoint.objects.select_related("unit"), code=code.upper(), is_active=True
    )
    offered = offers.services_at(point)
    items = []
    for service in offered:
        url = request.build_absolute_uri(
            f"{reverse('feedback:rate', args=[service.code])}?loket={point.code}"
        )
        items.append({"service": service, "url": url, "qr": _qr_svg(url, service.name)})
    return render(request, "feedback/poster.html", {"point": point, "items": items})


# --- Kiosk -----------------------------------------------------------------


def _kiosk(request):
    kiosk = Kiosk.for_key(request.COOKIES.get(KIOSK_COOKIE))
    if kiosk is not None:
        storing.kiosk_seen(kiosk)
    return kiosk


def _kiosk_render(request, template, context=None, status=200):
    """Every kiosk screen: what the kiosk's script needs to know rides along."""
    context = {
        "sync_seconds": settings.KIOSK_SYNC_SECONDS,
        # Only a screen fetched with GET may be kept for offline use.
        "cacheable": request.method == "GET" and status == 200,
        **(context or {}),
    }
    return render(request, template, context, status=status)


def kiosk_home(request):
    kiosk = _kiosk(request)
    if kiosk is None:
        return _kiosk_render(request, "feedback/kiosk/not_activated.html", status=403)
    offered = list(offers.services_at(kiosk.service_point))
    if len(offered) == 1:
        return redirect("feedback:kiosk_rate", code=offered[0].code)
    return _kiosk_render(request, "feedback/kiosk/home.html", {"kiosk": kiosk, "services": offered})


@allow("GET", "POST")
def kiosk_rate(request, code):
    """One question per screen. Answers so far travel in hidden fields, so the kiosk
    needs no session and no JavaScript; a reload starts over. The idempotency key
    is made on the first screen and travels with the answers, so a double tap on
    "Kirim" stores one response.

    With JavaScript (static/js/kiosk.js) the first screen carries every question
    (``questions``) and the steps run on the device, so the kiosk works offline."""
    kiosk = _kiosk(request)
    if kiosk is None:
        return _kiosk_render(request, "feedback/kiosk/not_activated.html", status=403)
    service = get_object_or_404(Service, code=code.upper(), is_active=True)
    if not offers.point_serves(kiosk.service_point, service):
        raise Http404(_("Layanan ini tidak dilayani di loket kiosk ini."))

    answers, error = {}, None
    for element in ELEMENTS:
        value = request.POST.get(element.field, "")
        if value in ("1", "2", "3", "4"):
            answers[element.code] = int(value)
    step = len(answers) if request.method == "POST" else 0
    if request.method == "POST" and "back" in request.POST and answers:
        # Going back forgets the last answer so it can be given again.
        answers.pop(ELEMENTS[len(answers) - 1].code)
        step = len(answers)
    elif request.method == "POST" and "step" in request.POST and not _answered_step(request):
        error = _("Pilih salah satu jawaban.")

    if request.method == "POST" and step == len(ELEMENTS) and "finish" in request.POST:
        data = {
            "service": service.code,
            "answers": answers,
            "comment": request.POST.get("comment", ""),
            "reasons": _kiosk_reasons(request, answers),
            "service_point": kiosk.service_point.code,
        }
        result = submission.submit(
            request,
            data,
            channel=Channel.KIOSK,
            kiosk=kiosk,
            idempotency_key=request.POST.get("idempotency_key"),
        )
        if result.wait:
            return rate_limited(request, result.wait, template="feedback/kiosk/rate_limited.html")
        if result.outcome is not None:
            return redirect("feedback:kiosk_thanks")
        error = " ".join(message for _field, message in _reasons(result))

    element = ELEMENTS[step] if step < len(ELEMENTS) else None
    return _kiosk_render(
        request,
        "feedback/kiosk/step.html",
        {
            "kiosk": kiosk,
            "service": service,
            "element": element,
            "choices": element.choices() if element else [],
            "answers": answers,
            "step": step + 1,
            "total": len(ELEMENTS),
            "error": error,
            "idempotency_key": request.POST.get("idempotency_key") or new_idempotency_key(),
            "questions": _questions_json() if request.method == "GET" else None,
            "low_elements": [e for e in ELEMENTS if answers.get(e.code) in parsing.REASON_SCALE],
        },
        status=400 if error else 200,
    )


def _kiosk_reasons(request, answers) -> dict:
    """The finish screen's "Apa yang kurang?" fields, for the elements rated 1 or 2
    (the screen shows no others)."""
    return {
        e.code: request.POST.get(f"reason_{e.field}", "")
        for e in ELEMENTS
        if answers.get(e.code) in parsing.REASON_SCALE and request.POST.get(f"reason_{e.field}")
    }


def _questions_json() -> str:
    """The nine questions for the kiosk's script, in the interface language."""
    return json.dumps(
        [
            {
                "code": e.code,
                "field": e.field,
                "name": e.name,
                "question": str(e.question),
                "question_en": e.question_en,
                "choices": [[v, str(label), label_en] for v, label, label_en in e.choices()],
            }
            for e in ELEMENTS
        ],
        ensure_ascii=False,
    )


def _answered_step(request) -> bool:
    try:
        step = int(request.POST.get("step", ""))
    except ValueError:
        return False
    return 0 <= step < len(ELEMENTS) and request.POST.get(ELEMENTS[step].field) in {
        "1",
        "2",
        "3",
        "4",
    }


def kiosk_thanks(request):
    return _kiosk_render(request, "feedback/kiosk/thanks.html", {"kiosk": _kiosk(request)})


@allow("POST")
def kiosk_submit(request):
    """A response the kiosk's script sends, live or from its offline queue.

    JSON in the API's shape (``service``, ``answers``, ``comment``, ``served_on``:
    the day the citizen was served, which may be days before the queue is sent)
    with an ``Idempotency-Key`` header. Authenticated by the kiosk's device cookie
    and CSRF-protected like any form; the answer is the API's (201, 400, 409, 429),
    and the kiosk's device limits apply exactly as to the screens.
    """
    kiosk = _kiosk(request)
    if kiosk is None:
        return json_error(_("Kunci kiosk tidak dikenal atau tidak aktif."), 403)
    # The edge's one decoding step, whatever Content-Type the device declared
    # (text/plain and octet-stream bodies never met the middleware's JSON check).
    try:
        data = edge.json_body(request)
    except edge.InputRefused as exc:
        return json_error(exc.message, exc.status)
    except edge.NotJson:
        data = None
    if not isinstance(data, dict):
        return json_error(_("Data harus berupa objek JSON."), 400)
    data = {k: data.get(k) for k in ("service", "answers", "reasons", "comment", "served_on")}
    data["service_point"] = kiosk.service_point.code
    result = submission.submit(
        request,
        data,
        channel=Channel.KIOSK,
        kiosk=kiosk,
        idempotency_key=request.headers.get("Idempotency-Key"),
    )
    code, body, headers = json_answer(result)
    return JsonResponse(
        body, status=code, headers=headers, json_dumps_params={"ensure_ascii": False}
    )


@never_cache
def kiosk_service_worker(request):
    """The kiosk's service worker, a static file served from /kiosk/ so that its
    scope covers the kiosk's screens (a worker's scope is its own folder)."""
    path = finders.find("js/kiosk-sw.js")
    if path is None:
        raise Http404("kiosk-sw.js")
    with open(path, "rb") as handle:
        response = HttpResponse(handle.read(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = reverse("feedback:kiosk_home")
    return response
