import time

from django.core.management.base import BaseCommand

from ...imports.responses import PROGRESS_EVERY, ImportRejected, import_file, validate
from ._import_files import add_encoding_argument, existing, rejected


class Command(BaseCommand):
    help = (
        "Import paper or spreadsheet SKM forms from CSV or .xlsx (first sheet). "
        "Columns: service, date (YYYY-MM-DD), "
        "U1..U9 (1-4); optional age, sex (L/P), education, occupation, service_point, "
        "officer_nip, comment. All rows or none: a bad row rejects the whole file. "
        "Read as a stream and stored in bulk (COPY on PostgreSQL) in one transaction; "
        "the rollups are brought up to date at the end, in a few statements."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            help="CSV (comma, semicolon or tab separated; UTF-8 or UTF-16) or .xlsx",
        )
        parser.add_argument("--dry-run", action="store_true", help="Validate only; store nothing.")
        parser.add_argument(
            "--allow-duplicate",
            action="store_true",
            help="Import even if this exact file was imported before.",
        )
        add_encoding_argument(parser)

    def handle(self, *args, file, dry_run, allow_duplicate, encoding, **options):
        path = existing(file)
        started = time.monotonic()
        try:
            if dry_run:
                rows = validate(
                    path,
                    filename=path.name,
                    encoding=encoding,
                    progress=lambda done, seconds: self.stdout.write(
                        f"  {done} rows valid so far ({seconds:.1f} s)"
                    ),
                )
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{rows} rows valid; nothing stored ({time.monotonic() - started:.1f} s)."
                    )
                )
                return
            self.stdout.write(
                f"Importing {path.name}: progress every {PROGRESS_EVERY} rows; nothing is "
                "visible or counted until the import completes."
            )
            batch = import_file(
                path,
                filename=path.name,
                encoding=encoding,
                allow_duplicate=allow_duplicate,
                progress=self.stdout.write,
            )
        except ImportRejected as exc:
            raise rejected(self, path, exc) from None
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {batch.rows} responses from {path.name} in {seconds:.1f} s "
                f"({batch.rows / max(seconds, 1e-6):.0f} rows/s)."
            )
        )
