from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from feedback.importing import ImportRejected, import_file, validate


class Command(BaseCommand):
    help = (
        "Import paper or spreadsheet SKM forms from CSV or .xlsx (first sheet). "
        "Columns: service, date (YYYY-MM-DD), "
        "U1..U9 (1-4); optional age, sex (L/P), education, occupation, service_point, "
        "officer_nip, comment. All rows or none: a bad row rejects the whole file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            help="CSV (comma, semicolon or tab separated; UTF-8, UTF-16 or Windows-1252) or .xlsx",
        )
        parser.add_argument("--dry-run", action="store_true", help="Validate only; store nothing.")
        parser.add_argument(
            "--allow-duplicate",
            action="store_true",
            help="Import even if this exact file was imported before.",
        )

    def handle(self, *args, file, dry_run, allow_duplicate, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"File not found: {path}")
        raw = path.read_bytes()
        try:
            if dry_run:
                rows = validate(raw, filename=path.name)
                self.stdout.write(self.style.SUCCESS(f"{len(rows)} rows valid; nothing stored."))
                return
            batch = import_file(
                raw,
                filename=path.name,
                allow_duplicate=allow_duplicate,
                progress=lambda done, total: self.stdout.write(f"  {done}/{total} rows stored"),
            )
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(f"  {error}")
            raise CommandError(
                f"{path.name} rejected: {len(exc.errors)} problem(s) found; nothing was stored. "
                "Fix the rows above and import the file again."
            ) from None
        self.stdout.write(self.style.SUCCESS(f"Imported {batch.rows} responses from {path.name}."))
