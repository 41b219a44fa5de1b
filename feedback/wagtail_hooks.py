"""Registry screens in the Wagtail admin.

Menu items and views follow model permissions, so officer and assignment screens
appear only for the HR group (see feedback.access.permissions and the group migration).
"""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.i18n import reverse_for_citizens

from .access.permissions import is_hr
from .appraisal import admin_views as appraisal_admin
from .appraisal.team import officer_of, supervises_today
from .intake import admin_views as intake_admin
from .loop import admin_views as loop_admin
from .loop import items as loop_items
from .loop.admin_forms import ReplyTemplateForm
from .models import (
    Assignment,
    HRScope,
    Indicator,
    Kiosk,
    Officer,
    Population,
    Receipt,
    ReplyTemplate,
    Service,
    ServicePoint,
    Supervision,
    Training,
    Unit,
    UnitStaff,
)
from .personnel import admin_views as personnel_admin
from .personnel import appeal_views, indicators
from .results import selectors
from .results.admin_forms import PopulationForm


class ActiveColumn(BooleanColumn):
    """The "aktif" flag in Indonesian: heading and the icon's words (Wagtail's own
    column says "Is active" and "True")."""

    cell_template_name = "feedback/admin/active_cell.html"

    def __init__(self, **kwargs):
        super().__init__("is_active", label=kwargs.pop("label", _("Aktif")), **kwargs)


class RegistryViewSet(SnippetViewSet):
    # Filter listings in the database: registry models are not in the search
    # index, and officer data must never be put there.
    search_backend_name = None


class UnitViewSet(RegistryViewSet):
    model = Unit
    icon = "site"
    menu_label = _("Unit")
    list_display = ["name", "code", "level", "parent", ActiveColumn()]
    list_filter = ["level", "is_active"]
    search_fields = ["name", "code"]
    panels = ["code", "name", "level", "parent", "is_active"]


class ServiceViewSet(RegistryViewSet):
    model = Service
    icon = "list-ul"
    menu_label = _("Jenis layanan")
    list_display = ["name", "code", "unit", "category", ActiveColumn()]
    list_filter = ["category", "unit", "is_active"]
    search_fields = ["name", "code"]


class ServicePointViewSet(RegistryViewSet):
    model = ServicePoint
    icon = "pick"
    menu_label = _("Loket")
    list_display = ["name", "code", "unit", "location"]
    list_filter = ["unit", "is_active"]
    search_fields = ["name", "code"]


class OfficerViewSet(RegistryViewSet):
    model = Officer
    icon = "user"
    menu_label = _("Petugas")
    list_display = ["name", "nip", "unit", "position", ActiveColumn()]
    list_filter = ["unit", "is_active"]
    search_fields = ["name", "nip"]
    panels = [
        FieldRowPanel([FieldPanel("nip"), FieldPanel("name")]),
        FieldPanel("position"),
        FieldPanel("unit"),
        FieldPanel("is_active"),
        FieldPanel(
            "user",
            help_text=_(
                "Akun login petugas untuk Kinerja saya. Tanpa akun: kirim tautan aktivasi "
                "dari daftar petugas."
            ),
        ),
    ]


class AssignmentViewSet(RegistryViewSet):
    model = Assignment
    icon = "date"
    menu_label = _("Penugasan")
    list_display = ["officer", "service", "service_point", "start_date", "end_date"]
    list_filter = ["service__unit", "service_point"]
    search_fields = ["officer__name", "officer__nip"]
    panels = [
        FieldPanel("officer"),
        MultiFieldPanel([FieldPanel("service"), FieldPanel("service_point")], _("Tempat tugas")),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]


class KioskViewSet(RegistryViewSet):
    model = Kiosk
    icon = "tablet-alt"
    menu_label = _("Kiosk")
    list_display = [
        "name",
        "service_point",
        "key_hint",
        "last_seen_at",
        "last_used_at",
        ActiveColumn(),
    ]
    list_filter = ["service_point__unit", "is_active"]
    search_fields = ["name"]
    panels = ["name", "service_point", "is_active"]


class ReceiptViewSet(RegistryViewSet):
    model = Receipt
    icon = "tag"
    menu_label = _("Tanda terima")
    list_display = ["code", "service", "service_point", "officer", "issued_at", "used_at"]
    list_filter = ["service__unit", "service_point"]
    search_fields = ["code"]
    panels = ["service", "service_point", "officer"]


