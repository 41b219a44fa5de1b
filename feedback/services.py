"""Writes of the domain core. Every channel (web form, QR, kiosk, API, paper
import) goes through ``parse_submission`` and ``response_submit``, so the rules
are the same wherever a response comes from."""

import datetime
import hashlib
import json
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import cache_scopes, officer_names, registry_cache, rollups, submission_sql
from .models import (
    CommentStatus,
    Education,
    IdempotencyKey,
    Kiosk,
    Occupation,
    Officer,
    Receipt,
    ReportedPeriod,
    Response,
    Service,
    ServicePoint,
    Sex,
)
from .models.survey import hash_secret
from .nip import normalise_nip
from .skm import CODES, SCALE

COMMENT_MAX_LENGTH = 2000
AGE_RANGE = (10, 110)
# The public channels' window: a citizen rates a recent service. Staff imports reach
# back to SKM_HISTORY_EARLIEST instead (history_earliest).
SERVED_ON_MAX_AGE_DAYS = 400
# Idempotency keys: what a client may send (a UUID fits).
IDEMPOTENCY_KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def history_earliest() -> datetime.date:
    """The earliest date of service a staff import accepts (SKM_HISTORY_EARLIEST)."""
    return datetime.date.fromisoformat(str(settings.SKM_HISTORY_EARLIEST))


class SubmissionInvalid(Exception):
    """Field errors keyed by the field names of the API contract; answers and
    respondent errors are nested under their object, as the request nests them:
    ``{"service": [...], "answers": {"U1": [...]}, "respondent": {"age": [...]}}``.
    """

    def __init__(self, errors: dict):
        super().__init__(errors)
        self.errors = errors

    def flat(self):
        """(field, message) pairs with nested names flattened: ``U1``, ``age``."""
        for name, value in self.errors.items():
            if isinstance(value, dict):
                for inner, messages in value.items():
                    for message in messages:
                        yield inner, message
            else:
                for message in value:
                    yield name, message


class ReceiptUsed(Exception):
    """The receipt was already used for a response (HTTP 409)."""


class ReceiptExpired(Exception):
    """The receipt is past its validity (HTTP 410)."""


class IdempotencyConflict(Exception):
    """The idempotency key was already used for a different submission (HTTP 409)."""


@dataclass
class Submission:
    service: Service
    answers: dict[str, int]
    served_on: datetime.date
    comment: str = ""
    age: int | None = None
    sex: str = ""
    education: str = ""
    occupation: str = ""
    service_point: ServicePoint | None = None
    receipt: Receipt | None = None
    officer: Officer | None = None
    # False when the date defaulted to today: a retry sent the next day is then
    # still the same submission (submission_digest).
    served_on_given: bool = True


def _is_int(value) -> bool:
    # JSON true/false are ints in Python; a survey answer is never a boolean.
    return isinstance(value, int) and not isinstance(value, bool)


def _first_value(model, column: str, conditions: list[tuple]):
    """``column`` of the first row of ``model`` (by id) matching every
    (column, operator, value) of ``conditions``, or None.

    The two lookups every submission makes (the reported-period check and the
    duplicate check) in plain SQL: building and compiling the same filter through
    the ORM cost four times the database round trip itself.
    """
    from django.db import connection

    qn = connection.ops.quote_name
    where = " AND ".join(f"{qn(name)} {operator} %s" for name, operator, _ in conditions)
    sql = (
        f"SELECT {qn(column)} FROM {qn(model._meta.db_table)} "
        f"WHERE {where} ORDER BY {qn('id')} LIMIT 1"
    )
    with connection.cursor() as cursor:
        # Each value as its field stores it (an aware datetime on SQLite, say).
        params = [
            model._meta.get_field(name).get_db_prep_value(value, connection)
            for name, _, value in conditions
        ]
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return None if row is None else row[0]


