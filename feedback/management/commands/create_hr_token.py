from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from feedback.models import HRScope, Unit

from ...access.permissions import HR_GROUP
from ...access.tokens import token_user_issue


class Command(BaseCommand):
    help = (
        "Create (or reuse) a user in the HR group, Pemda-wide unless --unit scopes it to "
        "one unit and its sub-units, and print a new API token as the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--unit", help="Unit code the user is responsible for.")
        parser.add_argument("--days", type=int, default=None, help="Token validity in days.")

    @transaction.atomic
    def handle(self, *args, username, unit, days, **options):
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        unit_obj = None
        if unit:
            unit_obj = Unit.objects.filter(code=unit.strip().upper()).first()
            if unit_obj is None:
                codes = ", ".join(Unit.objects.order_by("code").values_list("code", flat=True))
                raise CommandError(f"No unit with code {unit!r}. Units: {codes}.")
        user, created, token, key = token_user_issue(
            username=username, group=Group.objects.get(name=HR_GROUP), days=days, name="HR"
        )
        if created:
            self.stdout.write(f"Created user {username} (no password: token access only).")
        HRScope.objects.update_or_create(user=user, defaults={"unit": unit_obj})
        scope = f"unit {unit_obj.code} and its sub-units" if unit_obj else "the whole Pemda"
        self.stdout.write(
            f"HR token for {username} ({scope}), valid until {token.expires_at:%Y-%m-%d}:"
        )
        self.stdout.write(key)
