from django.core.management.base import BaseCommand

from feedback.importing import ImportRejected, import_file, validate

from ._import_files import read, rejected


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
        path, raw = read(file)
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
            raise rejected(self, path, exc) from None
        self.stdout.write(self.style.SUCCESS(f"Imported {batch.rows} responses from {path.name}."))
