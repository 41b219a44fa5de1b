from django.core.management.base import BaseCommand

from ...imports.responses import ImportRejected
from ...imports.service_users import PROGRESS_EVERY, import_file, validate
from ._import_files import add_file_arguments, read, rejected


class Command(BaseCommand):
    help = (
        "Import service-user counts (CSV or XLSX, e.g. a queue system's export), one row "
        "per service and period: service, period (e.g. 2026-Q3, 2026-09, 2026), "
        "service_users. All rows or none; a count below the respondents already stored "
        "for that service and period is refused. Stored counts of the same service and "
        "period are replaced."
    )

    def add_arguments(self, parser):
        add_file_arguments(parser)

    def handle(self, *args, file, dry_run, encoding, **options):
        path, raw = read(file)
        self.stdout.write(f"Checking {path.name}: progress every {PROGRESS_EVERY} rows.")

        def progress(rows):
            self.stdout.write(f"  {rows} rows checked")

        try:
            if dry_run:
                counts = validate(raw, filename=path.name, encoding=encoding, progress=progress)
                self.stdout.write(
                    self.style.SUCCESS(f"{len(counts)} rows valid; nothing stored (--dry-run).")
                )
                return
            outcome = import_file(raw, filename=path.name, encoding=encoding, progress=progress)
        except ImportRejected as exc:
            raise rejected(self, path, exc) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {outcome.rows} service-user counts from {path.name}: "
                f"{outcome.created} new, {outcome.replaced} replaced, "
                f"{outcome.unchanged} unchanged."
            )
        )
