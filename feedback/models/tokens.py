"""API tokens for systems that act for a user (queue machines, HR systems).

Only a SHA-256 of the token is stored: a leaked database does not leak
working credentials, and rotating SECRET_KEY does not revoke tokens (the token
is a long random secret, so the hash needs no key). Tokens expire and can be
revoked.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .survey import find_by_key, hash_token

TOKEN_PREFIX = "pl_"


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now, user__is_active=True)


class ApiToken(models.Model):
    """A bearer token belonging to one user, with that user's permissions."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("nama"), max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # True while key_hash is still the SECRET_KEY-keyed hash of before (find_by_key).
    key_hash_keyed = models.BooleanField(default=False, editable=False)
    hint = models.CharField(_("awalan"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    expires_at = models.DateTimeField(_("kedaluwarsa"))
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self):
        return f"{self.hint}… ({self.user})"

    @classmethod
    def issue(cls, user, *, days: int | None = None, name: str = "") -> tuple["ApiToken", str]:
        """Create a token; returns it and the clear key, which is shown once and not kept."""
        days = days or settings.API_TOKEN_DAYS
        key = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            name=name,
            key_hash=hash_token(key),
            hint=key[:10],
            expires_at=timezone.now() + datetime.timedelta(days=days),
        )
        return token, key

    @classmethod
    def find(cls, key: str):
        """The usable token for a clear key, or None (unknown, expired or revoked)."""
        return find_by_key(cls.objects.usable().select_related("user"), key)

    def revoke(self):
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
