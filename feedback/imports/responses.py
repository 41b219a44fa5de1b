"""Import of paper or spreadsheet survey forms (CONTRACT.md ``import_skm``), from
CSV or .xlsx (read by feedback/imports/tabular.py as a stream).

All rows or none: every row is validated with the same rules as the web form and
the API (``parsing.parse_submission``); one bad row rejects the file, naming
row, column and reason. The file is read once, one row at a time, so memory
stays the same whatever its length.

How the rows are stored (``import_file``), and why:

1. One transaction holds the whole import. The ImportBatch row is inserted first;
   then each valid row goes, as it is read, into the response table: with COPY on
   PostgreSQL (psycopg's ``cursor.copy``), with batched INSERTs on SQLite. Those
   inserts take no lock a live submission needs (new rows only), and nothing of
   them is visible to anyone, public figures, ``recompute_ikm`` or the admin, until
   the commit: that is how the batch is "ignored until complete". A bad row stops
   the inserts (the rest of the file is still read, to name every problem) and
   the transaction is rolled back.
2. The end, kept short: the rows' foreign keys are checked (Django makes them
   deferred to the commit, where they would run with the rollup rows locked), then
   the checks that must see what others committed meanwhile
   (the same file imported by another run; a report table imported for one of
   these periods, ``ReportedPeriod``, whose table is locked against other imports
   for this moment only, since live submissions just read it), then the batch's
   rows are added to every rollup with one set-based upsert per rollup table
   (``rollups.add_import_batch``), the batch gets its row count, and the
   transaction commits. The rollup rows of the affected service-months are locked
   only for those few statements and the commit, as a submission locks them
   (the progress line says for how long: about 0.1 s at 20,000 rows).

A failure at any point (a database error, a killed process) rolls everything back:
nothing counted, nothing visible. The same file (by SHA-256) is refused a second
time unless ``allow_duplicate``.
"""

import hashlib
import io
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..intake import parsing
from ..intake.reported import reported_message
from ..models import (
    Channel,
    CommentStatus,
    Education,
    ImportBatch,
    Occupation,
    ReportedPeriod,
    Response,
    Service,
)
from ..registry import cache_scopes
from ..registry.officer_names import mask_comment
from ..results import rollups
from ..rules.skm import CODES
from .tabular import TableUnreadable, open_table

REQUIRED = ("service", "date", *CODES)
OPTIONAL = ("age", "sex", "education", "occupation", "service_point", "officer_nip", "comment")
# parse_submission's field names -> the file's column names
COLUMN_OF = {"served_on": "date", "non_field_errors": "-"}
# Rows per progress line, and per COPY (or INSERT) statement.
PROGRESS_EVERY = 10_000
WRITE_CHUNK = 5_000


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
ANSWERS = {"1": 1, "2": 2, "3": 3, "4": 4}


def _row_data(row: dict, line: int, errors: list[RowError]) -> dict:
    def clean(name):
        return row.get(name) or ""  # tabular gives stripped strings

    answers = {}
    for code in CODES:
        value = clean(code)
        if value in ANSWERS:
            answers[code] = ANSWERS[value]
        elif value == "":
            errors.append(RowError(line, code, _("wajib diisi (1 sampai 4).")))
        else:
            errors.append(RowError(line, code, _("'%(v)s' bukan nilai 1 sampai 4.") % {"v": value}))
    respondent = {}
    age = clean("age")
    if age:
        if age.isascii() and age.isdigit():
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
        "comment": clean("comment"),
    }


