from django.core.management.base import BaseCommand

from feedback import tasks

from ...loop.digest import send_digests


class Command(BaseCommand):
    help = (
        "E-mail each unit staff member their units' new and overdue citizen feedback "
        "items (the inbox 'Masukan warga'). Run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the digest to the task worker (manage.py db_worker) instead.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = tasks.send_inbox_digests.enqueue()
            self.stdout.write(f"Inbox digests queued ({result.id}).")
            return
        self.stdout.write(f"Sent {send_digests()} inbox digests.")
