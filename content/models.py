"""Pages that communications staff publish: home, units, service standards, plain pages.

Unit and service pages point at registry entries (feedback.Unit, feedback.Service);
they hold the published text, never survey logic or officer data.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from feedback.results import open_data
from feedback.results import selectors as feedback_selectors
from feedback.rules.periods import Period
from feedback.rules.skm import ELEMENTS

from . import maklumat, media_log, reports, results, review_cycle, selectors

LIST_FEATURES = ["ol", "ul", "bold", "italic", "link"]
TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


@register_setting(icon="site")
class PemdaSettings(BaseGenericSetting):
    """Who runs this portal: shown in the header, footer and contact blocks."""

    name = models.CharField(_("nama Pemda"), max_length=200, default="Pemerintah Daerah")
    short_name = models.CharField(_("nama singkat"), max_length=100, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField(_("alamat"), blank=True)
    phone = models.CharField(_("telepon"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    complaints_url = models.URLField(
        _("tautan pengaduan (SP4N-LAPOR!)"), blank=True, default="https://www.lapor.go.id/"
    )
    complaint_channels = models.TextField(
        _("saluran pengaduan lain"),
        blank=True,
        help_text=_("Satu saluran per baris, misalnya: WhatsApp pengaduan 0812-0000-0000."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("logo")], _("Identitas")
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
                FieldPanel("complaints_url"),
                FieldPanel("complaint_channels"),
            ],
            _("Kontak"),
        ),
    ]

    class Meta:
        verbose_name = _("identitas Pemda")

    @property
    def complaint_channel_list(self) -> list[str]:
        return [line.strip() for line in self.complaint_channels.splitlines() if line.strip()]


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseGenericSetting):
    """The main menu and the footer's fixed links, edited in Settings > Navigasi.

    Without menu items the menu falls back to the home page's children marked
    "show in menus", so a fresh site still has a menu.
    """

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman pernyataan aksesibilitas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        InlinePanel("menu_items", label=_("Menu utama")),
        FieldPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("navigasi")


class MenuItem(Orderable):
    """One entry of the main menu: a page of the site or an address (e.g. /nilai/)."""

    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="menu_items")
    label = models.CharField(_("label"), max_length=60)
    label_en = models.CharField(_("label (English)"), max_length=60, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.CharField(
        _("atau alamat"), max_length=300, blank=True, help_text=_("Contoh: /nilai/")
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("label_en")]),
        FieldRowPanel([FieldPanel("link_page"), FieldPanel("link_url")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("item menu")
        verbose_name_plural = _("item menu")

    def clean(self):
        if not self.link_page_id and not self.link_url:
            raise ValidationError(_("Pilih halaman atau isi alamat."))

    @property
    def text(self) -> str:
        """The label in the interface language (editors write Indonesian first)."""
        if self.label_en and (get_language() or "").startswith("en"):
            return self.label_en
        return self.label

    @property
    def url(self) -> str | None:
        if self.link_page_id:
            page = self.link_page
            return page.url if page.live else None
        return self.link_url


def _published_by(model, field: str) -> dict:
    """Published pages of ``model`` keyed by their registry id (service_id / unit_id),
    with only what a card links to."""
    pages = model.objects.live().public().only("id", "path", "url_path", "title", field)
    return {getattr(p, field): p for p in pages}


class HomePage(Page):
    """The front door: every unit and service is one link away from here."""

    intro = RichTextField(_("pengantar"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = [
        "content.UnitIndexPage",
        "content.StandardPage",
        "content.ResultsPage",
        "content.OpenDataPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("beranda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = self.figures()
        context["unit_tree"] = UnitPage.tree()
        context["plain_pages"] = self.menu_pages()
        context["results_page"] = ResultsPage.objects.live().public().first()
        return context

    @staticmethod
    def figures(period=None) -> dict:
        """The Pemda's figures for ``period`` (default: the latest published period)
        over the published pages (selectors.home_figures)."""
        return selectors.home_figures(
            service_pages=ServicePage.published_by_service(),
            unit_count=UnitPage.objects.live().public().count(),
            follow_ups=FollowUpAction.latest(),
            period=period,
        )

    def menu_pages(self):
        """The published information pages right under the home page marked "show in menus"."""
        return StandardPage.objects.child_of(self).live().public().in_menu()


class UnitIndexPage(Page):
    """Lists every published unit page, in the registry's hierarchy."""

    intro = RichTextField(_("pengantar"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.UnitPage"]
    max_count = 1

    class Meta:
        verbose_name = _("daftar unit")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["unit_tree"] = UnitPage.tree()
        return context


class UnitPageForm(WagtailAdminPageForm):
    """The unit page's admin form: the signed Maklumat is uploaded here and checked
    before it is stored, so a refused file never lands in the documents library (a
    file picked through the library's chooser would already be there)."""

    maklumat_file = forms.FileField(
        label=_("unggah maklumat bertanda tangan"),
        required=False,
        help_text=_(
            "PDF atau gambar (JPG, PNG) pindaian maklumat yang sudah ditandatangani; "
            "menggantikan dokumen sebelumnya."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("maklumat_file")
        if upload:
            problem = maklumat.upload_problem(upload)
            if problem:
                self.add_error("maklumat_file", problem)
        return cleaned

    def save(self, commit=True):
        page = super().save(commit=False)
        upload = self.cleaned_data.get("maklumat_file")
        if upload:
            page.maklumat_document = maklumat.store(
                upload, title=f"Maklumat Pelayanan {page.title}", user=self.for_user
            )
        if commit:
            page.save()
        return page


class UnitPage(Page):
    """A Perangkat Daerah or Unit Layanan, with its Maklumat Pelayanan."""

    unit = models.OneToOneField(
        "feedback.Unit",
        verbose_name=_("unit di registri"),
        on_delete=models.PROTECT,
        related_name="page",
    )
    description = RichTextField(_("profil singkat"), blank=True, features=TEXT_FEATURES)
    address = models.TextField(_("alamat"), blank=True)
    phone = models.CharField(_("telepon"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.CharField(_("jam pelayanan"), max_length=200, blank=True)

    maklumat = models.TextField(
        _("maklumat pelayanan"),
        blank=True,
        help_text=_("Janji tertulis kepala unit untuk melayani sesuai standar pelayanan."),
    )
    maklumat_signatory = models.CharField(_("nama penanda tangan"), max_length=200, blank=True)
    maklumat_signatory_position = models.CharField(
        _("jabatan penanda tangan"), max_length=200, blank=True
    )
    maklumat_signed_on = models.DateField(_("tanggal ditandatangani"), null=True, blank=True)
    maklumat_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokumen maklumat bertanda tangan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("PDF atau gambar (JPG, PNG): pindaian maklumat yang sudah ditandatangani."),
    )
    maklumat_published_in = models.TextField(
        _("dipublikasikan di"),
        blank=True,
        help_text=_(
            "Di mana maklumat dipasang atau diterbitkan selain portal ini, satu tempat per "
            "baris, misalnya: Papan informasi ruang tunggu; https://instagram.com/..."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("unit"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("opening_hours"),
            ],
            _("Kontak dan jam pelayanan"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("maklumat"),
                FieldRowPanel(
                    [FieldPanel("maklumat_signatory"), FieldPanel("maklumat_signatory_position")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("maklumat_signed_on"),
                        FieldPanel("maklumat_document", read_only=True),
                    ]
                ),
                FieldPanel("maklumat_file"),
                FieldPanel("maklumat_published_in"),
            ],
            _("Maklumat Pelayanan"),
        ),
        InlinePanel("follow_ups", label=_("Rencana tindak lanjut (RTL)")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.FilterField("unit"),
    ]
    parent_page_types = ["content.UnitIndexPage", "content.UnitPage"]
    subpage_types = ["content.UnitPage", "content.ServicePage"]
    base_form_class = UnitPageForm

    class Meta:
        verbose_name = _("halaman unit")

    def clean(self):
        super().clean()
        errors = {}
        if self.maklumat_document_id:
            problem = maklumat.document_problem(self.maklumat_document)
            if problem:
                errors["maklumat_document"] = problem
        if self.maklumat_signed_on and self.maklumat_signed_on > timezone.localdate():
            errors["maklumat_signed_on"] = _("Tanggal penandatanganan tidak boleh di masa depan.")
        for field in ("maklumat_signatory", "maklumat_signatory_position"):
            if maklumat.holds_nip(getattr(self, field)):
                errors[field] = _(
                    "Jangan menulis NIP di sini: cukup nama dan jabatan penanda tangan."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def maklumat_places(self) -> list[str]:
        return [line.strip() for line in self.maklumat_published_in.splitlines() if line.strip()]

    @classmethod
    def maklumat_flags(cls) -> list[dict]:
        """Published unit pages whose Maklumat is missing or older than the newest
        standard it covers (maklumat.flags), for the editors' dashboard."""
        return maklumat.flags(
            cls.objects.live().order_by("title"),
            ServicePage.objects.live().only(
                "id", "path", "depth", "title", "established_on", "first_published_at"
            ),
        )

    @classmethod
    def tree(cls) -> list[dict]:
        """Every published unit page with its published service pages, nested as the
        registry's hierarchy (selectors.unit_tree)."""
        return selectors.unit_tree(
            cls.objects.live().public().select_related("unit").order_by("path"),
            ServicePage.objects.live().public().select_related("service").order_by("title"),
        )

    @classmethod
    def published_by_unit(cls) -> dict:
        """Published unit pages keyed by their registry unit's id."""
        return _published_by(cls, "unit_id")

    def service_pages(self):
        return ServicePage.objects.child_of(self).live().public().order_by("title")

    def sub_unit_pages(self):
        return UnitPage.objects.child_of(self).live().public().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(results.results_context(self.unit, request))
        period = context["period"]
        context["service_cards"] = selectors.page_cards(self.service_pages(), period=period)
        context["sub_unit_cards"] = selectors.page_cards(self.sub_unit_pages(), period=period)
        context["follow_ups"] = self.follow_ups.all()
        return context


class FollowUpAction(Orderable, ClusterableModel):
    """One line of a unit's Rencana Tindak Lanjut (RTL): what the unit does about a
    survey element after a period's results. Published with the unit page, so it
    goes through the same approval workflow."""

    class Status(models.TextChoices):
        PLANNED = "rencana", _("Direncanakan")
        ONGOING = "berjalan", _("Sedang berjalan")
        DONE = "selesai", _("Selesai")

    page = ParentalKey("content.UnitPage", on_delete=models.CASCADE, related_name="follow_ups")
    period = models.CharField(
        _("periode survei"), max_length=7, help_text=_("Contoh: 2026-Q2, 2026-S1, 2026.")
    )
    element = models.CharField(
        _("unsur"), max_length=2, choices=[(e.code, f"{e.code} {e.name}") for e in ELEMENTS]
    )
    action = models.TextField(_("tindak lanjut"))
    timing = models.CharField(_("waktu pelaksanaan"), max_length=100)
    responsible = models.CharField(
        _("penanggung jawab"), max_length=200, help_text=_("Jabatan, bukan nama atau NIP.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    outcome = models.TextField(_("hasil"), blank=True)
    # The citizens' feedback that led to it, chosen in the inbox "Masukan warga"
    # (content.loop_views); each item lists it back (FeedbackItem.follow_up_actions).
    feedback_items = ParentalManyToManyField(
        "feedback.FeedbackItem",
        blank=True,
        related_name="follow_up_actions",
        verbose_name=_("masukan warga terkait"),
    )

    panels = [
        FieldRowPanel([FieldPanel("period"), FieldPanel("element")]),
        FieldPanel("action"),
        FieldRowPanel([FieldPanel("timing"), FieldPanel("responsible")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("outcome")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("rencana tindak lanjut")
        verbose_name_plural = _("rencana tindak lanjut")

    @classmethod
    def latest(cls, limit: int = 3) -> list:
        """The newest follow-up actions of published unit pages, newest period first."""
        live = UnitPage.objects.live().public().values("pk")
        return list(
            cls.objects.filter(page__in=live)
            .select_related("page")
            .order_by("-period", "-pk")[:limit]
        )

    def heard(self) -> dict:
        """What citizens said that led to this item, as public counts (never the
        words of a reason), and the element's score before and after."""
        counts = {"comments": 0, "reasons": 0}
        if self.pk:
            for has_comment, has_reasons in self.feedback_items.values_list(
                "has_comment", "has_reasons"
            ):
                counts["comments"] += has_comment
                counts["reasons"] += has_reasons
        scores = {"before": None, "after": None}
        try:
            period = Period.parse(self.period)
        except ValueError:
            return {**counts, **scores}
        scope = feedback_selectors.Scope.of(self.page.unit)
        for name, when in (("before", period), ("after", period.following())):
            if when is None:
                continue
            result = feedback_selectors.ikm_for(scope=scope, period=when)
            if not result.suppressed and result.nrr:
                scores[name] = result.nrr.get(self.element)
        return {**counts, **scores}

    def clean(self):
        try:
            self.period = str(Period.parse(self.period))
        except ValueError as exc:
            raise ValidationError({"period": str(exc)}) from None


class ServicePageForm(WagtailAdminPageForm):
    """The service page's admin form: a review offers only this page's revisions."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "reviews" in self.formsets:
            review_cycle.narrow_revision_choices(self.formsets["reviews"], self.instance)


class ServicePage(Page):
    """A published Standar Pelayanan (PermenPANRB 15/2014) for one Jenis Layanan.

    The six delivery components are always shown to citizens; the eight
    management components have their own section on the page.
    """

    service = models.OneToOneField(
        "feedback.Service",
        verbose_name=_("jenis layanan di registri"),
        on_delete=models.PROTECT,
        related_name="page",
    )
    summary = models.CharField(_("ringkasan"), max_length=300, blank=True)

    # Komponen penyampaian pelayanan (service delivery): public.
    persyaratan = RichTextField(_("persyaratan"), features=LIST_FEATURES)
    prosedur = RichTextField(_("sistem, mekanisme, dan prosedur"), features=LIST_FEATURES)
    jangka_waktu = models.CharField(_("jangka waktu penyelesaian"), max_length=300)
    biaya = models.PositiveIntegerField(
        _("biaya/tarif (Rupiah)"), default=0, help_text=_("Isi 0 bila layanan gratis.")
    )
    biaya_keterangan = models.TextField(_("keterangan biaya/tarif"), blank=True)
    produk = models.TextField(_("produk pelayanan"))
    pengaduan = RichTextField(_("penanganan pengaduan, saran, dan masukan"), features=LIST_FEATURES)

    # Komponen pengelolaan pelayanan (internal management).
    dasar_hukum = RichTextField(_("dasar hukum"), features=LIST_FEATURES)
    sarana_prasarana = RichTextField(
        _("sarana dan prasarana, dan/atau fasilitas"), features=LIST_FEATURES
    )
    kompetensi_pelaksana = RichTextField(_("kompetensi pelaksana"), features=LIST_FEATURES)
    pengawasan_internal = RichTextField(_("pengawasan internal"), features=LIST_FEATURES)
    jumlah_pelaksana = models.CharField(_("jumlah pelaksana"), max_length=200)
    jaminan_pelayanan = models.TextField(_("jaminan pelayanan"))
    jaminan_keamanan = models.TextField(_("jaminan keamanan dan keselamatan pelayanan"))
    evaluasi_kinerja = models.TextField(_("evaluasi kinerja pelaksana"))

    decree_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("SK penetapan standar pelayanan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    established_on = models.DateField(
        _("tanggal penetapan standar"),
        null=True,
        blank=True,
        help_text=_(
            "Tanggal SK penetapan standar pelayanan ini. Maklumat unit yang ditandatangani "
            "sebelum tanggal ini ditandai perlu diperbarui."
        ),
    )

    DELIVERY_FIELDS = ("persyaratan", "prosedur", "jangka_waktu", "biaya", "produk", "pengaduan")
    MANAGEMENT_FIELDS = (
        "dasar_hukum",
        "sarana_prasarana",
        "kompetensi_pelaksana",
        "pengawasan_internal",
        "jumlah_pelaksana",
        "jaminan_pelayanan",
        "jaminan_keamanan",
        "evaluasi_kinerja",
    )

    content_panels = Page.content_panels + [
        FieldPanel("service"),
        FieldPanel("summary"),
    ]
    delivery_panels = [
        FieldPanel("persyaratan"),
        FieldPanel("prosedur"),
        FieldPanel("jangka_waktu"),
        FieldRowPanel([FieldPanel("biaya"), FieldPanel("biaya_keterangan")]),
        FieldPanel("produk"),
        FieldPanel("pengaduan"),
    ]
    management_panels = [FieldPanel(name) for name in MANAGEMENT_FIELDS]
    document_panels = [
        FieldRowPanel([FieldPanel("decree_document"), FieldPanel("established_on")]),
        InlinePanel("documents", label=_("Dokumen lain")),
    ]
    review_panels = [InlinePanel("reviews", label=_("Peninjauan standar"))]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Layanan")),
            ObjectList(delivery_panels, heading=_("Penyampaian pelayanan")),
            ObjectList(management_panels, heading=_("Pengelolaan pelayanan")),
            ObjectList(document_panels, heading=_("Dokumen")),
            ObjectList(review_panels, heading=_("Peninjauan")),
            ObjectList(Page.promote_panels, heading=_("Promosi")),
            ObjectList(Page.settings_panels, heading=_("Pengaturan")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("persyaratan"),
        index.SearchField("prosedur"),
        index.SearchField("produk"),
        index.SearchField("biaya_keterangan"),
        index.FilterField("service"),
    ]
    parent_page_types = ["content.UnitPage"]
    subpage_types = []
    base_form_class = ServicePageForm

    class Meta:
        verbose_name = _("standar pelayanan")

    @classmethod
    def overdue_reviews(cls, today=None) -> list[dict]:
        """Published standards not reviewed within STANDARD_REVIEW_MONTHS
        (review_cycle.overdue_standards), for the editors' dashboard."""
        return review_cycle.overdue_standards(cls.objects.live(), today=today)

    def review_history(self, limit: int = 5) -> list:
        """The newest reviews first, as the public page lists them."""
        return list(self.reviews.order_by("-reviewed_on", "-pk")[:limit])

    @property
    def is_free(self):
        return self.biaya == 0

    @classmethod
    def published_by_service(cls) -> dict:
        """Published service pages keyed by their registry service's id."""
        return _published_by(cls, "service_id")

    def unit_page(self):
        """The nearest unit page above this one."""
        return UnitPage.objects.ancestor_of(self).order_by("-depth").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        unit_page = self.unit_page()
        context["unit_page"] = unit_page
        context.update(results.results_context(self.service, request))
        context["comments"] = feedback_selectors.approved_comments(service=self.service)
        context["follow_ups"] = unit_page.follow_ups.all() if unit_page else []
        context["reviews"] = self.review_history()
        return context


class StandardReview(Orderable):
    """One review of a service standard: when, whether and how citizens took part,
    what was decided and whether the page was changed accordingly. Published with
    the service page, so it goes through the same approval workflow."""

    class Participation(models.TextChoices):
        CONSULTATION = "konsultasi", _("Konsultasi publik")
        SURVEY = "survei", _("Survei")
        FORUM = "forum", _("Forum warga")

    page = ParentalKey("content.ServicePage", on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(_("tanggal peninjauan"))
    citizens_took_part = models.BooleanField(_("warga ikut serta"), default=False)
    participation = models.CharField(
        _("cara warga ikut serta"), max_length=10, choices=Participation.choices, blank=True
    )
    participants = models.IntegerField(
        _("jumlah peserta warga"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("Jumlah peserta tidak boleh negatif."))],
    )
    minutes = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("notulen / berita acara"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changes_decided = models.TextField(
        _("perubahan yang diputuskan"),
        blank=True,
        help_text=_("Kosongkan bila standar dinilai masih sesuai."),
    )
    page_changed = models.BooleanField(_("halaman sudah diubah sesuai keputusan"), default=False)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revisi halaman yang memuat perubahan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Bila kosong, revisi pertama yang diterbitkan sejak tanggal peninjauan dipilih "
            "otomatis; pilih revisi lain bila perlu."
        ),
    )

    panels = [
        FieldPanel("reviewed_on"),
        FieldRowPanel(
            [
                FieldPanel("citizens_took_part"),
                FieldPanel("participation"),
                FieldPanel("participants"),
            ]
        ),
        FieldPanel("minutes"),
        FieldPanel("changes_decided"),
        FieldRowPanel([FieldPanel("page_changed"), FieldPanel("revision")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("peninjauan standar")
        verbose_name_plural = _("peninjauan standar")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(participants__gte=0) | models.Q(participants__isnull=True),
                name="content_review_participants_not_negative",
            )
        ]

    def clean(self):
        errors = {}
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            errors["reviewed_on"] = _(
                "Tanggal peninjauan tidak boleh di masa depan; catat peninjauan setelah "
                "dilaksanakan."
            )
        if self.citizens_took_part:
            if not self.participation:
                errors["participation"] = _(
                    "Pilih cara warga ikut serta (konsultasi publik, survei atau forum)."
                )
            if not self.participants:
                errors["participants"] = _("Isi jumlah peserta warga (paling sedikit 1).")
        elif self.participation or self.participants:
            errors["citizens_took_part"] = _(
                'Centang "warga ikut serta", atau kosongkan cara dan jumlah peserta.'
            )
        if self.participants is not None and self.participants < 0:
            errors["participants"] = _("Jumlah peserta tidak boleh negatif.")
        if self.revision_id:
            # Choosing the revision that carries the change says the page was changed.
            self.page_changed = True
            if self.page_id and self.revision.object_id != str(self.page_id):
                errors["revision"] = _("Revisi ini milik halaman lain.")
        elif self.page_changed:
            errors["revision"] = _(
                "Pilih revisi halaman yang memuat perubahan; bila belum ada, terbitkan dulu "
                "perubahan standarnya."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def participation_text(self) -> str:
        """How citizens took part, as the public page says it."""
        if not self.citizens_took_part:
            return str(_("Tanpa keikutsertaan warga"))
        return str(self.get_participation_display())


class ServicePageDocument(Orderable):
    """Supporting documents on a service page (forms, flowcharts, regulations)."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("judul"), max_length=200)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokumen"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("title"), FieldPanel("document")]


class StandardPage(Page):
    """A plain-language page: about the survey, methodology, privacy."""

    intro = models.TextField(_("pengantar"), blank=True)
    body = StreamField(
        [
            ("heading", blocks.CharBlock(form_classname="title", label=_("Subjudul"))),
            ("paragraph", blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Paragraf"))),
        ],
        verbose_name=_("isi"),
        blank=True,
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["content.HomePage", "content.StandardPage"]
    subpage_types = ["content.StandardPage"]

    class Meta:
        verbose_name = _("halaman informasi")


class ResultsPage(Page):
    """Pemda-wide results: every unit and service ranked for a chosen period."""

    intro = RichTextField(_("pengantar"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.SurveyReportPage"]
    max_count = 1

    class Meta:
        verbose_name = _("hasil survei Pemda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(results.results_context(None, request))
        period = context["period"]
        order = selectors.card_order(request.GET.get(selectors.ORDER_PARAM))
        context["order"] = order
        context["order_param"] = selectors.ORDER_PARAM
        context["order_choices"] = selectors.ORDER_CHOICES
        context["unit_ranking"] = selectors.ranking_cards(
            UnitPage.published_by_unit(), period=period, level="unit", order=order
        )
        context["service_ranking"] = selectors.ranking_cards(
            ServicePage.published_by_service(), period=period, level="service", order=order
        )
        context["reports"] = (
            SurveyReportPage.objects.child_of(self).live().public().order_by("-first_published_at")
        )
        return context


class OpenDataPage(RoutablePageMixin, Page):
    """Where the open data is: the IKM tables (CSV for Indonesian spreadsheets, CSV
    with commas, XLSX and JSON), the registry and the API schema, with the period a
    reader picks, under the licence stated on the page and in every file
    (feedback.results.open_data)."""

    intro = RichTextField(_("pengantar"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("data terbuka")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        period, _default, error = results.chosen_period(request)
        context["period"] = period
        context["period_error"] = error
        context["period_param"] = results.PERIOD_PARAM
        context["period_choices"] = results.period_choices(
            feedback_selectors.latest_period_with_data()
        )
        context["levels"] = [("layanan", _("IKM per layanan")), ("unit", _("IKM per unit"))]
        context["columns"] = results.open_data_columns()
        context["license_name"] = open_data.license_name()
        context["license_url"] = open_data.license_url()
        return context

    @path("")
    def index(self, request):
        response = self.render(request)
        response["Link"] = open_data.license_link()
        return response

    @re_path(r"^ikm-(?P<slug>layanan|unit)/(?P<ext>csv|xlsx)/$")
    def download(self, request, slug, ext):
        """``ikm-layanan/csv/`` and friends (Wagtail's page URLs hold no dot; the file
        name comes with Content-Disposition), for ``?periode=`` (default: the latest
        period with data); ``?sep=comma`` for a CSV with commas and decimal points."""
        period, _default, error = results.chosen_period(request)
        if error:
            raise Http404(error)
        sep = request.GET.get("sep")
        if sep not in (None, "semicolon", "comma"):
            raise Http404("sep")
        site = self.get_site()
        return open_data.download(
            slug, period, ext, sep=sep, publisher=site.site_name if site else ""
        )


class SurveyReportPage(RoutablePageMixin, Page):
    """A periodic survey report ("Laporan SKM Semester I 2026") for a unit or the Pemda.

    Its figures are frozen in a ReportSnapshot when it is first published: later
    responses never change a published report silently. The figures are taken
    again only when the editor changes the unit or period, or ticks "refresh
    figures" before publishing (through the approval workflow); earlier
    snapshots are kept.
    """

    unit = models.ForeignKey(
        "feedback.Unit",
        verbose_name=_("unit (kosongkan untuk seluruh Pemda)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    period = models.CharField(_("periode"), max_length=7, help_text=_("Contoh: 2026-S1."))
    method = RichTextField(
        _("pengumpulan data"),
        features=TEXT_FEATURES,
        help_text=_("Cara, waktu dan lokasi survei, jumlah pengguna layanan."),
    )
    analysis = RichTextField(_("analisis"), features=TEXT_FEATURES)
    refresh_figures = models.BooleanField(
        _("hitung ulang angka saat diterbitkan"),
        default=False,
        help_text=_(
            "Angka laporan dibekukan saat pertama terbit. Centang hanya bila angka memang "
            "perlu diperbarui; angka lama tetap tersimpan."
        ),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("unit"), FieldPanel("period")]),
        FieldPanel("method"),
        FieldPanel("analysis"),
        FieldPanel("refresh_figures"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("analysis"),
        index.SearchField("method"),
    ]
    parent_page_types = ["content.ResultsPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("laporan SKM")

    def clean(self):
        super().clean()
        try:
            self.period = str(Period.parse(self.period))
        except ValueError as exc:
            raise ValidationError({"period": str(exc)}) from None

    @property
    def snapshot(self):
        return self.snapshots.order_by("-created_at", "-pk").first()

    def freeze_figures(self) -> bool:
        """Take a snapshot unless the current one still fits; True when one was taken."""
        current = self.snapshot
        if (
            current
            and not self.refresh_figures
            and current.unit_id == self.unit_id
            and current.period == self.period
        ):
            return False
        ReportSnapshot.objects.create(
            page=self,
            unit_id=self.unit_id,
            period=self.period,
            figures=reports.freeze(
                unit=self.unit, period=self.period, unit_pages=UnitPage.objects.live()
            ),
        )
        return True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        snapshot = self.snapshot
        context["snapshot"] = snapshot
        context["figures"] = snapshot.figures if snapshot else None
        return context

    @path("")
    def report(self, request):
        return self.render(request)

    @path("pdf/")
    def pdf(self, request):
        snapshot = self.snapshot
        if snapshot is None:
            raise Http404(_("Laporan belum diterbitkan."))
        # Rendered by the task worker after publication; until it has run (or for a
        # report published before PDFs were stored) render it here.
        stored = reports.stored_pdf(self, snapshot)
        if stored is not None:
            with stored:
                body = stored.read()
        else:
            body = reports.pdf(self, snapshot)
        response = HttpResponse(body, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.slug}.pdf"'
        return response


class ReportSnapshot(models.Model):
    """The figures of a survey report as they were when it was published."""

    page = models.ForeignKey(SurveyReportPage, on_delete=models.CASCADE, related_name="snapshots")
    unit_id = models.BigIntegerField(null=True, blank=True)
    period = models.CharField(max_length=7)
    figures = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("angka laporan yang dibekukan")

    def __str__(self):
        return f"{self.page_id} {self.period} ({self.created_at:%Y-%m-%d})"


class MediaPublication(models.Model):
    """One place outside this portal where a unit published its standard or its SKM
    results (the portal's own pages are listed automatically, never typed here),
    with a link or a photo as proof (content.media_log)."""

    class Kind(models.TextChoices):
        NOTICE_BOARD = "papan", _("Papan informasi")
        SOCIAL_MEDIA = "medsos", _("Media sosial")
        NEWSPAPER = "koran", _("Surat kabar lokal")
        WEBSITE = "situs", _("Situs web")
        OTHER = "lain", _("Lainnya")

    class Subject(models.TextChoices):
        STANDARD = "standar", _("Standar pelayanan")
        SKM = "skm", _("Hasil SKM")

    unit = models.ForeignKey(
        "feedback.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="media_publications",
    )
    subject = models.CharField(_("yang dipublikasikan"), max_length=10, choices=Subject.choices)
    kind = models.CharField(_("jenis media"), max_length=10, choices=Kind.choices)
    title = models.CharField(
        _("nama media"),
        max_length=200,
        help_text=_("Contoh: Papan informasi ruang tunggu; Instagram @disdukcapil."),
    )
    published_on = models.DateField(_("tanggal publikasi"))
    link = models.URLField(
        _("tautan"),
        max_length=500,
        blank=True,
    )
    photo = models.FileField(
        _("foto"),
        upload_to="media-publikasi/%Y/",
        blank=True,
        help_text=_("JPG atau PNG, misalnya foto papan informasi."),
    )
    note = models.TextField(_("catatan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("subject"), FieldPanel("kind")]),
        FieldPanel("title"),
        FieldPanel("published_on"),
        FieldRowPanel([FieldPanel("link"), FieldPanel("photo")]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("publikasi di media")
        verbose_name_plural = _("log media publikasi")
        ordering = ["-published_on", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.published_on:%d-%m-%Y})" if self.published_on else self.title

    def clean(self):
        errors = {}
        if self.published_on and self.published_on > timezone.localdate():
            errors["published_on"] = _(
                "Tanggal publikasi tidak boleh di masa depan; catat setelah dipublikasikan."
            )
        if not self.link and not self.photo:
            errors["link"] = _("Isi tautan publikasinya atau unggah fotonya (salah satu wajib).")
        if self.photo and not getattr(self.photo, "_committed", True):
            problem = media_log.photo_problem(self.photo.file)
            if problem:
                errors["photo"] = problem
        if errors:
            raise ValidationError(errors)


class PekpppAssessment(models.Model):
    """What an evaluator enters by hand for one PEKPPP indicator (content.pekppp)
    of a unit and year: a score and a note, with who entered it and when."""

    unit = models.ForeignKey(
        "feedback.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    indicator = models.CharField(_("indikator"), max_length=4)
    score = models.PositiveSmallIntegerField(
        _("nilai (0-100)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100, _("Nilai paling tinggi 100."))],
    )
    note = models.TextField(_("catatan evaluator"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diisi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("diisi pada"), auto_now=True)

    class Meta:
        verbose_name = _("isian evaluator PEKPPP")
        verbose_name_plural = _("isian evaluator PEKPPP")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "indicator"], name="content_pekppp_one_entry"
            ),
            models.CheckConstraint(
                condition=models.Q(score__lte=100) | models.Q(score__isnull=True),
                name="content_pekppp_score_at_most_100",
            ),
        ]

    def __str__(self):
        return f"{self.unit_id} {self.year} {self.indicator}"
