from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "Pencarian"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connects the index updates once the app registry is ready (the receivers
        # import the page and registry models).
        from . import signals  # noqa: F401
