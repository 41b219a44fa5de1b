"""Registry screens in the Wagtail admin.

Menu items and views follow model permissions, so officer and assignment screens
appear only for the HR group (see feedback.permissions and the group migration).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Assignment, Officer, Service, ServicePoint, Unit


class RegistryViewSet(SnippetViewSet):
    # Filter listings in the database: registry models are not in the search
    # index, and officer data must never be put there.
    search_backend_name = None


class UnitViewSet(RegistryViewSet):
    model = Unit
    icon = "site"
    menu_label = _("Unit")
    list_display = ["name", "code", "level", "parent", BooleanColumn("is_active")]
    list_filter = ["level", "is_active"]
    search_fields = ["name", "code"]
    panels = ["code", "name", "level", "parent", "is_active"]


class ServiceViewSet(RegistryViewSet):
    model = Service
    icon = "list-ul"
    menu_label = _("Jenis layanan")
    list_display = ["name", "code", "unit", "category", BooleanColumn("is_active")]
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
    list_display = ["name", "nip", "unit", "position", BooleanColumn("is_active")]
    list_filter = ["unit", "is_active"]
    search_fields = ["name", "nip"]
    panels = [
        FieldRowPanel([FieldPanel("nip"), FieldPanel("name")]),
        FieldPanel("position"),
        FieldPanel("unit"),
        FieldPanel("is_active"),
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


class RegistryGroup(SnippetViewSetGroup):
    menu_label = _("Registri")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (UnitViewSet, ServiceViewSet, ServicePointViewSet)


class PersonnelGroup(SnippetViewSetGroup):
    menu_label = _("Kepegawaian (HR)")
    menu_icon = "group"
    menu_order = 210
    items = (OfficerViewSet, AssignmentViewSet)


register_snippet(RegistryGroup)
register_snippet(PersonnelGroup)
