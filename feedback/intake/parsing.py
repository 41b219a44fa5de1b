"""The submission described once: what a citizen (or a staff import) may send, and
``parse_submission``, which turns it into a ``Submission`` or a ``SubmissionInvalid``
with every field's error. The API's OpenAPI schema (intake/api.py) and the web
form's field rules (intake/forms.py) read their limits from here."""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    Education,
    Occupation,
    Officer,
    Receipt,
    Service,
    ServicePoint,
    Sex,
)
from ..registry import snapshot
from ..rules.nip import normalise_nip
from ..rules.skm import CODES, SCALE
from .reported import reported_message, reported_period

COMMENT_MAX_LENGTH = 2000
# "Apa yang kurang?": one short reason per element, asked only where the answer
# was 1 or 2 (the e-SKM practice); a reason for a better answer is a mistake.
REASON_MAX_LENGTH = 300
REASON_SCALE = (1, 2)
CONTACT_MAX_LENGTH = 254


AGE_RANGE = (10, 110)
# The profile's choices (codes as stored), optional each.
PROFILE_CHOICES = {"sex": Sex, "education": Education, "occupation": Occupation}


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
        """(field, message) pairs with nested names flattened: ``U1``, ``age``; a
        reason's as ``reason_U1`` (``U1`` is the answer)."""
        for name, value in self.errors.items():
            if isinstance(value, dict):
                for inner, messages in value.items():
                    for message in messages:
                        yield (f"reason_{inner}" if name == "reasons" else inner), message
            else:
                for message in value:
                    yield name, message


@dataclass
class Submission:
    service: Service
    answers: dict[str, int]
    served_on: datetime.date
    comment: str = ""
    # {"U1": "..."} for elements answered 1 or 2 only; as typed (masked when stored).
    reasons: dict[str, str] = field(default_factory=dict)
    # An e-mail to tell about the reply, only with consent and a comment (else "").
    contact_email: str = ""
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

    reasons = _parse_reasons(data.get("reasons"), answers, clean_answers, error)
    contact_email = _parse_contact(data.get("contact"), comment, error)

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
    for name, choices in PROFILE_CHOICES.items():
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
        reported = reported_period(service, served_on)
        if reported is not None:
            error("served_on", reported_message(service, reported))

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
        reasons=reasons,
        contact_email=contact_email,
        service_point=point,
        receipt=receipt,
        officer=officer,
        served_on_given=served_on_given,
        **{k: profile[k] for k in ("age", "sex", "education", "occupation")},
    )


def _parse_reasons(reasons, answers, clean_answers, error) -> dict[str, str]:
    """``reasons`` ({"U1": "..."}): each for a known element answered 1 or 2, a
    text of at most REASON_MAX_LENGTH characters; a blank reason is no reason."""
    if reasons is None:
        return {}
    if not isinstance(reasons, dict):
        error("non_field_errors", _("Alasan harus berupa objek: unsur dan teksnya."), "reasons")
        return {}
    clean = {}
    for element in sorted(reasons, key=str):
        text = reasons[element]
        name = str(element)
        if element not in CODES:
            error(name, _("Unsur tidak dikenal; gunakan U1 sampai U9."), "reasons")
            continue
        if text is None:
            continue
        if not isinstance(text, str):
            error(name, _("Alasan harus berupa teks."), "reasons")
            continue
        text = text.strip()
        if not text:
            continue
        answer = answers.get(element) if isinstance(answers, dict) else None
        if element in clean_answers and answer not in REASON_SCALE:
            error(
                name,
                _("Alasan hanya diisi untuk unsur yang dinilai 1 atau 2 (%(u)s dinilai %(v)d).")
                % {"u": element, "v": answer},
                "reasons",
            )
        elif len(text) > REASON_MAX_LENGTH:
            error(
                name,
                _("Alasan paling banyak %(max)d karakter (terisi %(n)d).")
                % {"max": REASON_MAX_LENGTH, "n": len(text)},
                "reasons",
            )
        else:
            clean[element] = text
    return clean


def _parse_contact(contact, comment, error) -> str:
    """``contact`` ({"email", "consent"}): kept only with ``consent`` true and a
    comment to answer; without consent it is dropped, never an error."""
    if contact is None:
        return ""
    if not isinstance(contact, dict):
        error("non_field_errors", _("Kontak harus berupa objek: email dan consent."), "contact")
        return ""
    for unknown in sorted(set(contact) - {"email", "consent"}, key=str):
        error(str(unknown), _("Isian kontak tidak dikenal."), "contact")
    email = contact.get("email")
    if contact.get("consent") is not True or not comment or email in (None, ""):
        return ""
    if not isinstance(email, str) or len(email) > CONTACT_MAX_LENGTH:
        error("email", _("Alamat e-mail tidak sah."), "contact")
        return ""
    try:
        validate_email(email.strip())
    except ValidationError:
        error("email", _("Alamat e-mail tidak sah."), "contact")
        return ""
    return email.strip()


def _lookup_service(code, error) -> Service | None:
    if not code or not isinstance(code, str):
        error("service", _("Pilih layanan (kode layanan wajib diisi)."))
        return None
    service = snapshot.active_service(code.strip().upper())
    if service is None:
        error("service", _("Layanan dengan kode '%(code)s' tidak dikenal.") % {"code": code})
    return service


def _lookup_point(code, service, error) -> ServicePoint | None:
    if code in (None, ""):
        return None
    if not isinstance(code, str):
        error("service_point", _("Kode loket harus berupa teks."))
        return None
    point = snapshot.service_point(str(code).strip().upper())
    if point is None:
        error("service_point", _("Loket '%(c)s' tidak dikenal.") % {"c": code})
    elif service and not snapshot.offers(point, service):
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
