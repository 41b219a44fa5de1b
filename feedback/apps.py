from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Registri organisasi dan survei")

    def ready(self):
        # Connected once the app registry is ready (the receivers import the models).
        from . import signals  # noqa: F401
