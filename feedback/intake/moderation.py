"""Stored comments: masking them again when the masking rules or the officers change.

Comments and the reasons given for low scores are masked once, before they are
stored (``storing``). Those stored under older rules, or naming an officer added
since, are masked again here (``manage.py remask_comments``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from ..models import Response
from ..registry import cache_scopes, officer_names


@dataclass
class RemaskResult:
    checked: int = 0
    changed: int = 0
    approved_changed: int = 0
    # Responses with reasons for low scores (never public, so no page to refresh).
    reasons_checked: int = 0
    reasons_changed: int = 0


def remask_stored_comments(
    *,
    dry_run: bool = False,
    batch_size: int = 1000,
    progress: Callable[[RemaskResult], None] | None = None,
) -> RemaskResult:
    """Mask every stored comment, and every reason for a low score, again with the
    current rules and officers.

    Reads in batches by primary key (no long transaction, memory bounded) and
    writes each batch in a short transaction of its own; a row is only rewritten
    if its comment is still the one read, so a moderator's concurrent edit wins.
    Public pages showing a rewritten approved comment are refreshed. With
    ``dry_run`` nothing is written and the counts say what would change.
    """
    officer_names.clear()  # the names as they are now, not a process's older copy
    result, last_pk = RemaskResult(), 0
    rows = Response.objects.filter(~Q(comment="") | ~Q(reasons={})).order_by("pk")
    while True:
        batch = list(
            rows.filter(pk__gt=last_pk).values_list(
                "pk", "comment", "reasons", "comment_status", "service_id", "service__unit_id"
            )[:batch_size]
        )
        if not batch:
            break
        last_pk = batch[-1][0]
        changes, reason_changes = [], []
        for pk, comment, reasons, status, service_id, unit_id in batch:
            if comment:
                result.checked += 1
                masked = officer_names.mask_comment(comment)
                if masked != comment:
                    changes.append((pk, comment, masked, status, service_id, unit_id))
            if reasons:
                result.reasons_checked += 1
                masked_reasons = {
                    code: officer_names.mask_comment(text) for code, text in reasons.items()
                }
                if masked_reasons != reasons:
                    reason_changes.append((pk, reasons, masked_reasons))
        result.changed += len(changes)
        result.approved_changed += sum(1 for c in changes if c[3] == "approved")
        result.reasons_changed += len(reason_changes)
        if (changes or reason_changes) and not dry_run:
            with transaction.atomic():
                for pk, comment, masked, status, service_id, unit_id in changes:
                    Response.objects.filter(pk=pk, comment=comment).update(comment=masked)
                    if status == "approved":
                        cache_scopes.figures_changed(service_id=service_id, unit_id=unit_id)
                for pk, reasons, masked_reasons in reason_changes:
                    Response.objects.filter(pk=pk, reasons=reasons).update(reasons=masked_reasons)
        if progress:
            progress(result)
    return result
