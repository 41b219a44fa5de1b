"""Import of paper or spreadsheet survey forms (CONTRACT.md ``import_skm``), from
CSV or .xlsx (read by feedback/tabular.py).

All rows or none: every row is validated first with the same rules as the web
form and the API; one bad row rejects the file, naming row, column and reason.
"""

import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .models import Channel, Education, ImportBatch, Occupation
from .skm import CODES
from .tabular import TableUnreadable, read_header_and_table

REQUIRED = ("service", "date", *CODES)
OPTIONAL = ("age", "sex", "education", "occupation", "service_point", "officer_nip", "comment")
# parse_submission's field names -> the file's column names
COLUMN_OF = {"served_on": "date", "non_field_errors": "-"}


@dataclass
class RowError:
    row: int  # line number in the file, the header being row 1
    column: str
    message: str

    def __str__(self):
        if self.row == 0:
            return self.message
        return _("baris %(row)d, kolom %(col)s: %(msg)s") % {
            "row": self.row,
            "col": self.column,
            "msg": self.message,
        }


class ImportRejected(Exception):
    def __init__(self, errors: list[RowError], total_rows: int = 0):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors
        self.total_rows = total_rows


def _choice_lookup(choices):
    """Accept the stored code or the printed label, in any case: 'sma' or 'SMA/SMK'."""
    table = {}
    for value, label in choices.choices:
        table[str(value).lower()] = value
        table[str(label).lower()] = value
    return table


EDUCATION = _choice_lookup(Education)
OCCUPATION = _choice_lookup(Occupation)


def _row_data(row: dict, line: int, errors: list[RowError]) -> dict:
    def clean(name):
        return (row.get(name) or "").strip()

    answers = {}
    for code in CODES:
        value = clean(code)
        if value in {"1", "2", "3", "4"}:
            answers[code] = int(value)
        elif value == "":
            errors.append(RowError(line, code, _("wajib diisi (1 sampai 4).")))
        else:
            errors.append(RowError(line, code, _("'%(v)s' bukan nilai 1 sampai 4.") % {"v": value}))
    respondent = {}
    age = clean("age")
    if age:
        if age.isdigit():
            respondent["age"] = int(age)
        else:
            errors.append(RowError(line, "age", _("'%(v)s' bukan bilangan bulat.") % {"v": age}))
    sex = clean("sex").upper()
    if sex:
        respondent["sex"] = sex
    for name, table in (("education", EDUCATION), ("occupation", OCCUPATION)):
        value = clean(name)
        if value:
            respondent[name] = table.get(value.lower(), value)
    return {
        "service": clean("service"),
        "served_on": clean("date") or None,
        "answers": answers,
        "respondent": respondent,
        "service_point": clean("service_point") or None,
        "officer_nip": clean("officer_nip") or None,
        "comment": clean("comment"),
    }


def validate(raw: bytes, *, filename: str = "", max_errors: int = 100):
    """Read (CSV or .xlsx, feedback/tabular.py) and validate the file; returns the
    submissions or raises ImportRejected. An unreadable file is rejected like a bad
    row: with a message, naming the row and column when one cell is at fault."""
    try:
        header, table = read_header_and_table(raw, filename)
    except TableUnreadable as exc:
        raise ImportRejected([RowError(exc.row, exc.column, exc.message)]) from None
    errors = []
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c and c not in REQUIRED + OPTIONAL]
    if missing:
        errors.append(RowError(1, ", ".join(missing), _("kolom wajib tidak ada di baris judul.")))
    if unknown:
        errors.append(
            RowError(
                1,
                ", ".join(unknown),
                _("kolom tidak dikenal; kolom yang dikenal: %(c)s.")
                % {"c": ", ".join(REQUIRED + OPTIONAL)},
            )
        )
    if errors:
        raise ImportRejected(errors)

    submissions = []
    rows = 0
    for rows, row in enumerate(table, start=1):
        line = rows + 1
        if not any(row.values()):
            continue  # blank line at the end of a spreadsheet export
        row_errors = []
        data = _row_data(row, line, row_errors)
        try:
            # Staff imports reach back to SKM_HISTORY_EARLIEST, not the public window.
            earliest = services.history_earliest()
            submissions.append(
                (line, services.parse_submission(data, earliest=earliest, officer_by_nip=True))
            )
        except services.SubmissionInvalid as exc:
            for name, message in exc.flat():
                if name in CODES and any(e.column == name for e in row_errors):
                    continue  # already reported in the file's own terms
                row_errors.append(RowError(line, COLUMN_OF.get(name, name), message))
        errors.extend(row_errors)
        if len(errors) >= max_errors:
            break
    if not submissions and not errors:
        errors.append(RowError(2, "-", _("berkas tidak berisi baris data.")))
    if errors:
        raise ImportRejected(errors, rows)
    return submissions


def import_file(raw: bytes, *, filename: str, allow_duplicate=False, progress=None):
    """Validate then store every row in one transaction; returns the ImportBatch."""
    digest = hashlib.sha256(raw).hexdigest()
    previous = ImportBatch.objects.filter(sha256=digest).first()
    if previous and not allow_duplicate:
        raise ImportRejected(
            [
                RowError(
                    0,
                    "-",
                    _(
                        "berkas yang sama sudah diimpor pada %(when)s (%(rows)d baris); "
                        "pakai --allow-duplicate bila memang perlu diimpor lagi."
                    )
                    % {
                        "when": timezone.localtime(previous.imported_at).strftime("%Y-%m-%d %H:%M"),
                        "rows": previous.rows,
                    },
                )
            ]
        )
    submissions = validate(raw, filename=filename)
    with transaction.atomic():
        batch = ImportBatch.objects.create(filename=filename, sha256=digest, rows=len(submissions))
        for done, (_line, submission) in enumerate(submissions, start=1):
            services.response_submit(submission, channel=Channel.PAPER, import_batch=batch)
            if progress and (done % 500 == 0 or done == len(submissions)):
                progress(done, len(submissions))
    return batch