class _Rows:
    """Turns a file's rows into validated submissions, asking the database once per
    distinct value rather than once per row: the officers by NIP, and the periods
    already counted from report tables (few rows, read once)."""

    def __init__(self, max_errors: int):
        self.max_errors = max_errors
        self.errors: list[RowError] = []
        self.rows = 0
        self.earliest = parsing.history_earliest()
        self.today = timezone.localdate()
        self.officers: dict[str, tuple] = {}
        self.reported = defaultdict(list)
        for service_id, start, end, period in ReportedPeriod.objects.values_list(
            "service_id", "start", "end", "period"
        ):
            self.reported[service_id].append((start, end, period))

    def _officer(self, nip: str, line: int, row_errors: list[RowError]):
        if nip not in self.officers:
            found = []
            officer = parsing._lookup_officer(
                nip, lambda name, message: found.append((name, message))
            )
            self.officers[nip] = (officer, found)
        officer, found = self.officers[nip]
        row_errors.extend(RowError(line, name, message) for name, message in found)
        return officer

    def submissions(self, table):
        """(line, Submission) for every valid row; problems go to ``errors``. Stops
        reading once ``max_errors`` problems are found."""
        for line, row in table:
            self.rows = line - 1
            if not any(row.values()):
                continue  # blank line at the end of a spreadsheet export
            row_errors = []
            data = _row_data(row, line, row_errors)
            nip = row.get("officer_nip") or ""
            officer = self._officer(nip, line, row_errors) if nip else None
            try:
                # Staff imports reach back to SKM_HISTORY_EARLIEST, not the public window.
                sub = parsing.parse_submission(
                    data, today=self.today, earliest=self.earliest, check_reported=False
                )
            except parsing.SubmissionInvalid as exc:
                sub = None
                for name, message in exc.flat():
                    if name in CODES and any(e.column == name for e in row_errors):
                        continue  # already reported in the file's own terms
                    row_errors.append(RowError(line, COLUMN_OF.get(name, name), message))
            if sub is not None:
                for start, end, period in self.reported.get(sub.service.pk, ()):
                    if start <= sub.served_on <= end:
                        row_errors.append(
                            RowError(line, "date", reported_message(sub.service, period))
                        )
            if row_errors:
                self.errors.extend(row_errors)
                if len(self.errors) >= self.max_errors:
                    return
                continue
            sub.officer = officer
            yield line, sub


def _check_header(header: list[str]) -> list[RowError]:
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
    return errors


def _as_source(source):
    """A binary file open for reading: ``source`` itself, the bytes of a file, or a
    path; and whether this function opened it (and so closes it)."""
    if isinstance(source, bytes | bytearray):
        return io.BytesIO(source), True
    if isinstance(source, str) or hasattr(source, "__fspath__"):
        return open(source, "rb"), True  # noqa: SIM115  (closed by the caller)
    return source, False


def _read(source, *, filename: str, encoding: str, max_errors: int, each_row) -> tuple[int, int]:
    """Read and validate the file, calling ``each_row(line, submission)`` for every
    valid row until a problem is found. Returns (valid rows, rows read) or raises
    ImportRejected naming every problem (up to ``max_errors``)."""
    file, opened = _as_source(source)
    reader = _Rows(max_errors)
    valid = 0
    try:
        with open_table(file, filename, encoding=encoding) as table:
            reader.errors.extend(_check_header(table.header))
            if reader.errors:
                # Rows are not checked against a wrong header, but a file that is
                # unreadable further on says so too (its encoding, say).
                for _row in table:
                    pass
            else:
                for line, sub in reader.submissions(table):
                    if not reader.errors:
                        each_row(line, sub)
                        valid += 1
    except TableUnreadable as exc:
        raise ImportRejected(
            [*reader.errors, RowError(exc.row, exc.column, exc.message)], reader.rows
        ) from None
    finally:
        if opened:
            file.close()
    if not valid and not reader.errors:
        reader.errors.append(RowError(2, "-", _("berkas tidak berisi baris data.")))
    if reader.errors:
        raise ImportRejected(reader.errors, reader.rows)
    return valid, reader.rows


def validate(
    source, *, filename: str = "", encoding: str = "utf-8", max_errors: int = 100, progress=None
) -> int:
    """Read (CSV or .xlsx, feedback/imports/tabular.py) and validate the file, storing
    nothing; returns the number of valid rows or raises ImportRejected. An
    unreadable file is rejected like a bad row: with a message, naming the row and
    column when one cell is at fault. ``source``: the file's bytes, a path or a
    binary file."""
    started = time.monotonic()

    def each_row(line, sub):
        count[0] += 1
        if progress and count[0] % PROGRESS_EVERY == 0:
            progress(count[0], time.monotonic() - started)

    count = [0]
    valid, _rows = _read(
        source, filename=filename, encoding=encoding, max_errors=max_errors, each_row=each_row
    )
    return valid


def file_digest(source) -> str:
    """SHA-256 of the file, read in blocks."""
    file, opened = _as_source(source)
    digest = hashlib.sha256()
    try:
        while block := file.read(1 << 20):
            digest.update(block)
        file.seek(0)
    finally:
        if opened:
            file.close()
    return digest.hexdigest()