class PopulationViewSet(RegistryViewSet):
    model = Population
    icon = "table"
    menu_label = _("Jumlah pengguna layanan")
    list_display = ["service", "period", "served"]
    list_filter = ["service__unit"]
    edit_handler = ObjectList(
        [FieldPanel("service"), FieldPanel("period"), FieldPanel("served")],
        base_form_class=PopulationForm,
    )


class SupervisionViewSet(RegistryViewSet):
    model = Supervision
    icon = "group"
    menu_label = _("Atasan langsung")
    list_display = ["supervisor", "officer", "start_date", "end_date"]
    list_filter = ["supervisor__unit"]
    search_fields = ["officer__name", "officer__nip", "supervisor__name"]
    panels = [
        FieldRowPanel([FieldPanel("supervisor"), FieldPanel("officer")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]


class TrainingViewSet(RegistryViewSet):
    model = Training
    icon = "doc-full"
    menu_label = _("Katalog pelatihan")
    list_display = ["name", "element", ActiveColumn()]
    list_filter = ["element", "is_active"]
    search_fields = ["name"]
    panels = ["name", "element", "description", "is_active"]


class IndicatorViewSet(RegistryViewSet):
    model = Indicator
    icon = "pick"
    menu_label = _("Indikator kinerja")
    list_display = ["name", "period", "measure", "target", "unit", "minimum_respondents"]
    list_filter = ["period", "measure"]
    panels = [
        FieldRowPanel([FieldPanel("period"), FieldPanel("unit")]),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("measure"), FieldPanel("basis")]),
        FieldRowPanel([FieldPanel("target"), FieldPanel("unit_of_measure")]),
        FieldRowPanel(
            [FieldPanel("minimum_respondents"), FieldPanel("meets_from"), FieldPanel("above_from")]
        ),
    ]


class HRScopeViewSet(RegistryViewSet):
    model = HRScope
    icon = "lock"
    menu_label = _("Cakupan akses HR")
    list_display = ["user", "unit"]
    panels = ["user", "unit"]


class ReplyTemplateViewSet(RegistryViewSet):
    model = ReplyTemplate
    icon = "doc-full"
    menu_label = _("Templat tanggapan")
    list_display = ["title", "unit"]
    list_filter = ["unit"]
    edit_handler = ObjectList(
        # A plain list of the user's units, not the chooser of every unit.
        [FieldPanel("unit", widget=forms.Select), FieldPanel("title"), FieldPanel("text")],
        base_form_class=ReplyTemplateForm,
    )

    def get_queryset(self, request):
        # Unit staff see and pick their own units' templates only.
        units = loop_items.unit_ids_for(request.user)
        queryset = ReplyTemplate.objects.select_related("unit")
        return queryset if units is None else queryset.filter(unit_id__in=units)


class UnitStaffViewSet(RegistryViewSet):
    model = UnitStaff
    icon = "group"
    menu_label = _("Petugas unit (masukan warga)")
    list_display = ["user", "unit"]
    list_filter = ["unit"]
    panels = ["user", "unit"]


class LoopGroup(SnippetViewSetGroup):
    menu_label = _("Masukan warga: pengaturan")
    menu_icon = "mail"
    menu_order = 221
    items = (ReplyTemplateViewSet, UnitStaffViewSet)


class RegistryGroup(SnippetViewSetGroup):
    menu_label = _("Registri")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        UnitViewSet,
        ServiceViewSet,
        ServicePointViewSet,
        KioskViewSet,
        ReceiptViewSet,
        PopulationViewSet,
    )


class PersonnelGroup(SnippetViewSetGroup):
    menu_label = _("Kepegawaian (HR)")
    menu_icon = "group"
    menu_order = 210
    items = (
        OfficerViewSet,
        AssignmentViewSet,
        SupervisionViewSet,
        IndicatorViewSet,
        TrainingViewSet,
        HRScopeViewSet,
    )


register_snippet(RegistryGroup)
register_snippet(PersonnelGroup)
register_snippet(LoopGroup)