def parse_submission(
    data: dict,
    *,
    today: datetime.date | None = None,
    earliest: datetime.date | None = None,
    officer_by_nip: bool = False,
    check_reported: bool = True,
) -> Submission:
    """Validate one response in the contract's shape; raise SubmissionInvalid.

    ``data`` holds plain values: ``service`` (code), ``answers`` ({"U1": 1..4, ...}),
    optional ``comment``, ``respondent`` ({age, sex, education, occupation}),
    ``service_point`` (code), ``receipt`` (code), ``served_on`` (date).
    Whether a receipt is used or expired is checked when submitting, under a row lock.

    Values arrive from JSON as anything at all (a list where a date belongs, an
    object where a code belongs): every value's type is checked before it is used,
    so a wrong type is a field error, never a server error.

    The date of service must lie within the public window (SERVED_ON_MAX_AGE_DAYS)
    or, for staff imports, on or after ``earliest``; and not in a period of the
    service already counted from a report's table (ReportedPeriod), which would
    count that period twice. ``response_submit`` checks that again where it stores;
    callers that store at once pass ``check_reported=False`` to ask once, callers
    that validate a whole file first (imports) keep it, to list every row refused.

    ``officer_nip`` is read only with ``officer_by_nip`` (the paper import, run by
    staff). From citizens an officer is attributed through a receipt or the
    loket's assignments, never by a NIP they type: the field is refused with the
    same message whatever its value, so the answer says nothing about which NIPs
    belong to active officers.
    """
    today = today or timezone.localdate()
    errors: dict = {}

    def error(name, message, group=None):
        target = errors.setdefault(group, {}) if group else errors
        target.setdefault(name, []).append(message)

    if not isinstance(data, dict):
        raise SubmissionInvalid({"non_field_errors": [_("Data harus berupa objek JSON.")]})

    service = _lookup_service(data.get("service"), error)

    answers = data.get("answers")
    clean_answers = {}
    if not isinstance(answers, dict):
        error("non_field_errors", _("Jawaban wajib berisi nilai U1 sampai U9."), "answers")
    else:
        for unknown in sorted(set(answers) - set(CODES)):
            error(str(unknown), _("Unsur tidak dikenal; gunakan U1 sampai U9."), "answers")
        for element in CODES:
            value = answers.get(element)
            if value is None:
                error(element, _("Jawaban untuk %(u)s wajib diisi.") % {"u": element}, "answers")
            elif not _is_int(value) or value not in SCALE:
                error(
                    element,
                    _("Jawaban %(u)s harus bilangan bulat 1 sampai 4.") % {"u": element},
                    "answers",
                )
            else:
                clean_answers[element] = value

    comment = data.get("comment")
    comment = "" if comment is None else comment
    if not isinstance(comment, str):
        error("comment", _("Komentar harus berupa teks."))
        comment = ""
    comment = comment.strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        error(
            "comment",
            _("Komentar paling banyak %(max)d karakter (terisi %(n)d).")
            % {"max": COMMENT_MAX_LENGTH, "n": len(comment)},
        )

    respondent = data.get("respondent")
    respondent = {} if respondent is None else respondent
    profile = {"age": None, "sex": "", "education": "", "occupation": ""}
    if not isinstance(respondent, dict):
        error("non_field_errors", _("Profil responden harus berupa objek."), "respondent")
        respondent = {}
    for unknown in sorted(set(respondent) - set(profile)):
        error(str(unknown), _("Isian profil tidak dikenal."), "respondent")
    age = respondent.get("age")
    if age not in (None, ""):
        if not _is_int(age) or not AGE_RANGE[0] <= age <= AGE_RANGE[1]:
            error(
                "age",
                _("Usia harus bilangan bulat %(lo)d sampai %(hi)d tahun.")
                % {"lo": AGE_RANGE[0], "hi": AGE_RANGE[1]},
                "respondent",
            )
        else:
            profile["age"] = age
    for name, choices in (("sex", Sex), ("education", Education), ("occupation", Occupation)):
        value = respondent.get(name)
        if value in (None, ""):
            continue
        if not isinstance(value, str) or value not in choices.values:
            error(
                name,
                _("Nilai '%(v)s' tidak dikenal; pilih salah satu: %(c)s.")
                % {"v": str(value)[:40], "c": ", ".join(choices.values)},
                "respondent",
            )
        else:
            profile[name] = value

    served_on = data.get("served_on")
    served_on_given = served_on not in (None, "")
    if not served_on_given:
        served_on = today
    elif isinstance(served_on, str):
        try:
            served_on = datetime.date.fromisoformat(served_on)
        except ValueError:
            served_on = None
    elif isinstance(served_on, datetime.datetime) or not isinstance(served_on, datetime.date):
        served_on = None
    if served_on is None:
        error("served_on", _("Tanggal harus berformat TTTT-BB-HH."))
        served_on = today
    elif served_on > today:
        error("served_on", _("Tanggal dilayani tidak boleh di masa depan."))
    elif earliest is not None and served_on < earliest:
        error(
            "served_on",
            _("Tanggal dilayani sebelum %(d)s, tanggal paling awal yang diterima.")
            % {"d": earliest.isoformat()},
        )
    elif earliest is None and (today - served_on).days > SERVED_ON_MAX_AGE_DAYS:
        error(
            "served_on",
            _("Tanggal dilayani lebih dari %(d)d hari yang lalu.") % {"d": SERVED_ON_MAX_AGE_DAYS},
        )
    elif service is not None and check_reported:
        reported = _reported_period(service, served_on)
        if reported is not None:
            error("served_on", _reported_message(service, reported))

    point = _lookup_point(data.get("service_point"), service, error)

    receipt = None
    receipt_code = data.get("receipt")
    if receipt_code not in (None, "") and not isinstance(receipt_code, str):
        error("receipt", _("Kode tanda terima harus berupa teks."))
    elif receipt_code:
        receipt = Receipt.objects.filter(code=str(receipt_code).strip().upper()).first()
        if receipt is None:
            error("receipt", _("Kode tanda terima '%(c)s' tidak dikenal.") % {"c": receipt_code})
        elif service and receipt.service_id != service.pk:
            error("receipt", _("Tanda terima ini untuk layanan lain."))

    officer = None
    if officer_by_nip:
        officer = _lookup_officer(data.get("officer_nip"), error)
    elif "officer_nip" in data:
        error(
            "officer_nip",
            _(
                "Petugas tidak dapat ditentukan lewat penilaian. Gunakan kode tanda terima "
                "dari loket; petugas yang melayani tercatat dari tanda terima itu."
            ),
        )

    if errors:
        raise SubmissionInvalid(errors)
    return Submission(
        service=service,
        answers=clean_answers,
        served_on=served_on,
        comment=comment,
        service_point=point,
        receipt=receipt,
        officer=officer,
        served_on_given=served_on_given,
        **{k: profile[k] for k in ("age", "sex", "education", "occupation")},
    )