def _already_imported(previous: ImportBatch) -> ImportRejected:
    return ImportRejected(
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


# --- writing the rows -----------------------------------------------------------


def _fields() -> list:
    return [f for f in Response._meta.concrete_fields if not f.primary_key]


class _RowValues:
    """A validated submission as the response table's values, in ``fields``' order:
    what ``storing._new_response`` gives for a paper form (no receipt, kiosk or
    client), built without a model instance per row, which cost more than the
    rest of the import (tests/feedback/test_import_bulk.py compares the two)."""

    def __init__(self, fields, *, now):
        self.names = [f.attname for f in fields]
        self.now = now
        db = connections[DEFAULT_DB_ALIAS]
        # Columns this function does not set keep the model's default.
        self.defaults = {f.attname: f.get_default() for f in fields if f.has_default()}
        # psycopg adapts uuid, date and datetime itself; other databases get them as
        # the ORM would write them.
        self.prepare = None
        if db.vendor != "postgresql":
            self.prepare = [lambda value, f=f: f.get_db_prep_save(value, db) for f in fields]
        else:
            # ... but not a dict (the reasons' JSON default): prepared once, as the ORM
            # would write it (a Jsonb that COPY can send).
            self.defaults = {
                name: f.get_db_prep_save(self.defaults[name], db)
                for f in fields
                if (name := f.attname) in self.defaults
            }

    def __call__(self, sub, batch_id: int) -> list:
        comment = mask_comment(sub.comment)
        row = {
            **self.defaults,
            "public_id": uuid.uuid4(),
            "service_id": sub.service.pk,
            "service_point_id": sub.service_point.pk if sub.service_point else None,
            "officer_id": sub.officer.pk if sub.officer else None,
            "verified": False,
            "receipt_id": None,
            "kiosk_id": None,
            "import_batch_id": batch_id,
            "channel": Channel.PAPER.value,
            "age": sub.age,
            "sex": sub.sex,
            "education": sub.education,
            "occupation": sub.occupation,
            "comment": comment,
            "comment_status": CommentStatus.PENDING.value if comment else CommentStatus.NONE.value,
            "served_on": sub.served_on,
            "submitted_at": self.now,
            "client_hash": "",
            "fingerprint": "",
            **{code.lower(): value for code, value in sub.answers.items()},
        }
        values = [row.get(name) for name in self.names]
        if self.prepare:
            values = [prepare(value) for prepare, value in zip(self.prepare, values, strict=True)]
        return values


class _Sink:
    """Writes rows to the response table in chunks of WRITE_CHUNK: with COPY on
    PostgreSQL, multi-row INSERTs elsewhere (SQLite). Rows are held until a chunk
    is full, never more: memory stays bounded, and the connection is free between
    chunks for the few queries validation makes (the registry, an officer by NIP),
    which could not run on it in the middle of a COPY."""

    def __init__(self, fields):
        qn = connection.ops.quote_name
        table, columns = qn(Response._meta.db_table), ", ".join(qn(f.column) for f in fields)
        self._copy = connection.vendor == "postgresql"
        if self._copy:
            self._sql = f"COPY {table} ({columns}) FROM STDIN"
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            self._sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
        self._rows = []

    def write(self, values):
        self._rows.append(values)
        if len(self._rows) >= WRITE_CHUNK:
            self.flush()

    def flush(self):
        if not self._rows:
            return
        # wrap_database_errors: psycopg's own errors from the raw cursor's COPY become
        # Django's (DatabaseError), as from any other statement.
        with connection.cursor() as cursor, connection.wrap_database_errors:
            if self._copy:
                with cursor.cursor.copy(self._sql) as copy:
                    for row in self._rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self._sql, self._rows)
        self._rows = []


