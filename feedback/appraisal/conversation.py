"""Continuous-feedback notes and the dialog kinerja, written by the current direct
supervisor only (the caller passes a member of their current team)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import FeedbackNote, Officer, PerformanceDialog, Training
from ..rules.periods import Period

MAX_NOTE = 2000


def write_note(*, supervisor: Officer, officer: Officer, text: str) -> FeedbackNote:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Tulis catatan umpan balik terlebih dahulu.")})
    if len(text) > MAX_NOTE:
        raise ValidationError(
            {"text": _("Catatan paling panjang %(n)s karakter.") % {"n": MAX_NOTE}}
        )
    return FeedbackNote.objects.create(author=supervisor, officer=officer, text=text)


def acknowledge(*, officer: Officer, note_id) -> FeedbackNote | None:
    """Mark the officer's own note read; None for a note that is not theirs."""
    note = FeedbackNote.objects.filter(pk=note_id, officer=officer).first()
    if note is not None and note.acknowledged_at is None:
        note.acknowledged_at = timezone.now()
        note.save(update_fields=["acknowledged_at"])
    return note


def record_dialog(
    *,
    supervisor: Officer,
    officer: Officer,
    period_code: str,
    held_on,
    summary: str,
    agreed_actions: str,
    training_ids=(),
) -> PerformanceDialog:
    errors = {}
    try:
        period = Period.parse(period_code)
    except ValueError as exc:
        errors["period"] = str(exc)
        period = None
    if held_on is None:
        errors["held_on"] = _("Isi tanggal dialog (contoh: 2026-10-05).")
    if not (summary or "").strip():
        errors["summary"] = _("Tulis ringkasan dialog.")
    if not (agreed_actions or "").strip():
        errors["agreed_actions"] = _("Tulis tindak lanjut yang disepakati.")
    trainings = list(Training.objects.filter(pk__in=list(training_ids), is_active=True))
    if len(trainings) != len(set(training_ids)):
        errors["trainings"] = _("Pilih pelatihan dari katalog.")
    if period and PerformanceDialog.objects.filter(officer=officer, period=period.code).exists():
        errors["period"] = _(
            "Dialog kinerja periode ini sudah dicatat; satu dialog per petugas per periode."
        )
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            dialog = PerformanceDialog.objects.create(
                supervisor=supervisor,
                officer=officer,
                period=period.code,
                held_on=held_on,
                summary=summary.strip(),
                agreed_actions=agreed_actions.strip(),
            )
            dialog.trainings.set(trainings)
    except IntegrityError:
        raise ValidationError({"period": _("Dialog kinerja periode ini sudah dicatat.")}) from None
    return dialog
