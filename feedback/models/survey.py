"""Survey responses (SKM) and what lets a citizen give one: receipts and kiosks."""

import datetime
import hashlib
import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..rules.skm import CODES

# Receipt codes are read aloud and typed on phones: no 0/O, 1/I/L.
RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RECEIPT_LENGTH = 8


def new_receipt_code() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def hash_secret(value: str) -> str:
    """Keyed hash for low-entropy values we must recognise but never store in clear
    (client addresses): without the key, every IPv4 address can be tried. Changes
    when SECRET_KEY does."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()


def hash_token(key: str) -> str:
    """Hash of a long random secret (API token, kiosk key). Such a key cannot be
    guessed, so a plain SHA-256 is enough, and it survives a SECRET_KEY rotation."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def find_by_key(queryset, key: str | None):
    """The row of ``queryset`` whose ``key_hash`` matches the clear ``key``, or None.

    Rows made before hash_token (migration 0011) hold hash_secret's keyed hash and
    ``key_hash_keyed=True``; such a row is matched once by the keyed hash and
    upgraded on the spot, so it keeps working after the next SECRET_KEY rotation.
    """
    if not key:
        return None
    found = queryset.filter(key_hash=hash_token(key), key_hash_keyed=False).first()
    if found is None:
        found = queryset.filter(key_hash=hash_secret(key), key_hash_keyed=True).first()
        if found is not None:
            found.key_hash, found.key_hash_keyed = hash_token(key), False
            type(found).objects.filter(pk=found.pk).update(
                key_hash=found.key_hash, key_hash_keyed=False
            )
    return found


class Channel(models.TextChoices):
    WEB = "web", _("Formulir web")
    QR = "qr", _("Kode QR di loket")
    KIOSK = "kiosk", _("Kiosk")
    API = "api", _("API")
    PAPER = "paper", _("Formulir kertas (impor)")


class Education(models.TextChoices):
    SD = "sd", _("SD ke bawah")
    SMP = "smp", _("SMP")
    SMA = "sma", _("SMA/SMK")
    DIPLOMA = "diploma", _("D1/D2/D3")
    S1 = "s1", _("D4/S1")
    S2 = "s2", _("S2 ke atas")


class Occupation(models.TextChoices):
    ASN = "asn", _("PNS/PPPK/TNI/Polri")
    PRIVATE = "swasta", _("Pegawai swasta")
    SELF = "wiraswasta", _("Wiraswasta/usahawan")
    STUDENT = "pelajar", _("Pelajar/mahasiswa")
    FARMER = "petani", _("Petani/nelayan")
    HOME = "rumah_tangga", _("Mengurus rumah tangga")
    OTHER = "lainnya", _("Lainnya")


class Sex(models.TextChoices):
    L = "L", _("Laki-laki")
    P = "P", _("Perempuan")


class CommentStatus(models.TextChoices):
    NONE = "", _("Tanpa komentar")
    PENDING = "pending", _("Menunggu moderasi")
    APPROVED = "approved", _("Disetujui")
    REJECTED = "rejected", _("Ditolak")