def _check_constraints_now() -> None:
    """PostgreSQL: run the rows' foreign key checks now. Django makes them deferred
    (checked at commit): left to the import's commit, they kept the rollup rows
    locked for about 1.5 s per 20,000 rows."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _final_checks(batch: ImportBatch, digest: str, allow_duplicate: bool) -> None:
    """What must be judged on what other transactions committed meanwhile: the same
    file imported by another run, or a report table imported for one of the
    batch's periods. Raises ImportRejected."""
    qn = connection.ops.quote_name
    reported_table = qn(ReportedPeriod._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Until this commits: a concurrent import of the same file waits here,
            # and a report-table import waits before storing (importing_tables
            # takes the same lock), so each sees the other's rows. Live
            # submissions only read the report table: this mode lets them.
            cursor.execute(f"LOCK TABLE {reported_table} IN SHARE ROW EXCLUSIVE MODE")
            cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [digest])
        if not allow_duplicate:
            previous = ImportBatch.objects.filter(sha256=digest).exclude(pk=batch.pk).first()
            if previous is not None:
                raise _already_imported(previous)
        cursor.execute(
            f"SELECT s.{qn('code')}, p.{qn('period')}, r.{qn('served_on')} "
            f"FROM {qn(Response._meta.db_table)} r "
            f"JOIN {reported_table} p ON p.{qn('service_id')} = r.{qn('service_id')} "
            f"AND r.{qn('served_on')} BETWEEN p.{qn('start')} AND p.{qn('end')} "
            f"JOIN {qn('feedback_service')} s ON s.{qn('id')} = r.{qn('service_id')} "
            f"WHERE r.{qn('import_batch_id')} = %s LIMIT 1",
            [batch.pk],
        )
        clash = cursor.fetchone()
    if clash is not None:
        code, period, served_on = clash
        raise ImportRejected(
            [
                RowError(
                    0,
                    "date",
                    _(
                        "Hasil %(s)s untuk periode %(p)s sudah diimpor dari tabel laporan "
                        "selama impor ini berjalan (tanggal %(d)s); respons per responden "
                        "pada periode itu akan terhitung dua kali."
                    )
                    % {"s": code, "p": period, "d": served_on},
                )
            ]
        )


def import_file(
    source,
    *,
    filename: str,
    encoding: str = "utf-8",
    allow_duplicate: bool = False,
    progress=None,
    max_errors: int = 100,
) -> ImportBatch:
    """Validate and store every row, all or none (module docstring); returns the
    ImportBatch. ``source``: the file's bytes, a path or a binary file.
    ``progress(message)`` is called every PROGRESS_EVERY rows and at each step."""
    started = time.monotonic()

    def say(message):
        if progress:
            progress(f"{message} ({time.monotonic() - started:.1f} s)")

    digest = file_digest(source)
    previous = ImportBatch.objects.filter(sha256=digest).first()
    if previous and not allow_duplicate:
        raise _already_imported(previous)
    fields = _fields()
    values = _RowValues(fields, now=timezone.now())
    try:
        with transaction.atomic():
            batch = ImportBatch.objects.create(filename=filename, sha256=digest, rows=0)
            sink = _Sink(fields)
            stored = [0]

            def each_row(line, sub):
                sink.write(values(sub, batch.pk))
                stored[0] += 1
                if stored[0] % PROGRESS_EVERY == 0:
                    say(f"  {stored[0]} rows read and stored")

            valid, _rows = _read(
                source,
                filename=filename,
                encoding=encoding,
                max_errors=max_errors,
                each_row=each_row,
            )
            sink.flush()
            _check_constraints_now()
            seconds = max(time.monotonic() - started, 1e-6)
            say(f"  {valid} rows stored, {valid / seconds:.0f} rows/s")
            _final_checks(batch, digest, allow_duplicate)
            written = rollups.add_import_batch(batch.pk)
            batch.rows = valid
            batch.save(update_fields=["rows"])
            # Cached pages and open data of these services show the new figures once
            # this commits.
            units = dict(
                Service.objects.filter(pk__in=written["service_ids"]).values_list("pk", "unit_id")
            )
            for service_id, unit_id in units.items():
                cache_scopes.figures_changed(service_id=service_id, unit_id=unit_id)
            committing = time.monotonic()
        committed = time.monotonic()
    except DatabaseError as exc:
        raise ImportRejected(
            [
                RowError(
                    0,
                    "-",
                    _("basis data menolak penyimpanan (%(reason)s).")
                    % {"reason": str(exc).strip().splitlines()[0] if str(exc).strip() else exc},
                )
            ]
        ) from exc
    locked = written["locked_seconds"] + (committed - committing)
    say(
        f"  rollups updated: {written['service_months']} service-months, "
        f"{written['profile_months']} profile counts, {written['officer_months']} officer-months; "
        f"rollup rows locked {locked:.3f} s until the commit "
        f"(upserts {written['locked_seconds']:.3f} s, commit {committed - committing:.3f} s)"
    )
    return batch
