import time

from django.core.management.base import BaseCommand

from ...results import rollups


class Command(BaseCommand):
    help = (
        "Rebuild every IKM rollup from the raw survey responses. The result equals the "
        "rollups maintained as responses arrive; use it after a bulk load or a repair."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        self.stdout.write("Rebuilding rollups from raw responses ...")
        rows = rollups.rebuild(log=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(f"Done: {rows} rollup rows in {time.monotonic() - started:.1f}s.")
        )
