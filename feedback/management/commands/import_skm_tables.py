from django.core.management.base import BaseCommand

from ...imports.report_tables import import_file, validate
from ...imports.responses import ImportRejected
from ._import_files import add_file_arguments, read, rejected


class Command(BaseCommand):
    help = (
        "Import a past SKM report's tables (CSV or XLSX), one row per service and period: "
        "service, period (e.g. 2024-Q2, 2024-S1, 2024), respondents, then for each of "
        "U1..U9 the count of answers 1-4 (columns U1_1..U9_4) or the NRR (columns U1..U9). "
        "All rows or none; a period the service already has respondent data for is refused."
    )

    def add_arguments(self, parser):
        add_file_arguments(parser)

    def handle(self, *args, file, dry_run, encoding, **options):
        path, raw = read(file)
        try:
            if dry_run:
                rows = validate(raw, filename=path.name, encoding=encoding)
                self.stdout.write(self.style.SUCCESS(f"{len(rows)} rows valid; nothing stored."))
                return
            batch = import_file(raw, filename=path.name, encoding=encoding)
        except ImportRejected as exc:
            raise rejected(self, path, exc) from None
        self.stdout.write(
            self.style.SUCCESS(f"Imported {batch.rows} report periods from {path.name}.")
        )
