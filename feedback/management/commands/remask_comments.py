from django.core.management.base import BaseCommand

from ...intake.moderation import remask_stored_comments


class Command(BaseCommand):
    help = (
        "Mask stored citizen comments and reasons for low scores again with the current "
        "rules (NIPs, NIKs, phone "
        "numbers, e-mail addresses, officers' names). Run after upgrading the masking "
        "or adding officers whose names citizens may already have written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would change and write nothing.",
        )
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, **options):
        dry_run = options["dry_run"]

        def progress(result):
            verb = "to mask" if dry_run else "masked"
            self.stdout.write(
                f"{result.checked} comments checked, {result.changed} {verb}; "
                f"{result.reasons_checked} responses with reasons checked, "
                f"{result.reasons_changed} {verb}"
            )

        result = remask_stored_comments(
            dry_run=dry_run, batch_size=max(1, options["batch_size"]), progress=progress
        )
        verb = "would be masked again" if dry_run else "masked again"
        self.stdout.write(
            f"{'Dry run: ' if dry_run else ''}{result.changed} of {result.checked} comments "
            f"{verb} ({result.approved_changed} of them approved, on public pages); "
            f"{result.reasons_changed} of {result.reasons_checked} responses' reasons for "
            f"low scores {verb}."
        )
