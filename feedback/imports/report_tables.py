"""Import of a past SKM report's tables (``import_skm_tables``): per service and
period, the number of respondents and, for each element U1..U9, either the
count of answers 1..4 (columns ``U1_1`` .. ``U9_4``) or the NRR (columns ``U1`` ..
``U9``, where a report kept only those).

Same rules as ``import_skm``: every row is checked first and one bad row rejects
the file, naming row, column and reason; the same file is refused twice; a
period is refused when the service already has respondent-level data in it (or
another table overlapping it), since it would be counted twice.
"""

import hashlib
from decimal import Decimal, InvalidOperation

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..intake import parsing
from ..models import ImportBatch, ReportedPeriod, Response, Service
from ..registry import cache_scopes
from ..rules.periods import Period
from ..rules.skm import CODES, SCALE
from .responses import ImportRejected, RowError
from .tabular import TableUnreadable, open_table

REQUIRED = ("service", "period", "respondents")
COUNT_COLUMNS = tuple(f"{code}_{value}" for code in CODES for value in SCALE)
NRR_COLUMNS = CODES
NRR_DECIMALS = 4
# The respondents column's range (a PositiveIntegerField: PostgreSQL's integer). A
# larger count is refused with the row's other problems, never left to the database.
RESPONDENTS_MAX = 2**31 - 1


def _int(value: str):
    """A whole number as typed (ASCII digits only: '²' is a digit to Python, not to int)."""
    return int(value) if value.isascii() and value.isdigit() else None


def _nrr(value: str):
    """A decimal NRR as typed, '3,25' (Indonesian) or '3.25'; None when not a number."""
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _check_header(header: list[str]) -> list[RowError]:
    errors = []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        errors.append(RowError(1, ", ".join(missing), _("kolom wajib tidak ada di baris judul.")))
    has_counts = all(c in header for c in COUNT_COLUMNS)
    has_nrr = all(c in header for c in NRR_COLUMNS)
    if not (has_counts or has_nrr):
        errors.append(
            RowError(
                1,
                "U1_1..U9_4 / U1..U9",
                _(
                    "perlu jumlah jawaban 1-4 per unsur (kolom U1_1 sampai U9_4) atau NRR "
                    "per unsur (kolom U1 sampai U9)."
                ),
            )
        )
    known = set(REQUIRED) | set(COUNT_COLUMNS) | set(NRR_COLUMNS)
    unknown = [c for c in header if c and c not in known]
    if unknown:
        errors.append(
            RowError(
                1,
                ", ".join(unknown),
                _(
                    "kolom tidak dikenal; kolom yang dikenal: service, period, respondents, "
                    "U1_1 .. U9_4 atau U1 .. U9."
                ),
            )
        )
    return errors


def _row(row: dict, line: int, earliest, today, errors: list[RowError]):
    """One table row as ReportedPeriod field values, or None with errors added."""
    before = len(errors)

    def error(column, message):
        errors.append(RowError(line, column, message))

    code = row.get("service", "").upper()
    service = Service.objects.filter(code=code, is_active=True).first() if code else None
    if service is None:
        error("service", _("layanan '%(c)s' tidak dikenal.") % {"c": row.get("service", "")})

    period = None
    try:
        period = Period.parse(row.get("period", ""))
    except ValueError as exc:
        error("period", str(exc))
    if period is not None:
        if not period.is_over(today):
            error("period", _("periode %(p)s belum selesai.") % {"p": period})
        elif period.start < earliest:
            error(
                "period",
                _("periode %(p)s dimulai sebelum %(d)s, tanggal paling awal yang diterima.")
                % {"p": period, "d": earliest.isoformat()},
            )

    respondents = _int(row.get("respondents", ""))
    if not respondents:
        error("respondents", _("jumlah responden harus bilangan bulat 1 atau lebih."))
    elif respondents > RESPONDENTS_MAX:
        error(
            "respondents",
            _("jumlah responden %(n)d melebihi batas %(max)d.")
            % {"n": respondents, "max": RESPONDENTS_MAX},
        )
        respondents = None

    counts, sums = None, {}
    if any(row.get(c, "") for c in COUNT_COLUMNS):
        counts = {}
        for element in CODES:
            values = []
            for value in SCALE:
                column = f"{element}_{value}"
                number = _int(row.get(column, ""))
                if number is None:
                    error(column, _("harus bilangan bulat 0 atau lebih."))
                values.append(number or 0)
            counts[element] = values
            total = sum(values)
            if respondents and total != respondents and len(errors) == before:
                error(
                    f"{element}_1..{element}_4",
                    _("jumlah jawaban %(u)s (%(n)d) tidak sama dengan jumlah responden (%(r)d).")
                    % {"u": element, "n": total, "r": respondents},
                )
            sums[element] = Decimal(sum(v * n for v, n in zip(SCALE, values, strict=True)))
    else:
        for element in CODES:
            value = _nrr(row.get(element, ""))
            if value is None:
                error(element, _("NRR wajib diisi, angka 1 sampai 4 (contoh 3,25)."))
            elif not Decimal(1) <= value <= Decimal(4):
                error(element, _("NRR %(v)s di luar 1 sampai 4.") % {"v": row[element]})
            elif -value.as_tuple().exponent > NRR_DECIMALS:
                error(
                    element,
                    _("NRR paling banyak %(d)d angka desimal.") % {"d": NRR_DECIMALS},
                )
            elif respondents:
                sums[element] = value * respondents
    if len(errors) > before:
        return None
    return {
        "service": service,
        "period": period.code,
        "start": period.start,
        "end": period.end,
        "respondents": respondents,
        "counts": counts,
        **{element.lower(): sums[element] for element in CODES},
    }