class Kiosk(models.Model):
    """A tablet at a counter. Identified by a device key, so many citizens behind one
    network address are limited per kiosk rather than blocked as one."""

    name = models.CharField(_("nama"), max_length=100)
    service_point = models.ForeignKey(
        "feedback.ServicePoint",
        verbose_name=_("loket"),
        on_delete=models.CASCADE,
        related_name="kiosks",
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # True while key_hash is still the SECRET_KEY-keyed hash of before (find_by_key).
    key_hash_keyed = models.BooleanField(default=False, editable=False)
    key_hint = models.CharField(_("awalan kunci"), max_length=8, editable=False, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    last_used_at = models.DateTimeField(
        _("terakhir dipakai"), null=True, blank=True, editable=False
    )
    # Any request from the device (a screen, a queued response being sent), kept
    # to the minute so staff see a kiosk that has gone quiet (intake.storing.kiosk_seen).
    last_seen_at = models.DateTimeField(_("kontak terakhir"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("kiosk")
        verbose_name_plural = _("kiosk")

    def __str__(self):
        return f"{self.name} ({self.service_point})"

    def save(self, *args, **kwargs):
        # A kiosk always has a key; the clear key is given out by set_new_key only.
        if not self.key_hash:
            self.set_new_key()
        super().save(*args, **kwargs)

    def set_new_key(self) -> str:
        """Replace the device key; returns the clear key, which is not stored."""
        key = secrets.token_urlsafe(24)
        self.key_hash, self.key_hash_keyed = hash_token(key), False
        self.key_hint = key[:6]
        return key

    @classmethod
    def for_key(cls, key: str | None):
        return find_by_key(cls.objects.filter(is_active=True).select_related("service_point"), key)


class Receipt(models.Model):
    """A single-use code given to a citizen when served; a response with it is
    verified and attributed to the officer who served."""

    code = models.CharField(_("kode"), max_length=16, unique=True, default=new_receipt_code)
    service = models.ForeignKey(
        "feedback.Service",
        verbose_name=_("layanan"),
        on_delete=models.PROTECT,
        related_name="receipts",
    )
    service_point = models.ForeignKey(
        "feedback.ServicePoint",
        verbose_name=_("loket"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="receipts",
    )
    officer = models.ForeignKey(
        "feedback.Officer",
        verbose_name=_("petugas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="receipts",
    )
    issued_at = models.DateTimeField(_("diterbitkan"), default=timezone.now)
    expires_at = models.DateTimeField(_("kedaluwarsa"), blank=True)
    used_at = models.DateTimeField(_("dipakai"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("tanda terima")
        verbose_name_plural = _("tanda terima")

    def __str__(self):
        return self.code

    def save(self, *args, **kwargs):
        if self.expires_at is None:
            hours = settings.RECEIPT_VALID_HOURS
            self.expires_at = (self.issued_at or timezone.now()) + datetime.timedelta(hours=hours)
        super().save(*args, **kwargs)

    @property
    def is_used(self) -> bool:
        return self.used_at is not None

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires_at


class Response(models.Model):
    """One citizen's answers to the nine SKM elements for one service.

    The period a response counts in is taken from ``served_on`` (the day the
    citizen was served), not from when it was typed in: paper forms are
    imported weeks later. No network address is kept in clear: ``client_hash``
    is a keyed hash used for abuse control and duplicate detection, cleared
    after the retention period.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(
        "feedback.Service",
        verbose_name=_("layanan"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    service_point = models.ForeignKey(
        "feedback.ServicePoint",
        verbose_name=_("loket"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responses",
    )
    officer = models.ForeignKey(
        "feedback.Officer",
        verbose_name=_("petugas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responses",
    )
    verified = models.BooleanField(_("terverifikasi"), default=False)
    receipt = models.OneToOneField(
        Receipt, null=True, blank=True, on_delete=models.PROTECT, related_name="response"
    )
    kiosk = models.ForeignKey(
        Kiosk, null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    import_batch = models.ForeignKey(
        "feedback.ImportBatch",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responses",
    )
    channel = models.CharField(_("kanal"), max_length=10, choices=Channel.choices)

    u1 = models.PositiveSmallIntegerField("U1")
    u2 = models.PositiveSmallIntegerField("U2")
    u3 = models.PositiveSmallIntegerField("U3")
    u4 = models.PositiveSmallIntegerField("U4")
    u5 = models.PositiveSmallIntegerField("U5")
    u6 = models.PositiveSmallIntegerField("U6")
    u7 = models.PositiveSmallIntegerField("U7")
    u8 = models.PositiveSmallIntegerField("U8")
    u9 = models.PositiveSmallIntegerField("U9")

    age = models.PositiveSmallIntegerField(
        _("usia"),
        null=True,
        blank=True,
        validators=[MinValueValidator(10), MaxValueValidator(110)],
    )
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True)
    education = models.CharField(
        _("pendidikan"), max_length=12, choices=Education.choices, blank=True
    )
    occupation = models.CharField(
        _("pekerjaan"), max_length=12, choices=Occupation.choices, blank=True
    )

    comment = models.TextField(_("komentar"), blank=True, max_length=2000)
    comment_status = models.CharField(
        _("status komentar"),
        max_length=10,
        choices=CommentStatus.choices,
        blank=True,
        default=CommentStatus.NONE,
    )

    # "Apa yang kurang?": {"U1": "..."} for elements answered 1 or 2, masked like
    # the comment; staff read them grouped per element, never published word for word.
    reasons = models.JSONField(_("alasan nilai rendah"), default=dict, blank=True)

    served_on = models.DateField(_("tanggal dilayani"))
    submitted_at = models.DateTimeField(_("dikirim"), default=timezone.now)
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("respons survei")
        verbose_name_plural = _("respons survei")
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{code.lower()}__gte": 1, f"{code.lower()}__lte": 4}),
                name=f"response_{code.lower()}_1_to_4",
            )
            for code in CODES
        ] + [
            models.CheckConstraint(
                condition=Q(verified=False) | Q(receipt__isnull=False),
                name="response_verified_has_receipt",
            ),
        ]
        permissions = [("moderate_comment", _("Dapat memoderasi komentar warga"))]
        indexes = [
            models.Index(fields=["service", "served_on"]),
            models.Index(fields=["officer", "served_on"]),
            models.Index(fields=["comment_status"]),
            # The duplicate check's index holds only rows that have a fingerprint:
            # paper imports and purged rows (most of a Pemda's history) have none.
            # The check says ``fingerprint <> ''`` too, so that PostgreSQL's plan for
            # the prepared submission statement (planned once for any fingerprint)
            # uses this index even where nearly every row is empty; with a plain
            # index it scanned the whole table by id on every submission.
            models.Index(
                fields=["fingerprint"], condition=~Q(fingerprint=""), name="response_fingerprint"
            ),
            # A service page's and the comments API's newest approved comments: walked
            # newest first and stopped at the page's end, however many there are.
            models.Index(
                fields=["service", "-submitted_at"],
                condition=Q(comment_status="approved"),
                name="response_approved_comments",
            ),
        ]

    def __str__(self):
        return f"{self.service.code} {self.served_on:%Y-%m-%d} ({self.get_channel_display()})"

    @property
    def answers(self) -> dict[str, int]:
        return {code: getattr(self, code.lower()) for code in CODES}


class ImportBatch(models.Model):
    """One imported file of paper survey forms (or of report tables); the same file
    is not imported twice.

    It is created in the one transaction that stores the file's rows and adds them
    to the rollups (feedback/imports/responses.py), so for everyone else a batch, its rows
    and their counts appear together at the commit, complete, or not at all: there
    is no half-imported state to hide from public figures."""

    filename = models.CharField(_("nama berkas"), max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    rows = models.PositiveIntegerField(_("jumlah baris"))
    imported_at = models.DateTimeField(_("diimpor"), auto_now_add=True)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("impor formulir kertas")
        verbose_name_plural = _("impor formulir kertas")

    def __str__(self):
        return f"{self.filename} ({self.rows})"


class IdempotencyKey(models.Model):
    """A client-generated key that makes a submission safe to repeat.

    The first request with a key stores its response and this row in one
    transaction; a repeat with the same body gets the same response back and
    stores nothing; the same key with another body is refused. ``scope`` is
    ``kiosk:<id>`` for a kiosk (its device key already identifies it) and
    ``public`` for every other channel: keys are random (UUIDs), so clients do not
    collide, and a client address cannot scope them because it changes between a
    phone's retries and is forgotten after the retention period. Rows are purged
    after FEEDBACK_IDEMPOTENCY_DAYS (``purge_client_hashes``).
    """

    scope = models.CharField(max_length=32)
    key = models.CharField(max_length=64)
    # sha256 of the canonical parsed submission (services.submission_digest)
    body_hash = models.CharField(max_length=64)
    response = models.ForeignKey(
        Response, null=True, on_delete=models.CASCADE, related_name="idempotency_keys"
    )
    # What the first answer said, so a repeat answers exactly the same.
    duplicate = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("kunci idempotensi")
        verbose_name_plural = _("kunci idempotensi")
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="idempotency_key_unique")
        ]

    def __str__(self):
        return f"{self.scope} {self.key}"
