"""The organisation registry: who serves which service, where.

Survey responses and rollups build on these in later modules; pages in the
content app point at them. Codes are stable identifiers used in URLs, QR codes,
imports and the API, so they are validated strictly and never reused.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..rules.nip import InvalidNIP, normalise_nip, parse_nip

code_validator = RegexValidator(
    r"^[A-Z0-9][A-Z0-9-]*$",
    _("Kode hanya boleh berisi huruf besar, angka dan tanda hubung (contoh: KTP-EL)."),
)


def validate_nip(value):
    try:
        parse_nip(value)
    except InvalidNIP as exc:
        raise ValidationError(str(exc), code="invalid_nip") from None


class CodeField(models.CharField):
    """A stable registry code: upper-case, digits and hyphens."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("unique", True)
        kwargs.setdefault("validators", [code_validator])
        kwargs.setdefault("verbose_name", _("kode"))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        # People type codes in lower case; store them the way QR codes print them.
        value = super().to_python(value)
        return value.strip().upper() if isinstance(value, str) else value

    def pre_save(self, model_instance, add):
        value = (getattr(model_instance, self.attname) or "").strip().upper()
        setattr(model_instance, self.attname, value)
        return value


class NIPField(models.CharField):
    """An NIP as typed from a letter ("19850312 201001 2 003"), stored as 18 digits."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_nip(value) if isinstance(value, str) else value

    def formfield(self, **kwargs):
        # Room for the spaces and dots people type; the model keeps 18 digits.
        return super().formfield(**{"max_length": 30, **kwargs})


class Unit(models.Model):
    """An organisation unit: the Pemda, a Perangkat Daerah, or a Unit Layanan under it."""

    class Level(models.TextChoices):
        PEMDA = "pemda", _("Pemerintah Daerah")
        PERANGKAT_DAERAH = "perangkat_daerah", _("Perangkat Daerah")
        UNIT_LAYANAN = "unit_layanan", _("Unit Layanan")

    # Which level may sit under which: a Unit Layanan may also sit under another
    # (a puskesmas pembantu under a puskesmas).
    ALLOWED_PARENT_LEVELS = {
        Level.PEMDA: (),
        Level.PERANGKAT_DAERAH: (Level.PEMDA,),
        Level.UNIT_LAYANAN: (Level.PERANGKAT_DAERAH, Level.UNIT_LAYANAN),
    }

    code = CodeField()
    name = models.CharField(_("nama"), max_length=200)
    level = models.CharField(_("tingkat"), max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("unit")
        verbose_name_plural = _("unit")

    def __str__(self):
        return self.name

    def clean(self):
        allowed = self.ALLOWED_PARENT_LEVELS.get(self.level, ())
        if not allowed and self.parent_id:
            raise ValidationError({"parent": _("Pemerintah Daerah tidak boleh memiliki induk.")})
        if allowed and not self.parent_id:
            raise ValidationError({"parent": _("Pilih unit induk untuk tingkat ini.")})
        if self.parent_id:
            if self.parent.level not in allowed:
                raise ValidationError(
                    {
                        "parent": _("%(level)s tidak dapat berada di bawah %(parent)s.")
                        % {
                            "level": self.get_level_display(),
                            "parent": self.parent.get_level_display(),
                        }
                    }
                )
            if self.pk and self.pk in {u.pk for u in self.parent.ancestors(include_self=True)}:
                raise ValidationError({"parent": _("Unit tidak boleh menjadi induk dirinya.")})

    def ancestors(self, *, include_self=False):
        """Units above this one, nearest first. Stops at a cycle, which clean() rejects."""
        chain, seen, node = [], set(), (self if include_self else self.parent)
        while node is not None and id(node) not in seen:
            seen.add(id(node))
            chain.append(node)
            node = node.parent
        return chain

    def descendant_ids(self, *, include_self=True):
        """Ids of every unit below this one; the tree is small, one query per level."""
        ids, frontier = ([self.pk] if include_self else []), [self.pk]
        while frontier:
            frontier = list(
                Unit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
            )
            ids.extend(frontier)
        return ids


class Service(models.Model):
    """A Jenis Layanan: one service that citizens receive from a unit."""

    class Category(models.TextChoices):
        KEPENDUDUKAN = "kependudukan", _("Administrasi kependudukan")
        PERIZINAN = "perizinan", _("Perizinan dan nonperizinan")
        KESEHATAN = "kesehatan", _("Kesehatan")
        SOSIAL = "sosial", _("Sosial")
        PERHUBUNGAN = "perhubungan", _("Perhubungan")
        PENDAPATAN = "pendapatan", _("Pajak dan retribusi daerah")
        PENDIDIKAN = "pendidikan", _("Pendidikan")
        LAINNYA = "lainnya", _("Lainnya")

    code = CodeField()
    name = models.CharField(_("nama"), max_length=200)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="services"
    )
    category = models.CharField(
        _("kategori"), max_length=20, choices=Category.choices, default=Category.LAINNYA
    )
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("jenis layanan")
        verbose_name_plural = _("jenis layanan")

    def __str__(self):
        return f"{self.name} ({self.code})"


class ServicePoint(models.Model):
    """A loket: a counter or room where officers serve citizens; QR posters point here."""

    code = CodeField()
    name = models.CharField(_("nama"), max_length=200)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="service_points"
    )
    services = models.ManyToManyField(
        Service, verbose_name=_("layanan di loket ini"), related_name="service_points", blank=True
    )
    location = models.CharField(_("lokasi"), max_length=200, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("loket")
        verbose_name_plural = _("loket")

    def __str__(self):
        return f"{self.name} ({self.code})"


class Officer(models.Model):
    """An ASN who serves citizens. Personnel data: HR and supervisors only, never public."""

    nip = NIPField(
        _("NIP"),
        max_length=18,
        unique=True,
        validators=[validate_nip],
        help_text=_("18 angka: tanggal lahir, bulan pengangkatan, jenis kelamin, nomor urut."),
    )
    name = models.CharField(_("nama"), max_length=200)
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="officers"
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    # The officer's own login (Kinerja saya, feedback notes, 360, appeals); set by HR
    # or by the officer through a one-time activation link. One login, one officer.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="officer",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("petugas")
        verbose_name_plural = _("petugas")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.nip = normalise_nip(self.nip)
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        self.nip = normalise_nip(self.nip)
        super().clean_fields(exclude=exclude)


class AssignmentQuerySet(models.QuerySet):
    def active_on(self, day):
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day)


class Assignment(models.Model):
    """An officer serving a service and/or at a loket over a date range (end open = ongoing)."""

    officer = models.ForeignKey(
        Officer, verbose_name=_("petugas"), on_delete=models.CASCADE, related_name="assignments"
    )
    service = models.ForeignKey(
        Service,
        verbose_name=_("layanan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    service_point = models.ForeignKey(
        ServicePoint,
        verbose_name=_("loket"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("selesai"), null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("penugasan")
        verbose_name_plural = _("penugasan")
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=False) | Q(service_point__isnull=False),
                name="assignment_has_service_or_point",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="assignment_ends_after_start",
            ),
        ]

    def __str__(self):
        where = self.service_point or self.service
        return f"{self.officer} - {where} ({self.start_date:%d-%m-%Y})"

    def clean(self):
        errors = {}
        if not self.service_id and not self.service_point_id:
            errors["service"] = _("Pilih layanan, loket, atau keduanya.")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
        if (
            self.service_id
            and self.service_point_id
            and self.service_point.services.exists()
            and not self.service_point.services.filter(pk=self.service_id).exists()
        ):
            errors["service_point"] = _("Loket ini tidak melayani layanan yang dipilih.")
        if errors:
            raise ValidationError(errors)
