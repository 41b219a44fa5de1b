"""Officer logins: HR issues a one-time activation link; the officer opens it and
chooses a username and password. The link is hashed, expires and works once."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..access.permissions import OFFICER_GROUP
from ..models import ActivationLink, Officer

# Django's own rule for usernames (UnicodeUsernameValidator), checked here so the
# officer gets the message beside the field instead of a failed save.
USERNAME = re.compile(r"[\w.@+-]+")


def link(officer: Officer, user) -> None:
    """Tie a login to an officer and let it into the admin (group Petugas)."""
    if Officer.objects.filter(user=user).exclude(pk=officer.pk).exists():
        raise ValidationError(_("Akun ini sudah terhubung dengan petugas lain."))
    officer.user = user
    officer.save(update_fields=["user"])
    user.groups.add(Group.objects.get(name=OFFICER_GROUP))


def activate(key: str, *, username: str, password: str):
    """Create the officer's login from an activation link; returns the user.

    Raises ValidationError (nothing stored) for a used, expired or unknown link, a
    taken username or a weak password."""
    User = get_user_model()
    with transaction.atomic():
        found = ActivationLink.usable(key)
        if found is None:
            raise ValidationError(
                _(
                    "Tautan aktivasi tidak dikenal, sudah dipakai, atau sudah kedaluwarsa. "
                    "Mintalah tautan baru kepada bagian kepegawaian."
                )
            )
        link_row = ActivationLink.objects.select_for_update().get(pk=found.pk)
        if link_row.used_at is not None:
            raise ValidationError(_("Tautan aktivasi ini sudah dipakai."))
        officer = link_row.officer
        if officer.user_id is not None:
            raise ValidationError(_("Petugas ini sudah memiliki akun; masuklah dengan akun itu."))
        username = (username or "").strip()
        errors = {}
        if not username:
            errors["username"] = _("Isi nama pengguna.")
        elif len(username) > 150 or not USERNAME.fullmatch(username):
            errors["username"] = _(
                "Nama pengguna paling panjang 150 karakter: huruf, angka dan . @ + - _ saja."
            )
        elif User.objects.filter(username__iexact=username).exists():
            errors["username"] = _("Nama pengguna ini sudah dipakai; pilih yang lain.")
        user = User(username=username, first_name=officer.name[:150])
        try:
            validate_password(password or "", user)
        except ValidationError as exc:
            errors["password"] = exc.messages
        if errors:
            raise ValidationError(errors)
        user.set_password(password)
        user.save()
        link(officer, user)
        link_row.used_at = timezone.now()
        link_row.save(update_fields=["used_at"])
        # Any other open link of this officer dies with this one.
        ActivationLink.objects.filter(officer=officer, used_at__isnull=True).update(
            used_at=link_row.used_at
        )
        return user
