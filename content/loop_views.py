"""From the inbox "Masukan warga" to a follow-up (RTL) item: unit staff pick items
of one unit and draft a follow-up on that unit's page, linked to them. The draft
is a page revision, so it is published through the same approval as the page."""

from collections import Counter

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from feedback.loop import items as loop_items
from feedback.rules.periods import Period
from feedback.rules.skm import CODES, ELEMENTS

from .models import FollowUpAction, UnitPage


class FollowUpForm(forms.Form):
    period = forms.CharField(label=gettext_lazy("Periode survei"), max_length=7)
    element = forms.ChoiceField(
        label=gettext_lazy("Unsur"), choices=[(e.code, f"{e.code} {e.name}") for e in ELEMENTS]
    )
    action = forms.CharField(label=gettext_lazy("Tindak lanjut"), widget=forms.Textarea)
    timing = forms.CharField(label=gettext_lazy("Waktu pelaksanaan"), max_length=100)
    responsible = forms.CharField(
        label=gettext_lazy("Penanggung jawab (jabatan, bukan nama)"), max_length=200
    )

    def clean_period(self):
        try:
            return str(Period.parse(self.cleaned_data["period"]))
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


@require_POST
def follow_up_from_items(request):
    ids = [i for i in request.POST.getlist("item") if i.isdigit()]
    chosen = list(
        loop_items.visible_items(request.user).filter(pk__in=ids).select_related("response")
    )
    if not chosen:
        messages.error(request, _("Pilih masukan yang menjadi dasar tindak lanjut."))
        return redirect("feedback_inbox")
    if len({item.unit_id for item in chosen}) > 1:
        messages.error(request, _("Pilih masukan dari satu unit saja."))
        return redirect("feedback_inbox")
    page = UnitPage.objects.filter(unit_id=chosen[0].unit_id).first()
    if page is None:
        messages.error(request, _("Unit ini belum punya halaman unit untuk RTL."))
        return redirect("feedback_inbox")
    if "create" in request.POST:
        form = FollowUpForm(request.POST)
        if form.is_valid():
            _draft(page, chosen, form.cleaned_data, request.user)
            messages.success(
                request,
                _("Draf RTL dibuat di halaman %(page)s; terbit setelah disetujui.")
                % {"page": page.title},
            )
            return redirect("feedback_inbox")
    else:
        form = FollowUpForm(initial=_suggested(chosen))
    return render(
        request,
        "content/admin/follow_up_from_items.html",
        {"form": form, "chosen": chosen, "page": page},
        status=400 if form.is_bound else 200,
    )


def _suggested(chosen) -> dict:
    """The quarter of the newest item and the element most often rated low."""
    low = Counter(
        code for item in chosen for code in CODES if getattr(item.response, code.lower()) in (1, 2)
    )
    newest = max(item.served_on for item in chosen)
    return {
        "period": str(Period.quarter_of(newest)),
        "element": low.most_common(1)[0][0] if low else "U1",
    }


def _draft(page, chosen, data, user):
    draft = page.get_latest_revision_as_object()
    follow_up = FollowUpAction(status=FollowUpAction.Status.PLANNED, **data)
    follow_up.feedback_items.set(chosen)
    draft.follow_ups.add(follow_up)
    draft.save_revision(user=user)
    loop_items.noted(chosen, user=user, action=_("dijadikan RTL"), detail=data["action"])
