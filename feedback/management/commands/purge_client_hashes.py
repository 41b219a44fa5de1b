from django.conf import settings
from django.core.management.base import BaseCommand

from feedback import tasks

from ...intake.storing import purge_client_hashes, purge_idempotency_keys
from ...loop import contacts


class Command(BaseCommand):
    help = (
        "Forget the hashed client addresses kept for abuse control on responses older "
        "than FEEDBACK_CLIENT_HASH_RETENTION_DAYS, and the idempotency keys older than "
        "FEEDBACK_IDEMPOTENCY_DAYS, and citizens' contacts for a reply once their item "
        "has been closed LOOP_CONTACT_KEEP_DAYS. Run daily (deploy/portal-purge.timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the purge to the task worker (manage.py db_worker) instead.",
        )

    def handle(self, *args, **options):
        days = settings.FEEDBACK_CLIENT_HASH_RETENTION_DAYS
        if options["enqueue"]:
            result = tasks.purge_client_hashes.enqueue()
            self.stdout.write(
                f"Purge of client hashes older than {days} days queued ({result.id})."
            )
            return
        count = purge_client_hashes()
        self.stdout.write(f"Cleared client hashes of {count} responses older than {days} days.")
        keys = purge_idempotency_keys()
        days = settings.FEEDBACK_IDEMPOTENCY_DAYS
        self.stdout.write(f"Forgot {keys} idempotency keys older than {days} days.")
        gone = contacts.purge()
        days = settings.LOOP_CONTACT_KEEP_DAYS
        self.stdout.write(f"Deleted {gone} reply contacts of items closed over {days} days ago.")
