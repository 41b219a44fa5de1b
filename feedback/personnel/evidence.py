"""The HR rows as evidence for e-Kinerja: each officer's indicator scores with the
360 aggregate and the counts of the supervisor's feedback notes and *dialog kinerja*
of the period. Read by the HR API and its CSV/XLSX files, so both carry the same."""

from django.db.models import Count

from ..models import FeedbackNote, PerformanceDialog
from ..rules.periods import Period
from . import peer


def notes_within(period: Period):
    """Feedback notes written within the period's dates (HR's officer page lists them,
    the rows count them)."""
    return FeedbackNote.objects.filter(
        created_at__date__gte=period.start, created_at__date__lte=period.end
    )


def note_counts(officer_ids, period: Period) -> dict[int, int]:
    """Feedback notes written to each officer within the period's dates."""
    result = dict.fromkeys(officer_ids, 0)
    rows = (
        notes_within(period)
        .filter(officer_id__in=list(result))
        .values("officer_id")
        .annotate(n=Count("id"))
    )
    for row in rows:
        result[row["officer_id"]] = row["n"]
    return result


def dialog_counts(officer_ids, period: Period) -> dict[int, int]:
    """Dialogues recorded for a period inside this one (a semester's dialogue counts
    for its year too)."""
    result = dict.fromkeys(officer_ids, 0)
    codes = PerformanceDialog.objects.filter(officer_id__in=list(result)).values_list(
        "officer_id", "period"
    )
    for officer_id, code in codes:
        try:
            held = Period.parse(code)
        except ValueError:
            continue
        if period.start <= held.start and held.end <= period.end:
            result[officer_id] += 1
    return result


def hr_rows(scores, period: Period) -> list[dict]:
    """The API rows of these scores: ``as_row`` with ``peer``, ``notes``, ``dialogues``."""
    officer_ids = {s.officer.pk for s in scores}
    results = peer.peer_results(officer_ids, period)
    notes = note_counts(officer_ids, period)
    dialogues = dialog_counts(officer_ids, period)
    return [
        s.as_row()
        | {
            "peer": results[s.officer.pk],
            "notes": notes[s.officer.pk],
            "dialogues": dialogues[s.officer.pk],
        }
        for s in scores
    ]