def _reported_period(service: Service, served_on: datetime.date) -> str | None:
    """The report-table period of ``service`` that covers ``served_on``, if any."""
    return _first_value(
        ReportedPeriod,
        "period",
        [("service_id", "=", service.pk), ("start", "<=", served_on), ("end", ">=", served_on)],
    )


def _reported_message(service: Service, period: str) -> str:
    return _(
        "Hasil %(s)s untuk periode %(p)s sudah diimpor dari tabel laporan; "
        "respons per responden pada periode itu akan terhitung dua kali."
    ) % {"s": service.code, "p": period}


def _lookup_service(code, error) -> Service | None:
    if not code or not isinstance(code, str):
        error("service", _("Pilih layanan (kode layanan wajib diisi)."))
        return None
    service = registry_cache.active_service(code.strip().upper())
    if service is None:
        error("service", _("Layanan dengan kode '%(code)s' tidak dikenal.") % {"code": code})
    return service


def _lookup_point(code, service, error) -> ServicePoint | None:
    if code in (None, ""):
        return None
    if not isinstance(code, str):
        error("service_point", _("Kode loket harus berupa teks."))
        return None
    point = registry_cache.service_point(str(code).strip().upper())
    if point is None:
        error("service_point", _("Loket '%(c)s' tidak dikenal.") % {"c": code})
    elif service and not registry_cache.offers(point, service):
        error(
            "service_point",
            _("Loket %(p)s tidak melayani %(s)s.") % {"p": point.code, "s": service.code},
        )
        return None
    return point


