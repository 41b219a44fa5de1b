from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ...access.permissions import SERVICE_POINT_GROUP
from ...access.tokens import token_user_issue


class Command(BaseCommand):
    help = (
        "Create (or reuse) a user, put it in a group (default: Loket, which may issue "
        "receipts) and print a new API token as the last line. The token is shown once."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--group", default=SERVICE_POINT_GROUP)
        parser.add_argument("--days", type=int, default=None, help="Validity in days.")
        parser.add_argument("--name", default="", help="What the token is for.")

    @transaction.atomic
    def handle(self, *args, username, group, days, name, **options):
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        try:
            group_obj = Group.objects.get(name=group)
        except Group.DoesNotExist:
            names = ", ".join(Group.objects.order_by("name").values_list("name", flat=True))
            raise CommandError(f"No group named {group!r}. Groups: {names}.") from None
        _user, created, token, key = token_user_issue(
            username=username, group=group_obj, days=days, name=name
        )
        if created:
            self.stdout.write(f"Created user {username} (no password: token access only).")
        self.stdout.write(
            f"Token for {username} in group {group}, valid until {token.expires_at:%Y-%m-%d}:"
        )
        self.stdout.write(key)
