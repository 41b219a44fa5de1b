from django.conf import settings
from django.core.management.base import BaseCommand

from feedback.services import purge_client_hashes, purge_idempotency_keys


class Command(BaseCommand):
    help = (
        "Forget the hashed client addresses kept for abuse control on responses older "
        "than FEEDBACK_CLIENT_HASH_RETENTION_DAYS, and the idempotency keys older than "
        "FEEDBACK_IDEMPOTENCY_DAYS. Run daily (cron or a scheduler)."
    )

    def handle(self, *args, **options):
        count = purge_client_hashes()
        days = settings.FEEDBACK_CLIENT_HASH_RETENTION_DAYS
        self.stdout.write(f"Cleared client hashes of {count} responses older than {days} days.")
        keys = purge_idempotency_keys()
        days = settings.FEEDBACK_IDEMPOTENCY_DAYS
        self.stdout.write(f"Forgot {keys} idempotency keys older than {days} days.")
