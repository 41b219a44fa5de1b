from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.demo import loader


class Command(BaseCommand):
    help = (
        "Load the fictional demo Pemda: units, services with full standards, officers, "
        "service points, pages and demo users. Safe to run again. Refused in production."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                "load_demo_data is refused under these settings (production): the demo "
                "users have published passwords."
            )

        self.stdout.write("Loading demo data ...")
        loader.load(log=lambda line: self.stdout.write(line))
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