def _lookup_officer(nip, error) -> Officer | None:
    if nip in (None, ""):
        return None
    if not isinstance(nip, str):
        error("officer_nip", _("NIP harus berupa teks."))
        return None
    officer = Officer.objects.filter(nip=normalise_nip(str(nip)), is_active=True).first()
    if officer is None:
        error("officer_nip", _("Petugas dengan NIP tersebut tidak terdaftar atau tidak aktif."))
    return officer


def services_at(point: ServicePoint):
    """Services a loket offers: those listed on it, or else every service of its unit."""
    listed = point.services.filter(is_active=True)
    if listed.exists():
        return listed.order_by("name")
    return point.unit.services.filter(is_active=True).order_by("name")


def point_serves(point: ServicePoint, service: Service) -> bool:
    return services_at(point).filter(pk=service.pk).exists()


def client_hash(ip: str | None) -> str:
    return hash_secret(f"client:{ip}") if ip else ""


def _fingerprint(sub: Submission, client: str) -> str:
    answers = ",".join(str(sub.answers[c]) for c in CODES)
    raw = f"{client}|{sub.service.pk}|{sub.served_on}|{answers}|{sub.comment}"
    return hashlib.sha256(raw.encode()).hexdigest()


def response_submit(
    sub: Submission,
    *,
    channel: str,
    kiosk: Kiosk | None = None,
    ip: str | None = None,
    import_batch=None,
    duplicate_rule: bool = True,
) -> tuple[Response, bool]:
    """Store a validated response durably; returns (response, created).

    A repeat of the same answers from the same client for the same service
    within FEEDBACK_DUPLICATE_MINUTES returns the stored one (created=False),
    unless ``duplicate_rule`` is off (submit_once turns it off for a kiosk's keyed
    submissions: there, identical answers are honest citizens in a queue).
    A receipt is locked, checked and consumed in the same transaction, so two
    concurrent uses cannot both succeed.

    A period already counted from a report table is refused here too
    (SubmissionInvalid on ``served_on``), in the same statement or transaction as
    the insert, so a report imported since ``parse_submission`` ran cannot make a
    period count twice. On PostgreSQL a submission without a receipt is one
    statement (``submission_sql``); otherwise the ORM in one transaction.
    """
    client = client_hash(ip)
    now = timezone.now()
    window = now - datetime.timedelta(minutes=settings.FEEDBACK_DUPLICATE_MINUTES)
    check_duplicate = bool(client) and sub.receipt is None and duplicate_rule
    if sub.receipt is None and submission_sql.available():
        response = _new_response(
            sub, channel=channel, kiosk=kiosk, import_batch=import_batch, client=client, now=now
        )
        stored = submission_sql.store(
            response, duplicate_since=window if check_duplicate else None, kiosk=kiosk
        )
        if stored.reported_period is not None:
            raise SubmissionInvalid(
                {"served_on": [_reported_message(sub.service, stored.reported_period)]}
            )
        if stored.earlier_id is not None:
            return Response.objects.get(pk=stored.earlier_id), False
        cache_scopes.figures_changed(service_id=response.service_id, unit_id=sub.service.unit_id)
        return response, True

    with transaction.atomic():
        receipt = None
        if sub.receipt is not None:
            receipt = Receipt.objects.select_for_update().get(pk=sub.receipt.pk)
            if receipt.is_used:
                raise ReceiptUsed(_("Tanda terima ini sudah dipakai untuk menilai layanan."))
            if receipt.is_expired(now):
                raise ReceiptExpired(_("Tanda terima ini sudah kedaluwarsa."))
            receipt.used_at = now
            receipt.save(update_fields=["used_at"])

        reported = _reported_period(sub.service, sub.served_on)
        if reported is not None:
            raise SubmissionInvalid({"served_on": [_reported_message(sub.service, reported)]})

        response = _new_response(
            sub,
            channel=channel,
            kiosk=kiosk,
            import_batch=import_batch,
            client=client,
            now=now,
            receipt=receipt,
        )
        if check_duplicate:
            existing = _first_value(
                Response,
                "id",
                [
                    ("fingerprint", "=", response.fingerprint),
                    ("fingerprint", "<>", ""),  # models.Response: the partial index
                    ("submitted_at", ">=", window),
                ],
            )
            if existing is not None:
                return Response.objects.get(pk=existing), False

        if kiosk is not None:
            Kiosk.objects.filter(pk=kiosk.pk).update(last_used_at=now)
        response.save(force_insert=True)
        rollups.record(response)
        # The public cache serves the new figures as soon as this commits.
        cache_scopes.figures_changed(service_id=response.service_id, unit_id=sub.service.unit_id)
    return response, True