def _conflicts(entry: dict, line: int, accepted: list[tuple[int, dict]]) -> list[RowError]:
    """A period already counted, by respondents, by an earlier table, or in this file."""
    service, start, end = entry["service"], entry["start"], entry["end"]
    errors = []
    if Response.objects.filter(service=service, served_on__range=(start, end)).exists():
        errors.append(
            RowError(
                line,
                "period",
                _(
                    "%(s)s sudah punya data per responden pada periode %(p)s; tabel ini akan "
                    "menghitungnya dua kali."
                )
                % {"s": service.code, "p": entry["period"]},
            )
        )
    earlier = ReportedPeriod.objects.filter(service=service, start__lte=end, end__gte=start).first()
    if earlier is not None:
        errors.append(
            RowError(
                line,
                "period",
                _("%(s)s periode %(p)s sudah diimpor dari laporan (periode %(q)s).")
                % {"s": service.code, "p": entry["period"], "q": earlier.period},
            )
        )
    for other_line, other in accepted:
        if other["service"] == service and other["start"] <= end and start <= other["end"]:
            errors.append(
                RowError(
                    line,
                    "period",
                    _("periode %(p)s tumpang tindih dengan baris %(n)d untuk layanan yang sama.")
                    % {"p": entry["period"], "n": other_line},
                )
            )
    return errors


def _read(raw: bytes, filename: str, encoding: str) -> tuple[list[str], list[dict]]:
    """The header and rows (a report's tables are short: held in memory, but read
    with the same rules and caps as any import)."""
    try:
        with open_table(raw, filename, encoding=encoding) as table:
            return table.header, [row for _line, row in table]
    except TableUnreadable as exc:
        raise ImportRejected([RowError(exc.row, exc.column, exc.message)]) from None


def validate(
    raw: bytes, *, filename: str, encoding: str = "utf-8", max_errors: int = 100
) -> list[tuple[int, dict]]:
    """Read and check the whole file; returns (line, values) pairs or raises ImportRejected."""
    header, rows = _read(raw, filename, encoding)
    if not rows:
        errors = [RowError(2, "-", _("berkas tidak berisi baris data."))]
        raise ImportRejected(errors)
    errors = _check_header(header)
    if errors:
        raise ImportRejected(errors)
    earliest, today = parsing.history_earliest(), timezone.localdate()
    accepted: list[tuple[int, dict]] = []
    for index, row in enumerate(rows):
        line = index + 2
        if not any(row.values()):
            continue
        entry = _row(row, line, earliest, today, errors)
        if entry is not None:
            problems = _conflicts(entry, line, accepted)
            errors.extend(problems)
            if not problems:
                accepted.append((line, entry))
        if len(errors) >= max_errors:
            break
    if not accepted and not errors:
        errors.append(RowError(2, "-", _("berkas tidak berisi baris data.")))
    if errors:
        raise ImportRejected(errors, len(rows))
    return accepted


def store(entries: list[dict], *, filename: str, digest: str) -> ImportBatch:
    """Store validated tables in one transaction (also used by the demo data)."""
    with transaction.atomic():
        batch = ImportBatch.objects.create(filename=filename, sha256=digest, rows=len(entries))
        ReportedPeriod.objects.bulk_create(
            ReportedPeriod(import_batch=batch, **entry) for entry in entries
        )
        # Cached pages and open data of these services show the new periods at once.
        for service in {entry["service"] for entry in entries}:
            cache_scopes.figures_changed(service_id=service.pk, unit_id=service.unit_id)
    return batch


def import_file(raw: bytes, *, filename: str, encoding: str = "utf-8") -> ImportBatch:
    """Validate then store every row, all or nothing; returns the ImportBatch."""
    digest = hashlib.sha256(raw).hexdigest()
    previous = ImportBatch.objects.filter(sha256=digest).first()
    if previous is not None:
        when = timezone.localtime(previous.imported_at).strftime("%Y-%m-%d %H:%M")
        raise ImportRejected(
            [
                RowError(
                    0,
                    "-",
                    _("berkas yang sama sudah diimpor pada %(when)s (%(rows)d baris).")
                    % {"when": when, "rows": previous.rows},
                )
            ]
        )
    entries = validate(raw, filename=filename, encoding=encoding)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Until this commits, as import_skm's end takes it: of two imports of
            # overlapping data, the second one's checks see the first one's rows.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"LOCK TABLE {connection.ops.quote_name(ReportedPeriod._meta.db_table)} "
                    "IN SHARE ROW EXCLUSIVE MODE"
                )
        # Checked again inside the transaction: another import may have stored
        # one of these periods since validation.
        for line, entry in entries:
            problems = _conflicts(entry, line, [])
            if problems:
                raise ImportRejected(problems)
        return store([entry for _line, entry in entries], filename=filename, digest=digest)
