"""DRF authentication by hashed API token: ``Authorization: Token <key>`` or ``Bearer <key>``."""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from ..models import ApiToken

SCHEMES = (b"token", b"bearer")


class ApiTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() not in SCHEMES:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Header Authorization tidak valid."))
        token = ApiToken.find(parts[1].decode("latin-1"))
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("Token tidak dikenal, sudah kedaluwarsa, atau sudah dicabut.")
            )
        # Record use at most once a minute: a busy HR export should not write per request.
        now = timezone.now()
        if not token.last_used_at or (now - token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request):
        return 'Token realm="api"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Describes the token scheme in the OpenAPI document."""

    target_class = "feedback.access.tokens.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "`Authorization: Bearer <token>` (or `Token <token>`), "
            "from `manage.py create_hr_token` or `create_api_token`.",
        }


def token_user_issue(*, username: str, group, days=None, name=""):
    """Put a user (created without a password when new: it acts by token only) in
    ``group`` and issue it an API token. Returns (user, created, token, clear key)."""
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(group)
    token, key = ApiToken.issue(user, days=days, name=name)
    return user, created, token, key
