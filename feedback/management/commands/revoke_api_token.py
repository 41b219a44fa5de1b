from django.core.management.base import BaseCommand, CommandError

from feedback.models import ApiToken


class Command(BaseCommand):
    help = (
        "Revoke API tokens: by the token itself or its first characters (as printed by "
        "create_hr_token/create_api_token), or every token of a user with --user."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "token", nargs="?", help="The token, or at least its first 10 characters."
        )
        parser.add_argument("--user", help="Revoke every usable token of this username.")

    def handle(self, *args, token, user, **options):
        if bool(token) == bool(user):
            raise CommandError("Give either a token (or its first 10 characters) or --user.")
        tokens = ApiToken.objects.usable()
        if user:
            tokens = tokens.filter(user__username=user)
        else:
            found = ApiToken.find(token)
            if found is not None:
                tokens = tokens.filter(pk=found.pk)
            elif len(token) >= 10:
                tokens = tokens.filter(hint=token[:10])
            else:
                raise CommandError("Give the whole token or at least its first 10 characters.")
        count = 0
        for item in tokens:
            item.revoke()
            count += 1
        if not count:
            raise CommandError("No usable token matched; nothing was revoked.")
        self.stdout.write(self.style.SUCCESS(f"Revoked {count} token(s)."))
