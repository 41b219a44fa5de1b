from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Konten publik")

    def ready(self):
        # Connected once the app registry is ready (the receivers import the page models).
        from . import signals  # noqa: F401
