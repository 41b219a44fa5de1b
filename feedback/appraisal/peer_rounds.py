"""360 rounds on the BerAKHLAK values: HR opens one for a period and a unit; each
officer rates a few colleagues of the same unit, chosen by rotation (never oneself).
A round that cannot give everyone enough colleagues is refused whole."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Officer, PeerReview, PeerRound, Unit
from ..rules import berakhlak
from ..rules.periods import Period

MAX_PER_OFFICER = 10


def open_round(*, period_code: str, unit: Unit | None, per_officer, by=None) -> PeerRound:
    errors = {}
    try:
        period = Period.parse(period_code)
    except ValueError as exc:
        errors["period"] = str(exc)
        period = None
    if unit is None:
        errors["unit"] = _("Pilih unit.")
    try:
        per_officer = int(per_officer)
    except (TypeError, ValueError):
        per_officer = 0
    if not 1 <= per_officer <= MAX_PER_OFFICER:
        errors["per_officer"] = _("Jumlah rekan yang dinilai: 1 sampai %(n)s.") % {
            "n": MAX_PER_OFFICER
        }
    if errors:
        raise ValidationError(errors)
    officers = list(
        Officer.objects.filter(unit_id__in=unit.descendant_ids(), is_active=True).values_list(
            "pk", flat=True
        )
    )
    if len(officers) - 1 < per_officer:
        raise ValidationError(
            {
                "per_officer": _(
                    "%(unit)s hanya punya %(n)s petugas aktif: setiap petugas punya %(m)s "
                    "rekan yang dapat dinilai, kurang dari %(asked)s yang diminta. Kurangi "
                    "jumlahnya atau pilih unit yang lebih besar."
                )
                % {
                    "unit": unit.name,
                    "n": len(officers),
                    "m": max(len(officers) - 1, 0),
                    "asked": per_officer,
                }
            }
        )
    if PeerRound.objects.filter(period=period.code, unit=unit).exists():
        raise ValidationError({"period": _("Putaran 360 untuk unit dan periode ini sudah dibuka.")})
    with transaction.atomic():
        peer_round = PeerRound.objects.create(
            period=period.code,
            unit=unit,
            raters_per_officer=per_officer,
            opened_by=by if getattr(by, "pk", None) else None,
        )
        PeerReview.objects.bulk_create(
            PeerReview(round=peer_round, rater_id=rater, ratee_id=ratee)
            for rater, ratee in berakhlak.rotation(officers, per_officer)
        )
    return peer_round


def reviews_to_give(officer: Officer):
    return PeerReview.objects.filter(rater=officer).select_related("round", "ratee")


def review_of(officer: Officer, review_id) -> PeerReview:
    """The officer's own review to give; 404 for any other id."""
    review = reviews_to_give(officer).filter(pk=review_id).first()
    if review is None:
        raise Http404("not this officer's review")
    return review


def submit(review: PeerReview, data, remark: str) -> PeerReview:
    """Store the seven answers; every value must be answered on the scale."""
    allowed = {str(v): v for v, _label in berakhlak.SCALE}
    values, errors = {}, {}
    for code, name in berakhlak.VALUES:
        raw = (data.get(code) or "").strip()
        if raw not in allowed:
            errors[code] = _("Pilih penilaian untuk %(value)s.") % {"value": name}
        else:
            values[code] = allowed[raw]
    remark = (remark or "").strip()
    if len(remark) > 1000:
        errors["remark"] = _("Catatan paling panjang 1000 karakter.")
    if review.submitted_at is not None:
        errors["form"] = _("Penilaian ini sudah dikirim dan tidak dapat diubah.")
    if errors:
        raise ValidationError(errors)
    review.values, review.remark, review.submitted_at = values, remark, timezone.now()
    review.save(update_fields=["values", "remark", "submitted_at"])
    return review