@hooks.register("register_admin_urls")
def feedback_admin_urls():
    return [
        path(
            "kiosk/<int:pk>/aktifkan/", intake_admin.kiosk_activate, name="feedback_kiosk_activate"
        ),
        path(
            "tanda-terima/<int:pk>/cetak/", intake_admin.receipt_slip, name="feedback_receipt_slip"
        ),
        path("komentar/", intake_admin.comment_moderation, name="feedback_comment_moderation"),
        path("masukan/", loop_admin.inbox, name="feedback_inbox"),
        path("masukan/alasan/", loop_admin.reasons, name="feedback_inbox_reasons"),
        path("masukan/<str:pk>/", loop_admin.item_detail, name="feedback_inbox_item"),
        path("hr/indikator/", personnel_admin.hr_indicators, name="feedback_hr_indicators"),
        path("hr/indikator/unduh.<str:fmt>", personnel_admin.hr_export, name="feedback_hr_export"),
        path("hr/daftar/", personnel_admin.hr_lists, name="feedback_hr_lists"),
        path(
            "hr/daftar/unduh.<str:fmt>",
            personnel_admin.hr_lists_export,
            name="feedback_hr_lists_export",
        ),
        path("hr/sanggahan/", appeal_views.hr_appeals, name="feedback_hr_appeals"),
        path("hr/sanggahan/<int:pk>/", appeal_views.hr_decide, name="feedback_hr_decide"),
        path("sanggahan/", appeal_views.my_appeals, name="feedback_my_appeals"),
        path("hr/petugas/<str:nip>/", personnel_admin.hr_officer, name="feedback_hr_officer"),
        path("hr/log-akses/", personnel_admin.access_log, name="feedback_access_log"),
        path(
            "hr/petugas/<int:pk>/aktivasi/",
            appraisal_admin.hr_activation_link,
            name="feedback_hr_activation_link",
        ),
        path("kinerja-saya/", appraisal_admin.my_performance, name="feedback_my_performance"),
        path(
            "kinerja-saya/catatan/<int:pk>/dibaca/",
            appraisal_admin.acknowledge_note,
            name="feedback_acknowledge_note",
        ),
        path("hr/360/", appraisal_admin.hr_peer_rounds, name="feedback_hr_peer_rounds"),
        path("kinerja-saya/360/", appraisal_admin.my_peer_reviews, name="feedback_my_peer_reviews"),
        path(
            "kinerja-saya/360/<int:pk>/",
            appraisal_admin.my_peer_review,
            name="feedback_my_peer_review",
        ),
        path("tim-saya/", appraisal_admin.my_team, name="feedback_my_team"),
        path("tim-saya/<int:pk>/", appraisal_admin.team_member_page, name="feedback_team_member"),
        path(
            "tim-saya/<int:pk>/catatan/",
            appraisal_admin.team_member_note,
            name="feedback_team_member_note",
        ),
        path(
            "tim-saya/<int:pk>/dialog/",
            appraisal_admin.team_member_dialog,
            name="feedback_team_member_dialog",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def feedback_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Kiosk) and user.has_perm("feedback.change_kiosk"):
        yield ListingButton(
            _("Aktifkan di perangkat ini"),
            reverse("feedback_kiosk_activate", args=[snippet.pk]),
            priority=10,
        )
    if isinstance(snippet, Receipt) and user.has_perm("feedback.view_receipt"):
        yield ListingButton(
            _("Cetak slip"), reverse("feedback_receipt_slip", args=[snippet.pk]), priority=10
        )
    if isinstance(snippet, Officer) and is_hr(user) and snippet.user_id is None:
        yield ListingButton(
            _("Tautan aktivasi akun"),
            reverse("feedback_hr_activation_link", args=[snippet.pk]),
            priority=10,
        )
    if isinstance(snippet, ServicePoint):
        yield ListingButton(
            _("Poster QR"),
            reverse_for_citizens("feedback:poster", args=[snippet.code]),
            priority=10,
        )


class PermissionMenuItem(MenuItem):
    """A menu item shown to users who pass ``allowed(user)``."""

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


def has_perm(codename):
    return lambda user: user.has_perm(codename)


@hooks.register("register_admin_menu_item")
def hr_indicators_menu_item():
    return PermissionMenuItem(
        _("Kinerja petugas (HR)"),
        reverse("feedback_hr_indicators"),
        icon_name="user",
        order=211,
        allowed=is_hr,
    )


@hooks.register("register_admin_menu_item")
def hr_lists_menu_item():
    return PermissionMenuItem(
        _("Penghargaan & pengembangan (HR)"),
        reverse("feedback_hr_lists"),
        icon_name="list-ul",
        order=211,
        allowed=is_hr,
    )


@hooks.register("register_admin_menu_item")
def my_performance_menu_item():
    return PermissionMenuItem(
        _("Kinerja saya"),
        reverse("feedback_my_performance"),
        icon_name="user",
        order=100,
        allowed=lambda user: officer_of(user) is not None,
    )


@hooks.register("register_admin_menu_item")
def hr_appeals_menu_item():
    return PermissionMenuItem(
        _("Sanggahan penilaian (HR)"),
        reverse("feedback_hr_appeals"),
        icon_name="warning",
        order=211,
        allowed=is_hr,
    )


@hooks.register("register_admin_menu_item")
def hr_peer_rounds_menu_item():
    return PermissionMenuItem(
        _("Penilaian 360 (HR)"),
        reverse("feedback_hr_peer_rounds"),
        icon_name="group",
        order=213,
        allowed=is_hr,
    )


@hooks.register("register_admin_menu_item")
def my_appeals_menu_item():
    return PermissionMenuItem(
        _("Sanggahan saya"),
        reverse("feedback_my_appeals"),
        icon_name="warning",
        order=205,
        allowed=lambda user: officer_of(user) is not None,
    )


@hooks.register("register_admin_menu_item")
def my_team_menu_item():
    return PermissionMenuItem(
        _("Tim saya"),
        reverse("feedback_my_team"),
        icon_name="group",
        order=101,
        allowed=lambda user: supervises_today(officer_of(user)),
    )


@hooks.register("register_admin_menu_item")
def access_log_menu_item():
    return PermissionMenuItem(
        _("Log akses data petugas"),
        reverse("feedback_access_log"),
        icon_name="history",
        order=212,
        allowed=has_perm("feedback.view_accesslog"),
    )


@hooks.register("register_admin_menu_item")
def comment_moderation_menu_item():
    return PermissionMenuItem(
        _("Moderasi komentar"),
        reverse("feedback_comment_moderation"),
        icon_name="comment",
        order=220,
        allowed=has_perm("feedback.moderate_comment"),
    )


def handles_feedback(user) -> bool:
    return user.has_perm("feedback.handle_feedbackitem") or user.has_perm("feedback.publish_reply")


@hooks.register("register_admin_menu_item")
def inbox_menu_item():
    return PermissionMenuItem(
        _("Masukan warga"),
        reverse("feedback_inbox"),
        icon_name="mail",
        order=219,
        allowed=handles_feedback,
    )


class InboxDashboardPanel(Component):
    """Open and overdue items of the user's units, linking to the inbox."""

    name = "loop_inbox"
    template_name = "feedback/admin/dashboard_inbox.html"
    order = 140

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        visible = loop_items.visible_items(user)
        return {
            **super().get_context_data(parent_context),
            "open_count": loop_items.open_items(visible).count(),
            "overdue_count": loop_items.overdue(visible).count(),
        }


@hooks.register("construct_homepage_panels")
def inbox_dashboard_panel(request, panels):
    if handles_feedback(request.user):
        panels.append(InboxDashboardPanel())


class HRDashboardPanel(Component):
    """The HR group's dashboard panel: the latest period's officers with too few ratings
    and those below target, linking to the HR screens. Shown to HR users only, and
    logged like every other read of officer data."""

    name = "hr_officer_summary"
    template_name = "feedback/admin/dashboard_hr.html"
    order = 150

    def get_context_data(self, parent_context):

        request = parent_context["request"]
        period = selectors.latest_period_with_data()
        summary = indicators.dashboard_summary(user=request.user, period=period)
        indicators.log_access(
            user=request.user,
            channel="admin-dashboard",
            period=str(period),
            officers=summary["shown"],
            query=request.get_full_path(),
        )
        return {**super().get_context_data(parent_context), **summary}


@hooks.register("construct_homepage_panels")
def hr_dashboard_panel(request, panels):
    if is_hr(request.user):
        panels.append(HRDashboardPanel())