def _new_response(sub, *, channel, kiosk, import_batch, client, now, receipt=None) -> Response:
    """The unsaved Response of a submission. With a receipt, the receipt's officer
    is credited, its loket is the default and the response is verified."""
    officer, service_point = sub.officer, sub.service_point
    if receipt is not None:
        officer = receipt.officer
        service_point = service_point or receipt.service_point
    if kiosk is not None:
        service_point = service_point or kiosk.service_point
    comment = officer_names.mask_comment(sub.comment)
    return Response(
        service=sub.service,
        service_point=service_point,
        officer=officer,
        verified=receipt is not None,
        receipt=receipt,
        kiosk=kiosk,
        import_batch=import_batch,
        channel=channel,
        served_on=sub.served_on,
        submitted_at=now,
        comment=comment,
        comment_status=CommentStatus.PENDING if comment else CommentStatus.NONE,
        age=sub.age,
        sex=sub.sex,
        education=sub.education,
        occupation=sub.occupation,
        client_hash=client,
        fingerprint=_fingerprint(sub, client) if client else "",
        **{code.lower(): value for code, value in sub.answers.items()},
    )


# --- Idempotent submissions ------------------------------------------------


@dataclass
class Outcome:
    """What a submission with an idempotency key did. ``duplicate`` is what the
    first request answered, so a repeat answers exactly the same."""

    response: Response
    created: bool
    replayed: bool
    duplicate: bool


def check_idempotency_key(raw) -> str | None:
    """The key as sent, None when absent; SubmissionInvalid when malformed."""
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str) or not IDEMPOTENCY_KEY_PATTERN.match(raw):
        raise SubmissionInvalid(
            {
                "idempotency_key": [
                    _(
                        "Idempotency-Key harus 8 sampai 64 karakter: huruf, angka, "
                        "tanda '-' atau '_' (misalnya sebuah UUID)."
                    )
                ]
            }
        )
    return raw


def idempotency_scope(kiosk: Kiosk | None) -> str:
    """Keys are per kiosk for kiosks, one public space for everything else
    (models.IdempotencyKey explains why)."""
    return f"kiosk:{kiosk.pk}" if kiosk is not None else "public"


def submission_digest(sub: Submission) -> str:
    """sha256 of the canonical parsed submission: the same answers sent as JSON,
    as a form or with the keys in another order give the same digest."""
    canonical = {
        "service": sub.service.code,
        "answers": {code: sub.answers[code] for code in CODES},
        "served_on": sub.served_on.isoformat() if sub.served_on_given else None,
        "comment": sub.comment,
        "respondent": [sub.age, sub.sex, sub.education, sub.occupation],
        "service_point": sub.service_point.code if sub.service_point else None,
        "receipt": sub.receipt.code if sub.receipt else None,
        "officer": sub.officer.nip if sub.officer else None,
    }
    raw = json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()


def _replay(record: IdempotencyKey, digest: str) -> Outcome:
    if record.body_hash != digest:
        raise IdempotencyConflict(
            _(
                "Idempotency-Key ini sudah dipakai untuk penilaian dengan isi lain. "
                "Buat kunci baru untuk setiap penilaian."
            )
        )
    return Outcome(record.response, created=False, replayed=True, duplicate=record.duplicate)


