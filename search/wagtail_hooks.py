"""The search lists editors keep in the admin (menu "Pencarian"): synonyms and
abbreviations, services' other and English names, and the searches that found
nothing. Promoted results are Wagtail's own screen (Settings > Promoted search
results)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import NoResultQuery, ServiceSearchTerms, Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "resubmit"
    menu_label = _("Sinonim dan singkatan")
    list_display = [Column("terms_display", label=_("istilah yang setara")), "note", "updated_at"]
    search_fields = ["terms", "note"]
    search_backend_name = None
    panels = [FieldPanel("terms"), FieldPanel("note")]


class ServiceSearchTermsViewSet(SnippetViewSet):
    model = ServiceSearchTerms
    icon = "tag"
    menu_label = _("Kata kunci layanan")
    list_display = ["service", "name_en", "keywords"]
    search_fields = ["keywords", "name_en", "keywords_en", "service__name", "service__code"]
    search_backend_name = None
    panels = [
        FieldPanel("service"),
        FieldPanel("keywords"),
        FieldPanel("name_en"),
        FieldPanel("keywords_en"),
    ]


class ReadAndDeletePolicy(ModelPermissionPolicy):
    """The log is written by searches only: editors read it and may clear entries."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class NoResultQueryViewSet(SnippetViewSet):
    model = NoResultQuery
    icon = "warning"
    menu_label = _("Pencarian tanpa hasil")
    list_display = ["query", "source", "count", "last_seen", "first_seen"]
    list_filter = ["source"]
    search_fields = ["query"]
    search_backend_name = None
    ordering = ["-count", "-last_seen"]
    list_per_page = 50
    permission_policy = ReadAndDeletePolicy(NoResultQuery)


class SearchGroup(SnippetViewSetGroup):
    menu_label = _("Pencarian")
    menu_icon = "search"
    menu_order = 215
    items = (SynonymViewSet, ServiceSearchTermsViewSet, NoResultQueryViewSet)


register_snippet(SearchGroup)
