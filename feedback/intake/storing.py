"""Storing a parsed submission durably: exactly once per idempotency key, a
receipt used once, a quick repeat answered with the earlier response, the figures
refreshed when it commits. One statement on PostgreSQL (intake/statement.py), the
ORM in one transaction elsewhere."""

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    CommentStatus,
    IdempotencyKey,
    Kiosk,
    Receipt,
    Response,
)
from ..models.survey import hash_secret
from ..registry import cache_scopes, officer_names
from ..results import rollups
from ..rules.skm import CODES
from . import statement
from .parsing import (
    Submission,
    SubmissionInvalid,
)
from .reported import first_value, reported_message, reported_period


class ReceiptUsed(Exception):
    """The receipt was already used for a response (HTTP 409)."""


class ReceiptExpired(Exception):
    """The receipt is past its validity (HTTP 410)."""


class IdempotencyConflict(Exception):
    """The idempotency key was already used for a different submission (HTTP 409)."""


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
    statement (``intake.statement``); otherwise the ORM in one transaction.
    """
    client = client_hash(ip)
    now = timezone.now()
    window = now - datetime.timedelta(minutes=settings.FEEDBACK_DUPLICATE_MINUTES)
    check_duplicate = bool(client) and sub.receipt is None and duplicate_rule
    if sub.receipt is None and statement.available():
        response = _new_response(
            sub, channel=channel, kiosk=kiosk, import_batch=import_batch, client=client, now=now
        )
        stored = statement.store(
            response, duplicate_since=window if check_duplicate else None, kiosk=kiosk
        )
        if stored.reported_period is not None:
            raise SubmissionInvalid(
                {"served_on": [reported_message(sub.service, stored.reported_period)]}
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

        reported = reported_period(sub.service, sub.served_on)
        if reported is not None:
            raise SubmissionInvalid({"served_on": [reported_message(sub.service, reported)]})

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
            existing = first_value(
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
        reasons={code: officer_names.mask_comment(text) for code, text in sub.reasons.items()},
        age=sub.age,
        sex=sub.sex,
        education=sub.education,
        occupation=sub.occupation,
        client_hash=client,
        fingerprint=_fingerprint(sub, client) if client else "",
        **{code.lower(): value for code, value in sub.answers.items()},
    )


@dataclass
class Outcome:
    """What a submission with an idempotency key did. ``duplicate`` is what the
    first request answered, so a repeat answers exactly the same."""

    response: Response
    created: bool
    replayed: bool
    duplicate: bool


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
    if sub.reasons:
        # Only when given, so the digests of keys stored before reasons existed hold.
        canonical["reasons"] = sub.reasons
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


def purge_client_hashes(*, now=None) -> int:
    """Forget hashed client addresses older than the retention period."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.FEEDBACK_CLIENT_HASH_RETENTION_DAYS)
    return (
        Response.objects.filter(submitted_at__lt=cutoff)
        .exclude(client_hash="", fingerprint="")
        .update(client_hash="", fingerprint="")
    )


def store(
    sub: Submission, *, key: str | None, channel: str, kiosk: Kiosk | None = None, ip=None
) -> Outcome:
    """Store a parsed submission, under its idempotency key when it has one."""
    if key:
        return submit_once(sub, key=key, channel=channel, kiosk=kiosk, ip=ip)
    response, created = response_submit(sub, channel=channel, kiosk=kiosk, ip=ip)
    return Outcome(response, created, replayed=False, duplicate=not created)