def find_replay(sub: Submission, *, key: str, kiosk: Kiosk | None = None) -> Outcome | None:
    """The stored outcome when this key was used before (IdempotencyConflict when
    with another body), else None. Callers ask before the rate limits, so a repeat
    never counts against the accepted-responses limit."""
    record = (
        IdempotencyKey.objects.filter(
            scope=idempotency_scope(kiosk), key=key, response__isnull=False
        )
        .select_related("response")
        .first()
    )
    return _replay(record, submission_digest(sub)) if record else None


def submit_once(
    sub: Submission, *, key: str, channel: str, kiosk: Kiosk | None = None, ip: str | None = None
) -> Outcome:
    """response_submit guarded by an idempotency key.

    The key row is inserted first, in the same transaction as the response: a
    concurrent request with the same key waits on the unique constraint and,
    once the first commits, finds its row and replays it; if the first rolls
    back (a used receipt, say), nothing of it remains.
    """
    scope, digest = idempotency_scope(kiosk), submission_digest(sub)
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = IdempotencyKey.objects.create(scope=scope, key=key, body_hash=digest)
        except IntegrityError:
            record = IdempotencyKey.objects.select_related("response").get(scope=scope, key=key)
            return _replay(record, digest)
        response, created = response_submit(
            sub, channel=channel, kiosk=kiosk, ip=ip, duplicate_rule=kiosk is None
        )
        record.response = response
        record.duplicate = not created
        record.save(update_fields=["response", "duplicate"])
    return Outcome(response, created=created, replayed=False, duplicate=not created)


def purge_idempotency_keys(*, now=None) -> int:
    """Forget idempotency keys older than FEEDBACK_IDEMPOTENCY_DAYS; a repeat sent
    after that is a new submission."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.FEEDBACK_IDEMPOTENCY_DAYS)
    deleted, _by_model = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def kiosk_seen(kiosk: Kiosk, *, now=None) -> None:
    """Note a request from the kiosk: one UPDATE at most once a minute per device."""
    now = now or timezone.now()
    if kiosk.last_seen_at is None or now - kiosk.last_seen_at >= datetime.timedelta(minutes=1):
        Kiosk.objects.filter(pk=kiosk.pk).update(last_seen_at=now)
        kiosk.last_seen_at = now


def receipt_issue(
    *, service: Service, service_point=None, officer=None, issued_by=None, hours=None
) -> Receipt:
    """Issue a single-use receipt for a citizen who has just been served."""
    hours = hours or settings.RECEIPT_VALID_HOURS
    now = timezone.now()
    return Receipt.objects.create(
        service=service,
        service_point=service_point,
        officer=officer,
        issued_by=issued_by,
        issued_at=now,
        expires_at=now + datetime.timedelta(hours=hours),
    )


def receipt_issue_from_codes(
    *, service: str, service_point=None, officer_nip=None, issued_by=None, hours=None
) -> Receipt:
    """receipt_issue for callers that hold codes (the receipts API, a queue system)."""
    errors: dict = {}

    def error(name, message):
        errors.setdefault(name, []).append(message)

    svc = _lookup_service(service, error)
    point = _lookup_point(service_point, svc, error)
    officer = _lookup_officer(officer_nip, error)
    if errors:
        raise SubmissionInvalid(errors)
    return receipt_issue(
        service=svc, service_point=point, officer=officer, issued_by=issued_by, hours=hours
    )


def token_user_issue(*, username: str, group, days=None, name=""):
    """Put a user (created without a password when new: it acts by token only) in
    ``group`` and issue it an API token. Returns (user, created, token, clear key)."""
    from django.contrib.auth import get_user_model

    from .models import ApiToken

    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(group)
    token, key = ApiToken.issue(user, days=days, name=name)
    return user, created, token, key


def purge_client_hashes(*, now=None) -> int:
    """Forget hashed client addresses older than the retention period."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.FEEDBACK_CLIENT_HASH_RETENTION_DAYS)
    return (
        Response.objects.filter(submitted_at__lt=cutoff)
        .exclude(client_hash="", fingerprint="")
        .update(client_hash="", fingerprint="")
    )
