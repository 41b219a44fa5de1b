"""The PEKPPP mandiri screens in the Wagtail admin: the units, one unit's
self-evaluation for a year (what the portal proves, what the evaluator enters) and
its evidence pack. Editors and approvers read it; approvers (and admins) fill in
the evaluator's fields."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Site

from feedback.access.permissions import require_perm

from . import evidence_pack, pekppp
from .models import PekpppAssessment, UnitPage

VIEW_PERM = "content.view_pekpppassessment"
EDIT_PERM = "content.change_pekpppassessment"


def chosen_year(raw) -> int:
    """A year on the list of the screen's years; anything else is a 404."""
    try:
        year = int(raw)
    except (TypeError, ValueError):
        raise Http404(_("Tahun tidak dikenal.")) from None
    if year not in pekppp.years():
        raise Http404(_("Tahun tidak dikenal."))
    return year


def unit_page_of(unit_id) -> UnitPage:
    """The live unit page of a registry unit; a forged or unpublished id is a 404."""
    return get_object_or_404(UnitPage.objects.live().select_related("unit"), unit_id=unit_id)


@require_GET
def index(request):
    require_perm(request, VIEW_PERM)
    years = pekppp.years()
    year = chosen_year(request.GET.get("tahun") or years[0])
    units = UnitPage.objects.live().select_related("unit").order_by("path")
    return render(
        request,
        "content/admin/pekppp_index.html",
        {"units": units, "year": year, "years": years},
    )


def base_url(request) -> str:
    site = Site.find_for_request(request)
    return (site.root_url if site else request.build_absolute_uri("/")).rstrip("/")


@require_http_methods(["GET", "POST"])
def unit(request, unit_id, year):
    require_perm(request, VIEW_PERM)
    unit_page = unit_page_of(unit_id)
    year = chosen_year(year)
    can_edit = request.user.has_perm(EDIT_PERM)
    errors = {}
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        entries, errors = read_entries(request.POST)
        if not errors:
            save_entries(unit_page, year, entries, request.user)
            messages.success(request, _("Isian evaluator tersimpan."))
            return redirect("content_pekppp_unit", unit_id=unit_page.unit_id, year=year)
        messages.error(request, _("Isian belum tersimpan: perbaiki nilai yang ditandai."))
    evaluation = pekppp.evaluate(unit_page, year)
    rows = [
        {
            "row": row,
            "error": errors.get(row.indicator.code),
            "score": request.POST.get(f"score_{row.indicator.code}")
            if errors
            else (row.assessment.score if row.assessment else None),
            "note": request.POST.get(f"note_{row.indicator.code}")
            if errors
            else (row.assessment.note if row.assessment else ""),
        }
        for row in evaluation.rows
    ]
    aspects = [
        {
            "name": name,
            "weight": weight,
            "score": evaluation.aspect_score(code),
            "rows": [r for r in rows if r["row"].indicator.aspect == code],
        }
        for code, (name, weight) in pekppp.ASPECTS.items()
    ]
    return render(
        request,
        "content/admin/pekppp_unit.html",
        {
            "unit_page": unit_page,
            "year": year,
            "years": pekppp.years(),
            "aspects": aspects,
            "can_edit": can_edit,
            "portal": pekppp.portal_publications(unit_page, year),
        },
        status=400 if errors else 200,
    )


def read_entries(data) -> tuple[dict, dict]:
    """The evaluator's scores and notes from the form, or the reason per indicator."""
    entries, errors = {}, {}
    for code in pekppp.CODES:
        raw = (data.get(f"score_{code}") or "").strip()
        note = (data.get(f"note_{code}") or "").strip()
        score = None
        if raw:
            try:
                score = int(raw)
            except ValueError:
                errors[code] = _("Nilai harus bilangan bulat 0 sampai 100.")
                continue
            if not 0 <= score <= 100:
                errors[code] = _("Nilai harus di antara 0 dan 100.")
                continue
        entries[code] = (score, note)
    return entries, errors


@transaction.atomic
def save_entries(unit_page, year, entries, user):
    current = {
        a.indicator: a
        for a in PekpppAssessment.objects.select_for_update().filter(unit=unit_page.unit, year=year)
    }
    for code, (score, note) in entries.items():
        existing = current.get(code)
        if existing is None:
            if score is None and not note:
                continue
            PekpppAssessment.objects.create(
                unit=unit_page.unit,
                year=year,
                indicator=code,
                score=score,
                note=note,
                updated_by=user,
            )
        elif (existing.score, existing.note) != (score, note):
            existing.score, existing.note, existing.updated_by = score, note, user
            existing.save()


@require_GET
def pack(request, unit_id, year):
    require_perm(request, VIEW_PERM)
    unit_page = unit_page_of(unit_id)
    evaluation = pekppp.evaluate(unit_page, chosen_year(year))
    handle = evidence_pack.build(evaluation, base_url=base_url(request))
    return FileResponse(
        handle,
        as_attachment=True,
        filename=evidence_pack.file_name(evaluation),
        content_type="application/zip",
    )
