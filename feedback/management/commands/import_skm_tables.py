from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from feedback.importing import ImportRejected
from feedback.importing_tables import import_file, validate


class Command(BaseCommand):
    help = (
        "Import a past SKM report's tables (CSV or XLSX), one row per service and period: "
        "service, period (e.g. 2024-Q2, 2024-S1, 2024), respondents, then for each of "
        "U1..U9 the count of answers 1-4 (columns U1_1..U9_4) or the NRR (columns U1..U9). "
        "All rows or none; a period the service already has respondent data for is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV (comma, semicolon or tab separated) or XLSX file")
        parser.add_argument("--dry-run", action="store_true", help="Validate only; store nothing.")

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"File not found: {path}")
        raw = path.read_bytes()
        try:
            if dry_run:
                rows = validate(raw, filename=path.name)
                self.stdout.write(self.style.SUCCESS(f"{len(rows)} rows valid; nothing stored."))
                return
            batch = import_file(raw, filename=path.name)
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(f"  {error}")
            raise CommandError(
                f"{path.name} rejected: {len(exc.errors)} problem(s) found; nothing was stored. "
                "Fix the rows above and import the file again."
            ) from None
        self.stdout.write(
            self.style.SUCCESS(f"Imported {batch.rows} report periods from {path.name}.")
        )
