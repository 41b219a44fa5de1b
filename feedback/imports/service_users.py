"""Service-user counts from a table a queue system exports (``import_service_users``):
one row per service and period, columns ``service``, ``period``, ``service_users``.

Read strictly (imports.tabular) and checked row by row with the same check as the
admin form and the API (results.service_users.check_count). Every bad row is
named, with its column and reason; one bad row stores nothing. A good file replaces
the counts already stored for its services and periods (a corrected export is
imported again).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Service
from ..results import service_users
from .responses import ImportRejected, RowError
from .tabular import TableUnreadable, open_table

COLUMNS = ("service", "period", "service_users")
PROGRESS_EVERY = 1_000


@dataclass
class Outcome:
    rows: int = 0
    created: int = 0
    replaced: int = 0
    unchanged: int = 0


def _check_header(header: list[str]) -> list[RowError]:
    errors = []
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        errors.append(RowError(1, ", ".join(missing), _("kolom wajib tidak ada di baris judul.")))
    unknown = [c for c in header if c and c not in COLUMNS]
    if unknown:
        errors.append(
            RowError(
                1,
                ", ".join(unknown),
                _("kolom tidak dikenal; kolom yang dikenal: %(c)s.") % {"c": ", ".join(COLUMNS)},
            )
        )
    return errors


def validate(
    source, *, filename: str, encoding: str = "utf-8", max_errors: int = 100, progress=None
) -> list[service_users.Count]:
    """Every row checked; the counts, or ImportRejected naming each bad row.
    ``progress(rows)`` is called every PROGRESS_EVERY rows."""
    services = {s.code: s for s in Service.objects.select_related("unit")}
    errors: list[RowError] = []
    counts: list[service_users.Count] = []
    seen: dict[tuple[int, str], int] = {}
    rows = 0
    try:
        with open_table(source, filename, encoding=encoding) as table:
            errors = _check_header(table.header)
            if errors:
                raise ImportRejected(errors)
            for line, row in table:
                if not any(row.values()):
                    continue
                rows += 1
                if progress and rows % PROGRESS_EVERY == 0:
                    progress(rows)
                code = row.get("service", "").strip().upper()
                try:
                    count = service_users.check_count(
                        service=services.get(code) or row.get("service", ""),
                        period=row.get("period", ""),
                        service_users=row.get("service_users", ""),
                    )
                except service_users.CountRefused as exc:
                    for column, messages in exc.errors.items():
                        errors.extend(RowError(line, column, m) for m in messages)
                else:
                    key = (count.service.pk, count.period.code)
                    if key in seen:
                        errors.append(
                            RowError(
                                line,
                                "service, period",
                                _("%(s)s %(p)s sudah ada di baris %(n)d berkas ini.")
                                % {"s": count.service.code, "p": count.period.code, "n": seen[key]},
                            )
                        )
                    else:
                        seen[key] = line
                        counts.append(count)
                if len(errors) >= max_errors:
                    break
    except TableUnreadable as exc:
        raise ImportRejected([RowError(exc.row, exc.column, exc.message)]) from None
    if not rows and not errors:
        errors.append(RowError(2, "-", _("berkas tidak berisi baris data.")))
    if errors:
        raise ImportRejected(errors, rows)
    return counts


@transaction.atomic
def store(counts: list[service_users.Count]) -> Outcome:
    """Store checked counts, all or none."""
    outcome = Outcome(rows=len(counts))
    for count in counts:
        before = (
            count.service.populations.filter(period=count.period.code)
            .values_list("served", flat=True)
            .first()
        )
        service_users.record(count)
        if before is None:
            outcome.created += 1
        elif before == count.service_users:
            outcome.unchanged += 1
        else:
            outcome.replaced += 1
    return outcome


def import_file(source, *, filename: str, encoding: str = "utf-8", progress=None) -> Outcome:
    """Check the whole file, then store it in one transaction (ImportRejected: nothing
    stored)."""
    with transaction.atomic():
        return store(validate(source, filename=filename, encoding=encoding, progress=progress))
