"""Stored comments: masking them again when the masking rules or the officers change.

Comments are masked once, before they are stored (``services``). Comments stored
under older rules, or naming an officer added since, are masked again here
(``manage.py remask_comments``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from ..models import Response
from ..registry import cache_scopes, officer_names


@dataclass
class RemaskResult:
    checked: int = 0
    changed: int = 0
    approved_changed: int = 0


def remask_stored_comments(
    *,
    dry_run: bool = False,
    batch_size: int = 1000,
    progress: Callable[[RemaskResult], None] | None = None,
) -> RemaskResult:
    """Mask every stored comment again with the current rules and officers.

    Reads in batches by primary key (no long transaction, memory bounded) and
    writes each batch in a short transaction of its own; a row is only rewritten
    if its comment is still the one read, so a moderator's concurrent edit wins.
    Public pages showing a rewritten approved comment are refreshed. With
    ``dry_run`` nothing is written and the counts say what would change.
    """
    officer_names.clear()  # the names as they are now, not a process's older copy
    result, last_pk = RemaskResult(), 0
    rows = Response.objects.exclude(comment="").order_by("pk")
    while True:
        batch = list(
            rows.filter(pk__gt=last_pk).values_list(
                "pk", "comment", "comment_status", "service_id", "service__unit_id"
            )[:batch_size]
        )
        if not batch:
            break
        last_pk = batch[-1][0]
        changes = []
        for pk, comment, status, service_id, unit_id in batch:
            masked = officer_names.mask_comment(comment)
            if masked != comment:
                changes.append((pk, comment, masked, status, service_id, unit_id))
        result.checked += len(batch)
        result.changed += len(changes)
        result.approved_changed += sum(1 for c in changes if c[3] == "approved")
        if changes and not dry_run:
            with transaction.atomic():
                for pk, comment, masked, status, service_id, unit_id in changes:
                    Response.objects.filter(pk=pk, comment=comment).update(comment=masked)
                    if status == "approved":
                        cache_scopes.figures_changed(service_id=service_id, unit_id=unit_id)
        if progress:
            progress(result)
    return result
