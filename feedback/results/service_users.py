"""Service-user counts (models.Population): the one check every channel makes
(the admin form, ``import_service_users``, ``POST /api/v1/service-users/``) and
the one way they are stored.

A count is refused, with every reason named at once and nothing stored, when the
service is unknown, the period is malformed or has not begun, the count is not a
whole number of zero or more, or it is below the respondents already stored for
that service and period (more people rated a service than used it: one of the two
figures is wrong).
"""

import datetime
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Population, Service
from ..rules.coverage import SERVICE_USERS_MAX
from ..rules.periods import Period
from . import selectors

WHOLE = re.compile(r"[0-9]+")
THOUSANDS = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+")


class CountRefused(Exception):
    """``errors``: field name -> list of messages (service, period, service_users)."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(m for ms in errors.values() for m in ms))
        self.errors = errors


@dataclass(frozen=True)
class Count:
    service: Service
    period: Period
    service_users: int


def _service(raw) -> tuple[Service | None, str | None]:
    if isinstance(raw, Service):
        return raw, None
    code = str(raw or "").strip().upper()
    if not code:
        return None, _("Kode layanan wajib diisi.")
    service = Service.objects.select_related("unit").filter(code=code).first()
    if service is None:
        return None, _("Layanan '%(c)s' tidak dikenal.") % {"c": raw}
    return service, None


def _period(raw, today: datetime.date) -> tuple[Period | None, str | None]:
    if not str(raw or "").strip():
        return None, _("Periode wajib diisi (contoh: 2026-Q3).")
    try:
        period = Period.parse(raw)
    except ValueError as exc:
        return None, str(exc)
    if period.start > today:
        return None, _(
            "Periode %(p)s belum dimulai; jumlah pengguna layanan dicatat setelahnya."
        ) % {"p": period.code}
    return period, None


def _number(raw) -> tuple[int | None, str | None]:
    """A whole number as typed: ``2400``, or ``2.400`` with the Indonesian thousands
    mark; a sign, a decimal or anything else is a reason."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        text = str(raw)
    else:
        text = str(raw if raw is not None else "").strip()
    if not text:
        return None, _("Jumlah pengguna layanan wajib diisi.")
    if THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    if WHOLE.fullmatch(text.lstrip("-")) and text.startswith("-"):
        return None, _("Jumlah pengguna layanan tidak boleh negatif.")
    if not WHOLE.fullmatch(text):
        return None, _("Jumlah pengguna layanan '%(v)s' bukan bilangan bulat.") % {"v": raw}
    value = int(text)
    if value > SERVICE_USERS_MAX:
        return None, _("Jumlah pengguna layanan terlalu besar (maksimal %(m)s).") % {
            "m": SERVICE_USERS_MAX
        }
    return value, None


def check_count(*, service, period, service_users, today: datetime.date | None = None) -> Count:
    """The count as stored, or CountRefused naming every problem. ``service`` is a
    Service or its code; ``period`` and ``service_users`` as typed."""
    errors: dict[str, list[str]] = {}
    found, message = _service(service)
    if message:
        errors["service"] = [message]
    parsed, message = _period(period, today or timezone.localdate())
    if message:
        errors["period"] = [message]
    value, message = _number(service_users)
    if message:
        errors["service_users"] = [message]
    if found is not None and parsed is not None and value is not None:
        respondents = selectors.respondents_for(scope=selectors.Scope.of(found), period=parsed)
        if value < respondents:
            errors["service_users"] = [
                _(
                    "Jumlah pengguna layanan (%(n)s) lebih kecil dari responden yang sudah "
                    "tercatat untuk %(s)s pada %(p)s (%(r)s); periksa kembali angkanya."
                )
                % {"n": value, "s": found.code, "p": parsed.code, "r": respondents}
            ]
    if errors:
        raise CountRefused(errors)
    return Count(service=found, period=parsed, service_users=value)


@transaction.atomic
def record(count: Count) -> tuple[Population, bool]:
    """Store a checked count, replacing the one of the same service and period.
    (population, created). Saving refreshes the public figures (feedback.signals)."""
    population, created = Population.objects.select_for_update().get_or_create(
        service=count.service,
        period=count.period.code,
        defaults={"served": count.service_users},
    )
    if not created and population.served != count.service_users:
        population.served = count.service_users
        population.save(update_fields=["served"])
    return population, created
